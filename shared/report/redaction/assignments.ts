// Finds values assigned to sensitive keys, whatever the syntax: `KEY=value` (anywhere, also as `;`-separated pairs
// inside another value: connection strings, CustomActionData), quoted `"KEY=value with spaces"`, MSI/Burn property
// lines, `Key: value` / `Key is [value]` lines, JSON keys, XML key/value attributes and command-line flags
// (`--password x`, `-Password 'x'`, `/p:x`). Each scan is a single left-to-right pass with bounded look-arounds.
import {
  KEY_HASH_PRIME,
  KEY_HASH_SEED,
  KeyClassifier,
  ReversedKeyTrie,
  OTHER_SECRET_NAME,
  classifyKey,
  isMaskedOrEmpty,
  type KeyClass,
} from './key-names.ts';
import { finding, type Finding } from './findings.ts';
import { NOT_DOMAINS, WELL_KNOWN_ACCOUNTS, splitAccount } from './identity-rules.ts';
import {
  findCommandCredentials,
  findCredentialObjects,
  findFtpCommands,
  findFtpScriptLogins,
  findUrlCredentials,
} from './command-credentials.ts';
import { findPrivateKeyBlocks } from './private-key-blocks.ts';
import { findTokenShapes } from './token-shapes.ts';
import { LiteralSearch } from '../../text/literal-search.ts';

const MAX_KEY = 64;

/** ASCII character classes as a table: the scans back from every `=` and `:` test each character they read. */
const WORD = 1; // letters, digits, _
const KEY = 2; // ...and . -
const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  CHAR_CLASS[c] = (word ? WORD | KEY : 0) | (c === 46 || c === 45 ? KEY : 0);
}
function isKeyChar(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c]! & KEY) !== 0;
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

/** End of the line holding position `at` (before "\r\n"), cached so scanning a long line stays linear. */
class Lines {
  private nextNewline = -1;
  constructor(private readonly text: string) {}
  endOf(at: number): number {
    if (this.nextNewline < at) {
      const nl = this.text.indexOf('\n', at);
      this.nextNewline = nl < 0 ? this.text.length : nl;
    }
    const end = this.nextNewline;
    return end > at && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  }
}

/** After whitespace: does a new item start here (another KEY=, a flag, the line's end)? Bounded look-ahead. */
function newItemAt(text: string, i: number, lineEnd: number): boolean {
  while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
  if (i >= lineEnd) return true;
  const c = text.charCodeAt(i);
  if ((c === 47 || c === 45) && i + 1 < lineEnd && (isLetter(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 45))
    return true;
  return keyThenEqualsAt(text, isQuote(c) ? i + 1 : i, lineEnd);
}

/** A key (up to three words: "Persist Security Info") followed by `=` at i. */
function keyThenEqualsAt(text: string, i: number, lineEnd: number): boolean {
  const limit = Math.min(lineEnd, i + MAX_KEY);
  let j = i;
  let words = 0;
  while (j < limit) {
    const start = j;
    while (j < limit && isKeyChar(text.charCodeAt(j))) j++;
    if (j === start) return false;
    words++;
    let k = j;
    while (k < limit && isSpace(text.charCodeAt(k))) k++;
    if (k < lineEnd && text.charCodeAt(k) === 61 && text.charCodeAt(k + 1) !== 61) return true;
    if (words === 3 || k === j || !isLetter(text.charCodeAt(k))) return false;
    j = k;
  }
  return false;
}

/** The character that closes a pair opened by `open` (a quote closes itself; `[` `(` `{` `<` their partners). */
function closerOf(open: number): number {
  if (isQuote(open)) return open;
  return open === 91 ? 93 : open === 40 ? 41 : open === 123 ? 125 : open === 60 ? 62 : -1;
}

/**
 * Where an unquoted value that starts at `v` ends: at `;`, `,` or whitespace followed by a new item, at `)` closing a
 * call, at the closer of an enclosing `"KEY=value"` / `[KEY=value]`, or at the end of the line. Values may contain
 * spaces and `;` ("Password=my pass;word;" keeps "my pass;word").
 */
export function valueEnd(text: string, v: number, lineEnd: number, closer: number): number {
  for (let i = v; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === closer) {
      const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : -1;
      if (next === -1 || isSpace(next) || next === 46 || next === 44 || next === 59 || next === 41 || next === 93)
        return i;
    } else if (c === 59) {
      let j = i + 1;
      while (j < lineEnd && isSpace(text.charCodeAt(j))) j++;
      if (j >= lineEnd || text.charCodeAt(j) === 59 || isQuote(text.charCodeAt(j)) || keyThenEqualsAt(text, j, lineEnd))
        return i;
    } else if (c === 44) {
      const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : -1;
      if (next === -1 || next === 44 || next === 41 || newItemKeyOnly(text, i + 1, lineEnd)) return i;
    } else if (c === 41) {
      const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : -1;
      if (next === -1 || isSpace(next) || next === 44 || next === 59) return i;
    } else if (isSpace(c)) {
      if (newItemAt(text, i, lineEnd)) return i;
    }
  }
  return lineEnd;
}

function newItemKeyOnly(text: string, i: number, lineEnd: number): boolean {
  while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
  return i < lineEnd && keyThenEqualsAt(text, i, lineEnd);
}

/** End of a value quoted by text[q] (`"` doubles as `""`, JSON's `\"` is understood); the line end when unclosed. */
function quotedEnd(text: string, q: number, lineEnd: number): number {
  const quote = text.charCodeAt(q);
  for (let i = q + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 && quote === 34 && text.charCodeAt(i + 1) === 34) {
      i++;
      continue;
    }
    if (c !== quote) continue;
    if (quote === 34 && text.charCodeAt(i + 1) === 34) {
      i++;
      continue;
    }
    return i;
  }
  return lineEnd;
}

