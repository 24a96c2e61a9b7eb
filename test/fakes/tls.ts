/**
 * A throwaway self-signed certificate for local HTTPS test servers, made with the `openssl` CLI at test
 * time (no key material is committed). Valid for 127.0.0.1 and localhost (subjectAltName: Node checks
 * SANs, not the CN).
 *
 * Trusting it: Node reads NODE_EXTRA_CA_CERTS only at process start, so a test either spawns a child
 * process with `NODE_EXTRA_CA_CERTS=certFile`, or passes `fetchTrusting(cert)` as the transport.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export interface TestCertificate {
  key: string;
  cert: string;
  /** PEM file of the certificate, for NODE_EXTRA_CA_CERTS in child processes. */
  certFile: string;
  dispose(): void;
}

export function makeSelfSignedCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'sigmine-tls-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '2',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(keyFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    certFile,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A WHATWG-`fetch`-shaped function over node:https that trusts `ca` (and nothing else): the transport
 * for in-process tests, since Node 20's global fetch cannot be given a CA without the undici package.
 */
export function fetchTrusting(ca: string): typeof fetch {
  return async (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const headers: Record<string, string> = {};
    req.headers.forEach((v, k) => (headers[k] = v));
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
    return new Promise<Response>((resolve, reject) => {
      const r = httpsRequest(
        req.url,
        { method: req.method, headers, ca, signal: init?.signal ?? undefined },
        (res) => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
          }
          const status = res.statusCode ?? 500;
          const nullBody = status === 204 || status === 304;
          resolve(
            new Response(nullBody ? null : (Readable.toWeb(res) as ReadableStream), {
              status,
              statusText: res.statusMessage,
              headers: h,
            }),
          );
        },
      );
      r.on('error', reject);
      r.end(body);
    });
  };
}
