/**
 * Web views are hono/jsx components (src/web/views/): every value is escaped by construction, so a hostile
 * value (a token or a name from a mail header) can never become markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, sourceFiles } from '../helpers/import-graph.ts';
import { openLinkView } from '../../src/web/views/open-link.tsx';
import { page } from '../../src/web/views/layout.tsx';
import { checkMailPage, profilePage } from '../../src/web/views/privacy.tsx';
import { privacyTexts } from '../../src/web/privacy-texts.ts';
import { homePage } from '../../src/web/views/member-home.tsx';
import { previewPage } from '../../src/web/views/member-account.tsx';
import { directoryPage } from '../../src/web/views/directory.tsx';

/**
 * Ways around escaping by construction: hono's raw HTML helpers, React's escape hatch, and a string literal
 * that opens or closes a tag (an HTML template assembled by hand).
 */
const UNESCAPED = /\bhono\/html\b|\braw\(|dangerouslySetInnerHTML|['"`]<\/?[a-z]/;

const HOSTILE = '"><script>alert(1)</script>';

describe('web views', () => {
  it('escapes every value of the open-link page', () => {
    const html = openLinkView('/privacy/open', HOSTILE, '<b>Title</b>', 'a & b');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('<form method="post" action="/privacy/open">');
  });

  it('a page escapes its title and language, and keeps the doctype, header and stylesheet link', () => {
    const html = page('<i>x</i>', 'body & more', '"en');
    expect(html.startsWith('<!doctype html>\n<html lang="&quot;en">')).toBe(true);
    expect(html).toContain('<title>&lt;i&gt;x&lt;/i&gt; · sigmine</title>');
    expect(html).toMatch(/<link rel="stylesheet" href="\/style\.css"\/?>/);
    expect(html).toContain('<a href="/privacy">Privacy center</a>');
    expect(html).toContain('<main>body &amp; more</main>');
  });

  it('the privacy profile page escapes what mail headers and signatures put in a profile', () => {
    const w = privacyTexts('en');
    const profile = {
      status: 'listed',
      name: HOSTILE,
      title: '<img src=x onerror=alert(1)>',
      pins: [{ field: 'company', value: HOSTILE, reason: 'correction', pinnedAt: '2026-01-02T00:00:00Z' }],
      provenance: [
        { field: 'name', value: HOSTILE, source: 'mailbox', firstSeen: '2026-01-01', corroboration: 2 },
      ],
      jobHistory: [{ changedAt: '2026-01-03', from: { title: '<u>a</u>' }, to: { company: '<u>b</u>' } }],
    };
    const html = profilePage(w, 'en', {
      email: `${HOSTILE}@x.example`,
      data: { profiles: [profile] },
      windowDays: 7,
    });
    expect(html).not.toMatch(/<script|<img|<u>/);
    expect(html).toContain('<span data-field="name">&quot;&gt;&lt;script&gt;');
    expect(html).toContain('<tr data-testid="corrected"><td>');
    expect(html).toContain('<td data-testid="status" data-status="listed">');
    // The actions a listed profile has: correct, restrict, and both removals.
    expect(html).toContain('<form method="post" action="/privacy/correct">');
    expect(html).toContain('action="/privacy/restrict"');
    expect(html).toContain('href="/privacy/erase"');
    expect(html).toContain('href="/privacy/object"');
  });

  it('the check-mail page shows the address typed, escaped', () => {
    const html = checkMailPage(privacyTexts('en'), 'en', '<b>a</b>@x.example');
    expect(html).toContain('If we hold anything about &lt;b&gt;a&lt;/b&gt;@x.example');
    expect(html).not.toContain('<b>a</b>');
  });

  it('member pages escape accounts, previewed contacts and directory hits, which come from mailboxes', () => {
    const home = homePage({
      email: 'ann@acme.example',
      status: 'active',
      conns: [{ id: HOSTILE, kind: 'gmail', account: '<i>ann</i>@acme.example', status: 'active' }],
      balance: 0,
      entries: [],
      summary: [],
      how: [],
      offered: [],
      windowDays: 30,
      contribution: {
        messagesRead: 1,
        contactsFound: 1,
        listed: 0,
        pendingCount: 1,
        pending: [{ name: HOSTILE, email: 'x@y.example', company: '<i>Co</i>', listsOn: null }],
      },
    });
    expect(home).not.toMatch(/<script|<i>/);
    expect(home).toContain('<b data-testid="balance">0</b>');
    expect(home).toContain('<input type="hidden" name="connection" value="&quot;&gt;&lt;script&gt;');
    const contact = {
      email: 'x@y.example',
      name: HOSTILE,
      title: '<i>t</i>',
      company: null,
      phones: ['<1>'],
    };
    const preview = previewPage([{ ...contact, websites: [], seen: 1 }], null, {
      scanned: 3,
      limit: 300,
      contacts: 1,
    });
    expect(preview).not.toMatch(/<script|<i>|<1>/);
    expect(preview).toContain('<td>&lt;i&gt;t&lt;/i&gt;</td><td></td><td>&lt;1&gt;</td>');
    const hits = [
      {
        id: '1',
        name: HOSTILE,
        title: null,
        company: 'A&B',
        domain: 'ab.example',
        onFile: ['email'],
        revealed: false,
      },
      {
        id: '2',
        name: 'Bo',
        title: null,
        company: 'C',
        domain: 'c.example',
        onFile: ['email'],
        revealed: true,
      },
    ];
    const dir = directoryPage({ q: HOSTILE, cost: 5, balance: 10, results: { hits } });
    expect(dir).not.toContain('<script');
    expect(dir).toContain('<input name="q" value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(dir).toContain('<td>A&amp;B</td>');
    // A contact this member revealed before says so on its button (showing it again is free).
    expect(dir.match(/<button type="submit">Reveal<\/button>/g)).toHaveLength(1);
    expect(dir).toContain('Show (revealed: free)');
  });

  it('no web file writes HTML by hand: pages come from components only', () => {
    for (const bad of [
      "import { raw } from 'hono/html';",
      'const x = `<p>${v}</p>`;',
      "'</td>'",
      'dangerouslySetInnerHTML',
    ])
      expect(UNESCAPED.test(bad), bad).toBe(true);
    expect(UNESCAPED.test('if (a < b) return `${a}`;')).toBe(false);
    const web = sourceFiles(REPO_ROOT, ['src/web']);
    expect(web.some((f) => f.startsWith('src/web/views/'))).toBe(true);
    const found = web.flatMap((f) =>
      readFileSync(join(REPO_ROOT, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (UNESCAPED.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
