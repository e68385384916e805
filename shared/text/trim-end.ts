// Trailing-run trimming without a regular expression: `s.replace(/\\+$/, '')` retries the run from every start
// position when the run is followed by anything else, which is quadratic on a long run; this loop is linear.

/** `s` without the run of characters at its end that satisfy `isTrimmed`. */
export function trimEndWhere(s: string, isTrimmed: (ch: string) => boolean): string {
  let end = s.length;
  while (end > 0 && isTrimmed(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the trailing run of any of `chars` (e.g. `'\\/'` for path separators). */
export function trimEndChars(s: string, chars: string): string {
  return trimEndWhere(s, (ch) => chars.includes(ch));
}

/** `s` without leading and trailing runs of any of `chars`. */
export function trimChars(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start]!)) start++;
  return trimEndChars(s.slice(start), chars);
}

const WORD_CHAR = /^[A-Za-z0-9_]$/;
/** `s` without its trailing run of non-word characters (what `/\W+$/` removed). */
export function trimEndNonWord(s: string): string {
  return trimEndWhere(s, (ch) => !WORD_CHAR.test(ch));
}
