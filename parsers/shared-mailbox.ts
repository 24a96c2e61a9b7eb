import { isDepartment, namesFunction } from './department.ts';
import { asHostLetters, domainLabels, matchesDomain } from './fields/company.ts';
import { hasCompanyWord, hasLatinLetters, hasTitleWord } from './lines.ts';
import { isRoleLocalPart, isMailboxJoiner } from './role-accounts.ts';
import { signsAsSender } from './signs-as-sender.ts';
import type { Address } from './types.ts';

/**
 * A shared mailbox no list names: mail from `bunkers@`, `bordereaux@` or `amostras@` signed by a person. The
 * role lists (role-accounts.ts) know the desks of many trades by name; every trade has more. What gives a
 * shared mailbox away without its name is that the From line names nobody who signs. Three shapes:
 * - the display name is not the signer: the local part is one word that is no part of the signer's name, and
 *   the display is not the person the local part names either (it names the desk or the firm);
 * - the display name is the signer (a Workspace alias, a mailbox sending as the person) or absent: the local
 *   part is one word that is no part of the name, at the firm's own domain (firmMailboxOfAnother);
 * - a desk of the role lists and its branch, both spelled in the display name (deskOfBranch).
 * A person's own mailbox carries their name, their initials or a short form of it; an assistant writing from
 * their own mailbox under someone else's block carries their own. Dotted addresses other than a desk and its
 * branch ("enron.announcements", "ops.team") are the role lists' to judge, and digits ("zchas001") make a
 * person's handle.
 */
export function signedForSharedMailbox(from: Address, block: SignedBlock): boolean {
  const signer = block.name;
  const at = from.email?.indexOf('@') ?? -1;
  const local = at > 0 ? from.email!.slice(0, at) : '';
  const display = from.name?.trim() ?? '';
  if (!signer || signer.trim() === '' || local === '') return false;
  if (titleNamesMailbox(local, signer, block)) return true;
  if (display === '' || samePerson(display, signer))
    return firmMailboxOfAnother(local, display, signer, from, block);
  if (!/^[a-z]{3,30}$/i.test(local)) return deskOfBranch(local, display, signer, from);
  if (signsAsSender(signer, from)) return false;
  // "Noa Berkovitz" over a block signed "נועה ברקוביץ": names in two scripts cannot be compared.
  if (hasLatinLetters(display) && !hasLatinLetters(signer)) return false;
  if (namesPart(local, latinTokens(signer))) return false;
  // "Elona Dotson" <edotson@> sending a colleague's block: her own mailbox, named by her display name.
  return !namesPart(local, latinTokens(display)) || namesTeam(display, from.email!, local);
}

/** What the block says that bears on whose mailbox it came from. */
export interface SignedBlock {
  name: string | null;
  title?: string | null;
  department?: string | null;
  company: string | null;
  websites: readonly string[];
}

/**
 * `trafico@` under "Ejecutiva de Tráfico", `modelarnia@` under "Kierownik Modelarni", `netzanschluss@` under
 * "Sachbearbeiterin Netzanschlussmanagement", `colour.lab@` under "Colour Matching Laboratory",
 * `recogida.balas@` under "Coordinadora de Logística de Recogidas", `ga.security@` under "GA Security Clerk": the
 * address names the unit the signer works in or heads, as their title or department writes it (inflected,
 * shortened or as the head of a compound), and no word of it is a part of their name. A person's own mailbox
 * names the person; one named after their unit is the unit's.
 */
function titleNamesMailbox(local: string, signer: string, block: SignedBlock): boolean {
  const toks = fold(local).split(/[._-]+/);
  if (toks.length > 3 || toks.some((t) => !/^[a-z]{2,30}$/.test(t))) return false;
  // "박서연" <seoyeon.park@>: a name in another script cannot be compared with the address.
  if (!hasLatinLetters(signer)) return false;
  const name = latinTokens(signer);
  if (toks.some((t) => namesPart(t, name))) return false;
  const unit = words(`${block.title ?? ''} ${block.department ?? ''}`).filter(
    (w) => w.length >= 5 && !hasTitleWord(w),
  );
  // A word of five letters or more names the unit (the others, if any, say what it handles): the word itself,
  // inflected, or the head of a compound ("netzanschluss" of "netzanschlussmanagement").
  return toks.some(
    (t) => t.length >= 5 && unit.some((w) => sameStem(t, w) || (t.length >= 8 && w.startsWith(t))),
  );
}

