// Reads "Action start 12:34:56: X." / "Action ended 12:34:56: X. Return value 3." in any language, by hand and in one
// pass (a regex with nested lazy groups here once cost seconds per line): words, a time, ':', a name, '.', [words, a number].

export interface ActionLine {
  name: string;
  /** null for "Action start"; the trailing number for "Action ended" (null when it does not fit in 32 bits). */
  returnValue: number | null;
  ended: boolean;
}

/** Longest line that can be an action line (names are identifiers; the words around them are short). */
export const MAX_ACTION_LINE = 400;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0x200e || c === 0x200f;
}
function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || isDigit(c) || c === 46;
}
/** ':' or the full-width '：'. */
function isColon(c: number): boolean {
  return c === 58 || c === 0xff1a;
}
/** '.' or the ideographic '。'. */
function isStop(c: number): boolean {
  return c === 46 || c === 0x3002;
}

/**
 * The words before the time have no digit, colon or bracket ("Action ended", "操作结束", "Action terminée",
 * "アクションの終了", "انتهاء الإجراء"); a 12-hour marker may sit on either side of the time (下午 4:25:27, 4:25:27 PM).
 */
export function parseActionLine(line: string): ActionLine | null {
  const n = line.length;
  if (n > MAX_ACTION_LINE) return null;
  let i = 0;
  while (i < n && !isDigit(line.charCodeAt(i))) {
    const c = line.charCodeAt(i);
    if (isColon(c) || c === 91 || c === 93 || c === 40 || c === 0xff08) return null;
    i++;
  }
  if (i < 2 || i > 48 || i === n) return null;
  // hh:mm:ss
  let j = i;
  while (j < n && j - i < 2 && isDigit(line.charCodeAt(j))) j++;
  if (j === i || line.charCodeAt(j) !== 58) return null;
  if (!isDigit(line.charCodeAt(j + 1)) || !isDigit(line.charCodeAt(j + 2)) || line.charCodeAt(j + 3) !== 58)
    return null;
  if (!isDigit(line.charCodeAt(j + 4)) || !isDigit(line.charCodeAt(j + 5))) return null;
  j += 6;
  // Optional AM/PM-like marker (PM, 午後, 오후, م), then ':' or '：'.
  while (j < n && isSpace(line.charCodeAt(j))) j++;
  const marker = j;
  while (
    j < n &&
    j - marker < 4 &&
    !isColon(line.charCodeAt(j)) &&
    !isSpace(line.charCodeAt(j)) &&
    !isDigit(line.charCodeAt(j))
  )
    j++;
  while (j < n && isSpace(line.charCodeAt(j))) j++;
  if (!isColon(line.charCodeAt(j))) return null;
  j++;
  while (j < n && isSpace(line.charCodeAt(j))) j++;
  // The action name: an identifier (letters, digits, '_' and '.'), then '.' or '。'.
  if (!isNameStart(line.charCodeAt(j))) return null;
  const nameStart = j;
  while (j < n && isNameChar(line.charCodeAt(j))) j++;
  let nameEnd = j;
  if (line.charCodeAt(nameEnd - 1) === 46) {
    // "X." : the period belongs to the sentence, not the name ("Foo.Bar." -> Foo.Bar).
    nameEnd--;
    while (nameEnd > nameStart && line.charCodeAt(nameEnd - 1) === 46) nameEnd--;
  } else {
    while (j < n && isSpace(line.charCodeAt(j))) j++;
    if (!isStop(line.charCodeAt(j))) return null;
    j++;
  }
  if (nameEnd === nameStart) return null;
  const name = line.slice(nameStart, nameEnd);
  // The rest: nothing (a start), or a few words and a number (an end: "Return value 3.", "返回值 3。").
  let end = n;
  while (end > j && isSpace(line.charCodeAt(end - 1))) end--;
  if (end === j) return { name, returnValue: null, ended: false };
  if (isStop(line.charCodeAt(end - 1))) end--;
  while (end > j && isSpace(line.charCodeAt(end - 1))) end--;
  const digitsEnd = end;
  while (end > j && isDigit(line.charCodeAt(end - 1))) end--;
  if (end === digitsEnd) return null;
  const negative = end > j && line.charCodeAt(end - 1) === 45;
  if (negative) end--;
  // Between the name and the number: 1-60 characters of words, no digit.
  if (end - j < 1 || end - j > 60) return null;
  for (let k = j; k < end; k++) if (isDigit(line.charCodeAt(k))) return null;
  const digits = line.slice(negative ? end + 1 : end, digitsEnd);
  const value = digits.length > 10 ? null : Number(digits) * (negative ? -1 : 1);
  return {
    name,
    returnValue: value !== null && value >= -2147483648 && value <= 4294967295 ? value : null,
    ended: true,
  };
}
