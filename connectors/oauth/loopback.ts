/**
 * CLI OAuth with a loopback redirect and PKCE (RFC 8252 §7.3, RFC 7636), for any provider.
 * Listens on 127.0.0.1 on a random port, opens nothing (prints the consent URL), waits for the
 * redirect carrying `code` and the matching `state`, with a timeout. Codes are never printed.
 */
import { AppError } from '../../src/errors.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** A fresh PKCE pair: 43-character base64url verifier (32 random bytes), S256 challenge. */
export function pkcePair(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge, method: 'S256' };
}

export interface LoopbackRequest {
  /** e.g. http://127.0.0.1:53121/callback : register this exact URI with the token exchange. */
  redirectUri: string;
  state: string;
  pkce: Pkce;
}

export interface LoopbackOptions {
  /** Builds the provider's consent URL for this redirect URI, state and PKCE challenge. */
  authUrl: (req: LoopbackRequest) => string;
  /** Where the consent URL is shown (default: stderr). */
  print?: (line: string) => void;
  /** How long to wait for the browser (default 5 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface LoopbackResult {
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

export class LoopbackError extends AppError<'timeout' | 'denied' | 'aborted'> {
  constructor(code: 'timeout' | 'denied' | 'aborted', message: string) {
    super(code, message);
    this.name = 'LoopbackError';
  }
}

const PAGE_OK = '<!doctype html><title>sigmine</title><p>Connected. You can close this tab.</p>';
const PAGE_FAIL = '<!doctype html><title>sigmine</title><p>Not connected. Return to the terminal.</p>';

/**
 * Runs one loopback authorization: prints the URL, resolves with the code once the browser comes
 * back with the right `state`. Requests with a wrong state are answered 400 and ignored (a stray
 * tab cannot end the wait); `error=` from the provider (e.g. access_denied) ends it.
 */
export async function loopbackAuthorize(opts: LoopbackOptions): Promise<LoopbackResult> {
  const state = randomBytes(16).toString('base64url');
  const pkce = pkcePair();
  const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
  const print = opts.print ?? ((line: string) => process.stderr.write(line + '\n'));

  let settle!: (r: { code: string } | { error: LoopbackError }) => void;
  const outcome = new Promise<{ code: string } | { error: LoopbackError }>((r) => (settle = r));

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    if (url.searchParams.get('state') !== state) {
      res.writeHead(400, { 'content-type': 'text/html' }).end(PAGE_FAIL);
      return;
    }
    const error = url.searchParams.get('error');
    const code = url.searchParams.get('code');
    if (error || !code) {
      res.writeHead(400, { 'content-type': 'text/html' }).end(PAGE_FAIL);
      settle({ error: new LoopbackError('denied', `authorization refused: ${error ?? 'no code'}`) });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE_OK);
    settle({ code });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}/callback`;

  const timer = setTimeout(
    () =>
      settle({
        error: new LoopbackError('timeout', `no authorization within ${Math.round(timeoutMs / 1000)} s`),
      }),
    timeoutMs,
  );
  const onAbort = () => settle({ error: new LoopbackError('aborted', 'authorization aborted') });
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    print(
      `Open this URL in a browser to connect your account:\n${opts.authUrl({ redirectUri, state, pkce })}`,
    );
    const r = await outcome;
    if ('error' in r) throw r.error;
    return { code: r.code, redirectUri, codeVerifier: pkce.verifier };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