/** One word, or an inflection of it: "modelarnia" and "modelarni", "trafico" and "tráfico" (folded). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 6 && n >= Math.max(a.length, b.length) - 2;
}

/**
 * "Tan Wei Jie" <aog@mro.example> (or no display name) over Tan Wei Jie's block at MRO Ltd: the display is the
 * signer, but the address is one word that is no part of the name, at the firm's own domain (the block's
 * company or website names it). A personal address off the firm's domain ("Mark Baker" <distobj@acm.org>,
 * a society's forwarding address, under his company's block) is his own.
 */
function firmMailboxOfAnother(
  local: string,
  display: string,
  signer: string,
  from: Address,
  block: SignedBlock,
): boolean {
  if (!/^[a-z]{3,30}$/i.test(local)) return false;
  if (hasLatinLetters(display || signer) !== hasLatinLetters(signer)) return false;
  if (!hasLatinLetters(signer) && !hasLatinLetters(display)) return false;
  // "bill@" for William: a short form or nickname of the name is the person's own.
  if (signsAsSender(local, { name: display || signer, email: from.email })) return false;
  if (namesPart(local, latinTokens(signer)) || namesPart(local, latinTokens(display))) return false;
  return firmDomain(from.email!, block);
}

/** Is the sender's domain the block's firm: its company spells it, or one of its websites is on it? */
function firmDomain(email: string, block: SignedBlock): boolean {
  const domain = email.slice(email.indexOf('@') + 1).toLowerCase();
  const labels = domainLabels(email);
  if (block.company && matchesDomain(block.company, labels)) return true;
  return block.websites.some((w) => {
    const host =
      w
        .toLowerCase()
        .replace(/^[a-z]+:\/\//, '')
        .replace(/^www\./, '')
        .split(/[/:?#]/)[0] ?? '';
    return host !== '' && (domain === host || domain.endsWith(`.${host}`) || host.endsWith(`.${domain}`));
  });
}

/**
 * "Showroom Milano – Bellandi" <showroom.milano@bellandi...>, "Studio BIM Kraków" <bim.krakow@...>, "Kestrel
 * Cranes – Heavy Lift Bookings" <heavylift.bookings@...>, "Open Access Grants" <oa-grants@...>: a desk of the
 * role lists and its branch or line of business, every word of the address written in the display name (or
 * its initials), which is not the signer. The firm's own name as the other word ("Enron Announcements"
 * <enron.announcements@>) is the role lists' to judge.
 */
function deskOfBranch(local: string, display: string, signer: string, from: Address): boolean {
  const toks = fold(local).split(/[._-]+/);
  if (toks.length < 2 || toks.length > 3 || toks.some((t) => !/^[a-z]{2,20}$/.test(t))) return false;
  if (!toks.some((t) => isRoleLocalPart(t))) return false;
  // Words of the display, adjacent pairs joined too ("Heavy Lift Bookings" shows "heavylift"); an inflected
  // word shows its stem ("Zamówienia Taboru" shows "tabor").
  const ws = words(display);
  const shown = new Set([...ws, ...ws.slice(1).map((w, k) => `${ws[k]}${w}`)]);
  const shows = (t: string) =>
    shown.has(t) || (t.length >= 5 && ws.some((w) => w.startsWith(t) && w.length <= t.length + 2));
  // "Open Access Grants" <oa-grants@>: the initials of words the display writes out, beside the desk's word it
  // writes too (a person's initials, "Carla Trent" <ct-grants@>, come with no desk in the display).
  // "Unidad de Ensayos Clínicos – Farmacia" <uec.farmacia@>: the small words between are not initialled.
  const deskShown = toks.filter((t) => isRoleLocalPart(t)).every((t) => shown.has(t));
  const heads = words(display.replace(/(?:^|\s)\p{Ll}{1,3}(?=\s)/gu, ' '));
  const initials = (t: string) =>
    deskShown &&
    t.length >= 2 &&
    heads.some(
      (_, k) =>
        heads
          .slice(k, k + t.length)
          .map((w) => w[0])
          .join('') === t,
    );
  // "QP Certification" <qp.certification@>: an acronym the display writes in capitals.
  const acronym = (t: string) =>
    deskShown && new RegExp(`(?:^|[^\\p{L}])${t.toUpperCase()}(?![\\p{L}])`, 'u').test(display);
  const firm = domainLabels(from.email!).join(' ');
  const places = toks.filter((t) => !isRoleLocalPart(t));
  if (
    places.length === 0 ||
    !places.every((t) => ((shows(t) && t.length >= 3) || initials(t) || acronym(t)) && !firm.includes(t))
  )
    return false;
  if (samePerson(display, signer) || signsAsSender(signer, from)) return false;
  return !toks.some((t) => namesPart(t, latinTokens(signer)));
}

/** Lower-case, unaccented words of a name (any script), two letters or more. */
function words(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 2);
}

/** Lower case without accents, as an address spells a name ("Sørensen" is sorensen, "Kjær" kjaer). */
function fold(s: string): string {
  return asHostLetters(s.toLowerCase(), false);
}

/** The name's words in Latin letters (one-letter initials kept), for comparing with a local part. */
function latinTokens(name: string): string[] {
  return fold(name)
    .split(/[^a-z]+/)
    .filter((w) => w !== '');
}

/** Do the display name and the signer's name share a word, or a word's first three letters? */
function samePerson(display: string, signer: string): boolean {
  const a = words(display);
  const b = words(signer);
  return a.some((x) =>
    b.some((y) => x === y || (x.length >= 3 && y.length >= 3 && x.slice(0, 3) === y.slice(0, 3))),
  );
}

/**
 * Does the local part write a part of the name: a word of it, the first three letters or more of one
 * ("wunder" of Walter Underwood, "dbasinge"), its initials ("mjh", "cwg" for Chris W. Garrigues)?
 */
function namesPart(local: string, toks: readonly string[]): boolean {
  const l = fold(local).replace(/[^a-z]/g, '');
  if (toks.some((t) => t.length >= 3 && l.includes(t.slice(0, 3)))) return true;
  const initials = toks.map((t) => t[0]).join('');
  if (initials.length >= 2 && l.includes(initials)) return true;
  // "bec" for Rebecca, "liz" for Elizabeth: a short form from inside the name.
  if (l.length >= 3 && toks.some((t) => t.includes(l))) return true;
  return l.length <= 12 && prefixesOf(l, toks, 0, l.length <= 5);
}

/**
 * Is `l` a run of prefixes of the name's words, in order, some skipped: "mkj" (Mette Kjær), "mks" (Mads Kjær
 * Sørensen), "twj", "jsmith"? In a short one, one letter may be a middle initial the name does not show
 * ("bkc" for Brad Clements).
 */
function prefixesOf(l: string, toks: readonly string[], from: number, initial: boolean): boolean {
  if (l === '') return true;
  if (initial && from > 0 && prefixesOf(l.slice(1), toks, from, false)) return true;
  for (let k = from; k < toks.length; k++) {
    const t = toks[k]!;
    for (let n = Math.min(t.length, l.length); n >= 1; n--)
      if (t.startsWith(l.slice(0, n)) && prefixesOf(l.slice(n), toks, k + 1, initial)) return true;
  }
  return false;
}

/**
 * A display name naming a desk, a unit or the firm ("Bunker Desk", "Acme Ltd"), or the firm and the mailbox's
 * own word after it ("Meranti Bunkers" <bunkers@meranti-fuels...>): every other word is a word of the sender's
 * domain.
 */
function namesTeam(display: string, email: string, local: string): boolean {
  if (hasCompanyWord(display) || isDepartment(display) || namesFunction(display)) return true;
  const labels = domainLabels(email);
  if (matchesDomain(display, labels)) return true;
  const ws = words(display);
  if (ws.some((w) => isRoleLocalPart(w) || isMailboxJoiner(w))) return true;
  const firm = labels.join(' ');
  const named = ws.filter((w) => namesPart(local, [w]));
  // Words of two letters ("MV" before a vessel's name, "de") say nothing either way.
  const rest = ws.filter((w) => !named.includes(w) && w.length >= 3);
  const parts = labels.flatMap((l) => l.split('-')).filter((p) => p.length >= 4);
  // "Triebwerkstechnik" at nordheide-triebwerk: a word of the firm's name may extend a part of its domain.
  // "Explotación EDAR Alto Henares": an acronym in capitals (a plant, a site) goes with the firm's words too.
  const acronyms = new Set(
    display
      .split(/\s+/)
      .filter((w) => /^\p{Lu}{2,5}$/u.test(w))
      .map((w) => w.toLowerCase()),
  );
  const firmWord = (w: string) =>
    firm.includes(w) || parts.some((p) => p.length >= 5 && w.startsWith(p)) || acronyms.has(w);
  // The mailbox's word first, then the firm's name of two words or more, or across a separator ("Repairs -
  // Ashdown Hydraulics", "Wareneingang Nordheide Triebwerkstechnik"): no given name before a surname.
  const firstAllowed = rest.length >= 2 || /\s[-–|]\s/.test(display);
  // The mailbox's word after the firm's: "Meranti Bunkers". A person's given name comes first ("Noa Berkovitz"
  // <noa@berkovitz-law...>, a partner of the firm named after her), or after a comma ("Berkovitz, Noa").
  return (
    !display.includes(',') &&
    named.length > 0 &&
    ws[0] !== undefined &&
    (!named.includes(ws[0]) || firstAllowed) &&
    rest.length > 0 &&
    rest.every(firmWord)
  );
}
