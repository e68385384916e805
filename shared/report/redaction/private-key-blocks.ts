// Private key material in text: PEM, OpenSSH and PGP blocks (`-----BEGIN … PRIVATE KEY[ BLOCK]-----` … `-----END`)
// and PuTTY key files (`Private-Lines: N`). A block can arrive cut in two (a stream reads a log in pieces, and each
// piece is read on its own, maybe on another thread): the part after a BEGIN with no END in sight is read forwards
// while its lines look like key material, and the part before an END with no BEGIN is read backwards the same way,
// so each piece redacts its half of the block without knowing the other half.
import { finding, type Finding } from './findings.ts';
import { LiteralSearch } from '../../text/literal-search.ts';

const MARKER = 'PRIVATE KEY';
/** A block's END is looked for this far: everything before it is the block's. */
const END_LIMIT = 16_384;
/** With no END that near, key material is read line by line this far from a BEGIN (or back from an END). */
const BLOCK_LIMIT = 65_536;
/** PEM/PGP header lines ("Proc-Type: 4,ENCRYPTED", "Version: GnuPG v2") read before the material, at most. */
const MAX_HEADERS = 6;

function isBase64(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** [start, end) without the spaces (and `\r`) around it. */
function trim(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** A line of key material: base64 only (PEM, OpenSSH and PGP armour lines, PGP's `=CRC` line), four characters at least. */
function isMaterial(text: string, start: number, end: number): boolean {
  [start, end] = trim(text, start, end);
  if (end - start < 4) return false;
  for (let i = start; i < end; i++) if (!isBase64(text.charCodeAt(i))) return false;
  return true;
}

/** An armour header line (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`, `Comment: …`): not secret, but inside the block. */
function isHeader(text: string, start: number, end: number): boolean {
  [start, end] = trim(text, start, end);
  let i = start;
  while (i < end && i - start < 32) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45)) break;
    i++;
  }
  return i > start && text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 32;
}

/** Where the marker that has `PRIVATE KEY` at `at` closes (after `-----` or ` BLOCK-----`), or -1. */
function markerClose(text: string, at: number): number {
  const after = at + MARKER.length;
  if (text.startsWith('-----', after)) return after + 5;
  if (text.startsWith(' BLOCK-----', after)) return after + 11;
  return -1;
}

/** Every private key block's material, line by line (the block keeps its lines and markers). */
export function findPrivateKeyBlocks(text: string, out: Finding[]): void {
  const lines = new ForwardLines(text);
  let endMarker = -1;
  /** Where the last block read ends: an END marker before it closes that block, one after it has no BEGIN here. */
  let covered = 0;
  for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + MARKER.length)) {
    const close = markerClose(text, at);
    if (close < 0) continue;
    const head = Math.max(0, at - 48);
    const before = text.slice(head, at);
    const begin = before.lastIndexOf('-----BEGIN');
    const end = before.lastIndexOf('-----END');
    if (end > begin) {
      // An END whose BEGIN is not in this text (or was too far): the material just before it.
      if (head + end >= covered) materialBefore(text, head + end, covered, out);
      covered = Math.max(covered, close);
      continue;
    }
    if (begin < 0) continue;
    const from = head + begin;
    if (endMarker < close) endMarker = indexOrEnd(text, '-----END', close);
    const stop =
      endMarker - close <= END_LIMIT && endMarker < text.length
        ? blockTo(text, lines, close, endMarker, from, out)
        : materialAfter(text, lines, close, from, out);
    covered = Math.max(covered, stop);
    at = Math.max(at, stop - MARKER.length);
  }
  findPuttyPrivateLines(text, new ForwardLines(text), out);
}

/** Every line of [start, end) (the block up to its END marker) but armour headers, each as a secret; returns end. */
function blockTo(text: string, lines: ForwardLines, start: number, end: number, from: number, out: Finding[]): number {
  for (let line = start; line < end;) {
    const lineEnd = Math.min(lines.endAfter(line), end);
    if (!isHeader(text, line, lineEnd)) secretLine(text, line, lineEnd, from, out);
    line = lineEnd + 1;
  }
  return end;
}

/**
 * The block after a BEGIN whose END is not in sight: the rest of the marker's line, then header lines (before the
 * material), one blank line after them, and the lines of key material, up to the first other line or BLOCK_LIMIT.
 */
function materialAfter(text: string, lines: ForwardLines, start: number, from: number, out: Finding[]): number {
  let lineEnd = lines.endAfter(start);
  secretLine(text, start, lineEnd, from, out);
  let headers = 0;
  let material = false;
  let blank = false;
  let line = lineEnd + 1;
  while (line < text.length && line - start < BLOCK_LIMIT) {
    lineEnd = lines.endAfter(line);
    if (isMaterial(text, line, lineEnd)) {
      material = true;
      secretLine(text, line, lineEnd, from, out);
    } else if (!material && headers < MAX_HEADERS && isHeader(text, line, lineEnd)) headers++;
    else if (!material && headers > 0 && !blank && trim(text, line, lineEnd)[0] === trim(text, line, lineEnd)[1])
      blank = true;
    else return line;
    line = lineEnd + 1;
  }
  return Math.min(line, text.length);
}

/** The lines of key material just before an END marker at `end` (back to `floor` or the first other line). */
function materialBefore(text: string, end: number, floor: number, out: Finding[]): void {
  const limit = Math.max(floor, end - BLOCK_LIMIT);
  // The END marker's own line: material written before it on the same line ("…AB== -----END").
  let lineStart = end;
  while (lineStart > limit && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (isMaterial(text, lineStart, end)) secretLine(text, lineStart, end, lineStart, out);
  let lineEnd = lineStart - 1;
  while (lineEnd > limit) {
    let s = lineEnd;
    while (s > limit && text.charCodeAt(s - 1) !== 10) s--;
    if (!isMaterial(text, s, lineEnd)) return;
    secretLine(text, s, lineEnd, s, out);
    lineEnd = s - 1;
  }
}

const PUTTY_PRIVATE = new LiteralSearch('Private-Lines:');

/** PuTTY key files: `Private-Lines: N` and the N lines after it. */
function findPuttyPrivateLines(text: string, lines: ForwardLines, out: Finding[]): void {
  for (let at = PUTTY_PRIVATE.indexIn(text); at >= 0; at = PUTTY_PRIVATE.indexIn(text, at + 14)) {
    let i = at + 14;
    while (text.charCodeAt(i) === 32) i++;
    let count = 0;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57 && count < 1000)
      count = count * 10 + text.charCodeAt(i++) - 48;
    let line = lines.endAfter(i) + 1;
    for (let n = 0; n < Math.min(count, 256) && line < text.length; n++) {
      const lineEnd = lines.endAfter(line);
      secretLine(text, line, lineEnd, at, out);
      line = lineEnd + 1;
    }
    at = Math.max(at, line - 14);
  }
}

function secretLine(text: string, start: number, end: number, from: number, out: Finding[]): void {
  [start, end] = trim(text, start, end);
  if (end > start) out.push(finding('secret', text, start, end, text.slice(start, end), from));
}

/** The next newline at or after a position; searches run forward only (remembered), so many markers stay linear. */
class ForwardLines {
  private next = -1;
  constructor(private readonly text: string) {}
  endAfter(at: number): number {
    if (this.next < at) this.next = indexOrEnd(this.text, '\n', at);
    return this.next;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}
