// Searching long texts for fixed strings that are rare in them (`Property(`, `eyJ`, `OneDrive - `): the same answers as
// String.prototype.indexOf / includes, found by the regular-expression engine, which is several times faster there.
//
// Why: V8 runs indexOf, includes and a regex made of one literal only (an "atom") with one string search, which stops
// at every occurrence of the literal's first character; on a log whose lines are full of that character (`e`, `P`,
// `C`, `-`) it costs 0.3-0.5 ns per character of text. Any other pattern is compiled by irregexp, whose Boyer-Moore
// lookahead checks several positions of the literal at once and skips ahead: 2-4x faster for such literals on the
// bench log and on the real logs of ../shared/corpus, in one-byte and two-byte strings alike. Writing the literal's
// last character as a one-character class keeps the pattern exactly the literal while making it no atom.
// Literals whose first character is rare in logs (`\`, `*`, `A`) or that occur on most lines (`Name=`, `::`) are
// found faster by indexOf: keep indexOf for those, and measure before switching a search.

/** The pattern that matches exactly `literal`: each code unit escaped, the last as a class (so the pattern is no atom). */
function literalPattern(literal: string): string {
  if (literal === '') throw new Error('LiteralSearch: empty literal');
  let source = '';
  for (let i = 0; i < literal.length; i++) {
    const unit = `\\u${literal.charCodeAt(i).toString(16).padStart(4, '0')}`;
    source += i === literal.length - 1 ? `[${unit}]` : unit;
  }
  return source;
}

/** One literal, or any of several (`ecureString`, `ECURESTRING`, `ecurestring`), searched for by the regex engine. */
export class LiteralSearch {
  private readonly pattern: RegExp;
  private readonly length: number;

  constructor(literals: string | readonly string[]) {
    const list = typeof literals === 'string' ? [literals] : literals;
    if (list.length === 0) throw new Error('LiteralSearch: no literal');
    this.pattern = new RegExp(list.map(literalPattern).join('|'), 'g');
    // indexIn derives the match's start from where it ends when every literal has the same length (no allocation).
    this.length = list.every((l) => l.length === list[0]!.length) ? list[0]!.length : -1;
  }

  /** What `text.indexOf(literal, from)` returns (the first of the literals found, for several). */
  indexIn(text: string, from = 0): number {
    const pattern = this.pattern;
    pattern.lastIndex = from;
    if (this.length > 0) return pattern.test(text) ? pattern.lastIndex - this.length : -1;
    const m = pattern.exec(text);
    return m ? m.index : -1;
  }

  /** What `text.includes(literal)` returns (any of them, for several). */
  foundIn(text: string): boolean {
    this.pattern.lastIndex = 0;
    return this.pattern.test(text);
  }
}
