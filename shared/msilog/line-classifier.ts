// Turns one log record into a typed event (or null for the ~95% of lines that carry nothing we need).
// Cheap character checks come first; the few patterns left are linear (patterns.ts). One classifier per analysis:
// it remembers the last engine line's process head, so nothing carries from one analysis to the next.

import { KEPT_PROPERTIES } from './kept-properties.ts';
import { parseActionLine, MAX_ACTION_LINE } from './action-line.ts';
import { endsWithColonNumber, parseProductMessage, parseStatusLine, type StatusVerb } from './status-line.ts';
import { codeFromDigits, parseCode, pidFromHex } from './numbers.ts';
import { classifyHeader, type HeaderKind, type HeaderTracker } from './header-line.ts';
import { parseWrapperLine, type WrapperEvent } from './wrapper-output.ts';
import { P } from './patterns.ts';

export type ProcessRole = 'client' | 'server' | 'custom-action';

export type LineEvent =
  | { kind: 'header'; header: HeaderKind; installerVersion: string | null }
  | { kind: 'action-start'; name: string }
  | { kind: 'action-end'; name: string; returnValue: number | null }
  | { kind: 'ca-result'; name: string; code: number | null; continued: boolean }
  | { kind: 'note'; code: number; args: string[]; role: ProcessRole | null }
  | { kind: 'error'; code: number; text: string; info: boolean }
  | { kind: 'product-message'; productName: string; text: string; errorCode: number | null }
  | {
      kind: 'final-status';
      verb: StatusVerb | null;
      code: number | null;
      codeText: string | null;
      productName: string | null;
      productVersion: string | null;
    }
  | { kind: 'main-engine'; code: number | null; codeText: string; role: ProcessRole | null }
  | { kind: 'back-from-server'; code: number | null }
  | { kind: 'deferred-action'; name: string }
  | { kind: 'ca-schedule'; name: string; actionType: number }
  | { kind: 'ca-server'; pid: number | null }
  | { kind: 'property'; name: string; value: string }
  | { kind: 'command-line'; text: string }
  | { kind: 'run-engine-product'; path: string }
  | { kind: 'rollback-error-skipped' }
  | { kind: 'mutex-busy' }
  | { kind: 'engine-note'; note: EngineNote; role: ProcessRole | null }
  | { kind: 'msi-line'; role: ProcessRole | null; pid: number | null }
  | { kind: 'burn'; level: 'i' | 'w' | 'e' | 'a' | 'd'; id: number; message: string }
  | { kind: 'burn-variable'; name: string; value: string }
  | WrapperEvent
  | { kind: 'text-signal'; signal: TextSignal };

/** Plain-text symptoms that matter even outside a structured line (pasted dialogs, CA output). */
export type TextSignal =
  'access-denied' | 'disk-full' | 'newer-version' | 'pending-reboot' | 'patch-not-applicable' | 'another-install';

/** Engine debug lines (always English) that say how the install ran or what held it. */
export type EngineNote =
  | 'user-privileges' // "Running product '{...}' with user privileges: It's not assigned."
  | 'no-elevation' // "MSI_LUA: ... no credential elevation is possible"
  | 'elevated' // "MSI_LUA: ... already running elevated" / "user is an admin"
  | 'files-in-use' // "RESTART MANAGER: Detected that application with id N, friendly name 'x' ... holds file[s] in use."
  | 'nested-engine'; // "******* RunEngine:" inside an action: a nested install (RemoveExistingProducts)

/** Longer lines are only looked at through their start: keeps every check bounded on garbage input. */
const MAX_CLASSIFIED_CHARS = 4096;

/** quickKind() results: the line needs full classification, or it is a plain engine line of one of these kinds. */
export const QUICK = { classify: 0, plain: 1, noiseNote: 2, scriptOp: 3 } as const;

