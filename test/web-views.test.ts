/**
 * Web views are hono/jsx components (src/web/views/): every value is escaped by construction, so a hostile
 * value (a token or a name from a mail header) can never become markup.
 */
import { describe, expect, it } from 'vitest';
import { openLinkView } from '../src/web/views/open-link.tsx';

describe('web views', () => {
  it('escapes every value of the open-link page', () => {
    const html = openLinkView('/privacy/open', '"><script>alert(1)</script>', '<b>Title</b>', 'a & b');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('<form method="post" action="/privacy/open">');
  });
});
