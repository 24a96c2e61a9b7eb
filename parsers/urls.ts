/**
 * Websites and social profiles of a signature block, as written (the visible text of HTML-flattened
 * links, never their `<http...>` targets). Company pages on social sites are neither: only the sender's
 * own profile counts as social. Lines are capped; patterns are linear-time.
 */
import type { Address } from './types.ts';
import { capLine, findEmails, findUrls } from './lines.ts';
import { findPhoneSpans } from './phones.ts';
import { alt } from './lexicon/index.ts';
import { caseless } from './lexicon/caseless.ts';

export const LINK_TARGET_RE = /<(?:https?:|mailto:|tel:)[^>\s]{0,400}>/gi;
export const IMAGE_RE = /\[(?:image:|cid:|https?:)[^\]]{0,300}\]/gi;

/**
 * Words that label a link without being its value: "LinkedIn<https://...>", "Website<http://...>",
 * "Email<mailto:...>" as Outlook/Exchange writes HTML links in text, or the text of an HTML anchor.
 */
export const LINK_LABEL_RE = caseless(
  String.raw`^(?:(?:${alt('linkLabelLeads')})\s)?(?:${alt('linkLabels')})(?:\s(?:profile|page|me|icon|logo))?[\s:]{0,2}$`,
  'i',
);

/**
 * `<URL: x>` (RFC 1738 appendix), `<mailto:x>`, `<http://x>`, `<tel:x>` written as wrappers: at the start
 * of the line or after a label's colon, a bracket or a list comma. After a plain word ("acme.example
 * <http://...>") the bracket is the target of that visible text, as mail archives flatten HTML links.
 */
const WRAPPER_RE = /(^\s*|[:(;,]\s?)<(?:URL:\s?|mailto:|tel:|(?=https?:\/\/))([^<>\s]{1,400})>/gi;
/** `words<target>` or `words <target>`: a link target after its visible text (up to four words; the last may be an icon's long `[cid:...]` placeholder). */
const LABELLED_TARGET_RE =
  /((?:[^\s<>|•·]{1,30} ){0,3}[^\s<>|•·]{1,80}) ?<(https?:|mailto:|tel:)([^>\s]{0,400})>/gi;
/** "Join us on", "Follow us on": the links that follow are the organisation's pages, not the sender's. */
const COMPANY_PAGES_RE = /(?:^|\s)(?:join|follow|like|find|visit|connect with) us\b/i;

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** An image placeholder as clients write icons in text: "[LinkedIn]", "[image: LinkedIn]", "[cid:li.png]". */
const IMAGE_LABEL_RE = /^\[(?:image:\s?|cid:)?([^\]]{0,80})\]$/i;

/**
 * An icon placeholder that says nothing of what it shows: `[cid:image003.png@01DB...]`, or the image's
 * own address or file name (`[https://cdn.acme.example/sig/in.png]`, `[linkedin-icon.png]`).
 */
function unknownAlt(placeholder: string): boolean {
  const inner = placeholder.slice(1, -1).trim();
  if (/\s/.test(inner)) return false;
  return /^cid:/i.test(inner) || /^https?:\/\//i.test(inner) || /\.(?:png|jpe?g|gif|svg|webp)$/i.test(inner);
}

/**
 * The longest run of trailing words of `text` that is a link label ("Connect on LinkedIn"), or null. An
 * icon's placeholder is a label when its alt text is one ("[LinkedIn]") or, alt text unknown ("[cid:...]"),
 * when the link goes to a social or profile site: the icon only shows where the link goes.
 */
function trailingLabel(text: string, target: string): string | null {
  const words = text.split(' ');
  // "in/jane-roe<https://www.linkedin.com/in/jane-roe>", "@janeroe<https://x.com/janeroe>": the visible
  // text is the end of the target's path or the handle, no address of its own; the target is the value.
  const last = words[words.length - 1]!.toLowerCase();
  const path = target.toLowerCase().replace(/\/$/, '');
  if (
    isSocialSiteUrl(target) &&
    last.length >= 4 &&
    !/^[^/]*\./.test(last) &&
    (path.endsWith(`/${last.replace(/^@/, '')}`) || (last.includes('/') && path.endsWith(last)))
  )
    return words[words.length - 1]!;
  for (let k = words.length; k >= 1; k--) {
    const cand = words.slice(words.length - k).join(' ');
    if (LINK_LABEL_RE.test(cand)) return cand;
    const icon = IMAGE_LABEL_RE.exec(cand);
    if (icon && (LINK_LABEL_RE.test(icon[1]!.trim()) || (isSocialSiteUrl(target) && unknownAlt(cand))))
      return cand;
  }
  return null;
}

