/**
 * Per-message memo of the vocabulary predicates (title, company, address, name shape): the line
 * scorer and the labeller's features ask them of the same lines, and each is a large alternation.
 * One memo lives for one message's window, so it never grows past ~40 lines' worth of strings.
 */
import { hasCompanyWord, hasTitleWord, looksLikeAddress, looksLikeName } from './lines.ts';

export class VocabMemo {
  private readonly memo = new Map<string, number>();

  /** Bit 2k says predicate k was asked, bit 2k+1 holds its answer. */
  private ask(s: string, k: number, fn: (s: string) => boolean): boolean {
    const bits = this.memo.get(s) ?? 0;
    if (bits & (1 << (2 * k))) return (bits & (1 << (2 * k + 1))) !== 0;
    const v = fn(s);
    this.memo.set(s, bits | (1 << (2 * k)) | (v ? 1 << (2 * k + 1) : 0));
    return v;
  }

  title(s: string): boolean {
    return this.ask(s, 0, hasTitleWord);
  }
  company(s: string): boolean {
    return this.ask(s, 1, hasCompanyWord);
  }
  address(s: string): boolean {
    return this.ask(s, 2, looksLikeAddress);
  }
  name(s: string): boolean {
    return this.ask(s, 3, looksLikeName);
  }
}
