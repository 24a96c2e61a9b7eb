import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'fixtures', 'mail');

/** Runs the CLI in-process (bin/sigmine.js -> main) and captures what it writes. */
async function sigmine(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (
    out.push(String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    err.push(String(chunk)),
    true
  )) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
  }
}

describe('sigmine extract', () => {
  it('prints one contract-shaped JSON line per message, keys in the documented order', async () => {
    const { code, out } = await sigmine(
      'extract',
      '--json',
      join(fixtures, 'outlook-reply-en.eml'),
      join(fixtures, 'mbox', 'sample.mbox'),
    );
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    const [first] = lines;
    expect(Object.keys(first)).toEqual(['file', 'messageId', 'from', 'discarded', 'signature', 'contact']);
    expect(first.file).toBe(join(fixtures, 'outlook-reply-en.eml'));
    expect(first.messageId).toBe('<DB9PR01MB1234ABCD@DB9PR01MB1234.eurprd01.prod.outlook.com>');
    expect(first.from).toEqual({
      name: 'Harper, Olivia',
      email: 'olivia.harper@northwind-logistics.example',
    });
    expect(first.discarded).toBeNull();
    expect(first.signature.lines).toContain('T: +44 20 7946 0321');
    expect(first.signature.lines).not.toContain('Procurement Lead');
    expect(Object.keys(first.contact)).toEqual([
      'name',
      'title',
      'department',
      'company',
      'phones',
      'emails',
      'websites',
      'social',
      'address',
    ]);
    expect(lines.map((l) => l.file.slice(fixtures.length + 1))).toEqual([
      'outlook-reply-en.eml',
      'mbox/sample.mbox#1',
      'mbox/sample.mbox#2',
      'mbox/sample.mbox#3',
    ]);
    expect(lines[3].discarded).toBe('free-email');
    expect(lines[3].signature).toBeNull();
    expect(lines[3].contact).toBeNull();
  });

  it('reads a Maildir and prints a readable table without --json', async () => {
    const { code, out } = await sigmine('extract', join(fixtures, 'maildir'));
    expect(code).toBe(0);
    expect(out).toMatch(/^file\s+from\s+result/);
    expect(out).toContain('ingrid.solberg@fjordfish.example');
    expect(out).toContain('2 messages, 2 with a signature, 0 unreadable');
  });

  it('exits 2 and says why when some messages are unreadable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-extract-'));
    writeFileSync(join(dir, 'garbage.eml'), Buffer.from([0, 1, 2, 3, 255, 254, 10, 10, 0]));
    const { code, out } = await sigmine('extract', '--json', dir, join(fixtures, 'apple-mail-reply.eml'));
    expect(code).toBe(2);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].discarded).toBe('unreadable');
    expect(lines[0].reason).toMatch(/header block/);
    expect(Object.keys(lines[0]).at(-1)).toBe('reason');
    expect(lines[1].discarded).toBeNull();
  });

  it('exits 1 when no path exists; with --json the error is a JSON line', async () => {
    const text = await sigmine('extract', join(fixtures, 'no-such-file.eml'));
    expect(text.code).toBe(1);
    expect(text.err).toContain('no such file or folder');
    expect(text.out).toBe('');
    const { code, err, out } = await sigmine('extract', '--json', join(fixtures, 'no-such-file.eml'));
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(JSON.parse(out)).toEqual({
      error: { code: 'not-found', message: expect.stringContaining('no such file or folder') },
    });
  });

  it('reports a missing path among good ones, still extracts the rest, and exits 2', async () => {
    const good = join(fixtures, 'outlook-reply-en.eml');
    const missing = join(fixtures, 'no-such-file.eml');
    const { code, err, out } = await sigmine('extract', '--json', missing, good);
    expect(code).toBe(2);
    expect(err).toContain(`no such file or folder: ${missing}`);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      file: missing,
      discarded: 'unreadable',
      reason: 'not-found: no such file or folder',
    });
    expect(lines[1]).toMatchObject({ discarded: null });
    const table = await sigmine('extract', good, missing);
    expect(table.code).toBe(2);
    expect(table.out).toContain('1 path(s) not found');
  });
});

describe('over-budget mail', () => {
  it('is unreadable with the budget that was hit, not "no signature": a text part behind 16 MiB, a symlinked Maildir folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigmine-budget-'));
    const attachment = Buffer.alloc(13 * 1024 * 1024)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    writeFileSync(
      join(dir, 'big.eml'),
      'From: Jo Doe <jo@acme.example>\r\nMessage-ID: <big@x>\r\nContent-Type: multipart/mixed; boundary=BB\r\n\r\n' +
        `--BB\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n` +
        '--BB\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n\r\nJo Doe\r\nHead of Sales\r\nAcme Ltd\r\n--BB--\r\n',
    );
    const r = await sigmine('extract', '--json', join(dir, 'big.eml'));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({
      from: { email: 'jo@acme.example' },
      discarded: 'unreadable',
      signature: null,
      reason: expect.stringMatching(
        /^no text part within the first 16 MiB walked \(MAX_PARSE_BYTES budget\)/,
      ),
    });

    const box = join(dir, 'Maildir');
    mkdirSync(join(box, 'new'), { recursive: true });
    symlinkSync(fixtures, join(box, 'cur'));
    const m = await sigmine('extract', '--json', box);
    expect(m.code).toBe(2);
    expect(JSON.parse(m.out)).toMatchObject({
      discarded: 'unreadable',
      reason: expect.stringMatching(/^refused: cur\/ of this Maildir is a symbolic link/),
    });
  });
});
