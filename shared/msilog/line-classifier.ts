// Turns one decoded log line into a typed event (or null for the ~95% of lines that carry nothing we need).
// Cheap prefix checks come first; regexes run only on the few lines that passed them.

export type ProcessRole = 'client' | 'server' | 'custom-action';

export type LineEvent =
  | { kind: 'header'; header: 'verbose-start' | 'start' | 'verbose-stop' | 'stop'; installerVersion: string | null }
  | { kind: 'action-start'; name: string }
  | { kind: 'action-end'; name: string; returnValue: number }
  | { kind: 'ca-result'; name: string; code: number | null; continued: boolean }
  | { kind: 'note'; code: number; args: string[]; role: ProcessRole | null }
  | { kind: 'error'; code: number; text: string; info: boolean }
  | { kind: 'product-message'; productName: string; text: string; errorCode: number | null }
  | { kind: 'final-status'; verb: 'installed' | 'removed' | 'reconfigured' | 'update' | 'other' | null; code: number | null; productName: string | null; productVersion: string | null }
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
export type TextSignal = 'access-denied' | 'disk-full' | 'newer-version' | 'pending-reboot' | 'patch-not-applicable' | 'another-install';

// "Action ended 12:34:56: X. Return value 3." and its translations: key on time, name, trailing number.
// The prefix (any language) has no digits, colon or bracket; ':' and '：' both occur after the time.
const ACTION_RE = /^([^\d:[\]（(]{2,40}?)\s*(?:[上下]午\s*)?(\d{1,2}:\d{2}:\d{2})\s*(?:[AP]M\s*)?[:：]\s*([A-Za-z_][\w.]*?)\s*[.。]\s*(?:[^\d]{1,40}?\s*(-?\d+)\s*[.。]?)?\s*$/;
const MSI_HEAD_RE = /^MSI \(([csaCSA])\) \(([0-9A-Fa-f]+)[:!]([0-9A-Fa-f]+)\) \[[^\]]*\]:\s?/;
const NOTE_RE = /^Note: 1: (\d+)\s*(.*)$/;
const ERROR_RE = /^(?:DEBUG:\s*)?(\p{L}[^\s\d:.]{1,14}) (\d{4,5})\s*[.。:：]\s*(.*)$/u;
const CA_RESULT_RE = /^CustomAction (\S+?) return(?:ed actual error code (-?\d+))?/;
const PROPERTY_RE = /^[^\s(]{1,20}\(([SCN])\)\s*[:：]\s*([^\s=]+) = (.*)$/;
const PROP_CHANGE_RE = /^PROPERTY CHANGE: (?:Adding|Modifying) (\S+) property\. Its (?:current )?value is '(.*?)'\.(?: Its new value: '(.*)'\.)?/;
const BURN_RE = /^\[[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}\]\[[^\]]{8,40}\]([iwead])(\d{3}):\s?(.*)$/;
const BURN_VAR_RE = /^(?:Variable: (WixBundleLog\w*) = (.*)|Setting string variable '(WixBundleLog\w*)' to value '(.*)')$/;
const FINAL_RE = /Windows Installer (installed|removed|reconfigured) (?:the product|an update)/;
const STATUS_RE = /(?:success or error status|[^\s]{1,12}状态)\s*[:：]\s*(-?\d+)\s*[.。]?\s*$/;
const VERSION_RE = /(\d\.\d{2}\.\d{4,5}\.\d{1,5})/;

function roleOf(letter: string): ProcessRole | null {
  const l = letter.toLowerCase();
  return l === 'c' ? 'client' : l === 's' ? 'server' : l === 'a' ? 'server' : null;
}

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
  if (first === 77 /* M */ && line.startsWith('MSI (')) return classifyMsiLine(line);
  if (first === 61 /* = */ && line.startsWith('=== ')) return classifyHeader(line);
  if (first === 91 /* [ */) return classifyBurn(line);
  if (first === 67 /* C */ && line.startsWith('CustomAction ')) {
    const m = CA_RESULT_RE.exec(line);
    if (m) return { kind: 'ca-result', name: m[1]!, code: m[2] ? Number(m[2]) : null, continued: line.includes('continue marking') };
  }
  if (first === 42 /* * */ && line.startsWith('******* ')) {
    if (line.startsWith('******* Product: ')) return { kind: 'run-engine-product', path: line.slice(17).trim() };
    if (line.startsWith('******* CommandLine: ')) return { kind: 'command-line', text: line.slice(21).trim() };
    return null;
  }
  // Localized or English action lines all contain "hh:mm:ss" right before ": Name.".
  if (line.length < 400 && line.indexOf(':') > 0) {
    const a = ACTION_RE.exec(line);
    if (a) {
      const name = a[3]!;
      if (a[4] !== undefined) return { kind: 'action-end', name, returnValue: Number(a[4]) };
      return { kind: 'action-start', name };
    }
  }
  const p = PROPERTY_RE.exec(line);
  if (p) return { kind: 'property', name: p[2]!, value: p[3]! };
  return classifyFreeText(line);
}

