/**
 * `sigmine connect KIND ...`: registers a source for a contributor (CLI contract, issue 4).
 *
 *   sigmine connect gmail|outlook|google-calendar|google-contacts|outlook-calendar|outlook-contacts
 *       --contributor EMAIL --account EMAIL --refresh-token-file FILE      (FILE "-" = stdin)
 *   sigmine connect gmail|outlook|... --contributor EMAIL [--account EMAIL] --oauth   (loopback + PKCE)
 *       the account stored is the one the provider says was consented to; a different --account is refused
 *   sigmine connect imap --contributor EMAIL --host H --port P [--tls|--no-tls [--insecure-plaintext]] --user U
 *       (--password-file FILE [--xoauth2] | --oauth google|microsoft | --refresh-token-file FILE --provider P)
 *       [--mailbox PATH]... [--ca-file PEM] [--verify]
 *   sigmine connect mailbox --contributor EMAIL --path PATH
 *
 * Secrets are read from a file or stdin, never from arguments, stored encrypted (SIGMINE_SECRET_KEY), and
 * never printed. A source earns the connection bonus (once per contributor, kind and account) after its first
 * harvest that reads a message, not here. `--json` prints `{ id, kind, account, contributor, created, bonus }`
 * (`bonus` is 0: nothing is paid at connect time).
 */
import { AppError, type ErrorCode } from '../errors.ts';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, providerEndpoints, type Config } from '../config.ts';
import { usingDatabase } from '../db/database.ts';
import { resolveKeys } from '../key-admin/resolve.ts';
import { printJsonLine } from './lib/output.ts';
import { readSecretInput, secretKeyFrom } from '../secrets/index.ts';
import { registerConnection, type Registered } from '../connections/register.ts';
import type { NewConnection } from '../connections/repository.ts';
import { createImapConnector } from '../../connectors/imap/index.ts';
import { loopbackAuthorize } from '../../connectors/oauth/loopback.ts';
import { CONSENT_PROVIDERS, connectorConsent, consentProviderOf } from '../../connectors/registry.ts';
import {
  IMAP_OAUTH_PROVIDERS,
  encodeImapOAuthSecret,
  tokenUrlFor,
  type ImapOAuthProvider,
} from '../../connectors/imap/oauth.ts';

const fail = (message: string, code: ErrorCode = 'bad-input') => new AppError(code, message);

/** One @, no spaces, at most 320 characters (RFC 5321), as contributors' addresses are checked. */
const isEmailAddress = (s: string) => s.trim().length <= 320 && /^[^\s@]+@[^\s@]+$/.test(s.trim());

/** No key, or a key that is not the database's, is said before a browser consent, not after it. */
async function keysFirst(config: Readonly<Config>): Promise<void> {
  secretKeyFrom(config);
  await usingDatabase(config.database, ({ db }) => resolveKeys(db, config));
}

async function save(
  config: Readonly<Config>,
  input: NewConnection,
  json: boolean | undefined,
): Promise<void> {
  if (input.secret) secretKeyFrom(config); // no key: say so before opening anything
  const r: Registered = await usingDatabase(config.database, async ({ db }) => {
    // A secret is sealed with the keyring's newest key, and only for the database's own keyring.
    const key = input.secret ? (await resolveKeys(db, config)).ring : null;
    return registerConnection(db, input, key);
  });
  const out = {
    id: r.connection.id,
    kind: r.connection.kind,
    account: r.connection.account,
    contributor: r.connection.contributorEmail,
    created: r.created,
    bonus: r.bonus,
  };
  if (json) printJsonLine(out);
  else {
    console.log(
      `${r.created ? 'connected' : 'reconnected'} ${out.kind} ${out.account} for ${out.contributor} (connection ${out.id})`,
    );
    if (r.created) console.log('the connection bonus is paid after its first harvest that reads a message');
  }
}

/**
 * OAuth CLI flow: the kind's consent (its factory's `oauth` part, connectors/registry.ts) through a loopback
 * redirect with PKCE, then the provider is asked whose account was consented to. Returns the refresh token
 * (never printed) and that account's address.
 */
