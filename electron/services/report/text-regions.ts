// Decodes a log whose encoding changes inside the file (a UTF-16LE log with a UTF-8 tail appended, a UTF-16 body
// shifted by one byte, a UTF-8 head before a UTF-16 body, UTF-16BE): each region with its own encoding, or dropped
// with a marker when no encoding reads it plausibly. Undecoded bytes never pass through to the redacted copy.
import iconv from 'iconv-lite';
import type { AnsiEncoding, DetectedEncoding } from './text-encoding.ts';

/** An encoding a region can have: UTF-16 with its byte order and the parity of the offsets its units start at. */
type State = 'le0' | 'le1' | 'be0' | 'be1' | 'utf8' | 'ansi' | 'drop';
const STATES: State[] = ['le0', 'le1', 'be0', 'be1', 'utf8', 'ansi', 'drop'];

export type RegionEncoding = 'utf16le' | 'utf16be' | 'utf8' | 'ansi';

export interface RegionSummary {
  /** Regions in file order (adjacent regions of the same encoding merged). */
  regions: Array<{ encoding: RegionEncoding | 'dropped'; bytes: number }>;
  droppedBytes: number;
  /** True when the file was read as one encoding from start to end, with nothing dropped or doubtful. */
  uniform: boolean;
}

/** Says where bytes that could not be decoded were left out of the copy. */
export function droppedMarker(bytes: number): string {
  return `[MSI Doctor: ${bytes} bytes that could not be decoded were left out here]`;
}

function encodingOf(state: State): RegionEncoding | 'dropped' {
  if (state === 'le0' || state === 'le1') return 'utf16le';
  if (state === 'be0' || state === 'be1') return 'utf16be';
  return state === 'drop' ? 'dropped' : state;
}

/** How plausible a decoded code point is in an installer log, per byte it took (ASCII 1, CJK 0.6, garbage -2). */
function plausibility(cp: number): number {
  if (cp >= 0x20 && cp <= 0x7e) return 1;
  if (cp === 9 || cp === 10 || cp === 13) return 1;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0xfffd) return -2;
  if (cp >= 0xe000 && cp <= 0xf8ff) return -2; // private use
  if (cp >= 0xd800 && cp <= 0xdfff) return -0.3; // surrogates: emoji are rare in logs
  if (cp >= 0x4e00 && cp <= 0x9fff) return 0.6; // CJK
  if ((cp >= 0x3000 && cp <= 0x30ff) || (cp >= 0xff00 && cp <= 0xffef)) return 0.6; // CJK punctuation, kana, fullwidth
  if (cp >= 0xa0 && cp <= 0x24f) return 0.5; // Latin-1 and Latin Extended
  if (cp === 0xfeff) return 0.5; // a BOM in the middle of an appended log
  if ((cp >= 0x370 && cp <= 0x4ff) || (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x2100 && cp <= 0x22ff)) return 0.3;
  return -0.3; // Hangul, CJK extension A, Yi, other scripts: rare in the logs of our users
}

/** A UTF-16 unit whose two bytes are both printable ASCII: what 8-bit text looks like when read as UTF-16. */
function asciiPair(unit: number): boolean {
  const hi = unit >> 8;
  const lo = unit & 0xff;
  const printable = (b: number) => (b >= 0x20 && b <= 0x7e) || b === 9 || b === 10 || b === 13;
  return printable(hi) && printable(lo);
}

function unitScore(unit: number): number {
  // ASCII with the other byte order or parity ("A" read as U+4100): the alignment is wrong.
  if ((unit & 0xff) === 0 && unit >> 8 >= 0x20 && unit >> 8 <= 0x7e) return -1;
  // A CJK character is one unit, as an ASCII one is: scored alike, so Chinese read one byte off (half its units then
  // look like ASCII) does not outscore the same Chinese read right.
  if (unit >= 0x4e00 && unit <= 0x9fff && !asciiPair(unit)) return 1;
  const p = plausibility(unit);
  return p > 0 && asciiPair(unit) ? Math.min(p, 0.3) : p;
}

const DROP_SCORE = -0.5;
const SWITCH = 24;
/**
 * What each UTF-16BE unit costs beside its plausibility. UTF-16LE shifted by one byte reads as UTF-16BE at the other
 * parity with the same ASCII: Windows writes LE, so LE wins such ties.
 */
const BE_PRIOR = 0.1;
/** Changing the byte order of UTF-16 costs this many switches (a stray byte and the other parity cost two). */
const FLIP_SWITCHES = 3;

