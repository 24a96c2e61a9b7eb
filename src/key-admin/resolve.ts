/**
 * The key check at the edge (issue 9): every command that reads or writes sealed or hashed data calls
 * `resolveKeys` once, before it changes anything. It returns the configuration with the keyring to pass
 * down, or throws a `SecretError` that names the problem (exit 1):
 *   - no key configured (`missing-key`), unless demo mode or a demo database (then the demo key, loudly);
 *   - a keyring without the database's key (`wrong-key`), naming both fingerprints.
 * A database used for the first time records the newest key of the ring (and says so).
 */
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { demoKeyRing, secretKeyFrom, type KeyOptions } from '../secrets/index.ts';
import { epochOrRecord, matchEpoch, wrongKey } from '../keys/identity.ts';
import { keyFingerprint, shortFingerprint, type KeyRing } from '../keys/keyring.ts';

export interface ResolvedKeys {
  /** `config` with `secretKey` set to the ring to use (the demo key's when in demo mode). */
  config: Readonly<Config>;
  ring: KeyRing;
}

export async function resolveKeys(
  db: Kysely<any>,
  config: Readonly<Config>,
  opts: KeyOptions & { note?: (message: string) => void } = {},
): Promise<ResolvedKeys> {
  const note = opts.note ?? ((m: string) => process.stderr.write(`${m}\n`));
  let ring: KeyRing;
  if (config.secretKey) ring = secretKeyFrom(config);
  else {
    const demo = opts.demo ?? config.demo ?? false;
    const epoch = await epochOrRecord(db, () => null);
    if (!demo && epoch?.origin !== 'demo') {
      if (epoch) throw wrongKey(epoch, null);
      secretKeyFrom(config, { demo: false }); // throws missing-key with instructions
    }
    ring = demoKeyRing(opts);
  }
  let recorded = false;
  const epoch = await epochOrRecord(db, () => {
    recorded = true;
    return {
      id: ring.newest.id,
      fingerprint: keyFingerprint(ring.newest.key),
      origin: ring.origin === 'demo' ? 'demo' : 'keyring',
    };
  });
  const current = matchEpoch(epoch!, ring);
  if (recorded) {
    note(
      `sigmine: this database now belongs to key "${current.id}" (fingerprint ${shortFingerprint(epoch!.fingerprint)}` +
        `${ring.origin === 'demo' ? ', the demo key' : ''}); commands with another key will be refused.`,
    );
  } else if (current !== ring.newest) {
    note(
      `sigmine: the newest key "${ring.newest.id}" seals new secrets, but this database's hashes still use "${current.id}": ` +
        'run `sigmine keys rotate` to move everything to the newest key.',
    );
  }
  const text = ring.keys.map((k) => `${k.id}:${k.key.toString('hex')}`).join(',');
  return { config: Object.freeze({ ...config, secretKey: text }), ring };
}
