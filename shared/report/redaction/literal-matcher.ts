// One combined matcher for every learned literal (names, hosts, domains, secrets): a case-folding trie scanned once per
// text, leftmost-longest. Its cost per character does not grow with the number of literals (a first-character table,
// then a walk bounded by the longest literal), and it grows incrementally as the learning pass adds names.

/** Lower-case of each UTF-16 code unit where it stays one unit (İ -> i̇ does not, and keeps its own code). */
const FOLD = (() => {
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    table[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  return table;
})();

/** Longest literal the matcher accepts: it bounds the walk at each position (linear time on any input). */
export const MAX_LITERAL_LENGTH = 256;

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAsciiAlnum(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57);
}

/** A literal's payload; `bounded` literals may not sit inside a run of ASCII letters (digits, _ . - are boundaries). */
export interface LiteralEntry<T> {
  value: T;
  bounded: boolean;
  /** Lower number wins when two literals fold to the same text. */
  priority: number;
}

/** Called on each candidate: false rejects it (then a shorter literal at the same start may still match). */
export type AcceptMatch<T> = (entry: T, start: number, end: number, text: string) => boolean;

export class LiteralMatcher<T> {
  private readonly root = new Int32Array(65536);
  private capacity = 1 << 10;
  private edgeParent = new Int32Array(this.capacity).fill(-1);
  private edgeChar = new Int32Array(this.capacity);
  private edgeChild = new Int32Array(this.capacity);
  private edges = 0;
  private nodes = 1;
  private accepting = new Int32Array(1024);
  /** By a hash of a literal's first two characters: 1 = a bounded literal starts so, 2 = an unbounded one. */
  private readonly starts = new Uint8Array(65536);
  private readonly entries: LiteralEntry<T>[] = [];
  private totalChars = 0;

  constructor(private readonly maxTotalChars = 4_000_000) {}

  get size(): number {
    return this.entries.length;
  }

  /** Adds a literal; false when it is empty, too long, or the matcher is full (the caller's bound). */
  add(literal: string, entry: LiteralEntry<T>): boolean {
    if (literal.length < 2 || literal.length > MAX_LITERAL_LENGTH) return false;
    if (this.totalChars + literal.length > this.maxTotalChars) return false;
    let node = 0;
    for (let i = 0; i < literal.length; i++) {
      const c = FOLD[literal.charCodeAt(i)]!;
      let next = this.child(node, c);
      if (next === 0) {
        next = this.newNode();
        if (node === 0) this.root[c] = next;
        else this.putEdge(node, c, next);
        this.totalChars++;
      }
      node = next;
    }
    this.starts[bigram(FOLD[literal.charCodeAt(0)]!, FOLD[literal.charCodeAt(1)]!)]! |= entry.bounded ? 1 : 2;
    const existing = this.accepting[node]!;
    if (existing !== 0 && this.entries[existing - 1]!.priority <= entry.priority) return true;
    this.entries.push(entry);
    this.accepting[node] = this.entries.length;
    return true;
  }

  /**
   * Leftmost-longest scan: at each position the longest literal that fits its boundaries and `accept` wins; the scan
   * resumes after it. onMatch receives each accepted match in order.
   */
  scan(text: string, accept: AcceptMatch<T>, onMatch: (entry: T, start: number, end: number) => void): void {
    if (this.entries.length === 0) return;
    const root = this.root;
    const accepting = this.accepting;
    const n = text.length;
    const starts = this.starts;
    for (let i = 0; i < n - 1; i++) {
      const c = FOLD[text.charCodeAt(i)]!;
      let node = root[c]!;
      if (node === 0) continue;
      // Cheap checks before the walk: the first two characters, and no bounded literal starts inside a word.
      const kinds = starts[bigram(c, FOLD[text.charCodeAt(i + 1)]!)]!;
      if (kinds === 0) continue;
      if (kinds === 1 && i > 0 && isAsciiLetter(text.charCodeAt(i - 1)) && isAsciiAlnum(c)) continue;
      let bestEnd = -1;
      let bestEntry: LiteralEntry<T> | null = null;
      let j = i;
      for (;;) {
        const id = accepting[node]!;
        if (id !== 0) {
          const entry = this.entries[id - 1]!;
          if (this.fits(entry, text, i, j + 1) && accept(entry.value, i, j + 1, text)) {
            bestEnd = j + 1;
            bestEntry = entry;
          }
        }
        j++;
        if (j >= n) break;
        node = this.child(node, FOLD[text.charCodeAt(j)]!);
        if (node === 0) break;
      }
      if (bestEntry) {
        onMatch(bestEntry.value, i, bestEnd);
        i = bestEnd - 1;
      }
    }
  }

  /** Bounded literals need a non-letter (or the text's edge) before an alphanumeric first char and after an alphanumeric last char. */
  private fits(entry: LiteralEntry<T>, text: string, start: number, end: number): boolean {
    if (!entry.bounded) return true;
    if (start > 0 && isAsciiAlnum(text.charCodeAt(start)) && isAsciiLetter(text.charCodeAt(start - 1))) return false;
    if (end < text.length && isAsciiAlnum(text.charCodeAt(end - 1)) && isAsciiLetter(text.charCodeAt(end)))
      return false;
    return true;
  }

  private newNode(): number {
    const id = this.nodes++;
    if (id >= this.accepting.length) {
      const grown = new Int32Array(this.accepting.length * 2);
      grown.set(this.accepting);
      this.accepting = grown;
    }
    return id;
  }

  private slotOf(parent: number, c: number): number {
    const mask = this.capacity - 1;
    let h = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
    for (;;) {
      const p = this.edgeParent[h]!;
      if (p === -1 || (p === parent && this.edgeChar[h] === c)) return h;
      h = (h + 1) & mask;
    }
  }

  private child(parent: number, c: number): number {
    if (parent === 0) return this.root[c]!;
    const h = this.slotOf(parent, c);
    return this.edgeParent[h] === -1 ? 0 : this.edgeChild[h]!;
  }

  private putEdge(parent: number, c: number, childNode: number): void {
    if ((this.edges + 1) * 2 > this.capacity) this.grow();
    const h = this.slotOf(parent, c);
    this.edgeParent[h] = parent;
    this.edgeChar[h] = c;
    this.edgeChild[h] = childNode;
    this.edges++;
  }

  private grow(): void {
    const { edgeParent, edgeChar, edgeChild } = this;
    this.capacity *= 2;
    this.edgeParent = new Int32Array(this.capacity).fill(-1);
    this.edgeChar = new Int32Array(this.capacity);
    this.edgeChild = new Int32Array(this.capacity);
    for (let i = 0; i < edgeParent.length; i++) {
      if (edgeParent[i] === -1) continue;
      const h = this.slotOf(edgeParent[i]!, edgeChar[i]!);
      this.edgeParent[h] = edgeParent[i]!;
      this.edgeChar[h] = edgeChar[i]!;
      this.edgeChild[h] = edgeChild[i]!;
    }
  }
}

function bigram(a: number, b: number): number {
  return (Math.imul(a, 0x9e37) + b) & 0xffff;
}

/** The case fold the matcher uses, for callers that compare canonical forms. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(FOLD[text.charCodeAt(i)]!);
  return out;
}
