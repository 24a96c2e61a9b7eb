/**
 * Configuration, read and validated once at the edge, then frozen and passed down.
 * Environment variable names are a contract (operations scripts, sovereign clouds, tests): extend only.
 */
import { AppError } from './errors.ts';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSmtpUrl, type MailConfig } from './mail-config.ts';
import { loadPolicy, type JurisdictionPolicy } from './jurisdiction/policy.ts';
import type { GoogleEndpoints, MicrosoftEndpoints, ProviderEndpoints } from '../connectors/endpoints.ts';

export interface Config {
  /** `postgres://...` URL, `sqlite:PATH`, or a plain file path. Default `./data/sigmine.db`. */
  database: string;
  /**
   * The keyring as text (src/keys/keyring.ts `parseKeyRing`): SIGMINE_SECRET_KEYS (`id:key,id:key`, oldest
   * first), else the contents of SIGMINE_SECRET_KEY_FILE, else SIGMINE_SECRET_KEY (one 32-byte key, hex or
   * base64, id `default`); null when none is set.
   */
  secretKey: string | null;
  google: GoogleEndpoints;
  microsoft: MicrosoftEndpoints;
  /** Base URL people use to reach the privacy center (links in notices). */
  publicUrl: string;
  /** Whether SIGMINE_PUBLIC_URL was set; when not, `sigmine serve` fits the default to the port it serves. */
  publicUrlSet: boolean;
  /**
   * Outgoing mail (src/mail-config.ts): SIGMINE_SMTP_URL (+ SIGMINE_SMTP_PASSWORD_FILE) picks the SMTP
   * relay, else mail is written as files; SIGMINE_MAIL_FROM (or the older SIGMINE_NOTICE_FROM) is the From.
   */
  mail: MailConfig;
  /**
   * Who answers for the directory, named in every pre-add notice (GDPR Art. 14(1)(a)-(b)):
   * SIGMINE_CONTROLLER (the controller's name and contact details, one line) and SIGMINE_DPO (the
   * data-protection officer's contact, or `none` when no officer is appointed). Null when unset; real mail
   * (SMTP) is refused until both are set (src/notices/controller.ts).
   */
  controller: { identity: string | null; dpo: string | null };
  /** SIGMINE_DEMO=1: no key needed, secrets sealed with a generated demo key (src/secrets `demoKeyRing`). */
  demo: boolean;
  /** SIGMINE_NOTICE_OUTBOX: where the file transport writes mails. Default `./data/outbox`. */
  noticeOutbox: string;
  /**
   * The jurisdiction table (src/jurisdiction/policy.ts): SIGMINE_NOTICE_HOLD (held codes, comma-separated)
   * and SIGMINE_OBJECTION_WINDOW_DAYS (default 7) over the built-in defaults.
   */
  policy: Readonly<JurisdictionPolicy>;
  /**
   * The web server's own knobs (`sigmine serve`):
   * - SIGMINE_METRICS_TOKEN: the bearer token `/metrics` asks for (at least 16 characters). Unset: `/metrics` is
   *   not served at all (404). Serving it to loopback only would not be safe: a reverse proxy on the same host
   *   connects from 127.0.0.1, and would hand the counts to anyone.
   * - SIGMINE_TRUST_PROXY: how many reverse proxies stand in front of the server (0 to 10, default 0); with N,
   *   the client address is the Nth `X-Forwarded-For` entry from the right (src/web/web-config.ts).
   */
  web: { metricsToken: string | null; trustProxyHops: number };
  /**
   * SIGMINE_HARVEST_THREADS: the most harvest threads on a SQLite file database, a whole number (0 or 1:
   * none); anything else is refused at start-up (`bad-config`); null when unset (as many as cores).
   */
  harvestThreads: number | null;
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/** SIGMINE_PUBLIC_URL when unset: `sigmine serve` on its default port, on this machine. */
export const DEFAULT_PUBLIC_URL = 'http://localhost:8787';

/** Reads `env` (default: process.env) into a frozen Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const get = (name: string): string | null => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? null : v.trim();
  };
  const config: Config = {
    database: get('SIGMINE_DATABASE') ?? resolve('data', 'sigmine.db'),
    secretKey: keyringText(get),
    google: {
      apiUrl: get('SIGMINE_GOOGLE_API_URL') ?? 'https://www.googleapis.com/',
      oauthUrl: trimSlash(get('SIGMINE_GOOGLE_OAUTH_URL') ?? 'https://oauth2.googleapis.com'),
      authUrl: get('SIGMINE_GOOGLE_AUTH_URL') ?? 'https://accounts.google.com/o/oauth2/v2/auth',
      clientId: get('SIGMINE_GOOGLE_CLIENT_ID'),
      clientSecret: get('SIGMINE_GOOGLE_CLIENT_SECRET'),
    },
    microsoft: {
      graphUrl: trimSlash(get('SIGMINE_GRAPH_API_URL') ?? 'https://graph.microsoft.com'),
      loginUrl: trimSlash(get('SIGMINE_MS_LOGIN_URL') ?? 'https://login.microsoftonline.com'),
      clientId: get('SIGMINE_MS_CLIENT_ID'),
      clientSecret: get('SIGMINE_MS_CLIENT_SECRET'),
      tenant: get('SIGMINE_MS_TENANT') ?? 'common',
    },
    publicUrl: trimSlash(get('SIGMINE_PUBLIC_URL') ?? DEFAULT_PUBLIC_URL),
    publicUrlSet: get('SIGMINE_PUBLIC_URL') !== null,
    mail: {
      smtp: smtpSettings(get),
      from: get('SIGMINE_MAIL_FROM') ?? get('SIGMINE_NOTICE_FROM'),
    },
    controller: { identity: get('SIGMINE_CONTROLLER'), dpo: get('SIGMINE_DPO') },
    demo: get('SIGMINE_DEMO') === '1',
    noticeOutbox: resolve(get('SIGMINE_NOTICE_OUTBOX') ?? resolve('data', 'outbox')),
    policy: loadPolicy(env),
    web: webSettings(get),
    harvestThreads: harvestThreadsSetting(get),
  };
  return deepFreeze(config);
}

/** A `/metrics` token shorter than this is refused: 16 characters of `openssl rand -hex 16` are 64 bits. */
const MIN_METRICS_TOKEN_LENGTH = 16;

function webSettings(get: (name: string) => string | null): Config['web'] {
  const token = get('SIGMINE_METRICS_TOKEN');
  if (token !== null && token.length < MIN_METRICS_TOKEN_LENGTH) {
    throw new AppError(
      'bad-config',
      `SIGMINE_METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters (openssl rand -hex 32)`,
    );
  }
  const hopsText = get('SIGMINE_TRUST_PROXY') ?? '0';
  const hops = Number(hopsText);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new AppError(
      'bad-config',
      `SIGMINE_TRUST_PROXY must be a number of proxies from 0 to 10, not "${hopsText}"`,
    );
  }
  return { metricsToken: token, trustProxyHops: hops };
}