function classifyHeader(line: string): LineEvent | null {
  if (!line.trimEnd().endsWith('===')) return null;
  const lower = line.toLowerCase();
  const version = VERSION_RE.exec(line)?.[1] ?? null;
  const verbose = lower.includes('verbose') || version !== null || line.includes('详细') || lower.includes('ausführlich');
  const stop = lower.includes('stopped') || line.includes('停止') || lower.includes('beendet') || lower.includes('arrêt');
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

function classifyMsiLine(line: string): LineEvent | null {
  const h = MSI_HEAD_RE.exec(line);
  if (!h) return null;
  const role = roleOf(h[1]!);
  const msg = line.slice(h[0].length);
  const f = msg.charCodeAt(0);
  switch (f) {
    case 78: // N
      if (msg.startsWith('Note: 1: ')) {
        const m = NOTE_RE.exec(msg);
        if (m) return { kind: 'note', code: Number(m[1]), args: splitNoteArgs(m[2]!), role };
      }
      break;
    case 69: // E
      if (msg.startsWith('Executing op: ')) {
        if (msg.startsWith('ActionStart(Name=', 14)) {
          const end = msg.indexOf(',', 31);
          return { kind: 'deferred-action', name: msg.slice(31, end === -1 ? msg.indexOf(')', 31) : end) };
        }
        if (msg.startsWith('CustomActionSchedule(Action=', 14)) {
          const m = /^Executing op: CustomActionSchedule\(Action=([^,]+),ActionType=(\d+)/.exec(msg);
          if (m) return { kind: 'ca-schedule', name: m[1]!, actionType: Number(m[2]) };
        }
        return null;
      }
      if (msg.startsWith('Error in rollback skipped')) return { kind: 'rollback-error-skipped' };
      break;
    case 77: // M
      if (msg.startsWith('MainEngineThread is returning ')) return { kind: 'main-engine', code: parseInt(msg.slice(30), 10), role };
      break;
    case 80: // P
      if (msg.startsWith('Product: ')) {
        const sep = msg.indexOf(' -- ');
        const productName = sep > 9 ? msg.slice(9, sep) : msg.slice(9);
        const text = sep > 0 ? msg.slice(sep + 4) : msg;
        const e = /(?:^|\s)(?:Error|错误|Fehler|Erreur|Error:)\s?(\d{4,5})[.。:]/.exec(text);
        return { kind: 'product-message', productName: productName.trim(), text, errorCode: e ? Number(e[1]) : null };
      }
      if (msg.startsWith('PROPERTY CHANGE: ')) {
        const m = PROP_CHANGE_RE.exec(msg);
        if (m) return { kind: 'property', name: m[1]!, value: m[3] ?? m[2]! };
      }
      break;
    case 87: // W
      if (msg.startsWith('Windows Installer ')) return finalStatus(msg);
      break;
    case 66: // B
      if (msg.startsWith('Back from server. Return value: ')) return { kind: 'back-from-server', code: parseInt(msg.slice(32), 10) };
      break;
    case 67: // C
      if (msg.startsWith('Command Line: ')) return { kind: 'command-line', text: msg.slice(14) };
      if (msg.startsWith('Created Custom Action Server with PID ')) return { kind: 'ca-server', pid: parseInt(msg.slice(38), 10) };
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
  if (msg.includes('Product code: {') || msg.includes("ProductCode '{")) {
    const g = /\{[0-9A-Fa-f-]{36}\}/.exec(msg);
    if (g) return { kind: 'property', name: 'ProductCode', value: g[0] };
  }
  if (msg.includes('is not applicable')) return { kind: 'text-signal', signal: 'patch-not-applicable' };
  return { kind: 'msi-line', role, pid: parseInt(h[2]!, 16) };
}

function finalStatus(msg: string): LineEvent | null {
  const f = FINAL_RE.exec(msg);
  const s = STATUS_RE.exec(msg);
  if (!f && !s) return null;
  const verb = f ? (msg.includes('an update') ? 'update' : (f[1] as 'installed' | 'removed' | 'reconfigured')) : 'other';
  const name = /Product Name: (.*?)\. Product Version:/.exec(msg)?.[1] ?? null;
  const version = /Product Version: (.*?)\. Product Language:/.exec(msg)?.[1] ?? null;
  return { kind: 'final-status', verb, code: s ? Number(s[1]) : null, productName: name, productVersion: version };
}

function classifyFreeText(line: string): LineEvent | null {
  const e = ERROR_RE.exec(line);
  if (e) {
    const word = e[1]!.toLowerCase();
    const info = word === 'info' || word === 'information' || word === '信息' || word === 'warning' || word === 'warnung' || word === '警告';
    return { kind: 'error', code: Number(e[2]), text: line, info };
  }
  // A status line re-wrapped by a paste ("Product Name: X ... Removal success or error status: 0.").
  const s = STATUS_RE.exec(line);
  if (s || line.startsWith('Windows Installer ')) {
    const fs = finalStatus(line);
    if (fs) return fs;
  }
  return textSignal(line);
}

function textSignal(line: string): LineEvent | null {
  const l = line.length > 600 ? line.slice(0, 600) : line;
  if (l.includes('Access is denied') || l.includes('access denied') || l.includes('拒绝访问')) return { kind: 'text-signal', signal: 'access-denied' };
  if (l.includes('not enough space') || l.includes('There is not enough disk space') || l.includes('磁盘空间不足')) return { kind: 'text-signal', signal: 'disk-full' };
  if (/\b(?:newer|later|higher) version\b.*\balready installed/i.test(l)) return { kind: 'text-signal', signal: 'newer-version' };
  if (/Another (?:installation|program) is (?:already )?in progress/i.test(l)) return { kind: 'text-signal', signal: 'another-install' };
  if (/pending (?:restart|reboot)|restart (?:your|the) (?:computer|system) before/i.test(l)) return { kind: 'text-signal', signal: 'pending-reboot' };
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