async function oauthGrant(
  config: Readonly<Config>,
  kind: string,
  loginHint: string | undefined,
  assumed: string,
): Promise<{ refreshToken: string; account: string; provider: string }> {
  const provider = consentProviderOf(kind)!.name;
  const consent = await connectorConsent(kind);
  const endpoints = providerEndpoints(config);
  const missing = consent.missing(endpoints);
  if (missing) throw fail(`${missing} is not set: cannot start the ${provider} consent flow`, 'config');
  const { code, redirectUri, codeVerifier } = await loopbackAuthorize({
    authUrl: (req) =>
      consent.consentUrl(endpoints, {
        redirectUri: req.redirectUri,
        state: req.state,
        codeChallenge: req.pkce.challenge,
        loginHint,
      }),
  });
  const grant = await consent.exchangeCode(endpoints, { code, redirectUri, codeVerifier });
  if (!grant.refreshToken)
    throw fail(`${provider} returned no refresh token (was offline_access granted?)`, 'bad-input');
  const account = await askedOrAssumed(
    () => consent.account(endpoints, grant.accessToken),
    provider,
    assumed,
  );
  return { refreshToken: grant.refreshToken, account, provider };
}

/**
 * The consented account as the provider names it. When the provider cannot say (its profile endpoint
 * unreachable or refusing: a network error, 404, 5xx, a missing scope), the grant itself is good, so the
 * connection is kept under --account, else the contributor's address, with a warning; a revoked grant
 * still fails.
 */
async function askedOrAssumed(
  ask: () => Promise<string>,
  provider: string,
  fallback: string,
): Promise<string> {
  try {
    return await ask();
  } catch (err) {
    if ((err as { code?: string }).code === 'revoked') throw err;
    process.stderr.write(
      `warning: ${provider} did not say which account was connected (${String((err as Error).message).slice(0, 200)}); ` +
        `storing it as ${fallback.trim().toLowerCase()}\n`,
    );
    return fallback.trim().toLowerCase();
  }
}

function registerOAuthKind(connect: Command, kind: string, provider: string): void {
  connect
    .command(kind)
    .description(
      `connect a ${provider} source with a refresh token from a file/stdin, or --oauth in a browser`,
    )
    .requiredOption('--contributor <email>', 'the community member who connects it')
    .option(
      '--account <email>',
      'the mailbox/account address (with --oauth: optional, must be the account consented to)',
    )
    .option('--refresh-token-file <file>', 'file holding the refresh token ("-" = stdin)')
    .option(
      '--oauth',
      'run the consent flow: prints a URL, waits for the browser on a 127.0.0.1 redirect (PKCE)',
    )
    .option('--json', 'machine-readable output')
    .action(
      async (o: {
        contributor: string;
        account?: string;
        refreshTokenFile?: string;
        oauth?: boolean;
        json?: boolean;
      }) => {
        const config = loadConfig();
        if (Boolean(o.oauth) === Boolean(o.refreshTokenFile))
          throw fail('give exactly one of --refresh-token-file FILE or --oauth');
        if (!o.oauth && !o.account) throw fail('--account EMAIL is required with --refresh-token-file');
        // The account names the source (and its connection bonus): a typo would be stored as is.
        if (o.account !== undefined && !isEmailAddress(o.account))
          throw fail(`--account is not an email address: ${o.account}`);
        await keysFirst(config); // fail before asking for consent, not after
        if (!o.oauth) {
          const secret = await readSecretInput(o.refreshTokenFile!);
          await save(config, { contributorEmail: o.contributor, kind, account: o.account!, secret }, o.json);
          return;
        }
        const grant = await oauthGrant(config, kind, o.account, o.account ?? o.contributor);
        const wanted = o.account?.trim().toLowerCase();
        if (wanted !== undefined && wanted !== grant.account)
          throw fail(
            `consent was given at ${grant.provider} for ${grant.account}, not for --account ${wanted}: ` +
              `nothing was stored. Run it again and choose ${wanted} on the consent page, or leave out --account.`,
          );
        await save(
          config,
          { contributorEmail: o.contributor, kind, account: grant.account, secret: grant.refreshToken },
          o.json,
        );
      },
    );
}

