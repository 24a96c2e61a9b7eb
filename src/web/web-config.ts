/**
 * The web app's own settings, read once from the environment and frozen, beside `src/config.ts` (which
 * holds what every command shares). Kept apart so that the web server's knobs live with the web server;
 * the names are part of the configuration contract in README.
 *
 * - `SIGMINE_METRICS_TOKEN`: the bearer token `/metrics` asks for. Unset: `/metrics` is not served at all
 *   (404). Serving it to loopback only would not be safe: a reverse proxy on the same host connects from
 *   127.0.0.1, and would hand the counts to anyone.
 * - `SIGMINE_TRUST_PROXY`: how many reverse proxies stand in front of `sigmine serve` (default 0). With N,
 *   the client address is the Nth entry from the right of `X-Forwarded-For`: the one our nearest proxy
 *   wrote, which a client cannot forge (it can only prepend entries). With 0 the header is ignored and the
 *   socket's peer address counts.
 */
import { AppError } from '../errors.ts';

export interface WebConfig {
  /** Bearer token for `/metrics`; null: `/metrics` answers 404. */
  metricsToken: string | null;
  /** Reverse proxies in front of the server whose `X-Forwarded-For` entries are trusted. */
  trustProxyHops: number;
}

/** A token shorter than this is refused at start-up: 16 characters of `openssl rand -hex 16` are 64 bits. */
const MIN_TOKEN_LENGTH = 16;

/** Reads `env` into a frozen WebConfig; throws (`bad-config`) on a token too short or a bad hop count. */
export function loadWebConfig(env: NodeJS.ProcessEnv = process.env): Readonly<WebConfig> {
  const token = env.SIGMINE_METRICS_TOKEN?.trim() || null;
  if (token !== null && token.length < MIN_TOKEN_LENGTH) {
    throw new AppError(
      'bad-config',
      `SIGMINE_METRICS_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters (openssl rand -hex 32)`,
    );
  }
  const hopsText = env.SIGMINE_TRUST_PROXY?.trim() || '0';
  const hops = Number(hopsText);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new AppError(
      'bad-config',
      `SIGMINE_TRUST_PROXY must be a number of proxies from 0 to 10, not "${hopsText}"`,
    );
  }
  return Object.freeze({ metricsToken: token, trustProxyHops: hops });
}

/** The client address of a request: the trusted `X-Forwarded-For` entry, else the socket peer. */
export function clientAddressOf(
  web: Pick<WebConfig, 'trustProxyHops'>,
  forwardedFor: string | undefined,
  peer: string | undefined,
): string | undefined {
  if (web.trustProxyHops > 0) {
    const hops = (forwardedFor ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = hops[hops.length - web.trustProxyHops];
    if (entry) return entry.slice(0, 64);
  }
  return peer;
}
