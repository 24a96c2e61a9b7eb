/**
 * The web app's own settings (`Config.web`, read by `loadConfig` with everything else): the `/metrics` token
 * and how many reverse proxies are trusted, and what the latter means for a request's client address.
 */
import type { Config } from '../config.ts';

export type WebConfig = Config['web'];

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
