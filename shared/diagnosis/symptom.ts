// parseSymptom: what the user typed or pasted (codes, HRESULTs, dialogs in en/zh, WinGet/Chocolatey/Intune/Burn output) -> ParsedSymptom.
import type { ParsedSymptom } from '../contract/symptom.ts';
import { lookupErrorCode } from '../knowledge/error-codes.ts';
import { nestedParam } from '../knowledge/texts.ts';
import { WINGET_CODES } from '../knowledge/winget-codes.ts';
import { DIALOG_PHRASES } from './dialog-phrases.ts';

type Note = ParsedSymptom['notes'][number];

const MAX_INPUT = 20_000;

/** Full-width digits/letters/punctuation (common in Chinese input) -> ASCII, so one set of patterns fits both. */
function normalizeWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

function hex8(value: number): string {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

class Collector {
  readonly exitCodes: number[] = [];
  readonly messageNumbers: number[] = [];
  readonly sources: string[] = [];
  readonly notes: Note[] = [];
  private readonly noteKeys = new Set<string>();

  exit(code: number): void {
    if (!this.exitCodes.includes(code)) this.exitCodes.push(code);
  }
  message(code: number): void {
    if (!this.messageNumbers.includes(code)) this.messageNumbers.push(code);
  }
  source(name: string): void {
    if (!this.sources.includes(name)) this.sources.push(name);
  }
  note(key: string, params: Record<string, string | number> = {}): void {
    const id = `${key}|${JSON.stringify(params)}`;
    if (this.noteKeys.has(id)) return;
    this.noteKeys.add(id);
    this.notes.push({ key, params });
  }
}

const titleParam = (code: number, role: 'exit' | 'message'): string => {
  const info = lookupErrorCode(code);
  if (!info) return String(code);
  return nestedParam(role === 'message' && info.asMessage ? `error.${code}.message.title` : `error.${code}.title`);
};

/** An HRESULT (as uint32) -> Win32 code, WinGet code, or a note that it is something else. */
function takeHresult(value: number, raw: string, c: Collector, signed: boolean): void {
  const facility = (value >>> 16) & 0x1fff;
  const hresult = hex8(value);
  if (value >>> 16 === 0x8007 || ((value & 0x80000000) !== 0 && facility === 7)) {
    const code = value & 0xffff;
    c.source('hresult');
    c.exit(code);
    if (signed) c.note('symptom.note.negative-hresult', { value: raw, hresult, code });
    else c.note('symptom.note.hresult', { hresult, code });
    return;
  }
  if (value >>> 16 === 0x8a15) {
    c.source('winget');
    const known = WINGET_CODES.get(value >>> 0);
    c.note('symptom.note.winget', { hresult, meaning: nestedParam(known ? known.meaning : 'winget.other') });
    if (known?.win32 !== undefined) c.exit(known.win32);
    return;
  }
  if (value >>> 16 === 0x87d1 || value >>> 16 === 0x87d3) c.source('intune');
  c.note('symptom.note.other-hresult', { hresult });
}

/** Keywords that make a small bare number count as a code ("exit code 2", "错误代码 5"). */
const CODE_CONTEXT =
  /(error|err|code|exit|status|result|returned|returning|failed with|错误|代码|退出|返回|结果|状态)[\s:：#'"=(（]*$/i;
const INFO_CONTEXT = /(info|信息)[\s:：]*$/i;

function classifyNumber(code: number, before: string, c: Collector): void {
  const info = lookupErrorCode(code);
  const hasContext = CODE_CONTEXT.test(before);
  if (INFO_CONTEXT.test(before) && code === 1603) {
    c.message(1603);
    c.note('symptom.note.info-1603');
    return;
  }
  if (!info) {
    // Unknown numbers in the Windows Installer message ranges count only with an "error/code" keyword before them.
    if (hasContext && ((code >= 1101 && code <= 1999) || (code >= 2101 && code <= 3002))) {
      c.message(code);
      c.note('symptom.note.unknown-number', { code });
    }
    return;
  }
  // Small numbers (0, 2, 5, 87, 112...) are everywhere in pasted text (times, counts): only with context.
  if (code < 1000 && !hasContext) return;
  if (info.kind === 'message') {
    c.message(code);
    c.note('symptom.note.message-number', { code, title: titleParam(code, 'message') });
    return;
  }
  c.exit(code);
  c.note(info.success ? 'symptom.note.success-code' : 'symptom.note.exit-code', {
    code,
    title: titleParam(code, 'exit'),
  });
}

function scanTools(text: string, c: Collector): void {
  const choco = /exit code was\s*'?(-?\d+)'?/gi;
  for (const m of text.matchAll(choco)) {
    c.source('chocolatey');
    c.note('symptom.note.chocolatey', { code: Number(m[1]) });
  }
  const winget = /installer failed with exit code:?\s*(-?\d+)/gi;
  for (const m of text.matchAll(winget)) {
    c.source('winget');
    c.note('symptom.note.winget-exit', { code: Number(m[1]) });
  }
  if (/\bintune\b|\bIME\b|IntuneManagementExtension|0x87D1/i.test(text)) {
    c.source('intune');
    c.note('symptom.note.intune');
  }
  if (/application was not detected after installation completed successfully|0x87D1041C/i.test(text)) {
    c.source('intune');
    c.note('symptom.note.intune-detection');
  }
  if (
    /\bburn\b|bundle|\[[0-9A-F]{3,5}:[0-9A-F]{3,5}\]\[|\b[ewi]\d{3}:|Failed to (install|execute|configure) MSI package|Apply complete, result/i.test(
      text,
    )
  ) {
    c.source('burn');
    c.note('symptom.note.burn');
  }
}

function scanPhrases(text: string, c: Collector): boolean {
  let found = false;
  for (const phrase of DIALOG_PHRASES) {
    if (!phrase.pattern.test(text)) continue;
    found = true;
    if (phrase.code !== undefined) {
      if (phrase.role === 'exit') c.exit(phrase.code);
      else c.message(phrase.code);
      c.note('symptom.note.dialog-text', { code: phrase.code, title: titleParam(phrase.code, phrase.role) });
    }
    if (phrase.noteKey) c.note(phrase.noteKey);
  }
  return found;
}

/** Never throws: any input (including none) gives a ParsedSymptom with notes a user can act on. */
export function parseSymptom(input: string): ParsedSymptom {
  const raw = typeof input === 'string' ? input.slice(0, MAX_INPUT) : '';
  const text = normalizeWidth(raw);
  const c = new Collector();

  if (!text.trim()) {
    c.note('symptom.note.empty');
    return { input: raw, exitCodes: [], messageNumbers: [], sources: [], unknown: true, notes: c.notes };
  }

  // 1. 0x-prefixed hex: 8 digits = HRESULT; 1-4 digits = a code in hex (0x643 = 1603).
  const consumed: Array<[number, number]> = [];
  for (const m of text.matchAll(/0x([0-9a-f]{1,8})\b/gi)) {
    const digits = m[1] ?? '';
    const value = parseInt(digits, 16);
    consumed.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    if (digits.length >= 5) takeHresult(value, m[0], c, false);
    else if (lookupErrorCode(value)) {
      c.note('symptom.note.short-hex', { hex: m[0], code: value });
      classifyNumber(value, 'code ', c);
    }
  }
  // 2. Bare 8-digit HRESULTs people copy without 0x (80070643, 8A150102).
  for (const m of text.matchAll(
    /(?<![0-9a-fx])(800[47][0-9a-f]{4}|8a15[0-9a-f]{4}|87d[13][0-9a-f]{4})(?![0-9a-f])/gi,
  )) {
    const at = m.index ?? 0;
    if (consumed.some(([s, e]) => at >= s && at < e)) continue;
    consumed.push([at, at + m[0].length]);
    takeHresult(parseInt(m[1] ?? '0', 16), m[0], c, false);
  }
  // 3. Negative decimal HRESULTs (-2147023293).
  for (const m of text.matchAll(/(?<![\d.])-(2\d{9})(?!\d)/g)) {
    const at = m.index ?? 0;
    consumed.push([at, at + m[0].length]);
    const value = (0x100000000 - Number(m[1])) >>> 0;
    if (Number(m[1]) <= 0x80000000) takeHresult(value, m[0], c, true);
  }
  // 4. Decimal numbers, classified as exit codes or message numbers.
  for (const m of text.matchAll(/(?<![\w./\\-])(?<!\d:)(\d{1,5})(?![\d.:/\\]\d|\w)/g)) {
    const at = m.index ?? 0;
    if (consumed.some(([s, e]) => at >= s && at < e)) continue;
    const before = text.slice(Math.max(0, at - 30), at);
    classifyNumber(Number(m[1]), before, c);
  }
  scanTools(text, c);
  const phraseFound = scanPhrases(text, c);

  const unknown = c.exitCodes.length === 0 && c.messageNumbers.length === 0 && !phraseFound;
  if (unknown && !c.notes.some((n) => n.key === 'symptom.note.intune-detection')) c.note('symptom.note.unrecognized');
  return {
    input: raw,
    exitCodes: c.exitCodes,
    messageNumbers: c.messageNumbers,
    sources: c.sources,
    unknown,
    notes: c.notes,
  };
}