/**
 * SIGMINE_HARVEST_THREADS as a whole number, or null when unset. A value such as `abc` or `-1` is refused
 * rather than read as "no threads": an operator who set it meant something, and would not see it ignored.
 */
function harvestThreadsSetting(get: (name: string) => string | null): number | null {
  const text = get('SIGMINE_HARVEST_THREADS');
  if (text === null) return null;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) {
    throw new AppError(
      'bad-config',
      `SIGMINE_HARVEST_THREADS must be a whole number of threads (0 or 1: none; N: at most N), not "${text}"`,
    );
  }
  return n;
}

/** What connectors get of the config: the providers' endpoints and OAuth clients, nothing else. */
export function providerEndpoints(config: Pick<Config, 'google' | 'microsoft'>): Readonly<ProviderEndpoints> {
  return Object.freeze({ google: config.google, microsoft: config.microsoft });
}

/** At most one of the three key variables: two would leave which one wins to a reader's guess. */
function keyringText(get: (name: string) => string | null): string | null {
  const set = ['SIGMINE_SECRET_KEYS', 'SIGMINE_SECRET_KEY_FILE', 'SIGMINE_SECRET_KEY'].filter(
    (n) => get(n) !== null,
  );
  if (set.length > 1) {
    throw new AppError(
      'bad-config',
      `set only one of ${set.join(', ')} (a lone key is the keyring entry default:KEY)`,
    );
  }
  const file = get('SIGMINE_SECRET_KEY_FILE');
  if (file === null) return get('SIGMINE_SECRET_KEYS') ?? get('SIGMINE_SECRET_KEY');
  try {
    // Like ssh with a private key: a key file others may read is refused, not used.
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) {
      throw new AppError(
        'bad-config',
        `SIGMINE_SECRET_KEY_FILE ${file} may be read by others (mode ${mode.toString(8)}): chmod 600 it`,
      );
    }
    return readFileSync(file, 'utf8').trim() || null;
  } catch (err) {
    if ((err as { code?: string }).code === 'bad-config') throw err;
    throw new AppError(
      'bad-config',
      `SIGMINE_SECRET_KEY_FILE ${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      { cause: err },
    );
  }
}

/** SIGMINE_SMTP_URL, with the password from SIGMINE_SMTP_PASSWORD_FILE when that is set. */
function smtpSettings(get: (name: string) => string | null): MailConfig['smtp'] {
  const url = get('SIGMINE_SMTP_URL');
  const file = get('SIGMINE_SMTP_PASSWORD_FILE');
  if (url === null) {
    if (file !== null)
      throw new AppError('bad-config', 'SIGMINE_SMTP_PASSWORD_FILE is set but SIGMINE_SMTP_URL is not');
    return null;
  }
  return parseSmtpUrl(url, file === null ? null : secretFileText('SIGMINE_SMTP_PASSWORD_FILE', file));
}

/** A secret kept in a file: refused when others may read it (like ssh with a private key). */
function secretFileText(variable: string, file: string): string {
  let mode: number;
  let text: string;
  try {
    mode = statSync(file).mode & 0o777;
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError(
      'bad-config',
      `${variable} ${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      { cause: err },
    );
  }
  if (mode & 0o077) {
    throw new AppError(
      'bad-config',
      `${variable} ${file} may be read by others (mode ${mode.toString(8)}): chmod 600 it`,
    );
  }
  const secret = text.replace(/\r?\n$/, '');
  if (!secret) throw new AppError('bad-config', `${variable} ${file} is empty`);
  return secret;
}

function deepFreeze<T extends object>(o: T): Readonly<T> {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}