function flipsByteOrder(from: number, to: number): boolean {
  const a = STATES[from]!;
  const b = STATES[to]!;
  return (a.startsWith('le') && b.startsWith('be')) || (a.startsWith('be') && b.startsWith('le'));
}

function switchCost(from: number, to: number): number {
  return flipsByteOrder(from, to) ? SWITCH * FLIP_SWITCHES : SWITCH;
}
/** Windows longer than this are segmented in consecutive slices (bounded memory for the tables). */
const SLICE = 1 << 16;

interface Emission {
  length: number;
  score: number;
}

/** What each state reads at offset i of bytes (absolute offset base + i), or null when it cannot start there. */
function emission(
  state: State,
  bytes: Uint8Array,
  i: number,
  end: number,
  base: number,
  ansi: string,
): Emission | null {
  const left = end - i;
  switch (state) {
    case 'le0':
    case 'le1':
    case 'be0':
    case 'be1': {
      const parity = state.endsWith('0') ? 0 : 1;
      if ((base + i) % 2 !== parity || left < 2) return null;
      const le = state.startsWith('le');
      const unit = le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
      return { length: 2, score: 2 * unitScore(unit) - (le ? 0 : BE_PRIOR) };
    }
    case 'utf8': {
      const b = bytes[i]!;
      if (b < 0x80) return { length: 1, score: plausibility(b) };
      const length = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
      if (length === 0 || left < length) return { length: 1, score: -2 };
      let cp = b & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
      for (let k = 1; k < length; k++) {
        const c = bytes[i + k]!;
        if ((c & 0xc0) !== 0x80) return { length: 1, score: -2 };
        cp = (cp << 6) | (c & 0x3f);
      }
      return { length, score: length * plausibility(cp) };
    }
    case 'ansi': {
      const b = bytes[i]!;
      if (b < 0x80) return { length: 1, score: plausibility(b) };
      if (ansi === 'gbk') {
        const t = left >= 2 ? bytes[i + 1]! : 0;
        if (b >= 0x81 && b <= 0xfe && t >= 0x40 && t <= 0xfe && t !== 0x7f) return { length: 2, score: 2 * 0.5 };
        return { length: 1, score: -2 };
      }
      return { length: 1, score: [0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b) ? -2 : 0.4 };
    }
    case 'drop':
      return { length: 1, score: DROP_SCORE };
  }
}

/**
 * The most plausible split of bytes[0, end) into regions (a Viterbi path over byte offsets: each state reads a
 * character, changing state costs SWITCH). Starts in `from`; ends in `to` when given. With `open`, the path may stop
 * up to 3 bytes early (a character cut by the chunk's end is read with the next chunk): `stop` says where.
 */
export function segment(
  bytes: Uint8Array,
  end: number,
  base: number,
  from: State,
  to: State | null,
  ansi: string,
  open = false,
): { regions: Array<{ state: State; start: number; end: number }>; stop: number } {
  const n = STATES.length;
  const score = new Float64Array((end + 1) * n).fill(-Infinity);
  const backPos = new Int32Array((end + 1) * n).fill(-1);
  const backState = new Int8Array((end + 1) * n).fill(-1);
  const start = STATES.indexOf(from);
  for (let s = 0; s < n; s++) score[s] = s === start ? 0 : -switchCost(start, s);
  for (let i = 0; i <= end; i++) {
    let best = -Infinity;
    let bestState = 0;
    for (let s = 0; s < n; s++) {
      if (score[i * n + s]! > best) {
        best = score[i * n + s]!;
        bestState = s;
      }
    }
    if (i > 0)
      for (let s = 0; s < n; s++) {
        // The best state to switch from: the overall best, unless that flips the byte order (then also the best
        // state that does not: a stray byte shifting UTF-16LE is far likelier than UTF-16BE after UTF-16LE).
        let source = bestState;
        let value = best - switchCost(bestState, s);
        if (flipsByteOrder(bestState, s))
          for (let k = 0; k < n; k++) {
            const v = score[i * n + k]! - switchCost(k, s);
            if (v > value) {
              value = v;
              source = k;
            }
          }
        if (value > score[i * n + s]!) {
          score[i * n + s] = value;
          backPos[i * n + s] = i;
          backState[i * n + s] = source;
        }
      }
    if (i === end) break;
    for (let s = 0; s < n; s++) {
      const here = score[i * n + s]!;
      if (here === -Infinity) continue;
      const e = emission(STATES[s]!, bytes, i, end, base, ansi);
      if (!e) continue;
      const j = i + e.length;
      if (j > end) continue;
      if (here + e.score > score[j * n + s]!) {
        score[j * n + s] = here + e.score;
        backPos[j * n + s] = i;
        backState[j * n + s] = s;
      }
    }
  }
  let state = to === null ? 0 : STATES.indexOf(to);
  let stop = end;
  if (to === null) {
    // Bytes left for the next chunk count as plain text, so a cut character is not forced into another encoding.
    let best = -Infinity;
    for (let p = open ? Math.max(0, end - 3) : end; p <= end; p++)
      for (let k = 0; k < n; k++) {
        const value = score[p * n + k]! + (end - p);
        if (value > best) {
          best = value;
          state = k;
          stop = p;
        }
      }
  }
  if (score[stop * n + state] === -Infinity) state = STATES.indexOf('drop');
  // Trace back: collect (state, position) steps, then merge runs of one state into regions.
  const cuts: Array<{ state: State; start: number; end: number }> = [];
  let pos = stop;
  let s = state;
  while (pos > 0 || STATES[s] !== from) {
    const prevPos = backPos[pos * n + s]!;
    const prevState = backState[pos * n + s]!;
    if (prevPos < 0) break;
    if (prevPos === pos) {
      s = prevState; // a switch at this offset
      continue;
    }
    const last = cuts[cuts.length - 1];
    if (last && last.state === STATES[s] && last.start === pos) last.start = prevPos;
    else cuts.push({ state: STATES[s]!, start: prevPos, end: pos });
    pos = prevPos;
  }
  return { regions: cuts.reverse(), stop };
}