/** First whitespace-free token of [start, end). */
function tokenEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 44 || c === 59 || c === 41 || isQuote(c) || c === 93 || c === 60 || c === 62) break;
    i++;
  }
  return i;
}

/** Trims [start, end) of spaces and one pair of surrounding quotes. */
function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && (isSpace(text.charCodeAt(start)) || text.charCodeAt(start) === 13)) start++;
  while (end > start && (isSpace(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 13)) end--;
  if (end - start >= 2 && isQuote(text.charCodeAt(start)) && text.charCodeAt(end - 1) === text.charCodeAt(start)) {
    start++;
    end--;
  }
  return [start, end];
}

/** A server name inside a value: `tcp:sql01,1433`, `sql01\INST`, `\\fs01`, `https://host/x`; null for local names. */
export function hostRange(text: string, start: number, end: number): [number, number] | null {
  let i = start;
  const lower = text.slice(start, Math.min(end, start + 8)).toLowerCase();
  for (const prefix of ['tcp:', 'np:', 'lpc:', 'admin:']) if (lower.startsWith(prefix)) i += prefix.length;
  const scheme = /^[a-z][a-z0-9+.-]{1,10}:\/\//.exec(text.slice(i, Math.min(end, i + 16)).toLowerCase());
  if (scheme) i += scheme[0].length;
  while (i < end && text.charCodeAt(i) === 92) i++;
  let j = i;
  while (j < end && isKeyChar(text.charCodeAt(j))) j++;
  while (j > i && text.charCodeAt(j - 1) === 46) j--;
  const host = text.slice(i, j).toLowerCase();
  if (host.length < 2 || /^[\d.]+$/.test(host) || host === 'localhost' || host === 'local' || host === 'localdb')
    return null;
  return [i, j];
}

/** Turns the value of a classified key into findings (a user `DOMAIN\name` gives two). */
export function valueFindings(
  cls: KeyClass,
  text: string,
  start: number,
  end: number,
  from: number,
  out: Finding[],
  wholeValue: boolean,
): void {
  [start, end] = trimmed(text, start, end);
  if (end <= start || isMaskedOrEmpty(text.slice(start, end))) return;
  if (cls === 'secret') {
    out.push(finding('secret', text, start, end, text.slice(start, end), from));
    return;
  }
  if (!wholeValue) end = tokenEnd(text, start, end);
  if (end <= start) return;
  if (cls === 'computer') {
    const host = hostRange(text, start, end);
    if (host) out.push(finding('computer', text, host[0], host[1], text.slice(host[0], host[1]).toLowerCase(), from));
    return;
  }
  const value = text.slice(start, end);
  if (cls === 'domain') {
    const token = value.split(/[\s,;]/)[0] ?? '';
    if (!/^[A-Za-z0-9][\w.-]*$/.test(token) || NOT_DOMAINS.has(token.toLowerCase())) return;
    out.push(finding('domain', text, start, start + token.length, token.toLowerCase(), from));
    return;
  }
  // user
  const colon = value.indexOf(':');
  if (colon > 0 && !value.includes('\\')) {
    // `user:password` (curl --user, proxy settings): the part after the colon is a password.
    if (colon + 1 < value.length)
      out.push(finding('secret', text, start + colon + 1, end, value.slice(colon + 1), from));
    end = start + colon;
    valueFindings('user', text, start, end, from, out, true);
    return;
  }
  if (value.includes('@') || /^\d+$/.test(value) || WELL_KNOWN_ACCOUNTS.has(value.toLowerCase())) return;
  const { user, domain } = splitAccount(value);
  if (WELL_KNOWN_ACCOUNTS.has(user.toLowerCase()) || user === '') return;
  const userStart = end - user.length;
  if (domain && !NOT_DOMAINS.has(domain.toLowerCase()))
    out.push(finding('domain', text, start, start + domain.length, domain.toLowerCase(), from));
  out.push(finding('user', text, userStart, end, user.toLowerCase(), from));
}

/** Quote parity since the start of the current line, advanced lazily: only the line of the position asked about is read. */
class QuoteState {
  private at = 0;
  private double = 0;
  private single = 0;
  constructor(private readonly text: string) {}
  /** The quote character left open before position `to` on its line (`"` first), or -1. Positions only advance. */
  openAt(to: number): number {
    if (to > this.at) {
      // Whole lines between the last position and `to` do not count: find the start of `to`'s line (not before the
      // last position, so each character is read at most twice in all) and count the quotes from there.
      const text = this.text;
      let from = to;
      while (from > this.at && text.charCodeAt(from - 1) !== 10) from--;
      if (from > this.at) {
        this.double = 0;
        this.single = 0;
      }
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 34) this.double++;
        else if (c === 39) this.single++;
      }
      this.at = to;
    }
    if (this.double % 2 === 1) return 34;
    if (this.single % 2 === 1) return 39;
    return -1;
  }
}

const pairKeys = new ReversedKeyTrie();

