// Physical lines -> log records of the three shapes deployment tools write: CMTrace records (one record may span many
// lines), PSADT "Legacy" text lines (with continuation lines), and CMTrace viewer copies (TAB-separated).
// Linear time: every scan moves forward with indexOf / charCodeAt; no regex with nested quantifiers sees a message.

export type RecordShape = 'cmtrace' | 'psadt-text' | 'cmtrace-copy';

export interface DeployRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  shape: RecordShape;
  /** The message, lines joined with \n, at most MAX_MESSAGE_CHARS. */
  message: string;
  component: string;
  /** The account (PSADT writes it; ConfigMgr and IME leave it empty). */
  context: string;
  /** 0 success (PSADT 4), 1 information, 2 warning, 3 error; null when the record says nothing. */
  type: number | null;
  /** Raw `time` attribute, or the whole timestamp of a text line. */
  time: string;
  /** Raw `date` attribute ('' for text lines whose timestamp holds the date). */
  date: string;
  thread: string;
  file: string;
  /** PSADT text lines: the [section] (Install, Pre-Install...), else null. */
  section: string | null;
}

/** Longest message kept per record; the rest is dropped (memory stays flat on hostile input). */
export const MAX_MESSAGE_CHARS = 32 * 1024;

const OPEN = '<![LOG[';
const CLOSE = ']LOG]!>';

// [timestamp] [section] [source] (optional [severity]) :: message — PSADT 3 Legacy, 4.0 and 4.1 text styles.
// Bounded character classes and one trailing (.*): linear.
const PSADT_TEXT_RE =
  /^\[(\d[^\][]{7,40})\] \[([^\][]{0,60})\] \[([^\][]{0,160})\](?: \[(Info|Warning|Error|Success)\])? ::(?: (.*))?$/;
const SEVERITY: Record<string, number> = { Success: 0, Info: 1, Warning: 2, Error: 3 };
const COPY_THREAD_RE = /^\d+ \(0x[0-9A-Fa-f]+\)$/;

/** The shape a single line has, if it starts a record of one. */
export function shapeOfLine(text: string): RecordShape | null {
  const start = firstNonSpace(text);
  if (text.startsWith(OPEN, start)) return 'cmtrace';
  if (text.charCodeAt(start) === 91 /* [ */ && PSADT_TEXT_RE.test(start ? text.slice(start) : text))
    return 'psadt-text';
  if (copyFields(text)) return 'cmtrace-copy';
  return null;
}

function firstNonSpace(text: string): number {
  let i = 0;
  // BOM (a UTF-8 file read without sniffing), spaces, tabs
  while (i < text.length && (text.charCodeAt(i) === 0xfeff || text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9))
    i++;
  return i;
}

/** message<TAB>component<TAB>date time<TAB>thread (0xhex): the last three TABs carry the fields. */
function copyFields(text: string): { message: string; component: string; when: string; thread: string } | null {
  const t3 = text.lastIndexOf('\t');
  if (t3 <= 0) return null;
  const thread = text.slice(t3 + 1).trim();
  if (!COPY_THREAD_RE.test(thread)) return null;
  const t2 = text.lastIndexOf('\t', t3 - 1);
  if (t2 <= 0) return null;
  const t1 = text.lastIndexOf('\t', t2 - 1);
  if (t1 < 0) return null;
  const when = text.slice(t2 + 1, t3).trim();
  if (!/^\d/.test(when)) return null;
  return { message: text.slice(0, t1), component: text.slice(t1 + 1, t2).trim(), when, thread };
}

/** Reads `key="value"` pairs up to the closing `>`; returns the attributes and where parsing stopped. */
function readAttributes(text: string, from: number): { attrs: Record<string, string>; end: number } {
  const attrs: Record<string, string> = {};
  let i = text.indexOf('<', from);
  if (i < 0 || i - from > 4) return { attrs, end: from };
  i++;
  const n = text.length;
  while (i < n) {
    while (i < n && text.charCodeAt(i) === 32) i++;
    if (i >= n || text.charCodeAt(i) === 62 /* > */) return { attrs, end: Math.min(i + 1, n) };
    const eq = text.indexOf('=', i);
    if (eq < 0) break;
    const key = text.slice(i, eq).trim();
    if (text.charCodeAt(eq + 1) !== 34 /* " */) break;
    const close = text.indexOf('"', eq + 2);
    if (close < 0) break;
    if (key.length <= 20) attrs[key] = text.slice(eq + 2, close);
    i = close + 1;
  }
  const gt = text.indexOf('>', i);
  return { attrs, end: gt < 0 ? n : gt + 1 };
}

export interface RecordReader {
  /** One physical line (without its line break), numbered from 1. */
  line(lineNo: number, text: string): void;
  /** Emits a record still open at the end of input. */
  end(): void;
  /** The shape the input was locked to by its first record, or null. */
  shape(): RecordShape | null;
  /** Non-empty lines seen before the first record (prose, another log type). */
  strayLines(): number;
}