/** Characters outside what installer logs of our users hold: decoded text with them is doubtful, never copied as is. */
const UNEXPECTED =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u0250-\\u036f\\u0500-\\u1fff\\u2300-\\u2fff\\u3100-\\u4dff\\ua000-\\ufefe\\ufff0-\\uffff';
const DOUBTFUL = new RegExp(`[${UNEXPECTED}]`);

const U16_SUSPECT = (() => {
  let pairs = '';
  let swapped = '';
  const hex = (n: number) => `\\u${n.toString(16).padStart(4, '0')}`;
  for (const hi of [9, 10, 13, ...Array.from({ length: 0x5f }, (_, k) => 0x20 + k)]) {
    pairs += `${hex((hi << 8) | 0x20)}-${hex((hi << 8) | 0x7e)}${hex((hi << 8) | 9)}${hex((hi << 8) | 10)}${hex((hi << 8) | 13)}`;
    if (hi >= 0x20) swapped += hex(hi << 8);
  }
  return new RegExp(`[${UNEXPECTED}]|[${pairs}]{4}|[${swapped}]{2}`);
})();
const BYTE_SUSPECT = new RegExp(`[${UNEXPECTED}]`);
/** Runs of characters other than ASCII text and Latin-1: only inside them can a suspect character sit. */
const NOT_PLAIN = /[^\t\n\r\x20-\x7e\xa0-\xff]+/g;

/** Index of the first suspect character at or after `from` (checked run by run: plain text is skipped fast). */
function firstSuspect(text: string, from: number, suspect: RegExp): number {
  NOT_PLAIN.lastIndex = from;
  for (let run = NOT_PLAIN.exec(text); run; run = NOT_PLAIN.exec(text)) {
    const hit = suspect.exec(run[0]);
    if (hit) return run.index + hit.index;
  }
  return -1;
}

/**
 * Whether decoded UTF-16 text holds nothing that betrays another encoding: what RegionDecoder checks before it takes a
 * chunk as read (its fast path). Holding for a text, it holds for every part of it cut at any place.
 */
export function readsAsPlainUtf16(text: string): boolean {
  return firstSuspect(text, 0, U16_SUSPECT) < 0;
}

function stateOf(encoding: DetectedEncoding['encoding'], offset: number): State {
  if (encoding === 'utf16le') return offset % 2 === 0 ? 'le0' : 'le1';
  if (encoding === 'utf16be') return offset % 2 === 0 ? 'be0' : 'be1';
  return encoding === 'utf8' ? 'utf8' : 'ansi';
}

/**
 * A streaming decoder that follows encoding changes. Chunks are decoded fast in the current encoding; a chunk whose
 * text betrays a wrong encoding (control characters, ASCII read as UTF-16, invalid UTF-8) is segmented byte by byte.
 */
export class RegionDecoder {
  private pending: Buffer = Buffer.alloc(0);
  /** Absolute offset of pending[0] in the file. */
  private offset: number;
  private state: State;
  private readonly summary: RegionSummary = { regions: [], droppedBytes: 0, uniform: true };
  /** Whether the last decode read its bytes in the current encoding alone, with nothing doubtful (see plain). */
  private fast = false;
  /**
   * The bytes the last write() decoded when its text is exactly them read as UTF-16 two by two (one region, nothing
   * doubtful or dropped), with their byte order; else null. A scan thread can then be sent the bytes, not the text.
   */
  plain: { bytes: Buffer; bigEndian: boolean } | null = null;