/** A key ending at kEnd: one word, or two ("User Id", "Data Source") when the two-word name is the sensitive one. */
function keyBefore(
  text: string,
  kEnd: number,
  floor: number,
  hidden: ReadonlySet<string>,
): { start: number; cls: KeyClass } | null {
  // The key's characters are read once, backwards, walking the trie of known keys on the way.
  let kStart = kEnd;
  let node = ReversedKeyTrie.ROOT;
  while (kStart > floor && kEnd - kStart < MAX_KEY) {
    const c = text.charCodeAt(kStart - 1);
    if (!isKeyChar(c)) break;
    node = pairKeys.step(node, c);
    kStart--;
  }
  if (kStart === kEnd || kEnd - kStart >= MAX_KEY) return null;
  if (kStart - 1 > floor && text.charCodeAt(kStart - 1) === 32) {
    let p = kStart - 1;
    while (p > floor && kStart - p < 17 && isLetter(text.charCodeAt(p - 1))) p--;
    if (p < kStart - 2 && (p === floor || !isKeyChar(text.charCodeAt(p - 1)))) {
      const two = classifyKey(text.slice(p, kEnd), hidden);
      if (two) return { start: p, cls: two };
    }
  }
  const cls = pairKeys.classify(text, kStart, kEnd, node, hidden);
  return cls ? { start: kStart, cls } : null;
}

/** `KEY=value` and `KEY = value` anywhere, including pairs nested in another value. */
export function findPairs(text: string, hidden: ReadonlySet<string>, out: Finding[]): void {
  const lines = new Lines(text);
  const quotes = new QuoteState(text);
  let floor = 0;
  // End of the last value whose nested pairs are read again; their own values are then looked for only so far
  // (and at most NESTED_SCAN characters), so "Password=Password=Password=..." stays linear.
  let covered = -1;
  for (let eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', Math.max(eq + 1, floor))) {
    const next = text.charCodeAt(eq + 1);
    const prev = text.charCodeAt(eq - 1);
    if (next === 61 || prev === 61 || prev === 33 || prev === 60 || prev === 62) {
      if (next === 61) eq++;
      continue;
    }
    let kEnd = eq;
    while (kEnd > floor && eq - kEnd < 3 && isSpace(text.charCodeAt(kEnd - 1))) kEnd--;
    const key = keyBefore(text, kEnd, floor, hidden);
    if (!key) {
      if (kEnd > floor && endsNonLatinKey(text.charCodeAt(kEnd - 1))) nonLatinKeyValue(text, kEnd, eq + 1, out);
      continue;
    }
    const lineEnd = eq < covered ? Math.min(lines.endOf(eq), covered, eq + NESTED_SCAN) : lines.endOf(eq);
    const before = key.start > 0 ? text.charCodeAt(key.start - 1) : -1;
    const open = quotes.openAt(key.start);
    const enclosing = closerOf(before) !== -1 ? closerOf(before) : open;
    let v = eq + 1;
    while (v < lineEnd && isSpace(text.charCodeAt(v))) v++;
    if (v >= lineEnd) continue;
    let start = v;
    let end: number;
    const c = text.charCodeAt(v);
    if (isQuote(c)) {
      start = v + 1;
      end = quotedEnd(text, v, lineEnd);
    } else if (c === 92 && text.charCodeAt(v + 1) === 34) {
      start = v + 2;
      end = escapedQuoteEnd(text, start, lineEnd);
    } else if (before === 63 || before === 38) {
      // `?token=x&lang=en`: a URL query's value ends at the next parameter.
      end = queryValueEnd(text, v, lineEnd);
    } else {
      end = valueEnd(text, v, lineEnd, enclosing);
    }
    // A spaced "KEY = value" on its own (property dumps, Burn variables) owns the rest of its value, names included.
    const whole = isQuote(c) || kEnd !== eq || (end < lineEnd && text.charCodeAt(end) === 59);
    valueFindings(key.cls, text, start, end, key.start, out, whole);
    // Pairs nested in this value (a connection string inside a secret) are still read, so their names are learned.
    let nested = false;
    for (let i = start; i < end && !nested; i++) nested = text.charCodeAt(i) === 61;
    if (nested) covered = Math.max(covered, end);
    floor = Math.max(floor, nested ? start : end);
  }
}

/** Where a URL query parameter's value that starts at v ends: `&`, `#`, whitespace, a quote or an angle bracket. */
function queryValueEnd(text: string, v: number, lineEnd: number): number {
  let i = v;
  while (i < lineEnd) {
    const c = text.charCodeAt(i);
    if (c === 38 || c === 35 || isSpace(c) || isQuote(c) || c === 60 || c === 62) break;
    i++;
  }
  return i;
}

/** How far a value nested in another value is looked for. */
const NESTED_SCAN = 4096;

/** The `\"` closing a JSON-escaped quoted value that starts at `start`, within the line. */
function escapedQuoteEnd(text: string, start: number, lineEnd: number): number {
  for (let i = start; i + 1 < lineEnd; i++) if (text.charCodeAt(i) === 92 && text.charCodeAt(i + 1) === 34) return i;
  return lineEnd;
}

