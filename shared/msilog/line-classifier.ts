// Turns one decoded log line into a typed event (or null for the ~95% of lines that carry nothing we need).
// Cheap prefix checks come first; regexes run only on the few lines that passed them.

import { KEPT_PROPERTIES } from './kept-properties.ts';

export type ProcessRole = 'client' | 'server' | 'custom-action';

export type LineEvent =
  | { kind: 'header'; header: 'verbose-start' | 'start' | 'verbose-stop' | 'stop'; installerVersion: string | null }
  | { kind: 'action-start'; name: string }
  | { kind: 'action-end'; name: string; returnValue: number }
  | { kind: 'ca-result'; name: string; code: number | null; continued: boolean }
  | { kind: 'note'; code: number; args: string[]; role: ProcessRole | null }
  | { kind: 'error'; code: number; text: string; info: boolean }
  | { kind: 'product-message'; productName: string; text: string; errorCode: number | null }
  | {
      kind: 'final-status';
      verb: 'installed' | 'removed' | 'reconfigured' | 'update' | 'other' | null;
      code: number | null;
      productName: string | null;
      productVersion: string | null;
    }
  | { kind: 'main-engine'; code: number; role: ProcessRole | null }
  | { kind: 'back-from-server'; code: number }
  | { kind: 'deferred-action'; name: string }
  | { kind: 'ca-schedule'; name: string; actionType: number }
  | { kind: 'ca-server'; pid: number }
  | { kind: 'property'; name: string; value: string }
  | { kind: 'command-line'; text: string }
  | { kind: 'run-engine-product'; path: string }
  | { kind: 'rollback-error-skipped' }
  | { kind: 'mutex-busy' }
  | { kind: 'msi-line'; role: ProcessRole | null; pid: number | null }
  | { kind: 'burn'; level: 'i' | 'w' | 'e' | 'a' | 'd'; id: number; message: string }
  | { kind: 'burn-variable'; name: string; value: string }
  | { kind: 'text-signal'; signal: TextSignal };

/** Plain-text symptoms that matter even outside a structured line (pasted dialogs, CA output). */
export type TextSignal =
  'access-denied' | 'disk-full' | 'newer-version' | 'pending-reboot' | 'patch-not-applicable' | 'another-install';