  constructor(
    encoding: DetectedEncoding['encoding'],
    bomLength: number,
    private readonly ansi: AnsiEncoding,
  ) {
    this.offset = bomLength;
    this.state = stateOf(encoding, bomLength);
  }

  /** Decoded text of the bytes so far (a BOM must already be skipped). */
  write(chunk: Uint8Array): string {
    // A view, not a copy, when nothing is pending (the usual case: UTF-16 chunks end on a whole unit).
    const bytes = this.pending.length
      ? Buffer.concat([this.pending, chunk])
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const state = this.state;
    const { text, consumed } = this.decode(bytes, this.safeEnd(bytes), false);
    const sixteen = state !== 'utf8' && state !== 'ansi';
    this.plain =
      this.fast && sixteen ? { bytes: bytes.subarray(0, consumed), bigEndian: state.startsWith('be') } : null;
    this.pending = bytes.subarray(consumed);
    this.offset += consumed;
    return text;
  }

  /**
   * write() for a UTF-16 chunk taken to read as plain UTF-16, without decoding it: the bytes write() would decode,
   * noted as its fast path notes them. The caller has their text checked elsewhere (readsAsPlainUtf16) and, if it
   * does not read as plain, starts again from the file's start with write().
   */
  writePlain(chunk: Uint8Array): Buffer {
    if (this.state === 'utf8' || this.state === 'ansi') throw new Error('RegionDecoder.writePlain: not UTF-16');
    const bytes = this.pending.length
      ? Buffer.concat([this.pending, chunk])
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const end = this.safeEnd(bytes);
    this.note(this.state, end);
    this.plain = null;
    this.pending = bytes.subarray(end);
    this.offset += end;
    return bytes.subarray(0, end);
  }

  /** Bytes held back for the next write (a character cut by the end of the last chunk). */
  get held(): number {
    return this.pending.length;
  }

  end(): string {
    this.plain = null;
    const bytes = this.pending;
    this.pending = Buffer.alloc(0);
    const text = bytes.length ? this.decode(bytes, bytes.length, true).text : '';
    this.offset += bytes.length;
    return text;
  }

  result(): RegionSummary {
    return this.summary;
  }

  /** Where this chunk can end without splitting a character: after the last newline in 8-bit text, an even count in UTF-16. */
  private safeEnd(bytes: Buffer): number {
    if (this.state === 'utf8' || this.state === 'ansi') {
      const newline = bytes.lastIndexOf(10);
      if (newline >= 0) return newline + 1;
      return bytes.length > 1 << 22 ? bytes.length - 8 : 0;
    }
    let end = bytes.length - (bytes.length % 2);
    // keep a trailing high surrogate with its partner
    if (end >= 2) {
      const unit = this.state.startsWith('le')
        ? bytes[end - 2]! | (bytes[end - 1]! << 8)
        : (bytes[end - 2]! << 8) | bytes[end - 1]!;
      if (unit >= 0xd800 && unit <= 0xdbff) end -= 2;
    }
    return end;
  }

  private fastText(bytes: Buffer, end: number, state: State): string {
    if (state === 'le0' || state === 'le1') return bytes.toString('utf16le', 0, end - (end % 2));
    if (state === 'be0' || state === 'be1') {
      const copy = Buffer.from(bytes.subarray(0, end - (end % 2)));
      return copy.swap16().toString('utf16le');
    }
    if (state === 'utf8') return bytes.toString('utf8', 0, end);
    return iconv.decode(bytes.subarray(0, end), this.ansi);
  }