/** A flag at a `-` or `/` (not after a word character or `-`, checked by hand): its dashes, its name. */
const FLAG = /(--?|\/)([A-Za-z][\w-]{0,48})(?=[:\s"'])/y;

/**
 * The flag that starts at `at` (a `-` or `/`), or null. A global pattern that found flags by itself started at every
 * `-` and `/` of the text with a look-behind and cost 3x more; the checks by hand turn most of them away first.
 */
function flagAt(text: string, at: number): RegExpExecArray | null {
  if (at > 0 && (isWordChar(text.charCodeAt(at - 1)) || text.charCodeAt(at - 1) === 45)) return null;
  const next = text.charCodeAt(at + 1);
  if (!isLetter(next) && !(next === 45 && text.charCodeAt(at) === 45 && isLetter(text.charCodeAt(at + 2)))) return null;
  FLAG.lastIndex = at;
  return FLAG.exec(text);
}

/** Command-line flags with a separate or `:`-joined value: `--password x`, `-Password 'x'`, `/p:x`, `-pw x`. */
export function findFlags(text: string, hidden: ReadonlySet<string>, out: Finding[]): void {
  const lines = new Lines(text);
  // Dashes and slashes in text order; after a flag the search goes on after it (and after its value, when read).
  let dash = text.indexOf('-');
  let slash = text.indexOf('/');
  for (let from = 0; ;) {
    if (dash >= 0 && dash < from) dash = text.indexOf('-', from);
    if (slash >= 0 && slash < from) slash = text.indexOf('/', from);
    if (dash < 0 && slash < 0) break;
    const at = dash < 0 ? slash : slash < 0 ? dash : Math.min(dash, slash);
    const m = flagAt(text, at);
    from = m ? at + m[0].length : at + 1;
    if (!m) continue;
    const name = m[2]!;
    const sepAt = m.index + m[0].length;
    const colon = text.charCodeAt(sepAt) === 58;
    let cls: KeyClass | null;
    if (name.length === 1) {
      // msiexec's "/p patch.msp" is a patch: one-letter flags only count in the "/p:x" form.
      cls = !colon ? null : /p/i.test(name) ? 'secret' : /u/i.test(name) ? 'user' : null;
    } else cls = classifyKey(name, hidden);
    if (!cls) continue;
    const lineEnd = lines.endOf(sepAt);
    let v = colon ? sepAt + 1 : sepAt;
    while (v < lineEnd && isSpace(text.charCodeAt(v))) v++;
    if (v >= lineEnd) continue;
    const c = text.charCodeAt(v);
    if (c === 36) continue; // a PowerShell $variable, not a literal
    if ((c === 45 || c === 47) && !colon && isLetter(text.charCodeAt(v + 1))) continue; // the next flag: no value
    let start = v;
    let end: number;
    if (isQuote(c)) {
      start = v + 1;
      end = quotedEnd(text, v, lineEnd);
    } else if (c === 40) {
      // -Password (ConvertTo-SecureString 'x' -AsPlainText -Force): the quoted literal inside
      const close = text.indexOf(')', v);
      const stop = close < 0 || close > lineEnd ? lineEnd : close;
      const q = /["']/.exec(text.slice(v, stop));
      if (!q) continue;
      start = v + q.index + 1;
      end = quotedEnd(text, v + q.index, stop);
    } else {
      end = v;
      while (end < lineEnd && !isSpace(text.charCodeAt(end))) end++;
    }
    valueFindings(cls, text, start, end, m.index, out, isQuote(c) || c === 40);
    from = Math.max(from, end);
  }
}

/** In `Key: value` lines a secret key must be unmistakable ("Registry key:" is no secret). */
const LABEL_SECRET =
  /(?:pass(?:word|wd|phrase)?|pwd|secret|token|credentials?|authorization|cookie|(?:api|access|account|license|product|private|secret|shared ?access|subscription)[ _-]?key)(?: (?:is|was))?$/i;
/** ...and a computer key too (an HTTP "Server: Microsoft-IIS/10.0" header names a product, not a machine). */
const LABEL_COMPUTER =
  /(?:computer|machine)(?: ?name)?$|(?:host|server) ?name$|^workstation$|^data source$|^(?:sql|database|db) ?server$/i;

function labelClass(name: string, hidden: ReadonlySet<string>): KeyClass | null {
  const cls = classifyKey(name, hidden);
  if (cls === 'secret')
    return LABEL_SECRET.test(name) || OTHER_SECRET_NAME.test(name) || hidden.has(name.toUpperCase()) ? cls : null;
  if (cls === 'computer') return LABEL_COMPUTER.test(name) ? cls : null;
  return cls;
}

/** labelClass of keys read in place (labelKeyBefore). */
const labelKeys = new KeyClassifier(labelClass);

function isWordChar(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c]! & WORD) !== 0;
}

/** The key of a label ending at keyEnd: up to three words ("Current User", "Computer Name"), longest sensitive one. */
function labelKeyBefore(
  text: string,
  keyEnd: number,
  hidden: ReadonlySet<string>,
): { start: number; cls: KeyClass } | null {
  // The words are read once, backwards, hashing [start, keyEnd) on the way, so each candidate key (one, two or three
  // words) is classified in place by labelKeys, without cutting it out (most colons of a log are no label).
  let start1 = -1;
  let start2 = -1;
  let start3 = -1;
  let hash1 = 0;
  let hash2 = 0;
  let hash3 = 0;
  let p = keyEnd;
  let hash = KEY_HASH_SEED;
  for (let words = 0; words < 3; words++) {
    let w = p;
    // The hash of [w, keyEnd) where text[w] is no '-' (leading dashes are not part of the word).
    let kept = hash;
    // Header names join their words with '-' (`X-Api-Key:`, `Set-Cookie:`).
    while (w > 0 && p - w < 32) {
      const c = text.charCodeAt(w - 1);
      if (!isWordChar(c) && c !== 45) break;
      hash = Math.imul(hash ^ c, KEY_HASH_PRIME);
      if (c !== 45) kept = hash;
      w--;
    }
    while (w < p && text.charCodeAt(w) === 45) w++;
    if (w === p) break;
    if (words === 0) {
      start1 = w;
      hash1 = kept;
    } else if (words === 1) {
      start2 = w;
      hash2 = kept;
    } else {
      start3 = w;
      hash3 = kept;
    }
    if (w < 2 || text.charCodeAt(w - 1) !== 32 || !isWordChar(text.charCodeAt(w - 2))) break;
    p = w - 1;
    hash = Math.imul(kept ^ 32, KEY_HASH_PRIME);
  }
  if (start3 >= 0) {
    const cls = labelKeys.classifyHashed(text, start3, keyEnd, hidden, hash3);
    if (cls) return { start: start3, cls };
  }
  if (start2 >= 0) {
    const cls = labelKeys.classifyHashed(text, start2, keyEnd, hidden, hash2);
    if (cls) return { start: start2, cls };
  }
  if (start1 >= 0) {
    const cls = labelKeys.classifyHashed(text, start1, keyEnd, hidden, hash1);
    if (cls) return { start: start1, cls };
  }
  return null;
}

/** The value after a label's operator: bracketed, quoted (also JSON's \"), or up to the value's end. */
function labelValue(text: string, cls: KeyClass, from: number, v: number, lineEnd: number, out: Finding[]): void {
  while (v < lineEnd && isSpace(text.charCodeAt(v))) v++;
  if (v >= lineEnd) return;
  const c = text.charCodeAt(v);
  if (isQuote(c)) valueFindings(cls, text, v + 1, quotedEnd(text, v, lineEnd), from, out, true);
  else if (c === 92 && text.charCodeAt(v + 1) === 34) {
    const close = text.indexOf('\\"', v + 2);
    valueFindings(cls, text, v + 2, close < 0 || close > lineEnd ? lineEnd : close, from, out, true);
  } else if (cls === 'secret' && v - from < 48 && /cookie/i.test(text.slice(from, v)))
    // `Cookie: a=1; SESSION=x`: every cookie of the header.
    valueFindings(cls, text, v, lineEnd, from, out, true);
  else valueFindings(cls, text, v, cls === 'secret' ? valueEnd(text, v, lineEnd, -1) : lineEnd, from, out, false);
}

const IS_BRACKET = new LiteralSearch(' is [');

/** `Password: x`, `Computer: NAME`, `Computer Name is [NAME]`, JSON `"password": "x"` (the key may carry a prefix). */
export function findLabels(text: string, hidden: ReadonlySet<string>, out: Finding[]): void {
  const lines = new Lines(text);
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    const next = text.charCodeAt(colon + 1);
    if (next === 92 || next === 47 || next === 58) continue; // C:\, scheme://, ::
    let k = colon;
    if (text.charCodeAt(k - 1) === 34)
      k -= text.charCodeAt(k - 2) === 92 ? 2 : 1; // "key": or \"key\":
    else if (text.charCodeAt(k - 1) === 39) k--; // 'key': (a Python or YAML dump)
    while (k > 0 && colon - k < 4 && isSpace(text.charCodeAt(k - 1))) k--;
    if (k > 0 && endsNonLatinKey(text.charCodeAt(k - 1))) {
      nonLatinKeyValue(text, k, colon + 1, out);
      continue;
    }
    if (k === 0 || !isLetter(text.charCodeAt(k - 1))) continue; // timestamps, "(18:A8)"
    const key = labelKeyBefore(text, k, hidden);
    if (!key) continue;
    const before = out.length;
    labelValue(text, key.cls, key.start, colon + 1, lines.endOf(colon), out);
    // The value is read: colons inside it are not labels ("password: a: b: c..." stays linear).
    if (out.length > before) colon = Math.max(colon, out[out.length - 1]!.end - 1);
  }
  const bracketLines = new Lines(text);
  for (let at = IS_BRACKET.indexIn(text); at >= 0; at = IS_BRACKET.indexIn(text, at + 5)) {
    const key = labelKeyBefore(text, at, hidden);
    if (!key) continue;
    const close = text.indexOf(']', at + 5);
    if (close > 0 && close <= bracketLines.endOf(at)) valueFindings(key.cls, text, at + 5, close, key.start, out, true);
  }
}