// "Action ended 12:34:56: X. Return value 3." and its translations: key on time, name, trailing number.
// The prefix (any language) has no digits, colon or bracket; ':' and '：' both occur after the time.
const ACTION_RE =
  /^([^\d:[\]（(]{2,40}?)\s*(?:[上下]午\s*)?(\d{1,2}:\d{2}:\d{2})\s*(?:[AP]M\s*)?[:：]\s*([A-Za-z_][\w.]*?)\s*[.。]\s*(?:[^\d]{1,40}?\s*(-?\d+)\s*[.。]?)?\s*$/;
const ERROR_RE = /^(?:DEBUG:\s*)?(\p{L}[^\s\d:.]{1,14}) (\d{4,5})\s*[.。:：]\s*(.*)$/u;
const CA_RESULT_RE = /^CustomAction (\S+?) return(?:ed actual error code (-?\d+))?/;
const PROPERTY_RE = /^[^\s(]{1,20}\(([SCN])\)\s*[:：]\s*([^\s=]+) = (.*)$/;
const PROP_CHANGE_RE =
  /^PROPERTY CHANGE: (?:Adding|Modifying) (\S+) property\. Its (?:current )?value is '(.*?)'\.(?: Its new value: '(.*)'\.)?/;
const BURN_RE = /^\[[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}\]\[[^\]]{8,40}\]([iwead])(\d{3}):\s?(.*)$/;
const BURN_VAR_RE =
  /^(?:Variable: (WixBundleLog\w*) = (.*)|Setting string variable '(WixBundleLog\w*)' to value '(.*)')$/;
const FINAL_RE = /Windows Installer (installed|removed|reconfigured) (?:the product|an update)/;
const STATUS_RE = /(?:success or error status|[^\s]{1,12}状态)\s*[:：]\s*(-?\d+)\s*[.。]?\s*$/;
const VERSION_RE = /(\d\.\d{2}\.\d{4,5}\.\d{1,5})/;

/** Longer lines are only looked at through their start: keeps every regex linear on garbage input. */
const MAX_CLASSIFIED_CHARS = 4096;

export function classifyLine(raw: string): LineEvent | null {
  let line = raw.length > MAX_CLASSIFIED_CHARS ? raw.slice(0, MAX_CLASSIFIED_CHARS) : raw;
  const c0 = line.charCodeAt(0);
  if (c0 === 32 || c0 === 9) {
    line = line.trimStart();
    if (line.length === 0) return null;
  }
  const first = line.charCodeAt(0);
  if (first === 77 /* M */ && line.charCodeAt(3) === 32 && line.charCodeAt(4) === 40 && line.charCodeAt(1) === 83)
    return classifyMsiLine(line);
  if (first === 61 /* = */ && line.startsWith('=== ')) return classifyHeader(line);
  if (first === 91 /* [ */) return classifyBurn(line);
  if (first === 67 /* C */ && line.startsWith('CustomAction ')) {
    const m = CA_RESULT_RE.exec(line);
    if (m)
      return {
        kind: 'ca-result',
        name: m[1]!,
        code: m[2] ? Number(m[2]) : null,
        continued: line.includes('continue marking'),
      };
  }
  if (first === 42 /* * */ && line.startsWith('******* ')) {
    if (line.startsWith('******* Product: ')) return { kind: 'run-engine-product', path: line.slice(17).trim() };
    if (line.startsWith('******* CommandLine: ')) return { kind: 'command-line', text: line.slice(21).trim() };
    return null;
  }
  // Localized or English action lines all contain "hh:mm:ss" right before ": Name.": the first colon sits
  // between two digits, which rules out most other lines before any regex runs.
  const colon = line.indexOf(':');
  if (
    colon > 2 &&
    colon < 48 &&
    line.length < 400 &&
    isDigit(line.charCodeAt(colon - 1)) &&
    isDigit(line.charCodeAt(colon + 1))
  ) {
    const a = ACTION_RE.exec(line);
    if (a) {
      const name = a[3]!;
      if (a[4] !== undefined) return { kind: 'action-end', name, returnValue: Number(a[4]) };
      return { kind: 'action-start', name };
    }
  }
  // "Property(S): Name = value" (the word "Property" is localized; "(S)" is not).
  const paren = line.indexOf('(');
  if (paren > 0 && paren <= 20 && line.charCodeAt(paren + 2) === 41 /* ) */) {
    const p = PROPERTY_RE.exec(line);
    if (p) return { kind: 'property', name: p[2]!, value: p[3]! };
  }
  return classifyFreeText(line);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function classifyHeader(line: string): LineEvent | null {
  if (!line.trimEnd().endsWith('===')) return null;
  const lower = line.toLowerCase();
  const version = VERSION_RE.exec(line)?.[1] ?? null;
  const verbose =
    lower.includes('verbose') || version !== null || line.includes('详细') || lower.includes('ausführlich');
  const stop =
    lower.includes('stopped') || line.includes('停止') || lower.includes('beendet') || lower.includes('arrêt');
  if (stop) return { kind: 'header', header: verbose ? 'verbose-stop' : 'stop', installerVersion: null };
  return { kind: 'header', header: verbose ? 'verbose-start' : 'start', installerVersion: version };
}

function classifyBurn(line: string): LineEvent | null {
  const m = BURN_RE.exec(line);
  if (!m) return null;
  const message = m[3]!;
  const v = BURN_VAR_RE.exec(message);
  if (v) return { kind: 'burn-variable', name: (v[1] ?? v[3])!, value: (v[2] ?? v[4])!.trim() };
  return { kind: 'burn', level: m[1] as 'i' | 'w' | 'e' | 'a' | 'd', id: Number(m[2]), message };
}

/** The plain engine line of an already-seen process: one shared object, no allocation on the hot path. */
const MSI_PLAIN: LineEvent = { kind: 'msi-line', role: null, pid: null };
let lastHead = -1;
let lastHead2 = -1;

/**
 * "MSI (s) (D0:A0) [21:24:32:284]: message" parsed by hand (a regex per line costs a third of the throughput).
 * The "(s) (D0:A0)" head repeats line after line; only a new head yields a process event.
 */
function classifyMsiLine(line: string): LineEvent | null {
  if (line.charCodeAt(6) !== 41 /* ) */ || line.charCodeAt(8) !== 40 /* ( */) return null;
  // The head "(s) (D0:A0)" is usually 2+2 hex digits; a cheap fingerprint of it tells when the process changes.
  const head =
    line.charCodeAt(5) | (line.charCodeAt(9) << 8) | (line.charCodeAt(10) << 16) | (line.charCodeAt(12) << 24);
  const head2 = line.charCodeAt(13) | (line.charCodeAt(14) << 8);
  // "[hh:mm:ss:mmm]: " normally ends at a fixed place after a 2+2 head; look there first, search otherwise.
  const msgAt = line.charCodeAt(29) === 93 /* ] */ && line.charCodeAt(30) === 58 ? 29 : line.indexOf(']:', 16);
  if (msgAt < 0 || msgAt > 60) return null;
  const at = line.charCodeAt(msgAt + 2) === 32 ? msgAt + 3 : msgAt + 2;
  // Shared by concurrent analyzers: at worst a process is reported twice, which the session deduplicates.
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
          return { kind: 'deferred-action', name: line.slice(op + 17, end === -1 ? line.indexOf(')', op + 17) : end) };
        }
        if (c === 67 /* C */ && line.startsWith('CustomActionSchedule(Action=', op)) {
          const m = /^CustomActionSchedule\(Action=([^,]+),ActionType=(\d+)/.exec(line.slice(op));
          if (m) return { kind: 'ca-schedule', name: m[1]!, actionType: Number(m[2]) };
        }
        break;
      }
      if (line.startsWith('Error in rollback skipped', at)) return { kind: 'rollback-error-skipped' };
      break;
    default:
      if (!newHead && !interestingMessage(line, at)) return MSI_PLAIN;
      return classifyMsiMessage(line.slice(at), role, newHead, line);
  }
  return newHead ? processEvent(line, role) : MSI_PLAIN;
}

