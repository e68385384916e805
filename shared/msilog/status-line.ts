// Finds the product status line ("... success or error status: 1603.", "Réussite de l’installation ou état d’erreur : 1603.",
// "安装成功或错误状态: 1603。") and "Product: X -- Error 1714." messages by their structure, in any language, in one pass.
import { codeFromDigits } from './numbers.ts';
import { P } from './patterns.ts';

export type StatusVerb = 'installed' | 'removed' | 'reconfigured' | 'update' | 'other';

export interface StatusLine {
  verb: StatusVerb | null;
  code: number | null;
  /** The number as written (kept when it does not fit in 32 bits). */
  codeText: string | null;
  productName: string | null;
  productVersion: string | null;
}

export interface ProductMessage {
  productName: string;
  text: string;
  /** "Error 1714." / "Erreur 1714." / "错误 1920。" at the start of the text. */
  errorCode: number | null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0x200e || c === 0x200f;
}
function isColon(c: number): boolean {
  return c === 58 || c === 0xff1a;
}
function isStop(c: number): boolean {
  return c === 46 || c === 0x3002;
}

/** "...: 1603." -> the number's text and where its colon is; null when the line does not end that way. */
export function trailingColonNumber(text: string, end = text.length): { digits: string; colon: number } | null {
  let e = end;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > 0 && isStop(text.charCodeAt(e - 1))) e--;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > 0 && e - s <= 20 && isDigit(text.charCodeAt(s - 1))) s--;
  if (s === e || e - s > 20) return null;
  if (s > 0 && text.charCodeAt(s - 1) === 45) s--;
  const digits = text.slice(s, e);
  while (s > 0 && isSpace(text.charCodeAt(s - 1))) s--;
  if (s === 0 || !isColon(text.charCodeAt(s - 1))) return null;
  return { digits, colon: s - 1 };
}

/** Cheap test for the hot path: the text ends in ": N", ": N." or ": N。". */
export function endsWithColonNumber(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > start && isStop(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > start && e - s <= 20 && isDigit(text.charCodeAt(s - 1))) s--;
  if (s === e) return false;
  if (s > start && text.charCodeAt(s - 1) === 45) s--;
  while (s > start && isSpace(text.charCodeAt(s - 1))) s--;
  return s > start && isColon(text.charCodeAt(s - 1));
}

/** Field separators of "Label: value. Label: value." (':' or '：', not inside a time such as 12:34). */
function fieldColons(text: string, limit: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < limit && out.length < 16; i++) {
    if (!isColon(text.charCodeAt(i))) continue;
    if (isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue;
    out.push(i);
  }
  return out;
}

/** The value after colon k: up to the last sentence stop before the next field's label. */
function fieldValue(text: string, colons: number[], k: number, end: number): string {
  const from = colons[k]! + 1;
  const to = k + 1 < colons.length ? colons[k + 1]! : end;
  let stop = -1;
  for (let i = to - 1; i > from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || (c === 46 && (i + 1 >= to || isSpace(text.charCodeAt(i + 1))))) {
      stop = i;
      break;
    }
  }
  return text.slice(from, stop > from ? stop : to).trim();
}

const ENGLISH_STATUS = 'success or error status';
/** The language id field ("Product Language: 1033.", "Langue du produit : 1036."): 4-5 digits alone in their field. */
function hasLanguageField(text: string, colons: number[], end: number): boolean {
  for (let k = 0; k < colons.length - 1; k++) {
    const v = fieldValue(text, colons, k, end);
    if (P.LANGUAGE_ID.test(v)) return true;
  }
  return false;
}

/** Known translations of the verb, as a hint for the operation (the line itself is found by structure). */
const VERB_HINTS: ReadonlyArray<[StatusVerb, readonly string[]]> = [
  [
    'update',
    ['an update', 'une mise à jour', 'ein Update', 'uma atualização', 'una actualización', '更新', 'aggiornamento'],
  ],
  ['removed', ['removed', 'supprimé', 'entfernt', 'removeu', 'quitó', 'eliminó', '删除', '移除', '削除', 'rimosso']],
  [
    'reconfigured',
    [
      'reconfigured',
      'reconfiguré',
      'konfiguriert',
      'reconfigurou',
      'reconfiguró',
      '重新配置',
      '再構成',
      'riconfigurato',
    ],
  ],
  ['installed', ['installed', 'installé', 'installiert', 'instalou', 'instaló', '安装', 'インストール', 'installato']],
];