const JSON_PAIR = /"([A-Za-z_][\w .-]{0,63})"[ \t]*:[ \t]*"/g;
const XML_PAIR = /\b(?:key|name)\s*=\s*"([^"\r\n]{1,64})"\s+value\s*=\s*"([^"\r\n]*)"/iy;
/** An "Executing op:" record writing a named value: RegAddValue(Name=DbPassword,Value=x,...). */
const OP_VALUE = /Name=([^,()\r\n]{1,64}),Value=([^,()\r\n]*)/y;
/** A cheap gate for SECURE_STRING: one search for the word in its three spellings instead of three searches. */
const SECURE_STRING_WORD = new LiteralSearch(['ecureString', 'ECURESTRING', 'ecurestring']);
const SECURE_STRING = /ConvertTo-SecureString\b[ \t]+(?:-String[ \t]+)?("[^"\r\n]*"|'[^'\r\n]*')/gi;

/** JSON `"Host": "x"`, XML `<add key="DbPassword" value="x"/>` and `ConvertTo-SecureString 'x' -AsPlainText`. */
export function findStructuredPairs(text: string, hidden: ReadonlySet<string>, out: Finding[]): void {
  if (text.includes('":')) {
    const lines = new Lines(text);
    JSON_PAIR.lastIndex = 0;
    for (let m = JSON_PAIR.exec(text); m; m = JSON_PAIR.exec(text)) {
      const cls = classifyKey(m[1]!, hidden);
      if (!cls) continue;
      const q = m.index + m[0].length - 1;
      const end = quotedEnd(text, q, lines.endOf(q));
      valueFindings(cls, text, q + 1, end, m.index, out, true);
      JSON_PAIR.lastIndex = end;
    }
  }
  // XML: found by `value=`/`Value=`, then read from the `key=`/`name=` before it (at most 160 characters back).
  for (let at = text.indexOf('alue'); at >= 1; at = text.indexOf('alue', at + 4)) {
    let e = at + 4;
    while (isSpace(text.charCodeAt(e))) e++;
    if (text.charCodeAt(e) !== 61) continue;
    const from = Math.max(0, at - 160);
    const head = text.slice(from, at);
    const key = Math.max(
      head.lastIndexOf('key'),
      head.lastIndexOf('name'),
      head.lastIndexOf('Key'),
      head.lastIndexOf('Name'),
    );
    if (key < 0) continue;
    XML_PAIR.lastIndex = from + key;
    const m = XML_PAIR.exec(text);
    if (!m) continue;
    const cls = classifyKey(m[1]!, hidden);
    if (!cls) continue;
    const valueStart = m.index + m[0].length - 1 - m[2]!.length;
    valueFindings(cls, text, valueStart, valueStart + m[2]!.length, m.index, out, true);
  }
  for (let at = text.indexOf('Name='); at >= 0; at = text.indexOf('Name=', at + 5)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : -1;
    if (before !== 40 && before !== 44) continue; // "RegAddValue(Name=" / ",Name=", not "SourceName="
    OP_VALUE.lastIndex = at;
    const m = OP_VALUE.exec(text);
    if (!m) continue;
    const cls = classifyKey(m[1]!, hidden);
    if (!cls) continue;
    const valueStart = m.index + m[0].length - m[2]!.length;
    valueFindings(cls, text, valueStart, valueStart + m[2]!.length, m.index, out, true);
  }
  if (SECURE_STRING_WORD.foundIn(text)) {
    SECURE_STRING.lastIndex = 0;
    for (let m = SECURE_STRING.exec(text); m; m = SECURE_STRING.exec(text)) {
      const end = m.index + m[0].length;
      valueFindings('secret', text, end - m[1]!.length + 1, end - 1, m.index, out, true);
    }
  }
}

const PROPERTY_LINE = /Property\([A-Z]\): ([A-Za-z_][\w.]*) = ([^\r\n]*)/y;
const PROPERTY_CHANGE = /PROPERTY CHANGE: [A-Za-z]+ ([A-Za-z_][\w.]*) property\. (Its [^\r\n]*)/y;
const BURN_VARIABLE = /variable '([A-Za-z_][\w.]*)' to value '([^\r\n]*)'/y;

/**
 * The quoted values of "Its value is 'v'." / "Its current value is 'a'. Its new value: 'b'.": each runs from its
 * opening quote to the last "'." (followed by a space or the end) before the next value's opening (linear).
 */
function changeValues(tail: string, base: number): Array<[number, number]> {
  const opens: number[] = [];
  for (const marker of ["value is '", "value: '"]) {
    for (let at = tail.indexOf(marker); at >= 0; at = tail.indexOf(marker, at + marker.length))
      opens.push(at + marker.length);
  }
  opens.sort((a, b) => a - b);
  const parts: Array<[number, number]> = [];
  opens.forEach((open, i) => {
    const limit = i + 1 < opens.length ? opens[i + 1]! : tail.length;
    let close = tail.lastIndexOf("'.", limit - 1);
    while (close >= open && !(close + 2 >= tail.length || /\s/.test(tail[close + 2]!)))
      close = tail.lastIndexOf("'.", close - 1);
    if (close >= open) parts.push([base + open, base + close]);
  });
  return parts;
}

/** Each property form: its sticky pattern, the literal it starts with, and the search for that literal. */
const PROPERTY_FORMS: Array<[RegExp, string, LiteralSearch]> = [
  [PROPERTY_LINE, 'Property(', new LiteralSearch('Property(')],
  [PROPERTY_CHANGE, 'PROPERTY CHANGE: ', new LiteralSearch('PROPERTY CHANGE: ')],
  [BURN_VARIABLE, "variable '", new LiteralSearch("variable '")],
];

/** Called for every property a log assigns (name, value), so a later MsiHiddenProperties can still hide it. */
export type PropertySeen = (name: string, value: string) => void;

/**
 * Windows Installer and Burn property lines, whose whole value belongs to the property: `Property(S): X = v`,
 * `PROPERTY CHANGE: Adding X property. Its value is 'v'.`, Burn `variable 'X' to value 'v'`. Each form is found by
 * its literal start, then read with a sticky pattern.
 */
export function findPropertyLines(
  text: string,
  hidden: ReadonlySet<string>,
  out: Finding[],
  seen?: PropertySeen,
): void {
  for (const [re, literal, search] of PROPERTY_FORMS) {
    for (let at = search.indexIn(text); at >= 0; at = search.indexIn(text, at + literal.length)) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) continue;
      const name = m[1]!;
      const valueStart = m.index + m[0].length - m[2]!.length - (re === BURN_VARIABLE ? 1 : 0);
      const cls = classifyKey(name, hidden);
      const parts: Array<[number, number]> = [];
      if (re === PROPERTY_CHANGE) parts.push(...changeValues(m[2]!, valueStart));
      else parts.push([valueStart, valueStart + m[2]!.length]);
      for (const [s, e] of parts) {
        if (cls) valueFindings(cls, text, s, e, m.index, out, true);
        else seen?.(name, text.slice(s, e));
      }
      at = m.index + m[0].length - literal.length; // the match ran to its line's end: go on after it
    }
  }
}

