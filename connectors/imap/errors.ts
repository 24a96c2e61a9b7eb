/**
 * imapflow / socket errors -> ConnectorError codes, decided in one place. The original stays as `cause`;
 * the message names the cause but never the password or token.
 */
import { ConnectorError } from '../types.ts';

const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'ETIMEOUT',
  'NoConnection',
  'EConnectionClosed',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
]);

const RESPONSE_PROBLEMS = new Set([
  'InvalidResponse',
  'ResponseProcessingFailed',
  'MAX_IMAP_NESTING_REACHED',
  'LineTooLarge',
  'LiteralTooLarge',
  'ResponseTooLarge',
  'TooManyTokens',
  'TooManyResponses',
  'InvalidStringValue',
  'InvalidTokenValue',
  'InvalidTextValue',
]);

interface ImapErrorLike {
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  mailboxMissing?: boolean;
  tlsFailed?: boolean;
  message?: string;
}

/**
 * How the run logged in, which decides what a rejected login means:
 * - `password`: a wrong or changed password (`revoked`: the person must reconnect), or `[EXPIRED]`;
 * - `oauth-fresh`: a token refreshed moments ago was refused, so refreshing again cannot help (IMAP
 *   switched off for the account, the grant lost its scope): `revoked`, reconnect needed;
 * - `oauth-stored`: an access token stored by an older version, which has no refresh token to get a
 *   new one: once it expires (about an hour) the connection needs a reconnect too.
 */
export type ImapLogin = 'password' | 'oauth-fresh' | 'oauth-stored';

const REJECTED: Record<ImapLogin, string> = {
  password: 'IMAP login rejected',
  'oauth-fresh':
    'IMAP server rejected a freshly refreshed OAuth token, reconnect needed (IMAP access or the mail scope may have been removed)',
  'oauth-stored':
    'IMAP server rejected the stored OAuth access token (it expires after about an hour and this connection has no refresh token); reconnect with sigmine connect imap --oauth google|microsoft',
};

export function imapError(err: unknown, login: ImapLogin): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const e = (err ?? {}) as ImapErrorLike;
  const rc = (e.serverResponseCode ?? '').toUpperCase();
  if (
    e.authenticationFailed ||
    rc === 'AUTHENTICATIONFAILED' ||
    rc === 'AUTHORIZATIONFAILED' ||
    rc === 'EXPIRED'
  ) {
    const code = login === 'password' && rc === 'EXPIRED' ? 'auth-expired' : 'revoked';
    return new ConnectorError(code, `${REJECTED[login]}${rc ? ` (${rc})` : ''}`, { cause: err });
  }
  if (e.tlsFailed && /STARTTLS/.test(e.message ?? '')) {
    // Not retried: the server (or someone between us) offers no STARTTLS; the password was not sent.
    return new ConnectorError(
      'config',
      'the IMAP server does not offer STARTTLS, so the password was not sent; use implicit TLS (--tls, port 993) ' +
        'or, knowingly, connect imap --insecure-plaintext',
      { cause: err },
    );
  }
  if (e.tlsFailed) return new ConnectorError('unavailable', 'IMAP TLS handshake failed', { cause: err });
  if (e.code === 'ETHROTTLE' || rc === 'LIMIT' || rc === 'INUSE') {
    return new ConnectorError('rate-limited', 'IMAP server is throttling this account', { cause: err });
  }
  if (e.mailboxMissing || rc === 'NONEXISTENT' || e.code === 'NotFound') {
    return new ConnectorError('not-found', 'IMAP mailbox does not exist', { cause: err });
  }
  // A response imapflow refuses to parse (hostile or broken structure, oversized literal): the message is
  // bad, not the server. The connector skips such messages one by one (index.ts).
  if (e.code && (e.code.startsWith('ParserError') || RESPONSE_PROBLEMS.has(e.code))) {
    return new ConnectorError('bad-input', `IMAP response rejected (${e.code})`, { cause: err });
  }
  if (e.code && UNAVAILABLE.has(e.code)) {
    return new ConnectorError('unavailable', `IMAP server unreachable (${e.code})`, { cause: err });
  }
  if (rc === 'UNAVAILABLE')
    return new ConnectorError('unavailable', 'IMAP server unavailable', { cause: err });
  return new ConnectorError('unavailable', `IMAP error${e.code ? ` (${e.code})` : ''}`, { cause: err });
}