/**
 * A line with its link renderings resolved to values: wrappers keep their value; a target whose label
 * is no value ("LinkedIn", "Website", "E-mail") replaces the label; a `mailto:` or `tel:` target whose
 * address or number is already on the line is dropped. Other targets ("acme.example<http://...>") stay
 * for LINK_TARGET_RE to remove: the visible text is the value. Bounded classes, linear time.
 */
export function renderLinks(line: string): string {
  if (!line.includes('<')) return line;
  let l = line.replace(WRAPPER_RE, '$1$2');
  if (!l.includes('<')) return l;
  l = l.replace(LABELLED_TARGET_RE, (m, words: string, scheme: string, target: string) => {
    const s = scheme.toLowerCase();
    const label = trailingLabel(words, `${scheme}${target}`);
    const head = label === null ? words : words.slice(0, words.length - label.length);
    if (s === 'mailto:') {
      const addr = target.split('?')[0]!.toLowerCase();
      // The address is written on the line already: the target adds nothing (removed later).
      if (addr === '' || line.toLowerCase().replace(m.toLowerCase(), words.toLowerCase()).includes(addr))
        return m;
      return label !== null ? `${head}${target.split('?')[0]}` : m;
    }
    if (s === 'tel:') {
      const d = digitsOf(target).slice(-7);
      if (d.length < 7 || digitsOf(line.replace(m, words)).includes(d)) return m;
      // "Mobile<tel:+44...>": the label types the number, the target is its value.
      return /^\p{L}[\p{L} .]{0,19}$/u.test(words) ? `${words} ${decodeUri(target)}` : m;
    }
    return label !== null && !COMPANY_PAGES_RE.test(line) ? `${head}${scheme}${target}` : m;
  });
  return l;
}

function decodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Profile URLs: the big sites by host (Bluesky's `bsky.app/profile/handle` among them), and a fediverse
 * (Mastodon) profile on any instance by its `/@handle` path ("https://fosstodon.org/@jane", "norden.social/@jane").
 */
const SOCIAL_RE =
  /^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?(?:linkedin\.com\/(?:in|pub)\/|about\.me\/|github\.com\/|gitlab\.com\/|twitter\.com\/|x\.com\/|xing\.com\/profile\/|facebook\.com\/|instagram\.com\/|mastodon\.[a-z]+\/@|bsky\.app\/profile\/|keybase\.io\/|orcid\.org\/(?=\d{4}-)|imdb\.com\/name\/|vimeo\.com\/(?=[a-z][\w-]{2,40}\/?$)|scholar\.google\.[a-z.]{2,6}\/citations\?user=|(?:[a-z0-9-]{1,40}\.){1,3}[a-z]{2,12}\/@(?=[\w.]{2,40}\/?$))([^\s/?#]{1,80})/i;
/** Sites where every profile is personal; on the others a path must match the sender. */
const ALWAYS_PERSONAL =
  /linkedin\.com\/(?:in|pub)\/|about\.me\/|xing\.com\/profile\/|orcid\.org\/|imdb\.com\/name\/|scholar\.google\.[a-z.]{2,6}\/citations/i;

/** A URL on a social or profile site ("https://www.linkedin.com/in/jane-roe", "twitter.com/acme"). */
export function isSocialSiteUrl(url: string): boolean {
  return SOCIAL_RE.test(url);
}

/** true: the sender's own profile; false: someone else's page on a social site; null: not social. */
export function isSocial(url: string, from: Address): boolean | null {
  const m = SOCIAL_RE.exec(url);
  if (!m) return null;
  if (ALWAYS_PERSONAL.test(url)) return true;
  const handle = (m[1] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  const local = (from.email?.split('@')[0] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  const nameToks = (from.name ?? '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((t) => t.length >= 3);
  return handle.length >= 3 && (handle === local || nameToks.some((t) => handle.includes(t)));
}

/** A line that ends inside an icon placeholder ("... [image:"), as plain-text renderings wrap at ~76 columns. */
const OPEN_PLACEHOLDER_RE = /\[(?:image:|cid:)[^\]]{0,80}$/i;

/**
 * The block's lines with an icon placeholder that a client wrapped over two lines joined again
 * ("[image:" / "Twitter] <https://...>"), so the icon's alt text labels its link as on one line.
 */
function joinWrappedPlaceholders(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (next !== undefined && OPEN_PLACEHOLDER_RE.test(line) && /^\s{0,4}[^\[\]<>]{1,80}\]/.test(next)) {
      out.push(`${line.trimEnd()} ${next.trimStart()}`);
      i++;
    } else out.push(line);
  }
  return out;
}

/** The same page written with or without its scheme, "www." or a closing slash. */
function sameSite(a: string, b: string): boolean {
  const bare = (u: string) =>
    u
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/$/, '');
  return bare(a) === bare(b);
}

/** A markdown image ("![logo](https://.../logo.png)"): a picture, no link and no text. */
export const MARKDOWN_IMAGE_RE = /!\[[^\]]{0,100}\]\([^)\s]{0,300}\)/g;

/** Websites and social profile URLs stated by the block's lines. */
export function urlsOfBlock(lines: string[], from: Address): { websites: string[]; social: string[] } {
  const websites: string[] = [];
  const social: string[] = [];
  const ownHost = from.email?.split('@')[1]?.toLowerCase() ?? '';
  for (const line of joinWrappedPlaceholders(lines)) {
    const l = renderLinks(capLine(line).replace(MARKDOWN_IMAGE_RE, ' ')).replace(IMAGE_RE, ' ');
    const visible = l.replace(LINK_TARGET_RE, (m) => ' '.repeat(m.length));
    for (const u of findUrls(visible)) {
      const explicit = /^(?:https?:\/\/|www\.)/i.test(u.text);
      const rest = l.slice(u.index + u.text.length, u.index + u.text.length + 6);
      const before = visible.slice(Math.max(0, u.index - 16), u.index);
      const labelled = /(?:\bw|web|website|url|home ?page|site|internet)\s?[:•]?\s*$/i.test(before);
      // A bare domain counts when labelled, linked, or listed beside other contact details.
      const onContactLine =
        /\s[|•●▪■◆\-–—]\s/.test(visible) &&
        (findEmails(visible).length > 0 || findPhoneSpans(visible).length > 0);
      // A profile path on a social site ("linkedin.com/in/jane-doe") is a link even without a scheme.
      const profilePath = SOCIAL_RE.test(u.text) && u.text.includes('/');
      if (!explicit && !/^\s?<http/i.test(rest) && !labelled && !onContactLine && !profilePath) continue;
      if (/@$|\S at $/.test(visible.slice(Math.max(0, u.index - 5), u.index))) continue; // (obfuscated) e-mail
      const own = isSocial(u.text, from);
      if (own === true) social.push(u.text);
      // Outlook writes a link's target beside its text ("<http://www.x.example> www.x.example"): one site.
      else if (own === null && !websites.some((w) => sameSite(w, u.text))) websites.push(u.text);
    }
    // The sender's own domain written alone in a cell ("acme.example", "www.acme.example", with a path) is the
    // company's website, labelled or not and whatever its top-level domain. Capitalised ("Alphacomm.net")
    // it is the company's name as written, not a link.
    if (ownHost.length >= 4) {
      // ...and so is a domain whose name is the sender's domain's under another top-level domain
      // ("harbourtrust.org" for mail from harbourtrust.org.uk).
      const ownName = ownHost.split('.').find((p) => p.length >= 4 && !/^(?:mail|email|www)$/.test(p));
      // (A link target blanked out before a bar leaves a run of spaces: the bar still ends the cell.)
      // A spaced dash parts cells too ("Callum Reyes - Brightwire AV - 0491 570 158 - brightwireav.example").
      for (const cell of visible.split(/\s+\|\|?\s|\s+[•·●▪■◆\-–—]\s|\s{3,}|\t/)) {
        const t = cell.trim();
        // With a path too: "acme.example/meetings".
        const host = t
          .toLowerCase()
          .replace(/^www\./, '')
          .replace(/\/[^\s]{0,200}$/, '');
        if (
          (host === ownHost ||
            // A site under the sender's domain: "weeds.plainsview-state.example", "extension.acme.example".
            (/^[a-z0-9-]{2,30}$/.test(host.slice(0, -ownHost.length - 1)) && host.endsWith(`.${ownHost}`)) ||
            (ownName !== undefined &&
              host.split('.')[0] === ownName &&
              /^[a-z0-9-]+(?:\.[a-z]{2,6}){1,2}$/.test(host))) &&
          t === t.toLowerCase() &&
          !websites.some((w) => w.toLowerCase() === t.toLowerCase())
        )
          websites.push(t);
      }
    }
  }
  return { websites, social };
}