/** quickMsiKind() results: the line needs full classification, or it is a plain engine line of one of these kinds. */
export const QUICK = { classify: 0, plain: 1, noiseNote: 2, scriptOp: 3 } as const;

/**
 * The hot path: decides from a few character codes, without slicing the line out of the decoded chunk, that a
 * line is an ordinary engine line of a known process (the vast majority of a verbose log). Anything else -> 0.
 */
export function quickMsiKind(text: string, s: number, e: number): number {
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
    case 78: // Note: 1: NNNN -> plain only for the always-noise numbers
      if (text.charCodeAt(at + 4) !== 58 || text.charCodeAt(at + 7) !== 58) return QUICK.classify;
      return isAlwaysNoiseAt(text, at + 9) ? QUICK.noiseNote : QUICK.classify;
    case 69: {
      if (text.charCodeAt(at + 10) !== 111 || text.charCodeAt(at + 12) !== 58) return QUICK.classify;
      const c = text.charCodeAt(at + 14);
      return c === 65 || c === 67 ? QUICK.classify : QUICK.scriptOp;
    }
    default:
      return interestingMessage(text, at) ? QUICK.classify : QUICK.plain;
  }
}

/** 2205 2228 2262 2265 2318 2727 2898 followed by a space or the line end. */
function isAlwaysNoiseAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i + 4);
  if (c >= 48 && c <= 57) return false;
  const n =
    (text.charCodeAt(i) - 48) * 1000 +
    (text.charCodeAt(i + 1) - 48) * 100 +
    (text.charCodeAt(i + 2) - 48) * 10 +
    (text.charCodeAt(i + 3) - 48);
  return n === 2205 || n === 2228 || n === 2262 || n === 2265 || n === 2318 || n === 2727 || n === 2898;
}