export function register(program: Command): void {
  const connect = program
    .command('connect')
    .description('register a mail, calendar or contacts source for a contributor');
  for (const p of CONSENT_PROVIDERS) for (const k of p.kinds) registerOAuthKind(connect, k, p.product);

  connect
    .command('imap')
    .description('connect an IMAP mailbox (read-only: EXAMINE and BODY.PEEK only)')
    .requiredOption('--contributor <email>', 'the community member who connects it')
    .requiredOption('--host <host>', 'IMAP server')
    .requiredOption('--port <port>', 'IMAP port (993 implicit TLS, 143 plain/STARTTLS)')
    .option('--tls', 'implicit TLS (default for port 993)')
    .option('--no-tls', 'no implicit TLS: STARTTLS is then required before the login')
    .option(
      '--insecure-plaintext',
      'without implicit TLS, log in even when the server offers no STARTTLS: the password crosses the network in clear text',
    )
    .requiredOption('--user <user>', 'login name')
    .option(
      '--password-file <file>',
      'file holding the password, or an access token with --xoauth2 ("-" = stdin)',
    )
    .option(
      '--xoauth2',
      'the password file holds an OAuth access token (expires in about an hour: prefer --oauth)',
    )
    .option(
      '--oauth <provider>',
      'google|microsoft: consent in a browser (127.0.0.1 redirect, PKCE) for the IMAP scope; stores a refresh token',
    )
    .option('--refresh-token-file <file>', 'file holding an IMAP-scoped OAuth refresh token ("-" = stdin)')
    .option('--provider <provider>', 'google|microsoft: who issued the --refresh-token-file token')
    .option('--mailbox <path...>', 'extra folders to read besides INBOX and Sent')
    .option('--ca-file <file>', "PEM file of a private CA that signed the server's certificate")
    .option('--verify', 'log in once before saving, to catch a wrong host or password now')
    .option('--json', 'machine-readable output')
    .action(imapAction);

  connect
    .command('mailbox')
    .description('connect local mailbox files: an mbox (e.g. Google Takeout), a Maildir, or a folder of .eml')
    .requiredOption('--contributor <email>', 'the community member who connects it')
    .requiredOption('--path <path>', 'mbox file, Maildir or folder')
    .option('--json', 'machine-readable output')
    .action(mailboxAction);
}

interface ImapOptions {
  contributor: string;
  host: string;
  port: string;
  tls?: boolean;
  user: string;
  passwordFile?: string;
  xoauth2?: boolean;
  oauth?: string;
  refreshTokenFile?: string;
  provider?: string;
  mailbox?: string[];
  caFile?: string;
  insecurePlaintext?: boolean;
  verify?: boolean;
  json?: boolean;
}

/** `connect imap`: checks the flags, obtains the secret, optionally logs in once, then stores the source. */
async function imapAction(o: ImapOptions): Promise<void> {
  const config = loadConfig();
  const { port, provider } = checkImapFlags(o);
  await keysFirst(config); // fail before asking for consent, not after
  let secret = await imapSecret(config, o, provider);
  const settings = imapSettings(o, port, provider);
  if (settings.insecurePlaintext) warnPlaintext(o.host, port, settings.auth);
  if (o.verify) secret = await verifyImap(config, o.user, settings, secret);
  await save(
    config,
    { contributorEmail: o.contributor, kind: 'imap', account: o.user, config: settings, secret },
    o.json,
  );
}

/** The port as a number and the OAuth provider (if any); throws bad-input on a contradictory set of flags. */
function checkImapFlags(o: ImapOptions): { port: number; provider: string | undefined } {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw fail('--port must be a number 1-65535');
  const ways = [o.passwordFile, o.oauth, o.refreshTokenFile].filter((x) => x !== undefined);
  if (ways.length !== 1)
    throw fail('give exactly one of --password-file FILE, --oauth PROVIDER or --refresh-token-file FILE');
  if ((o.provider !== undefined) !== (o.refreshTokenFile !== undefined))
    throw fail('--provider goes with --refresh-token-file (and only with it)');
  if (o.insecurePlaintext && (o.tls ?? port === 993))
    throw fail('--insecure-plaintext goes with --no-tls (implicit TLS never sends anything in clear text)');
  const provider = o.oauth ?? o.provider;
  if (provider !== undefined && !IMAP_OAUTH_PROVIDERS.includes(provider as ImapOAuthProvider))
    throw fail(`OAuth provider must be ${IMAP_OAUTH_PROVIDERS.join(' or ')}`);
  // Said now, not at the next harvest: saving would replace a working connection's settings with it.
  if (o.caFile !== undefined && !existsSync(resolve(o.caFile)))
    throw fail(`no such CA file: ${resolve(o.caFile)}`, 'not-found');
  return { port, provider };
}

