/**
 * The member's dashboard offers on each source only what can work on it: a preview reads the source, so a
 * disconnected source, or one whose access was revoked, offers none (it would end at once as "disabled").
 */
import { describe, expect, it } from 'vitest';
import { homePage } from '../../src/web/views/member-home.tsx';

const home = (conns: Array<{ id: string; status: string }>) =>
  homePage({
    email: 'ann@acme.example',
    status: 'active',
    conns: conns.map((c) => ({ ...c, kind: 'imap', account: `${c.id}@acme.example` })),
    balance: 0,
    entries: [],
    summary: [],
    how: [],
    offered: [],
    windowDays: 7,
    contribution: null,
  });

describe('member dashboard', () => {
  it('offers a preview of an active source only', () => {
    const html = home([
      { id: 'live', status: 'active' },
      { id: 'gone', status: 'disabled' },
      { id: 'revoked', status: 'needs-reconnect' },
    ]);
    expect(html).toContain('<input type="hidden" name="connection" value="live"/>');
    const previewed = [
      ...html.matchAll(/action="\/member\/preview"><input type="hidden" name="connection" value="([^"]*)"/g),
    ];
    expect(previewed.map((m) => m[1])).toEqual(['live']);
    expect(html).toContain('gone@acme.example');
    expect(html).toContain('revoked@acme.example');
  });
});
