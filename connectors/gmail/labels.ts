/**
 * Gmail label names for a member's folder exclusions. Messages carry label ids (`INBOX`, `Label_12`), but a
 * member excludes a label by the name they see in Gmail ("Clients"): the connector resolves user labels'
 * names with one users.labels.list per run (1 quota unit, one response for the whole mailbox: Gmail caps a
 * mailbox at 10,000 labels and does not page them), and only when a message carries a user label at all,
 * so a mailbox without labels costs nothing more. System labels' ids are their names (labels.list reference).
 *
 * A message's folders are then its label ids, the names of its user labels and, for a nested label
 * ("Clients/Acme": Gmail nests by "/" in the name), each parent name ("Clients"), so excluding a label
 * excludes its sublabels as Gmail shows them under it.
 */
import type { gmail_v1 } from '@googleapis/gmail';

/** User label ids as Gmail issues them; every other id is a system label whose id is its name. */
const USER_LABEL = /^Label_/;
/** A message carries a few labels; a hostile one cannot make us emit more than this many folders. */
const MAX_FOLDERS = 100;

/** Does any of these messages carry a user label (whose name needs labels.list)? */
export function hasUserLabels(messages: readonly gmail_v1.Schema$Message[]): boolean {
  return messages.some((m) => (m.labelIds ?? []).some((l) => USER_LABEL.test(l)));
}

/** The id -> name map of a labels.list answer (`{labels: [{id, name, type}]}`), user labels only. */
export function labelNames(res: gmail_v1.Schema$ListLabelsResponse): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const l of res.labels ?? []) if (l.id && l.name && USER_LABEL.test(l.id)) names.set(l.id, l.name);
  return names;
}

/** A message's folders: its label ids, then its user labels' names and their parents. */
export function labelFolders(labelIds: readonly string[], names: ReadonlyMap<string, string>): string[] {
  const out = new Set(labelIds);
  for (const id of labelIds) {
    const name = names.get(id);
    if (!name) continue;
    const parts = name.split('/');
    for (let i = parts.length; i > 0; i--) out.add(parts.slice(0, i).join('/'));
  }
  return [...out].slice(0, MAX_FOLDERS);
}