/** The secret to store: a password (or access token) from a file, a browser consent, or a refresh token file. */
async function imapSecret(
  config: Readonly<Config>,
  o: ImapOptions,
  provider: string | undefined,
): Promise<string> {
  if (o.passwordFile !== undefined) return readSecretInput(o.passwordFile);
  if (o.oauth !== undefined) {
    const { connectImapOAuthCli } = await import('../../connectors/imap/oauth.ts');
    const grant = await connectImapOAuthCli(config, o.oauth as ImapOAuthProvider, { loginHint: o.user });
    return encodeImapOAuthSecret(grant);
  }
  const p = provider as ImapOAuthProvider;
  const refreshToken = await readSecretInput(o.refreshTokenFile!);
  return encodeImapOAuthSecret({ provider: p, tokenUrl: tokenUrlFor(config, p), refreshToken });
}

/** The connection settings stored with the source (no secret in them). */
function imapSettings(o: ImapOptions, port: number, provider: string | undefined): Record<string, unknown> {
  return {
    host: o.host,
    port,
    tls: o.tls ?? port === 993,
    user: o.user,
    auth: o.xoauth2 || provider !== undefined ? 'xoauth2' : 'password',
    ...(provider ? { oauthProvider: provider } : {}),
    ...(o.mailbox?.length ? { mailboxes: o.mailbox } : {}),
    ...(o.caFile ? { tlsCaFile: resolve(o.caFile) } : {}),
    ...(o.insecurePlaintext ? { insecurePlaintext: true } : {}),
  };
}

/** --insecure-plaintext is allowed, but never silently: the credential may cross the network in clear. */
function warnPlaintext(host: string, port: number, auth: unknown): void {
  process.stderr.write(
    `sigmine: WARNING: --insecure-plaintext: ${host}:${port} may receive the ${auth === 'xoauth2' ? 'access token' : 'password'} ` +
      'in clear text (no TLS, STARTTLS not required); anyone on the network path can read it. Use --tls on port 993 if the server offers it.\n',
  );
}

/** `connect mailbox`: local mailbox files, stored by their absolute path. */
async function mailboxAction(o: { contributor: string; path: string; json?: boolean }): Promise<void> {
  const config = loadConfig();
  const path = resolve(o.path);
  if (!existsSync(path)) throw fail(`no such file or folder: ${path}`, 'not-found');
  await save(
    config,
    { contributorEmail: o.contributor, kind: 'mailbox', account: path, config: { path } },
    o.json,
  );
}

/**
 * One login + LIST through the connector itself, reading no message. Returns the secret to store: an
 * OAuth refresh that rotated the refresh token (Microsoft) has spent the one it was given.
 */
async function verifyImap(
  config: Readonly<Config>,
  user: string,
  settings: Record<string, unknown>,
  secret: string,
): Promise<string> {
  let latest = secret;
  const c = createImapConnector(
    { id: 'verify', kind: 'imap', account: user, config: { ...settings, mailboxes: [] }, secret },
    { endpoints: providerEndpoints(config), onSecretRotated: async (s) => void (latest = s) },
  );
  try {
    // The first page needs a login and a LIST; stop before any message is fetched.
    const it = c
      .pages({ kind: 'imap', v: 1, mailboxes: {} }, { signal: AbortSignal.abort(new Error('verified')) })
      [Symbol.asyncIterator]();
    await it.next().catch((err: Error) => {
      if (err.message !== 'verified') throw err;
    });
  } finally {
    await c.close();
  }
  return latest;
}
