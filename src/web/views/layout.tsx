/**
 * The page every view is shown in: language, title, the site header and the stylesheet link. The stylesheet
 * is served from `/style.css`, not inline: the Content-Security-Policy allows styles from our own origin
 * only (src/web/security-headers.ts). A hono/jsx component: every value is escaped by construction.
 */
import type { Child, FC } from 'hono/jsx';

export const Layout: FC<{ title: string; lang: string; children?: Child }> = ({ title, lang, children }) => (
  <html lang={lang}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title} · sigmine</title>
      <link rel="stylesheet" href="/style.css" />
    </head>
    <body>
      <header>
        <a href="/">sigmine</a> · <a href="/member">Members</a> · <a href="/privacy">Privacy center</a>
      </header>
      <main>{children}</main>
    </body>
  </html>
);

/** A whole page as HTML; `lang` is the language of `title` and `body` (the privacy center's are the person's). */
export function page(title: string, body: Child, lang = 'en'): string {
  return `<!doctype html>\n${String(
    <Layout title={title} lang={lang}>
      {body}
    </Layout>,
  )}`;
}

/** The one stylesheet, served at `/style.css`: our own constant, the only text of the site not escaped. */
export const STYLESHEET = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2rem} table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #dde} th{width:11rem;color:#556}
form.inline{display:inline} button{font:inherit;padding:.35rem .8rem;margin:.2rem 0;cursor:pointer}
input,select{font:inherit;padding:.3rem} .note{color:#556;font-size:.9rem} .danger{color:#a11}
.flash{background:#eef6ee;border:1px solid #9c9;padding:.5rem .8rem}
a.button{display:inline-block;border:1px solid #889;border-radius:3px;padding:.35rem .8rem;margin:.2rem 0;text-decoration:none}
`;
