// Logs as people paste them: each line behind a repeated prefix ("> ", "> 12:26:46 PM: ", "2024-05-08T10:11:12Z ",
// a log shipper's "host | "), or a whole log flattened onto a few lines (records joined by spaces, or JSON/YAML-escaped
// with literal "\r\n" and doubled backslashes). This module learns the prefix and cuts lines back into records.
import { parseActionLine } from './action-line.ts';
import { P } from './patterns.ts';

// ------------------------------------------------------------------ the repeated prefix

/**
 * A prefix shape: digits runs stand for any number ('0'), ASCII letter runs for any word ('a'), other characters
 * for themselves. "> 12:26:46 PM: " and "> 9:05:01 AM: " share the shape "> 0:0:0 a: ".
 */
export interface LinePrefix {
  shape: string;
}

/** The shape of text[start..] up to maxChars characters of the original. */
function shapeOf(text: string, start: number, maxChars: number): string {
  let shape = '';
  let i = start;
  const stop = Math.min(text.length, start + maxChars);
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      while (i < stop && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      shape += '0';
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      while (i < stop) {
        const d = text.charCodeAt(i);
        if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122))) break;
        i++;
      }
      shape += 'a';
    } else {
      shape += text[i];
      i++;
    }
  }
  return shape;
}

/** Where a prefix can end: after a separator (space, tab, ':', '|', ']', '>'). */
function isBoundary(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === ':' || ch === '|' || ch === ']' || ch === '>';
}

/** Offset after the prefix when the line starts with it, else -1. Spaces after the prefix are skipped. */
export function matchPrefix(prefix: LinePrefix, text: string, start: number, end: number): number {
  const shape = prefix.shape;
  let i = start;
  for (let k = 0; k < shape.length; k++) {
    if (i >= end) return -1;
    const s = shape.charCodeAt(k);
    const c = text.charCodeAt(i);
    if (s === 48) {
      if (c < 48 || c > 57) return -1;
      while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    } else if (s === 97) {
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
      while (i < end) {
        const d = text.charCodeAt(i);
        if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122))) break;
        i++;
      }
    } else {
      if (c !== s) return -1;
      i++;
    }
  }
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** A line that is recognizably a log record once its prefix is gone. */
function looksLikeRecord(text: string): boolean {
  if (text.startsWith('MSI (') || text.startsWith('=== ') || text.startsWith('Property(')) return true;
  if (text.startsWith('CustomAction ') || text.startsWith('Action ') || text.startsWith('DEBUG: ')) return true;
  if (text.charCodeAt(0) === 91 && text.charCodeAt(5) === 58 && text.charCodeAt(10) === 93) return true; // [0A2C:1F44]
  return parseActionLine(text) !== null;
}

/** Lines the learner looks at; the prefix must be on at least 60% of them (and on two). */
export const PREFIX_SAMPLE_LINES = 40;
const MAX_PREFIX_CHARS = 80;

/**
 * Learns the prefix repeated on most of the first lines, if removing it turns more lines into log records.
 * A plain verbose log shares "MSI (s) (0:0) [0:0:0:0]: " on most lines, but removing that makes fewer records: kept.
 */
export function learnPrefix(lines: readonly string[]): LinePrefix | null {
  const sample = lines.filter((l) => l.trim().length > 0).slice(0, PREFIX_SAMPLE_LINES);
  if (sample.length < 2) return null;
  const counts = new Map<string, number>();
  for (const line of sample) {
    const shape = shapeOf(line, 0, MAX_PREFIX_CHARS);
    const seen = new Set<string>();
    for (let k = 0; k < shape.length; k++) {
      if (!isBoundary(shape[k]!)) continue;
      // A prefix ends after a separator (matchPrefix skips the spaces that follow it).
      const candidate = shape.slice(0, k + 1);
      if (!seen.has(candidate)) {
        seen.add(candidate);
        counts.set(candidate, (counts.get(candidate) ?? 0) + 1);
      }
    }
  }
  const need = Math.max(2, Math.ceil(sample.length * 0.6));
  const score = (prefix: LinePrefix | null) => {
    let n = 0;
    for (const line of sample) {
      const at = prefix ? matchPrefix(prefix, line, 0, line.length) : 0;
      if (looksLikeRecord(line.slice(Math.max(at, 0), Math.max(at, 0) + 400))) n++;
    }
    return n;
  };
  let best: LinePrefix | null = null;
  let bestScore = score(null);
  const candidates = [...counts.entries()].filter(([, n]) => n >= need).map(([shape]) => shape);
  candidates.sort((a, b) => a.length - b.length);
  for (const shape of candidates) {
    const prefix = { shape };
    const s = score(prefix);
    if (s > bestScore) {
      best = prefix;
      bestScore = s;
    }
  }
  return best;
}