function verbOf(head: string): StatusVerb {
  for (const [verb, words] of VERB_HINTS) for (const w of words) if (head.includes(w)) return verb;
  return 'other';
}

/**
 * The product status line of messages 1033/1034/11707/11708 (and a paste that re-wrapped it): it ends in ": N" and is
 * either said by "Windows Installer", or ends in the status phrase, or has the product's fields with a language id.
 */
export function parseStatusLine(msg: string): StatusLine | null {
  const limit = Math.min(msg.length, 2000);
  const wi = msg.indexOf('Windows Installer');
  const saidByInstaller = wi >= 0 && wi < 40;
  const tail = trailingColonNumber(msg);
  if (!tail) {
    if (!saidByInstaller || wi !== 0) return null;
    const verb = verbOf(msg.slice(0, 80));
    return verb === 'other' ? null : { verb, code: null, codeText: null, productName: null, productVersion: null };
  }
  const colons = fieldColons(msg, Math.min(tail.colon + 1, limit));
  const label = msg.slice(Math.max(0, tail.colon - 40), tail.colon).trimEnd();
  const phrase = label.endsWith(ENGLISH_STATUS) || P.CJK_STATUS.test(label);
  if (!saidByInstaller && !phrase && !(colons.length >= 3 && hasLanguageField(msg, colons, tail.colon))) return null;
  if (colons.length < 2 && !phrase) return null;
  const english = msg.indexOf('Product Name: ');
  let productName: string | null = null;
  let productVersion: string | null = null;
  if (english >= 0) {
    const v = msg.indexOf('. Product Version:', english);
    if (v > english) productName = msg.slice(english + 14, v);
    const l = v > 0 ? msg.indexOf('. Product Language:', v) : -1;
    if (l > v && v > 0) productVersion = msg.slice(v + 19, l).trim();
  } else if (saidByInstaller && colons.length >= 4) {
    productName = fieldValue(msg, colons, 0, tail.colon) || null;
    productVersion = fieldValue(msg, colons, 1, tail.colon) || null;
  }
  return {
    verb: saidByInstaller ? verbOf(msg.slice(0, Math.min(colons[0] ?? 80, 120))) : 'other',
    code: codeFromDigits(tail.digits),
    codeText: tail.digits,
    productName,
    productVersion,
  };
}

/** "Product: X -- text" in any language: a short label without digits, a colon, the name, " -- ", the text. */
export function parseProductMessage(msg: string): ProductMessage | null {
  let i = 0;
  const n = Math.min(msg.length, 40);
  while (i < n && !isColon(msg.charCodeAt(i))) {
    if (isDigit(msg.charCodeAt(i))) return null;
    i++;
  }
  if (i === 0 || i >= n) return null;
  const sep = msg.indexOf(' -- ', i);
  // A paste may wrap the line before " -- " ("Product: Microsoft Windows SDK for Windows 7" / "(7.1) -- Removal...").
  if (sep < 0 && msg.startsWith('Product: ')) return { productName: msg.slice(9).trim(), text: '', errorCode: null };
  if (sep < 0 || sep - i > 400) return null;
  const productName = msg.slice(i + 1, sep).trim();
  if (!productName) return null;
  const text = msg.slice(sep + 4);
  return { productName, text, errorCode: leadingErrorNumber(text) };
}

/** "Error 1714. ...", "Erreur 1714.", "错误 1920。", "エラー 1603。": a word, a space, 4-5 digits, a stop or colon. */
export function leadingErrorNumber(text: string): number | null {
  let i = 0;
  const n = Math.min(text.length, 24);
  while (i < n && !isSpace(text.charCodeAt(i)) && !isDigit(text.charCodeAt(i))) i++;
  if (i === 0 || i > 16) return null;
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j)) && j - i < 2) j++;
  const d = j;
  while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  if (j - d < 4 || j - d > 5) return null;
  const c = text.charCodeAt(j);
  if (!(isStop(c) || isColon(c))) return null;
  return Number(text.slice(d, j));
}
