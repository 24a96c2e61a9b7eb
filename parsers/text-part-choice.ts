/**
 * Which parts of a MIME tree a message's text is read from, for sources that see the tree before any
 * body (Gmail's part list, an IMAP BODYSTRUCTURE). The rule is the one parsers/message.ts applies to a
 * whole message, so a message yields the same text whichever way it arrives: every inline text/plain
 * part in order (some clients put the signature in its own inline part after an attachment), one per
 * multipart/alternative, and the first text/html part. Attachments and attached messages
 * (message/rfc822) are never entered. Pure; the walk is bounded by depth, part count and text parts,
 * so a hostile structure cannot make it long.
 */

/** How to read one kind of tree, and the bounds of the walk (each source states its own). */
export interface MimeTree<N, P> {
  /** MIME type of a node, in any case. */
  type(node: N): string;
  /** True for a part marked as an attachment: never read, nor anything below it. */
  isAttachment(node: N): boolean;
  children(node: N): readonly N[];
  /** What the caller keeps of a text leaf; null skips it. `root`: the message is this one part. */
  leaf(node: N, html: boolean, root: boolean): P | null;
  maxDepth: number;
  maxParts: number;
  /** Inline text/plain parts kept at most. */
  maxTextParts: number;
}

export interface ChosenParts<P> {
  /** Inline text/plain parts in order (one per multipart/alternative). */
  plain: P[];
  /** The first text/html part: the body when there is no plain part, else only for its signature marker. */
  html: P | null;
}

export function chooseTextParts<N, P>(root: N, tree: MimeTree<N, P>): ChosenParts<P> {
  let visited = 0;
  const walk = (node: N, depth: number): ChosenParts<P> => {
    const found: ChosenParts<P> = { plain: [], html: null };
    if (depth > tree.maxDepth || ++visited > tree.maxParts || tree.isAttachment(node)) return found;
    const type = tree.type(node).toLowerCase();
    if (type === 'text/plain' || type === 'text/html') {
      const html = type === 'text/html';
      const p = tree.leaf(node, html, depth === 0);
      if (p !== null && html) found.html = p;
      else if (p !== null) found.plain.push(p);
      return found;
    }
    if (!type.startsWith('multipart/')) return found; // message/rfc822, images, files...
    const alternative = type === 'multipart/alternative';
    for (const child of tree.children(node)) {
      const r = walk(child, depth + 1);
      if (alternative) {
        if (found.plain.length === 0) found.plain = r.plain;
        found.html ??= r.html;
        if (found.plain.length > 0 && found.html) break;
      } else {
        found.plain.push(...r.plain.slice(0, tree.maxTextParts - found.plain.length));
        found.html ??= r.html;
      }
    }
    return found;
  };
  return walk(root, 0);
}
