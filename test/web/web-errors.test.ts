/**
 * The web's error contract, through the real app (`app.request`, no port): a route that throws an AppError is
 * answered with its code's status from the one mapping (src/web/error-status.ts), as a page or, when asked
 * for, as `{"error":{"code","message"}}`; anything unknown is a 500 that shows no message, code or stack of
 * ours. Routes that throw are added to the app the way a sub-app's route is, behind the same guards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createApp } from '../../src/web/app.ts';
import { createMailQueue } from '../../src/web/mail-queue.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { AppError, type ErrorCode } from '../../src/errors.ts';

const PUBLIC = 'http://errors.test';
const config = loadConfig({ SIGMINE_PUBLIC_URL: PUBLIC, SIGMINE_SECRET_KEY: 'c'.repeat(64) });
/** Internal detail a thrown error may carry; none of it may reach the visitor when the status is 500. */
const INTERNAL = 'SELECT token_enc FROM connections WHERE id = 42 failed in /srv/sigmine/src/store/x.ts';

function appThrowing(t: TestDatabase) {
  const app = createApp({
    database: t,
    config,
    transport: { name: 'memory', send: async () => ({ providerMessageId: 'x' }) },
    mailQueue: createMailQueue(silentLogger),
  });
  app.get('/boom/:code', (c) => {
    throw new AppError(c.req.param('code') as ErrorCode, `refused because of ${c.req.param('code')}`);
  });
  app.get('/crash', () => {
    throw new Error(INTERNAL);
  });
  app.get('/driver', () => {
    throw Object.assign(new Error(INTERNAL), { code: 'SQLITE_CORRUPT' });
  });
  return app;
}

const STATUSES: Array<[ErrorCode, number]> = [
  ['bad-input', 400],
  ['unauthorised', 401],
  ['insufficient-credits', 402],
  ['forbidden', 403],
  ['opted-out', 403],
  ['not-found', 404],
  ['conflict', 409],
  ['rate-limited', 429],
  ['revoked', 502],
  ['unavailable', 503],
];

describe('web errors', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase('sqlite');
  });
  afterEach(async () => t.dispose());

  it.each(STATUSES)(
    'a route that throws %s answers %i, with its message on the page',
    async (code, status) => {
      const res = await appThrowing(t).request(`${PUBLIC}/boom/${code}`);
      expect(res.status).toBe(status);
      expect(res.headers.get('Content-Type')).toContain('text/html');
      const body = await res.text();
      if (status < 500) expect(body).toContain(`refused because of ${code}`);
      else expect(body).not.toContain('refused because of');
      expect(body).not.toMatch(/\bat .*\.ts:\d+/); // no stack frame
    },
  );

  it('answers the same error as JSON, with code and message, when the client asks for JSON', async () => {
    const res = await appThrowing(t).request(`${PUBLIC}/boom/conflict`, {
      headers: { Accept: 'application/json' },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'conflict', message: 'refused because of conflict' } });
  });

  it('an unknown error, or a code of a library, is a 500 that shows nothing of ours', async () => {
    const app = appThrowing(t);
    for (const path of ['/crash', '/driver', '/boom/bad-config']) {
      const page = await app.request(`${PUBLIC}${path}`);
      expect(page.status).toBe(500);
      const html = await page.text();
      expect(html).toContain('Something went wrong on our side');
      for (const leak of [
        'SELECT',
        'token_enc',
        '/srv/sigmine',
        'SQLITE_CORRUPT',
        'bad-config',
        'refused because of',
      ])
        expect(html).not.toContain(leak);
      const json = await app.request(`${PUBLIC}${path}`, { headers: { Accept: 'application/json' } });
      expect(json.status).toBe(500);
      expect(await json.json()).toEqual({
        error: { code: 'internal', message: 'Something went wrong on our side. Please try again later.' },
      });
    }
  });

  it('the guards keep their own refusals: a cross-site form post is still a 403', async () => {
    const res = await appThrowing(t).request(`${PUBLIC}/member/link`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.example' },
      body: 'email=a%40b.example',
    });
    expect(res.status).toBe(403);
  });
});