// ------------------------------------------------------------------ flattened and escaped text

/** JSON / YAML string escapes back to text: \r \n \t \" \\ \/ \uXXXX (unknown escapes are kept as written). */
export function unescapeText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    const n = text[i + 1]!;
    let rep: string | null = null;
    let len = 2;
    if (n === 'n') rep = '\n';
    else if (n === 'r') rep = '\r';
    else if (n === 't') rep = '\t';
    else if (n === '"' || n === '\\' || n === '/' || n === "'") rep = n;
    else if (n === 'u' && i + 5 < text.length) {
      if (P.HEX4.test(text.slice(i + 2, i + 6))) {
        rep = String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
        len = 6;
      }
    }
    if (rep === null) continue;
    out += text.slice(from, i) + rep;
    i += len - 1;
    from = i + 1;
  }
  return out + text.slice(from);
}

/**
 * A line that holds several records: escaped line breaks, or record starts in its middle. Native substring scans go
 * first (every escape has a backslash, every record start inside a line one of these words after its first
 * character): most lines of a big log have none, and the patterns never run on them. `engineLine`: the line starts
 * like an engine line or a property (a long one is flattened only if other engine lines, actions or properties follow).
 */
export function needsSplitting(text: string, engineLine = false): boolean {
  if (text.includes('\\') && P.ESCAPED_TEXT.test(text)) return true;
  return mayStartRecordInside(text, engineLine) && P.STRONG_RECORD_START.test(text);
}

/** A literal of STRONG_RECORD_START's alternatives past the first character (the cheapest test first). */
function mayStartRecordInside(text: string, engineLine: boolean): boolean {
  if (text.indexOf('MSI (', 1) > 0 || text.indexOf('Action ', 1) > 0 || text.indexOf('Property(', 1) > 0) return true;
  // "=== " and "][" are frequent in ordinary long engine lines ("Name=Value" lists, paths): looked for elsewhere only.
  return !engineLine && (text.indexOf('=== ', 1) > 0 || text.indexOf('][', 1) > 0);
}

/**
 * Cuts one physical line back into records: unescapes it when it is an escaped string, splits at line breaks, then
 * before every record start that follows a space. A header "=== ... ===" stays whole.
 */
export function splitRecords(text: string): string[] {
  const unescaped = P.ESCAPED_TEXT.test(text) ? unescapeText(text) : text;
  const out: string[] = [];
  for (const piece of unescaped.split(P.LINE_BREAK)) splitAtRecordStarts(piece, out);
  return out;
}

function splitAtRecordStarts(text: string, out: string[]): void {
  if (!P.STRONG_RECORD_START.test(text)) {
    out.push(text);
    return;
  }
  let start = 0;
  // A header record runs to its closing "===".
  let headerEnd = text.startsWith('=== ') ? text.indexOf(' ===', 4) : -1;
  for (const m of text.matchAll(P.RECORD_START)) {
    const at = m.index;
    if (at <= start || at < headerEnd + 4) continue;
    const before = text.slice(Math.max(start, at - 6), at);
    const after = text.charCodeAt(at + 1);
    // "Product: X -- Error 1311." and "DEBUG: Error 2826" keep their error; a "Name:  output" line split needs a
    // flattened neighbourhood (it is the weakest record start).
    if (after === 69 /* E */ && (before.endsWith('--') || before.endsWith('DEBUG:'))) continue;
    out.push(text.slice(start, at).trim());
    start = at + 1;
    headerEnd = text.startsWith('=== ', start) ? text.indexOf(' ===', start + 4) : -1;
  }
  out.push(text.slice(start).trim());
}

// ------------------------------------------------------------------ records and the file's lines

/**
 * Lines this long may hold a flattened log even when they start like an ordinary engine line. Engine lines alone
 * reach a few hundred characters (FileCopy ops, command lines, property values); a flattened run of records is longer.
 */
