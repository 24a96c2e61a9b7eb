/**
 * Websites and social profiles of a signature block, as written (the visible text of HTML-flattened
 * links, never their `<http...>` targets). Company pages on social sites are neither: only the sender's
 * own profile counts as social. Lines are capped; patterns are linear-time.
 */
import type { Address } from './types.ts';
import { capLine, findEmails, findUrls } from './lines.ts';
import { findPhoneSpans } from './phones.ts';

export const LINK_TARGET_RE = /<(?:https?:|mailto:)[^>\s]{0,400}>/gi;
export const IMAGE_RE = /\[(?:image:|cid:|https?:)[^\]]{0,300}\]/gi;

const SOCIAL_RE =
  /^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?(?:linkedin\.com\/(?:in|pub)\/|about\.me\/|github\.com\/|gitlab\.com\/|twitter\.com\/|x\.com\/|xing\.com\/profile\/|facebook\.com\/|instagram\.com\/|mastodon\.[a-z]+\/@|keybase\.io\/)([^\s/?#]{1,80})/i;
/** Sites where every profile is personal; on the others a path must match the sender. */
const ALWAYS_PERSONAL = /linkedin\.com\/(?:in|pub)\/|about\.me\/|xing\.com\/profile\//i;

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

/** Websites and social profile URLs stated by the block's lines. */
export function urlsOfBlock(lines: string[], from: Address): { websites: string[]; social: string[] } {
  const websites: string[] = [];
  const social: string[] = [];
  const ownHost = from.email?.split('@')[1]?.toLowerCase() ?? '';
  for (const line of lines) {
    const l = capLine(line).replace(IMAGE_RE, ' ');
    const visible = l.replace(LINK_TARGET_RE, (m) => ' '.repeat(m.length));
    for (const u of findUrls(visible)) {
      const explicit = /^(?:https?:\/\/|www\.)/i.test(u.text);
      const rest = l.slice(u.index + u.text.length, u.index + u.text.length + 6);
      const before = visible.slice(Math.max(0, u.index - 16), u.index);
      const labelled = /(?:\bw|web|website|url|home ?page|site|internet)\s?[:•]?\s*$/i.test(before);
      // A bare domain counts when labelled, linked, or listed beside other contact details.
      const onContactLine =
        /\s[|•]\s/.test(visible) && (findEmails(visible).length > 0 || findPhoneSpans(visible).length > 0);
      // A profile path on a social site ("linkedin.com/in/jane-doe") is a link even without a scheme.
      const profilePath = SOCIAL_RE.test(u.text) && u.text.includes('/');
      if (!explicit && !/^\s?<http/i.test(rest) && !labelled && !onContactLine && !profilePath) continue;
      if (/@$|\S at $/.test(visible.slice(Math.max(0, u.index - 5), u.index))) continue; // (obfuscated) e-mail
      const own = isSocial(u.text, from);
      if (own === true) social.push(u.text);
      else if (own === null && !websites.includes(u.text)) websites.push(u.text);
    }
    // The sender's own domain written alone in a cell ("acme.example", "www.acme.example") is the
    // company's website, labelled or not and whatever its top-level domain. Capitalised ("Alphacomm.net")
    // it is the company's name as written, not a link.
    if (ownHost.length >= 4) {
      for (const cell of visible.split(/\s\|\s|\s[•·]\s|\s{3,}|\t/)) {
        const t = cell.trim();
        const host = t.toLowerCase().replace(/^www\./, '');
        if (
          host === ownHost &&
          t === t.toLowerCase() &&
          !websites.some((w) => w.toLowerCase() === t.toLowerCase())
        )
          websites.push(t);
      }
    }
  }
  return { websites, social };
}