export function createRecordReader(onRecord: (record: DeployRecord) => void): RecordReader {
  let shape: RecordShape | null = null;
  let stray = 0;
  // The record being assembled (CMTrace: until ]LOG]!>; text shapes: until the next record line).
  let open: { line: number; parts: string[]; size: number } | null = null;
  let pendingText: DeployRecord | null = null;
  let copyPrefix: { line: number; parts: string[]; size: number } | null = null;

  function append(target: { parts: string[]; size: number }, piece: string): void {
    if (target.size >= MAX_MESSAGE_CHARS) return;
    const room = MAX_MESSAGE_CHARS - target.size;
    const kept = piece.length > room ? piece.slice(0, room) : piece;
    target.parts.push(kept);
    target.size += kept.length + 1;
  }

  function emitCmtrace(message: string, attrs: Record<string, string>, line: number): void {
    const type = attrs.type !== undefined && /^\d$/.test(attrs.type) ? Number(attrs.type) : null;
    onRecord({
      line,
      shape: 'cmtrace',
      message,
      component: attrs.component ?? '',
      context: attrs.context ?? '',
      type,
      time: attrs.time ?? '',
      date: attrs.date ?? '',
      thread: attrs.thread ?? '',
      file: attrs.file ?? '',
      section: null,
    });
  }

  function cmtraceLine(lineNo: number, text: string): void {
    let pos = 0;
    // A new record at the start of a line while one is still open: the open one was cut (rotation boundary).
    if (open && text.startsWith(OPEN, firstNonSpace(text))) {
      emitCmtrace(open.parts.join('\n'), {}, open.line);
      open = null;
    }
    for (;;) {
      if (!open) {
        const at = text.indexOf(OPEN, pos);
        if (at < 0) {
          if (pos === 0 && text.trim()) stray++;
          return;
        }
        open = { line: lineNo, parts: [], size: 0 };
        pos = at + OPEN.length;
      }
      const close = text.indexOf(CLOSE, pos);
      if (close < 0) {
        append(open, pos === 0 ? text : text.slice(pos));
        return;
      }
      append(open, text.slice(pos, close));
      const { attrs, end } = readAttributes(text, close + CLOSE.length);
      emitCmtrace(open.parts.join('\n'), attrs, open.line);
      open = null;
      pos = end;
      if (pos >= text.length) return;
    }
  }

  function flushText(): void {
    if (pendingText) onRecord(pendingText);
    pendingText = null;
  }

  function psadtTextLine(lineNo: number, text: string): void {
    const start = firstNonSpace(text);
    const m = text.charCodeAt(start) === 91 ? PSADT_TEXT_RE.exec(start ? text.slice(start) : text) : null;
    if (!m) {
      // A continuation (error records, session tables span lines).
      if (pendingText && pendingText.message.length < MAX_MESSAGE_CHARS)
        pendingText.message = (pendingText.message + '\n' + text).slice(0, MAX_MESSAGE_CHARS);
      else if (!pendingText && text.trim()) stray++;
      return;
    }
    flushText();
    pendingText = {
      line: lineNo,
      shape: 'psadt-text',
      message: (m[5] ?? '').slice(0, MAX_MESSAGE_CHARS),
      component: m[3] ?? '',
      context: '',
      type: m[4] ? (SEVERITY[m[4]] ?? null) : null,
      time: m[1] ?? '',
      date: '',
      thread: '',
      file: '',
      section: m[2] ?? null,
    };
  }

  function copyLine(lineNo: number, text: string): void {
    const fields = copyFields(text);
    if (!fields) {
      // The first lines of a multi-line message; the fields come on its last line.
      if (text.trim() || copyPrefix) {
        copyPrefix ??= { line: lineNo, parts: [], size: 0 };
        append(copyPrefix, text);
      }
      return;
    }
    const line = copyPrefix?.line ?? lineNo;
    const message = copyPrefix ? [...copyPrefix.parts, fields.message].join('\n') : fields.message;
    copyPrefix = null;
    const space = fields.when.indexOf(' ');
    onRecord({
      line,
      shape: 'cmtrace-copy',
      message: message.slice(0, MAX_MESSAGE_CHARS),
      component: fields.component,
      context: '',
      type: null,
      time: space < 0 ? '' : fields.when.slice(space + 1),
      date: space < 0 ? fields.when : fields.when.slice(0, space),
      thread: fields.thread.split(' ')[0] ?? '',
      file: '',
      section: null,
    });
  }

  return {
    line(lineNo, text) {
      if (shape === null) {
        shape = shapeOfLine(text);
        if (shape === null) {
          if (text.trim()) stray++;
          return;
        }
      }
      if (shape === 'cmtrace') cmtraceLine(lineNo, text);
      else if (shape === 'psadt-text') psadtTextLine(lineNo, text);
      else copyLine(lineNo, text);
    },
    end() {
      if (open) emitCmtrace(open.parts.join('\n'), {}, open.line);
      open = null;
      flushText();
      copyPrefix = null;
    },
    shape: () => shape,
    strayLines: () => stray,
  };
}