/** Two or three characters tell whether a message can be one classifyMsiMessage() handles (most are not). */
function interestingMessage(line: string, at: number): boolean {
  const c1 = line.charCodeAt(at + 1);
  switch (line.charCodeAt(at)) {
    case 77: // MainEngineThread
    case 66: // Back from server
    case 70: // Failed to grab execution mutex
      return c1 === 97;
    case 67: // Command Line / Created Custom Action Server (not Component:)
      return c1 === 114 || (c1 === 111 && line.charCodeAt(at + 3) === 109);
    case 68: // DEBUG: Error
      return c1 === 69;
    case 80: // Product: / PATCH SEQUENCER / PROPERTY CHANGE of a kept property
      if (c1 === 114) return line.charCodeAt(at + 7) === 58;
      if (c1 === 65) return true;
      if (c1 === 82) return keptPropertyChange(line, at);
      return false;
    case 83: // SequencePatches
      return c1 === 101;
    case 65: // APPCOMPAT
      return c1 === 80;
    case 87: // Windows Installer
      return c1 === 105;
    default:
      return false;
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
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) break;
    code = code * 10 + (c - 48);
  }
  if (i === from) return null;
  if (
    code === 2205 ||
    code === 2228 ||
    code === 2262 ||
    code === 2265 ||
    code === 2318 ||
    code === 2727 ||
    code === 2898
  ) {
    return NOISE_NOTE; // always noise whatever its arguments: one shared event
  }
  return { kind: 'note', code, args: splitNoteArgs(line.slice(i).trimStart()), role };
}
const NOISE_NOTE: LineEvent = { kind: 'note', code: 2205, args: [], role: null };

function processEvent(line: string, role: ProcessRole | null): LineEvent {
  lastHead = line.charCodeAt(5) | (line.charCodeAt(9) << 8) | (line.charCodeAt(10) << 16) | (line.charCodeAt(12) << 24);
  lastHead2 = line.charCodeAt(13) | (line.charCodeAt(14) << 8);
  const close = line.indexOf(')', 9);
  const sep = line.slice(9, close).search(/[:!]/);
  const pid = parseInt(line.slice(9, sep > 0 ? 9 + sep : close), 16);
  return { kind: 'msi-line', role, pid: Number.isFinite(pid) ? pid : null };
}

function classifyMsiMessage(msg: string, role: ProcessRole | null, newHead: boolean, line: string): LineEvent | null {
  switch (msg.charCodeAt(0)) {
    case 77: // M
      if (msg.startsWith('MainEngineThread is returning '))
        return { kind: 'main-engine', code: parseInt(msg.slice(30), 10), role };
      break;
    case 80: // P
      if (msg.startsWith('Product: ')) {
        const sep = msg.indexOf(' -- ');
        const productName = sep > 9 ? msg.slice(9, sep) : msg.slice(9);
        const text = sep > 0 ? msg.slice(sep + 4) : msg;
        const e = /(?:^|\s)(?:Error|错误|Fehler|Erreur|Error:)\s?(\d{4,5})[.。:]/.exec(text);
        return { kind: 'product-message', productName: productName.trim(), text, errorCode: e ? Number(e[1]) : null };
      }
      if (msg.startsWith('PATCH SEQUENCER: ') && msg.includes('is not applicable'))
        return { kind: 'text-signal', signal: 'patch-not-applicable' };
      if (msg.startsWith('PROPERTY CHANGE: ')) {
        const m = PROP_CHANGE_RE.exec(msg);
        if (m) return { kind: 'property', name: m[1]!, value: m[3] ?? m[2]! };
      }
      break;
    case 87: // W
      if (msg.startsWith('Windows Installer ')) return finalStatus(msg);
      break;
    case 83: // S: "SequencePatches starts. Product code: {...}"
    case 65: // A: "APPCOMPAT: looking for appcompat database entry with ProductCode '{...}'"
      if (
        msg.startsWith('SequencePatches starts. Product code: {') ||
        msg.startsWith('APPCOMPAT: looking for appcompat database entry with ProductCode')
      ) {
        const g = /\{[0-9A-Fa-f-]{36}\}/.exec(msg);
        if (g) return { kind: 'property', name: 'ProductCode', value: g[0] };
      }
      break;
    case 66: // B
      if (msg.startsWith('Back from server. Return value: '))
        return { kind: 'back-from-server', code: parseInt(msg.slice(32), 10) };
      break;
    case 67: // C
      if (msg.startsWith('Command Line: ')) return { kind: 'command-line', text: msg.slice(14) };
      if (msg.startsWith('Created Custom Action Server with PID '))
        return { kind: 'ca-server', pid: parseInt(msg.slice(38), 10) };
      break;
    case 70: // F
      if (msg.startsWith('Failed to grab execution mutex')) return { kind: 'mutex-busy' };
      break;
    case 68: // D
      if (msg.startsWith('DEBUG: Error ')) return classifyFreeText(msg);
      break;
    default:
      break;
  }
  return newHead ? processEvent(line, role) : MSI_PLAIN;
}

