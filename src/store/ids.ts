/**
 * Time-ordered ids (UUID version 7, RFC 9562 §5.7) for rows the ingest path writes in bulk. Random (v4)
 * keys scatter every insert of a page over the whole primary-key and `profile_id` indexes, so a page of
 * 200 new contacts dirtied hundreds of B-tree pages that each commit had to write; ordered ids append to
 * the right edge of those indexes. The timestamp part is the creation time, which the rows store anyway.
 */
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;
/** Random bytes fetched 4 KiB at a time: one `randomBytes` call per id was 4% of a page's CPU. */
let pool = Buffer.alloc(0);
let at = 0;

function random16(): Buffer {
  if (at + 16 > pool.length) {
    pool = randomBytes(4096);
    at = 0;
  }
  const b = Buffer.from(pool.subarray(at, at + 16));
  at += 16;
  return b;
}

/** A UUIDv7: 48-bit Unix ms, then a 12-bit sequence (monotonic within a millisecond), then 62 random bits. */
export function orderedId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    seq += 1;
    if (seq > 0xfff) {
      // 4,096 ids in one millisecond: borrow the next millisecond (stays ordered and unique).
      ms = lastMs += 1;
      seq = 0;
    }
  } else {
    lastMs = ms;
    seq = 0;
  }
  const b = random16();
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