/** 2205 2228 2262 2265 2318 2727 2898: Error-table look-ups and other notes that are noise whatever their arguments. */
function isAlwaysNoiseNote(n: number): boolean {
  return n === 2205 || n === 2228 || n === 2262 || n === 2265 || n === 2318 || n === 2727 || n === 2898;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const MSI_PLAIN_ROLELESS: LineEvent = { kind: 'msi-line', role: null, pid: null };
const NOISE_NOTE: LineEvent = { kind: 'note', code: 2205, args: [], role: null };

export interface LineClassifier {
  /** A whole record -> its event, or null. */
  classify(raw: string): LineEvent | null;
  /**
   * The hot path: decides from a few character codes, without slicing the line out of the decoded chunk, that a
   * line is an ordinary engine line of a known process (the vast majority of a verbose log). Anything else -> 0.
   */
  quick(text: string, s: number, e: number): number;
}

export function createLineClassifier(): LineClassifier {
  // Fingerprint of the last "(s) (D0:A0)" head: only a new head yields a process event.
  let lastHead = -1;
  let lastHead2 = -1;
  const headers: HeaderTracker = { open: [], innerClosed: false };

  function quick(text: string, s: number, e: number): number {
    if (
      e - s < 34 ||
      text.charCodeAt(s) !== 77 /* M */ ||
      text.charCodeAt(s + 1) !== 83 ||
      text.charCodeAt(s + 4) !== 40 ||
      text.charCodeAt(s + 6) !== 41 ||
      text.charCodeAt(s + 8) !== 40
    )
      return QUICK.classify;
    const head =
      text.charCodeAt(s + 5) |
      (text.charCodeAt(s + 9) << 8) |
      (text.charCodeAt(s + 10) << 16) |
      (text.charCodeAt(s + 12) << 24);
    const head2 = text.charCodeAt(s + 13) | (text.charCodeAt(s + 14) << 8);
    if (head !== lastHead || head2 !== lastHead2) return QUICK.classify;
    // "MSI (s) (D0:A0) [hh:mm:ss:mmm]: " -> ']' at 29, ':' at 30, the message at 32.
    if (text.charCodeAt(s + 29) !== 93 || text.charCodeAt(s + 30) !== 58) return QUICK.classify;
    const at = text.charCodeAt(s + 31) === 32 ? s + 32 : s + 31;
    switch (text.charCodeAt(at)) {
      case 78: {
        // Note: 1: NNNN -> plain only for the always-noise numbers
        if (text.charCodeAt(at + 4) !== 58 || text.charCodeAt(at + 7) !== 58) return QUICK.classify;
        const i = at + 9;
        if (isDigit(text.charCodeAt(i + 4))) return QUICK.classify;
        const n =
          (text.charCodeAt(i) - 48) * 1000 +
          (text.charCodeAt(i + 1) - 48) * 100 +
          (text.charCodeAt(i + 2) - 48) * 10 +
          (text.charCodeAt(i + 3) - 48);
        return isAlwaysNoiseNote(n) ? QUICK.noiseNote : QUICK.classify;
      }
      case 69: {
        if (text.charCodeAt(at + 10) !== 111 || text.charCodeAt(at + 12) !== 58) return QUICK.classify;
        const c = text.charCodeAt(at + 14);
        return c === 65 || c === 67 ? QUICK.classify : QUICK.scriptOp;
      }
      default:
        return interestingMessage(text, at, e) ? QUICK.classify : QUICK.plain;
    }
  }

  function processEvent(line: string, role: ProcessRole | null): LineEvent {
    lastHead =
      line.charCodeAt(5) | (line.charCodeAt(9) << 8) | (line.charCodeAt(10) << 16) | (line.charCodeAt(12) << 24);
    lastHead2 = line.charCodeAt(13) | (line.charCodeAt(14) << 8);
    const close = line.indexOf(')', 9);
    let sep = 9;
    while (sep < close && line.charCodeAt(sep) !== 58 && line.charCodeAt(sep) !== 33) sep++;
    return { kind: 'msi-line', role, pid: pidFromHex(line.slice(9, sep)) };
  }

  /**
   * "MSI (s) (D0:A0) [21:24:32:284]: message" parsed by hand (a regex per line costs a third of the throughput).
   * The "(s) (D0:A0)" head repeats line after line; only a new head yields a process event.
   */
  function classifyMsiLine(line: string): LineEvent | null {
    if (line.charCodeAt(6) !== 41 /* ) */ || line.charCodeAt(8) !== 40 /* ( */) return null;
    const head =
      line.charCodeAt(5) | (line.charCodeAt(9) << 8) | (line.charCodeAt(10) << 16) | (line.charCodeAt(12) << 24);
    const head2 = line.charCodeAt(13) | (line.charCodeAt(14) << 8);
    // "[hh:mm:ss:mmm]: " normally ends at a fixed place after a 2+2 head; look there first, search otherwise.
    const msgAt = line.charCodeAt(29) === 93 /* ] */ && line.charCodeAt(30) === 58 ? 29 : line.indexOf(']:', 16);
    if (msgAt < 0 || msgAt > 60) return null;
    const at = line.charCodeAt(msgAt + 2) === 32 ? msgAt + 3 : msgAt + 2;
    const newHead = head !== lastHead || head2 !== lastHead2;
    const r = line.charCodeAt(5) | 0x20; // lower-case the role letter
    const role: ProcessRole | null = r === 99 ? 'client' : r === 115 || r === 97 ? 'server' : null;
    switch (line.charCodeAt(at)) {
      case 78: // N
        if (line.charCodeAt(at + 4) === 58 && line.startsWith('Note: 1: ', at)) return classifyNote(line, at + 9, role);
        break;
      case 69: // E
        if (line.charCodeAt(at + 10) === 111 /* o */ && line.charCodeAt(at + 12) === 58 /* : */) {
          // "Executing op: X(": only two ops matter; test one letter before comparing strings.
          const op = at + 14;
          const c = line.charCodeAt(op);
          if (c === 65 /* A */ && line.startsWith('ActionStart(Name=', op)) {
            const end = line.indexOf(',', op + 17);
            return {
              kind: 'deferred-action',
              name: line.slice(op + 17, end === -1 ? line.indexOf(')', op + 17) : end),
            };
          }
          if (c === 67 /* C */ && line.startsWith('CustomActionSchedule(Action=', op)) {
            const m = P.CA_SCHEDULE.exec(line.slice(op));
            if (m) return { kind: 'ca-schedule', name: m[1]!, actionType: Number(m[2]) };
          }
          break;
        }
        if (line.startsWith('Error in rollback skipped', at)) return { kind: 'rollback-error-skipped' };
        break;
      default:
        if (!newHead && !interestingMessage(line, at, line.length)) return MSI_PLAIN_ROLELESS;
        return classifyMsiMessage(line.slice(at), role) ?? (newHead ? processEvent(line, role) : MSI_PLAIN_ROLELESS);
    }
    return newHead ? processEvent(line, role) : MSI_PLAIN_ROLELESS;
  }

  function classify(raw: string): LineEvent | null {
    let line = raw.length > MAX_CLASSIFIED_CHARS ? raw.slice(0, MAX_CLASSIFIED_CHARS) : raw;
    const c0 = line.charCodeAt(0);
    if (c0 === 32 || c0 === 9) {
      line = line.trimStart();
      if (line.length === 0) return null;
    }
    const first = line.charCodeAt(0);
    if (first === 77 /* M */ && line.charCodeAt(3) === 32 && line.charCodeAt(4) === 40 && line.charCodeAt(1) === 83)
      return classifyMsiLine(line);
    if (first === 61 /* = */ && line.startsWith('=== ')) return classifyHeader(line, headers);
    if (first === 91 /* [ */) {
      const burn = classifyBurn(line);
      if (burn) return burn;
    }
    if (first === 67 /* C */ && line.startsWith('CustomAction ')) {
      const m = P.CA_RESULT.exec(line);
      if (m)
        return {
          kind: 'ca-result',
          name: m[1]!,
          code: m[2] !== undefined ? codeFromDigits(m[2]) : null,
          continued: line.includes('continue marking'),
        };
    }
    if (first === 42 /* * */ && line.startsWith('******* ')) {
      if (line.startsWith('******* Product: ')) return { kind: 'run-engine-product', path: line.slice(17).trim() };
      if (line.startsWith('******* CommandLine: ')) return { kind: 'command-line', text: line.slice(21).trim() };
      return null;
    }
    // Localized or English action lines all contain "hh:mm:ss" right before ": Name.": the first colon sits
    // between two digits, which rules out most other lines before parsing.
    const colon = line.indexOf(':');
    if (
      colon > 2 &&
      colon < 56 &&
      line.length < MAX_ACTION_LINE &&
      isDigit(line.charCodeAt(colon - 1)) &&
      isDigit(line.charCodeAt(colon + 1))
    ) {
      const a = parseActionLine(line);
      if (a)
        return a.ended
          ? { kind: 'action-end', name: a.name, returnValue: a.returnValue }
          : { kind: 'action-start', name: a.name };
    }
    // "Property(S): Name = value" (the word "Property" is localized; "(S)" is not).
    const paren = line.indexOf('(');
    if (paren > 0 && paren <= 20 && line.charCodeAt(paren + 2) === 41 /* ) */) {
      const p = P.PROPERTY.exec(line);
      if (p) return { kind: 'property', name: p[2]!, value: p[3]! };
    }
    return classifyFreeText(line);
  }

  return { classify, quick };
}

function classifyBurn(line: string): LineEvent | null {
  const m = P.BURN.exec(line);
  if (!m) return null;
  const message = m[3]!;
  const v = P.BURN_VARIABLE.exec(message);
  if (v) return { kind: 'burn-variable', name: (v[1] ?? v[3])!, value: (v[2] ?? v[4])!.trim() };
  return { kind: 'burn', level: m[1] as 'i' | 'w' | 'e' | 'a' | 'd', id: Number(m[2]), message };
}

/** Two or three characters tell whether a message can be one classifyMsiMessage() handles (most are not). */
function interestingMessage(line: string, at: number, end: number): boolean {
  const c = line.charCodeAt(at);
  const c1 = line.charCodeAt(at + 1);
  switch (c) {
    case 77: // MainEngineThread / MSI_LUA
      return c1 === 97 || (c1 === 83 && line.charCodeAt(at + 3) === 95);
    case 66: // Back from server
    case 70: // Failed to grab execution mutex
      return c1 === 97;
    case 67: // Command Line / Created Custom Action Server (not Component:)
      return c1 === 114 || (c1 === 111 && line.charCodeAt(at + 3) === 109);
    case 68: // DEBUG: Error
      return c1 === 69;
    case 80: // Product: X -- / Produit : / Produkt: / Produto: ... / PATCH SEQUENCER / PROPERTY CHANGE of a kept property
      if (c1 === 114) return line.charCodeAt(at + 2) === 111 && line.charCodeAt(at + 3) === 100;
      if (c1 === 65) return true;
      if (c1 === 82) return keptPropertyChange(line, at);
      return false;
    case 82: // RESTART MANAGER / Running product ... with user privileges
      return (c1 === 69 && line.charCodeAt(at + 2) === 83) || (c1 === 117 && line.charCodeAt(at + 8) === 112);
    case 83: // SequencePatches
      return c1 === 101;
    case 65: // APPCOMPAT
      return c1 === 80;
    case 87: // Windows Installer ...
      return c1 === 105;
    case 42: // ******* RunEngine:
      return c1 === 42;
    default:
      // Localized messages (product messages, the status line) start with a non-ASCII letter, or end in ": N".
      return c >= 0x80 || endsWithColonNumber(line, at, end);
  }
}

/** "PROPERTY CHANGE: Adding|Modifying NAME property." for one of the few properties the analysis keeps. */
function keptPropertyChange(line: string, at: number): boolean {
  const from = line.startsWith('Adding ', at + 17) ? at + 24 : line.startsWith('Modifying ', at + 17) ? at + 27 : -1;
  if (from < 0) return false;
  const end = line.indexOf(' ', from);
  if (end - from > 40) return false;
  return end > from && KEPT_PROPERTIES.has(line.slice(from, end));
}

/** Noise notes are by far the most frequent: their number is read by hand and only a few need their arguments. */
function classifyNote(line: string, from: number, role: ProcessRole | null): LineEvent | null {
  let code = 0;
  let i = from;
  for (; i < line.length && i - from < 6; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) break;
    code = code * 10 + (c - 48);
  }
  if (i === from || isDigit(line.charCodeAt(i))) return null;
  if (isAlwaysNoiseNote(code)) return NOISE_NOTE; // always noise whatever its arguments: one shared event
  return { kind: 'note', code, args: splitNoteArgs(line.slice(i).trimStart()), role };
}