/** A password named in prose before a quoted value; starts with a literal space, which the engine skips to fast. */
const PROSE_PASSWORD =
  / (?:[Pp](?:ASS|ass)(?:WORD|word|PHRASE|phrase)|PWD|pwd)[ \t]+(?:(?:is|IS|was|WAS|of|set to|SET TO)[ \t]+)?(["'])([^"'\r\n]{1,256})\1/g;

/** `logging on with password 'x'`, `PASSWORD IS "x"`. */
export function findProsePasswords(text: string, out: Finding[]): void {
  PROSE_PASSWORD.lastIndex = 0;
  for (let m = PROSE_PASSWORD.exec(text); m; m = PROSE_PASSWORD.exec(text)) {
    const end = m.index + m[0].length - 1;
    valueFindings('secret', text, end - m[2]!.length, end, m.index + 1, out, true);
  }
}

/** Suffixes only private networks use: a name ending in one is a machine or a domain of the user's organisation. */
const PRIVATE_SUFFIXES = new Set([
  'local',
  'lan',
  'corp',
  'internal',
  'intranet',
  'localdomain',
  'LOCAL',
  'LAN',
  'CORP',
  'INTERNAL',
  'INTRANET',
]);
const LONGEST_PRIVATE_SUFFIX = 11;

/**
 * Where the private suffix after the dot at `dot` ends, or -1: the whole run of word characters and `-` after the dot
 * must be one of them, as written here. Checked at each dot by hand, from its first letter: a pattern
 * starting with `\.` stopped at every dot of the text and cost 3-4x more.
 */
function privateSuffixEnd(text: string, dot: number): number {
  const first = text.charCodeAt(dot + 1) | 0x20;
  if (first !== 108 && first !== 99 && first !== 105) return -1; // l c i
  let end = dot + 1;
  while (end - dot <= LONGEST_PRIVATE_SUFFIX + 1 && (isWordChar(text.charCodeAt(end)) || text.charCodeAt(end) === 45))
    end++;
  if (end - dot > LONGEST_PRIVATE_SUFFIX + 1) return -1;
  return PRIVATE_SUFFIXES.has(text.slice(dot + 1, end)) ? end : -1;
}
/** Labels that make a dotted name a file (`setup.exe.local` redirects DLLs), not a host. */
const FILE_LABEL = /^(?:exe|dll|config|manifest|msi|log|txt|xml|json)$/i;

/** `sql01.fabrikam.local`, `fabrikam.corp`: the host label becomes a computer, the rest the domain. */
export function findPrivateHostNames(text: string, out: Finding[]): void {
  for (let dot = text.indexOf('.'), end = 0; dot >= 0; dot = text.indexOf('.', end >= 0 ? end : dot + 1)) {
    end = privateSuffixEnd(text, dot);
    if (end < 0) continue;
    let s = dot;
    while (s > 0 && dot - s < 253) {
      const c = text.charCodeAt(s - 1);
      if (!((c >= 48 && c <= 57) || isLetter(c) || c === 45 || c === 46)) break;
      s--;
    }
    while (s < dot && text.charCodeAt(s) === 46) s++;
    const before = s > 0 ? text.charCodeAt(s - 1) : -1;
    if (s === dot || before === 92 || before === 47 || before === 95) continue; // a path or file, not a name
    const labels = text.slice(s, end).split('.');
    if (labels.some((l) => l === '' || FILE_LABEL.test(l)) || !isLetter(text.charCodeAt(s))) continue;
    if (labels.length === 2) {
      out.push(finding('domain', text, s, end, text.slice(s, end).toLowerCase()));
      continue;
    }
    const hostEnd = s + labels[0]!.length;
    out.push(finding('computer', text, s, hostEnd, labels[0]!.toLowerCase()));
    out.push(finding('domain', text, hostEnd + 1, end, text.slice(hostEnd + 1, end).toLowerCase()));
  }
}

/**
 * Key names in scripts other than Latin, by the end of the key (lower case): Chinese logs and tools first (密码/密碼
 * password, 用户名 user name, 计算机名 computer name...), then Japanese, Korean and Russian ones (パスワード, 비밀번호, пароль).
 */
const NON_LATIN_KEYS: ReadonlyArray<[string, KeyClass]> = [
  ['密码', 'secret'],
  ['口令', 'secret'],
  ['密钥', 'secret'],
  ['私钥', 'secret'],
  ['令牌', 'secret'],
  ['密碼', 'secret'], // Traditional Chinese (zh-TW, zh-HK) from here to the end of each kind
  ['金鑰', 'secret'],
  ['私密金鑰', 'secret'],
  ['權杖', 'secret'],
  ['用户名', 'user'],
  ['用户', 'user'],
  ['账户', 'user'],
  ['帐户', 'user'],
  ['账号', 'user'],
  ['帐号', 'user'],
  ['登录名', 'user'],
  ['使用者名稱', 'user'],
  ['使用者', 'user'],
  ['帳號', 'user'],
  ['登入名稱', 'user'],
  ['计算机名', 'computer'],
  ['计算机名称', 'computer'],
  ['计算机', 'computer'],
  ['机器名', 'computer'],
  ['主机名', 'computer'],
  ['主机', 'computer'],
  ['服务器名', 'computer'],
  ['服务器', 'computer'],
  ['電腦名稱', 'computer'],
  ['電腦', 'computer'],
  ['主機名稱', 'computer'],
  ['主機', 'computer'],
  ['伺服器', 'computer'],
  // Japanese, Korean and Russian (Cyrillic keys are compared in lower case).
  ['パスワード', 'secret'],
  ['暗証番号', 'secret'],
  ['비밀번호', 'secret'],
  ['암호', 'secret'],
  ['пароль', 'secret'],
  ['ユーザー名', 'user'],
  ['ユーザー', 'user'],
  ['사용자', 'user'],
  ['пользователь', 'user'],
  ['пользователя', 'user'], // имя пользователя (user name)
  ['логин', 'user'],
  ['コンピューター名', 'computer'],
  ['コンピュータ名', 'computer'],
  ['ホスト名', 'computer'],
  ['컴퓨터', 'computer'],
  ['서버', 'computer'],
  ['компьютер', 'computer'],
  ['сервер', 'computer'],
];
/** Whole keys only: 域 alone is the domain, 区域 (region) and 作用域 (scope) are not. */
const NON_LATIN_WHOLE_KEYS: ReadonlyArray<[string, KeyClass]> = [
  ['域名', 'domain'],
  ['域', 'domain'],
  ['網域', 'domain'],
  ['網域名稱', 'domain'],
  ['ドメイン', 'domain'],
  ['도메인', 'domain'],
  ['домен', 'domain'],
];
/** True for the last character of a key in another script: CJK blocks and above, or Cyrillic. */
function endsNonLatinKey(c: number): boolean {
  return c >= 0x2e80 || (c >= 0x0400 && c <= 0x04ff);
}

/** Characters non-Latin key names are made of: Han, kana (with its long-vowel mark), Hangul syllables, Cyrillic. */
function isNonLatinKeyChar(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0x0400 && c <= 0x04ff)
  );
}