function finalStatus(msg: string): LineEvent | null {
  const f = FINAL_RE.exec(msg);
  const s = STATUS_RE.exec(msg);
  if (!f && !s) return null;
  const verb = f
    ? msg.includes('an update')
      ? 'update'
      : (f[1] as 'installed' | 'removed' | 'reconfigured')
    : 'other';
  const name = /Product Name: (.*?)\. Product Version:/.exec(msg)?.[1] ?? null;
  const version = /Product Version: (.*?)\. Product Language:/.exec(msg)?.[1] ?? null;
  return { kind: 'final-status', verb, code: s ? Number(s[1]) : null, productName: name, productVersion: version };
}

function classifyFreeText(line: string): LineEvent | null {
  // "Error 1722." / "DEBUG: Error 2896:" / "Info 1603." / "错误 1920。": a short word, a space, then a digit.
  const from = line.startsWith('DEBUG: ') ? 7 : 0;
  const space = line.indexOf(' ', from);
  const e = space > from && space - from <= 16 && isDigit(line.charCodeAt(space + 1)) ? ERROR_RE.exec(line) : null;
  if (e) {
    const word = e[1]!.toLowerCase();
    const info =
      word === 'info' ||
      word === 'information' ||
      word === '信息' ||
      word === 'warning' ||
      word === 'warnung' ||
      word === '警告';
    return { kind: 'error', code: Number(e[2]), text: line, info };
  }
  // A status line re-wrapped by a paste ("Product Name: X ... Removal success or error status: 0."): ends in a number.
  const tail = line.trimEnd();
  const last = tail.charCodeAt(tail.length - 1);
  const s =
    isDigit(last) || ((last === 46 || last === 0x3002) && isDigit(tail.charCodeAt(tail.length - 2)))
      ? STATUS_RE.exec(tail)
      : null;
  if (s || line.startsWith('Windows Installer ')) {
    const fs = finalStatus(line);
    if (fs) return fs;
  }
  const signal = textSignalOf(line);
  return signal ? { kind: 'text-signal', signal } : null;
}

const SIGNAL_HINT_RE = /ccess|space|空间|拒绝|ersion|版本|progress|正在|restart|reboot/;

/** Plain-language symptoms in free text (English and Chinese phrasings of the dialogs). */
export function textSignalOf(line: string): TextSignal | null {
  const l = line.length > 600 ? line.slice(0, 600) : line;
  // One cheap scan decides whether any of the phrases below can be present at all.
  if (!SIGNAL_HINT_RE.test(l)) return null;
  if (l.includes('Access is denied') || l.includes('access denied') || l.includes('拒绝访问')) return 'access-denied';
  if (
    l.includes('not enough space') ||
    l.includes('not enough disk space') ||
    l.includes('ut of disk space') ||
    l.includes('磁盘空间不足')
  )
    return 'disk-full';
  if (/\b(?:newer|later|higher) version\b.*\balready installed|更高版本.*已(?:经)?安装/i.test(l))
    return 'newer-version';
  if (/Another (?:installation|program) is (?:already )?in progress|另一个(?:程序|安装)正在/i.test(l))
    return 'another-install';
  if (/pending (?:restart|reboot)|restart (?:your|the) (?:computer|system) before/i.test(l)) return 'pending-reboot';
  return null;
}

/** "2: X 3: Y 4: Z" -> ['X', 'Y', 'Z'] (values may contain spaces; the markers are " N: "). */
export function splitNoteArgs(rest: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\s)(\d): /g;
  const marks: Array<{ at: number; len: number }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(rest)) !== null) marks.push({ at: m.index, len: m[0].length });
  for (let i = 0; i < marks.length; i++) {
    const start = marks[i]!.at + marks[i]!.len;
    const end = i + 1 < marks.length ? marks[i + 1]!.at : rest.length;
    out.push(rest.slice(start, end).trim());
  }
  return out;
}