function classifyMsiMessage(msg: string, role: ProcessRole | null): LineEvent | null {
  switch (msg.charCodeAt(0)) {
    case 77: // M
      if (msg.startsWith('MainEngineThread is returning ')) {
        const codeText = msg.slice(30).trim();
        return { kind: 'main-engine', code: codeFromDigits(codeText), codeText, role };
      }
      if (msg.startsWith('MSI_LUA: ')) {
        if (msg.includes('no credential elevation is possible'))
          return { kind: 'engine-note', note: 'no-elevation', role };
        if (msg.includes('already running elevated') || msg.includes('user is an admin'))
          return { kind: 'engine-note', note: 'elevated', role };
      }
      break;
    case 80: // P
      if (msg.startsWith('PATCH SEQUENCER: ') && msg.includes('is not applicable'))
        return { kind: 'text-signal', signal: 'patch-not-applicable' };
      if (msg.startsWith('PROPERTY CHANGE: ')) {
        const p = parsePropertyChange(msg);
        if (p) return { kind: 'property', ...p };
      }
      break;
    case 82: // R
      if (msg.startsWith('RESTART MANAGER: Detected that application'))
        return { kind: 'engine-note', note: 'files-in-use', role };
      if (msg.startsWith('Running product ') && msg.includes('with user privileges'))
        return { kind: 'engine-note', note: 'user-privileges', role };
      break;
    case 83: // S: "SequencePatches starts. Product code: {...}"
    case 65: // A: "APPCOMPAT: looking for appcompat database entry with ProductCode '{...}'"
      if (
        msg.startsWith('SequencePatches starts. Product code: {') ||
        msg.startsWith('APPCOMPAT: looking for appcompat database entry with ProductCode')
      ) {
        const g = P.GUID.exec(msg);
        if (g) return { kind: 'property', name: 'ProductCode', value: g[0] };
      }
      break;
    case 66: // B
      if (msg.startsWith('Back from server. Return value: '))
        return { kind: 'back-from-server', code: codeFromDigits(msg.slice(32)) };
      break;
    case 67: // C
      if (msg.startsWith('Command Line: ')) return { kind: 'command-line', text: msg.slice(14) };
      if (msg.startsWith('Created Custom Action Server with PID '))
        return { kind: 'ca-server', pid: codeFromDigits(msg.slice(38).trim().split(' ')[0] ?? '') };
      break;
    case 70: // F
      if (msg.startsWith('Failed to grab execution mutex')) return { kind: 'mutex-busy' };
      break;
    case 68: // D
      if (msg.startsWith('DEBUG: Error ')) return classifyFreeText(msg);
      break;
    case 42: // *
      if (msg.startsWith('******* RunEngine:')) return { kind: 'engine-note', note: 'nested-engine', role };
      break;
    default:
      break;
  }
  // Any language: "Windows Installer installed the product. ... status: N." and "Product: X -- Error N. ...".
  const status = parseStatusLine(msg);
  if (status) return { kind: 'final-status', ...status };
  const product = parseProductMessage(msg);
  if (product) return { kind: 'product-message', ...product };
  return null;
}