/** The longest key run read back from a separator ("пользователь" has 12 characters). */
const MAX_NON_LATIN_KEY = 12;

/** The value after a non-Latin key ending at keyEnd (its separator ends at valueFrom): `密码：P@ss`, `用户名=张伟`. */
function nonLatinKeyValue(text: string, keyEnd: number, valueFrom: number, out: Finding[]): void {
  let start = keyEnd;
  while (start > 0 && keyEnd - start < MAX_NON_LATIN_KEY && isNonLatinKeyChar(text.charCodeAt(start - 1))) start--;
  if (start === keyEnd) return;
  const run = text.slice(start, keyEnd).toLowerCase();
  let cls: KeyClass | null = null;
  for (const [word, c] of NON_LATIN_WHOLE_KEYS) if (run === word) cls = c;
  for (const [word, c] of NON_LATIN_KEYS) if (!cls && run.endsWith(word)) cls = c;
  if (!cls) return;
  let v = valueFrom;
  while (v < text.length && (isSpace(text.charCodeAt(v)) || text.charCodeAt(v) === 0x3000)) v++;
  let end = v;
  const quote = text.charCodeAt(v);
  if (isQuote(quote)) {
    v++;
    end = v;
    while (end < text.length && end - v < 256 && text.charCodeAt(end) !== quote && text.charCodeAt(end) !== 10) end++;
  } else {
    while (end < text.length && end - v < 256 && !NON_LATIN_VALUE_END.has(text.charCodeAt(end))) end++;
  }
  valueFindings(cls, text, v, end, start, out, true);
}

