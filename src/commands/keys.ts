/**
 * `sigmine keys status [--json]`: which key the database belongs to (key ids and fingerprints, never keys)
 * and whether the configured keyring holds it.
 * `sigmine keys rotate [--json]`: re-seal secrets and re-key hashes with the keyring's newest key, in one
 * transaction (src/key-admin/rotate.ts). Exit 1 when the keyring lacks the database's current key.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { printJsonLine, printTable } from './lib/output.ts';
import { DEMO_KEY_FILE, demoKeyRing, secretKeyFrom } from '../secrets/index.ts';
import { currentEpoch, listEpochs } from '../keys/identity.ts';
import { keyByFingerprint, keyFingerprint, shortFingerprint } from '../keys/keyring.ts';
import { rotateKeys } from '../key-admin/rotate.ts';

export function register(program: Command): void {
  const keys = program
    .command('keys')
    .description('the database key: status and rotation (docs/security.md)');

  keys
    .command('status')
    .description('the key this database belongs to, and whether the configured keyring holds it')
    .option('--json', 'one JSON object')
    .action(showKeyStatus);

  keys
    .command('rotate')
    .description("re-seal secrets and re-key the suppression and lookup hashes with the keyring's newest key")
    .option('--json', 'one JSON object')
    .action(rotate);
}

/** `keys status`: the database's key epochs, the configured keyring, and whether it holds the current key. */
async function showKeyStatus(opts: { json?: boolean }): Promise<void> {
  const config = loadConfig();
  await usingDatabase(config.database, async ({ db }) => {
    const epochs = await listEpochs(db);
    const ring = config.secretKey ? secretKeyFrom(config) : null;
    const current = await currentEpoch(db);
    const held = current && ring ? (keyByFingerprint(ring, current.fingerprint)?.id ?? null) : null;
    if (opts.json) {
      printJsonLine({
        epochs: epochs.map((e) => ({
          seq: Number(e.seq),
          keyId: e.key_id,
          fingerprint: shortFingerprint(e.fingerprint),
          origin: e.origin,
          since: e.created_at,
        })),
        configured: ring
          ? ring.keys.map((k) => ({ keyId: k.id, fingerprint: shortFingerprint(keyFingerprint(k.key)) }))
          : [],
        newest: ring?.newest.id ?? null,
        holdsCurrent: held !== null,
      });
      return;
    }
    if (epochs.length === 0) console.log('no key recorded yet (the first command that needs one records it)');
    else
      printTable(
        ['epoch', 'key id', 'fingerprint', 'origin', 'since'],
        epochs.map((e) => [
          String(e.seq),
          e.key_id,
          shortFingerprint(e.fingerprint),
          e.origin,
          e.created_at.slice(0, 19),
        ]),
      );
    console.log(
      !ring
        ? 'no keyring configured (SIGMINE_SECRET_KEY, SIGMINE_SECRET_KEYS or SIGMINE_SECRET_KEY_FILE)'
        : !current
          ? `configured newest key: ${ring.newest.id}`
          : held
            ? `configured keyring holds the current key (${held}); newest: ${ring.newest.id}${held === ring.newest.id ? '' : ' (run sigmine keys rotate)'}`
            : 'configured keyring does NOT hold the current key: commands that need it will be refused',
    );
  });
}

/** `keys rotate`: everything re-sealed and re-keyed with the keyring's newest key, then what was done. */
async function rotate(opts: { json?: boolean }): Promise<void> {
  const config = loadConfig();
  const ring = secretKeyFrom(config, { demo: false });
  await usingDatabase(config.database, async ({ db }) => {
    const current = await currentEpoch(db);
    // A demo database moves to a real key: its demo key opens what it sealed.
    const extra =
      current?.origin === 'demo' && existsSync(DEMO_KEY_FILE) ? [demoKeyRing({ warn: () => {} })] : [];
    const r = await rotateKeys(db, ring, extra);
    if (opts.json) printJsonLine(r);
    else if (r.alreadyCurrent) {
      console.log(
        `already on key ${r.to.keyId} (${shortFingerprint(r.to.fingerprint)}); ${r.secretsResealed} secret(s) re-sealed with it`,
      );
    } else {
      const hashes = Object.values(r.hashesRekeyed).reduce((a, b) => a + b, 0);
      console.log(
        `rotated from key ${r.from.keyId} (${shortFingerprint(r.from.fingerprint)}) to ${r.to.keyId} (${shortFingerprint(r.to.fingerprint)}): ` +
          `${r.secretsResealed} secret(s) re-sealed, ${hashes} hash value(s) re-keyed, ${r.oauthFlowsDropped} pending web sign-in flow(s) dropped. ` +
          `Restart serve and workers with the new keyring; the old key is no longer needed by this database.`,
      );
    }
  });
}