/** "PROPERTY CHANGE: Adding X property. Its value is 'v'." / "Modifying X property. Its current value is 'a'. Its new value: 'b'." */
function parsePropertyChange(msg: string): { name: string; value: string } | null {
  const from = msg.startsWith('Adding ', 17) ? 24 : msg.startsWith('Modifying ', 17) ? 27 : -1;
  if (from < 0) return null;
  const nameEnd = msg.indexOf(' property. Its ', from);
  if (nameEnd <= from || msg.lastIndexOf(' ', nameEnd - 1) >= from) return null;
  const name = msg.slice(from, nameEnd);
  const isAt = msg.indexOf("value is '", nameEnd);
  if (isAt < 0) return null;
  const newAt = msg.indexOf(". Its new value: '", isAt);
  const valueStart = newAt >= 0 ? newAt + 18 : isAt + 10;
  const close = msg.lastIndexOf("'.");
  if (close < valueStart) return null;
  return { name, value: msg.slice(valueStart, close) };
}

/** "Error 1722." / "DEBUG: Error 2896:" / "Info 1603." / "错误 1920。": a short word, a space, then a digit. */
function classifyFreeText(line: string): LineEvent | null {
  const from = line.startsWith('DEBUG: ') ? 7 : 0;
  const space = line.indexOf(' ', from);
  const e = space > from && space - from <= 16 && isDigit(line.charCodeAt(space + 1)) ? P.ERROR.exec(line) : null;
  if (e) {
    const word = e[1]!.toLowerCase();
    return { kind: 'error', code: Number(e[2]), text: line, info: INFO_WORDS.has(word) };
  }
  // A status line, also re-wrapped by a paste ("Product Name: X ... Removal success or error status: 0."): ends in a number.
  if (endsWithColonNumber(line, 0, line.length) || line.startsWith('Windows Installer ')) {
    const status = parseStatusLine(line);
    if (status) return { kind: 'final-status', ...status };
  }
  const wrapper = parseWrapperLine(line);
  if (wrapper) return wrapper;
  const signal = textSignalOf(line);
  return signal ? { kind: 'text-signal', signal } : null;
}