/** Where an unquoted value after a non-Latin key ends: whitespace, ASCII or full-width punctuation, the line's end. */
const NON_LATIN_VALUE_END = new Set([...' \t\r\n,;)，；。）、"\''].map((c) => c.charCodeAt(0)));

/** `密码：x`, `用户名＝x`: keys followed by a full-width colon or equals sign (ASCII ones are read with the others). */
export function findNonLatinKeys(text: string, out: Finding[]): void {
  for (const separator of ['：', '＝']) {
    for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
      let k = at;
      while (k > 0 && at - k < 4 && (isSpace(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 0x3000)) k--;
      if (k > 0 && endsNonLatinKey(text.charCodeAt(k - 1))) nonLatinKeyValue(text, k, at + 1, out);
    }
  }
}

/** How far back from `</Name>` its opening tag is looked for. */
const XML_ELEMENT_REACH = 4096;

/** `<Password>x</Password>`, `<UserName>x</UserName>`, `<add:Server>x</add:Server>`: a sensitive element's text. */
export function findXmlElements(text: string, hidden: ReadonlySet<string>, out: Finding[]): void {
  let floor = 0; // opening tags are looked for after the last sensitive closing tag
  for (let at = text.indexOf('</'); at >= 0; at = text.indexOf('</', at + 2)) {
    let e = at + 2;
    while (e < text.length && e - at < MAX_KEY && (isKeyChar(text.charCodeAt(e)) || text.charCodeAt(e) === 58)) e++;
    if (e === at + 2 || text.charCodeAt(e) !== 62) continue;
    const qualified = text.slice(at + 2, e);
    const cls = classifyKey(qualified.slice(qualified.lastIndexOf(':') + 1), hidden);
    if (!cls) continue;
    const from = Math.max(floor, at - XML_ELEMENT_REACH);
    floor = e; // each character is searched for an opening tag once
    const open = text.slice(from, at).lastIndexOf(`<${qualified}`);
    if (open < 0) continue;
    const tagStart = from + open;
    const after = text.charCodeAt(tagStart + qualified.length + 1);
    if (after !== 62 && !isSpace(after)) continue; // <PasswordHint> is another element
    const tagEnd = text.indexOf('>', tagStart);
    if (tagEnd < 0 || tagEnd >= at || text.charCodeAt(tagEnd - 1) === 47) continue;
    // Elements nested inside are not one value; their own closing tags are read on their own.
    if (text.slice(tagEnd + 1, at).includes('<')) continue;
    valueFindings(cls, text, tagEnd + 1, at, tagStart, out, true);
  }
}

/** Every assignment rule above, in one call. */
export function findAssignments(text: string, hidden: ReadonlySet<string>, out: Finding[], seen?: PropertySeen): void {
  findPropertyLines(text, hidden, out, seen);
  findPairs(text, hidden, out);
  findFlags(text, hidden, out);
  findLabels(text, hidden, out);
  findStructuredPairs(text, hidden, out);
  findXmlElements(text, hidden, out);
  const emit = (cls: KeyClass, start: number, end: number, from: number): void =>
    valueFindings(cls, text, start, end, from, out, true);
  findCommandCredentials(text, emit);
  findCredentialObjects(text, emit);
  findUrlCredentials(text, emit);
  findFtpCommands(text, emit);
  findFtpScriptLogins(text, emit);
  findProsePasswords(text, out);
  findPrivateHostNames(text, out);
  findNonLatinKeys(text, out);
  findPrivateKeyBlocks(text, out);
  findTokenShapes(text, out);
}