  /** Decodes bytes[0, end): the text and how many bytes it used (a character cut by the end waits for the next chunk). */
  private decode(bytes: Buffer, end: number, final: boolean): { text: string; consumed: number } {
    this.fast = false;
    if (end === 0) return { text: '', consumed: 0 };
    const state = this.state;
    const sixteen = state !== 'utf8' && state !== 'ansi';
    const text = this.fastText(bytes, end, state);
    const suspect = sixteen ? U16_SUSPECT : BYTE_SUSPECT;
    const first = firstSuspect(text, 0, suspect);
    if (first < 0 && (!sixteen || end % 2 === 0)) {
      this.note(state, end);
      this.fast = true;
      return { text, consumed: end };
    }
    // Lines (in the current encoding) that hold a suspect character are re-read byte by byte; the others stand.
    const charStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1))
      charStarts.push(i + 1);
    let byteStarts: number[];
    if (sixteen) byteStarts = charStarts.map((c) => c * 2);
    else {
      byteStarts = [0];
      for (let i = bytes.indexOf(10); i >= 0 && i + 1 < end; i = bytes.indexOf(10, i + 1)) byteStarts.push(i + 1);
    }
    const windows: Array<[number, number]> = [];
    if (byteStarts.length !== charStarts.length || first < 0) windows.push([0, end]);
    else {
      let line = 0;
      for (let index = first; index >= 0; index = firstSuspect(text, charStarts[line + 1]!, suspect)) {
        while (line + 1 < charStarts.length && charStarts[line + 1]! <= index) line++;
        const from = byteStarts[line]!;
        const to = line + 1 < byteStarts.length ? byteStarts[line + 1]! : end;
        const last = windows[windows.length - 1];
        if (last && from <= last[1]) last[1] = Math.max(last[1], to);
        else windows.push([from, to]);
        if (line + 1 >= charStarts.length) break;
      }
    }
    let out = '';
    let at = 0;
    for (const [from, to] of windows) {
      if (from > at) {
        this.note(this.state, from - at);
        out += this.fastText(bytes.subarray(at), from - at, this.state);
      }
      const open = to === end && !final;
      const done = this.segmented(bytes.subarray(from, to), open, to === end, from);
      out += done.text;
      at = from + done.consumed;
      if (at < to) return { text: out, consumed: at };
    }
    if (at < end) {
      this.note(this.state, end - at);
      out += this.fastText(bytes.subarray(at), end - at, this.state);
    }
    return { text: out, consumed: end };
  }

  /**
   * Segments a window in slices cut after a newline of the current region where possible, and decodes each region in
   * its own encoding. A window that reaches the end of the chunk (`last`) leaves its final encoding current; an
   * `open` one may stop a few bytes early, before a character the next chunk completes.
   */
  private segmented(bytes: Buffer, open: boolean, last: boolean, from = 0): { text: string; consumed: number } {
    let out = '';
    const before = this.state;
    let start = 0;
    while (start < bytes.length) {
      let stop = Math.min(bytes.length, start + SLICE);
      if (stop < bytes.length) stop = this.sliceEnd(bytes, start, stop, from);
      const slice = bytes.subarray(start, stop);
      const closing = stop === bytes.length && !last;
      const flexible = stop < bytes.length || open;
      const { regions, stop: used } = segment(
        slice,
        slice.length,
        this.offset + from + start, // the window's place in the file: UTF-16's parity is counted from the file's start
        this.state,
        closing ? before : null,
        this.ansi,
        flexible,
      );
      for (const region of regions) {
        const piece = slice.subarray(region.start, region.end);
        this.note(region.state, piece.length);
        if (region.state === 'drop') {
          out += droppedMarker(piece.length);
          continue;
        }
        const text = this.fastText(Buffer.from(piece), piece.length, region.state);
        if (DOUBTFUL.test(text)) this.summary.uniform = false;
        out += text;
        this.state = region.state;
      }
      if (used === 0 && stop === bytes.length) break;
      start += used === 0 ? slice.length : used;
    }
    return { text: out, consumed: Math.min(start, bytes.length) };
  }

  /** A slice end near `stop` right after a newline of the current encoding, so no character straddles two slices. */
  private sliceEnd(bytes: Buffer, start: number, stop: number, from: number): number {
    for (let i = stop - 1; i > Math.max(start, stop - 4096); i--) {
      if (this.state === 'utf8' || this.state === 'ansi') {
        if (bytes[i - 1] === 10) return i;
      } else if ((this.offset + from + i) % 2 === (this.state.endsWith('0') ? 0 : 1)) {
        const le = this.state.startsWith('le');
        if (le ? bytes[i - 2] === 10 && bytes[i - 1] === 0 : bytes[i - 2] === 0 && bytes[i - 1] === 10) return i;
      }
    }
    return stop;
  }

  private note(state: State, bytes: number): void {
    if (bytes === 0) return;
    const encoding = encodingOf(state);
    if (encoding === 'dropped') this.summary.droppedBytes += bytes;
    const last = this.summary.regions[this.summary.regions.length - 1];
    if (last && last.encoding === encoding) last.bytes += bytes;
    else {
      if (last) this.summary.uniform = false;
      this.summary.regions.push({ encoding, bytes });
    }
    if (encoding === 'dropped') this.summary.uniform = false;
  }
}