/** The word before the number when the message is informational, not an error ("Info 1603" = a file in use). */
const INFO_WORDS: ReadonlySet<string> = new Set([
  'info',
  'information',
  'informations',
  'información',
  'informação',
  'informazioni',
  '信息',
  '資訊',
  '情報',
  '정보',
  'сведения',
  'warning',
  'warnung',
  'avertissement',
  'advertencia',
  'aviso',
  '警告',
]);

/** Plain-language symptoms in free text (English and Chinese phrasings of the dialogs). */
export function textSignalOf(line: string): TextSignal | null {
  const l = line.length > 600 ? line.slice(0, 600) : line;
  // One cheap scan decides whether any of the phrases below can be present at all.
  if (!P.SIGNAL_HINT.test(l)) return null;
  if (l.includes('Access is denied') || l.includes('access denied') || l.includes('拒绝访问')) return 'access-denied';
  if (
    l.includes('not enough space') ||
    l.includes('not enough disk space') ||
    l.includes('ut of disk space') ||
    l.includes('磁盘空间不足')
  )
    return 'disk-full';
  const newer = P.NEWER_VERSION.exec(l);
  if (newer && P.ALREADY_INSTALLED.test(l.slice(newer.index))) return 'newer-version';
  const zh = l.indexOf('更高版本');
  if (zh >= 0 && (l.includes('已安装', zh) || l.includes('已经安装', zh))) return 'newer-version';
  if (P.ANOTHER_INSTALL.test(l)) return 'another-install';
  if (P.PENDING_REBOOT.test(l)) return 'pending-reboot';
  return null;
}

/** "2: X 3: Y 4: Z" -> ['X', 'Y', 'Z'] (values may contain spaces; the markers are " N: "). */
export function splitNoteArgs(rest: string): string[] {
  const out: string[] = [];
  // One pass, exec in a loop: this runs on most notes of a big log (matchAll and a list of marks cost allocations).
  const re = P.NOTE_ARG;
  re.lastIndex = 0;
  let valueStart = -1;
  for (let m = re.exec(rest); m !== null; m = re.exec(rest)) {
    if (valueStart >= 0) out.push(rest.slice(valueStart, m.index).trim());
    valueStart = m.index + m[0].length;
  }
  if (valueStart >= 0) out.push(rest.slice(valueStart).trim());
  return out;
}

/** Exit-code-like number of an "Error 0x80070643" HRESULT or a decimal; re-exported for the session. */
export { parseCode };
