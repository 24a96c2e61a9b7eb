/**
 * Configuration, read and validated once at the edge, then frozen and passed down.
 * Environment variable names are a contract (operations scripts, sovereign clouds, tests): extend only.
 */
import { resolve } from 'node:path';

export interface Config {
  /** `postgres://...` URL, `sqlite:PATH`, or a plain file path. Default `./data/sigmine.db`. */
  database: string;
  /** 32-byte key (hex or base64) for AES-256-GCM of tokens and for keyed hashes; null when unset. */
  secretKey: string | null;
  google: {
    apiUrl: string;
    oauthUrl: string;
    authUrl: string;
    clientId: string | null;
    clientSecret: string | null;
  };
  microsoft: {
    graphUrl: string;
    loginUrl: string;
    clientId: string | null;
    clientSecret: string | null;
    tenant: string;
  };
  /** Base URL people use to reach the privacy center (links in notices). */
  publicUrl: string;
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/** Reads `env` (default: process.env) into a frozen Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const get = (name: string): string | null => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? null : v.trim();
  };
  const config: Config = {
    database: get('SIGMINE_DATABASE') ?? resolve('data', 'sigmine.db'),
    secretKey: get('SIGMINE_SECRET_KEY'),
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
    publicUrl: trimSlash(get('SIGMINE_PUBLIC_URL') ?? 'http://localhost:8787'),
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(o: T): Readonly<T> {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}