const LONG_LINE = 1000;
/** Lines shorter than this hold one record (two records need more). */
const SHORT_LINE = 40;
/** Learning the prefix stops after this much text (a flattened first line ends it at once). */
const LEARN_MAX_CHARS = 256 * 1024;
/** Lines cut into records are remembered up to this many (record -> line); after that they are kept whole. */
const MAX_SPLIT_LINES = 10_000;

export interface RecordShaper {
  /** A line of the file (or, continued = true, the next piece of a line longer than the splitter's limit). */
  line(chunk: string, start: number, end: number, continued: boolean): void;
  /** The input ended: records still held back (while the prefix was being learned) go out now. */
  end(): void;
  /** The file's line a record came from. */
  toLine(record: number): number;
  /** Lines of the file seen. */
  readonly lines: number;
}

/**
 * Turns the file's lines into log records: strips the repeated prefix it learned on the first lines, cuts flattened
 * and escaped lines back into records, and numbers the records (record n = line n until a line is cut).
 * `emit` gets the text, its offsets and the record number.
 */
export function createRecordShaper(
  emit: (text: string, start: number, end: number, record: number) => void,
): RecordShaper {
  let physical = 0;
  let record = 0;
  let prefix: LinePrefix | null = null;
  let learning: Array<{ text: string; continued: boolean }> | null = [];
  let learnedChars = 0;
  let nonEmpty = 0;
  /** Lines cut into several records: records first..last are line `line`; extraAfter = records - lines after them. */
  const splits: Array<{ first: number; last: number; line: number; extraAfter: number }> = [];
  let extra = 0;

  function finishLearning(): void {
    const held = learning ?? [];
    learning = null;
    prefix = learnPrefix(held.filter((h) => !h.continued).map((h) => h.text));
    for (const h of held) shape(h.text, 0, h.text.length, h.continued);
  }

  function mayHoldRecords(chunk: string, start: number, end: number): boolean {
    const len = end - start;
    if (len < SHORT_LINE) return false;
    const c = chunk.charCodeAt(start);
    // An engine line or a property holds one record unless it is long.
    const engineLine = c === 77 /* M */ || c === 80; /* P */
    if (len <= LONG_LINE && engineLine) return false;
    const text = start === 0 && end === chunk.length ? chunk : chunk.slice(start, end);
    return needsSplitting(text, engineLine);
  }

  function shape(chunk: string, start: number, end: number, continued: boolean): void {
    if (!continued) physical++;
    let s = start;
    if (prefix && !continued) {
      const at = matchPrefix(prefix, chunk, s, end);
      if (at >= 0) s = at;
    }
    if (splits.length < MAX_SPLIT_LINES && (continued || mayHoldRecords(chunk, s, end))) {
      const records = splitRecords(chunk.slice(s, end));
      // A continued piece starts with the end of a record its previous piece already passed on.
      if (continued) records.shift();
      const kept = records.filter((r) => r.length > 0);
      if (kept.length > 1 || continued) {
        const first = record + 1;
        for (const r of kept) emit(r, 0, r.length, ++record);
        extra += kept.length - (continued ? 0 : 1);
        splits.push({ first, last: record, line: physical, extraAfter: extra });
        return;
      }
    }
    emit(chunk, s, end, ++record);
  }

  return {
    line(chunk, start, end, continued) {
      // Hot path, most lines of a big log: no prefix to strip and a line that holds one record (short, or an engine
      // line or property of ordinary length) goes straight on.
      if (!learning && !prefix && !continued) {
        const len = end - start;
        const c = chunk.charCodeAt(start);
        if (len < SHORT_LINE || (len <= LONG_LINE && (c === 77 /* M */ || c === 80)) /* P */) {
          physical++;
          emit(chunk, start, end, ++record);
          return;
        }
      }
      if (!learning) return shape(chunk, start, end, continued);
      const text = chunk.slice(start, end);
      learning.push({ text, continued });
      learnedChars += text.length;
      if (text.trim()) nonEmpty++;
      if (nonEmpty >= PREFIX_SAMPLE_LINES || learnedChars >= LEARN_MAX_CHARS || continued) finishLearning();
    },
    end() {
      if (learning) finishLearning();
    },
    toLine(n) {
      // The last cut line at or before record n.
      let lo = 0;
      let hi = splits.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (splits[mid]!.first <= n) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (at < 0) return n;
      const cut = splits[at]!;
      return n <= cut.last ? cut.line : n - cut.extraAfter;
    },
    get lines() {
      return physical;
    },
  };
}
