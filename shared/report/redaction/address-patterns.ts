// Addresses found by shape, whoever they belong to: e-mail, user SIDs, IPv4/IPv6 and MAC addresses (also Cisco's
// 001A.2B3C.4D5F). Each is gated by a cheap check of the text, and IP/MAC share one scan for hex-and-separator tokens.
import { finding, type Finding } from './findings.ts';
import { trimEndChars } from '../../text/trim-end.ts';
import { LiteralSearch } from '../../text/literal-search.ts';

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
const SID = /S-1-(?:5-21|12-1)(?:-\d{1,10}){3,4}(?![\d-])/iy;
/** Finders: one simple pattern per family (an engine scans each far faster than one general pattern). */
const IPV4_FIND = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?::\d{1,5})?/g;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const VERSION_BEFORE = /(?:version\S{0,10}|version\s*[:=]?\s*['"]?|\bver\.?\s*|\bv|\bbuild\s*)$/i;

function isRealIpv6(text: string): boolean {
  if (text.includes(':::') || text === '::1' || text === '::') return false;
  const double = text.indexOf('::');
  if (double !== text.lastIndexOf('::')) return false;
  const dotted = /(?:\d{1,3}\.){3}\d{1,3}$/.test(text);
  const groups = text.split(':');
  if (dotted) groups.pop();
  if (groups.some((g) => g.length > 4 || /[^0-9A-Fa-f]/.test(g))) return false;
  const filled = groups.filter((g) => g !== '');
  const width = filled.length + (dotted ? 2 : 0);
  if (double < 0) return groups.length + (dotted ? 2 : 0) === 8 && filled.length === groups.length;
  // "CA::Add" or "Foo::Bar" are code, not addresses: a compressed address has a digit somewhere.
  return width >= 2 && width <= 7 && /\d/.test(text);
}

function ipv4At(text: string, start: number, token: string): boolean {
  if (!IPV4.test(token)) return false;
  if (token.startsWith('127.') || token === '0.0.0.0' || token === '255.255.255.255') return false;
  // "ProductVersion = 1.2.0.0", "VersionString=1.0.0.0", "v2.0.0.1" are versions.
  const before = text.slice(Math.max(0, start - 40), start);
  return !VERSION_BEFORE.test(before.slice(before.lastIndexOf('\n') + 1));
}

function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === 58 || c === 46;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** True when a match at [start, end) is part of a longer word or hex run ("x00-11-...", "...-4D-5E-6F"). */
function glued(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  const after = end < text.length ? text.charCodeAt(end) : -1;
  if (isWordChar(before) || isWordChar(after) || before === 45 || after === 45) return true;
  return (after === 46 || after === 58) && isHex(text.charCodeAt(end + 1));
}

/** `n` hex digits from `at`. */
function hexRun(text: string, at: number, n: number): boolean {
  for (let i = at; i < at + n; i++) if (!isHex(text.charCodeAt(i))) return false;
  return true;
}

// MAC, Cisco MAC and full IPv6 shapes are matched by hand at each separator (a regex starting with a separator that is
// on every line, `:` or `.`, cost 2-4x more); each returns where its match ends, or -1, and the search goes on after
// a match, as a global regex would.

/** `.XXXX.XXXX` (hex) from the dot at `dot`: the tail of a Cisco MAC (its first four digits are checked after). */
function ciscoTailEnd(text: string, dot: number): number {
  return text.charCodeAt(dot + 5) === 46 && hexRun(text, dot + 1, 4) && hexRun(text, dot + 6, 4) ? dot + 10 : -1;
}

/** `:XX:XX:XX:XX:XX` or `-XX-XX-XX-XX-XX` (hex, one separator throughout) from the separator at `at`. */
function macTailEnd(text: string, at: number): number {
  const sep = text.charCodeAt(at);
  for (let i = at; i < at + 15; i += 3)
    if (text.charCodeAt(i) !== sep || !isHex(text.charCodeAt(i + 1)) || !isHex(text.charCodeAt(i + 2))) return -1;
  return at + 15;
}

/** `:h:h:h:h:h` (groups of one to four hex digits, one digit after the last colon) from the colon at `colon`. */
function ipv6FullEnd(text: string, colon: number): number {
  let i = colon;
  for (let group = 0; group < 4; group++) {
    let j = i + 1;
    while (j < i + 5 && isHex(text.charCodeAt(j))) j++;
    if (j === i + 1 || text.charCodeAt(j) !== 58) return -1;
    i = j;
  }
  return isHex(text.charCodeAt(i + 1)) ? i + 2 : -1;
}

/** IPv4 (a trailing :port stays), MAC (also Cisco's dotted form) and IPv6 addresses. */
function findAddresses(text: string, out: Finding[]): void {
  if (text.includes('.')) {
    IPV4_FIND.lastIndex = 0;
    for (let m = IPV4_FIND.exec(text); m; m = IPV4_FIND.exec(text)) {
      const token = m[0].replace(/:\d+$/, '');
      const end = m.index + m[0].length;
      const after = end < text.length ? text.charCodeAt(end) : -1;
      const before = m.index > 0 ? text.charCodeAt(m.index - 1) : -1;
      // "1.2.3.4.5" (a version) or "10.0.0.1a" are not addresses; "x10.0.0.1" still is.
      if (isWordChar(after) || (after === 46 && /\d/.test(text[end + 1] ?? ''))) continue;
      if ((before >= 48 && before <= 57) || before === 46) continue;
      if (ipv4At(text, m.index, token)) out.push(finding('ip', text, m.index, m.index + token.length, token));
    }
    for (let dot = text.indexOf('.'); dot >= 0;) {
      const end = ciscoTailEnd(text, dot);
      if (end < 0) {
        dot = text.indexOf('.', dot + 1);
        continue;
      }
      const start = dot - 4;
      if (
        start >= 0 &&
        hexRun(text, start, 4) &&
        !glued(text, start, end) &&
        !VERSION_BEFORE.test(text.slice(Math.max(0, start - 40), start))
      )
        out.push(finding('mac', text, start, end, macCanonical(text.slice(start, end))));
      dot = text.indexOf('.', end);
    }
  }
  // Colons and dashes in text order, as one scan for either separator would meet them. The same scan finds the full
  // IPv6 shapes (a colon inside a MAC that matched is inside an IPv6 shape that matched at its first colon too); they
  // are read after the compressed ones, as before.
  const fullIpv6: number[] = [];
  let ipv6From = 0;
  let colon = text.indexOf(':');
  let dash = text.indexOf('-');
  while (colon >= 0 || dash >= 0) {
    const at = colon < 0 ? dash : dash < 0 ? colon : Math.min(colon, dash);
    if (at === colon && at >= ipv6From) {
      const end = ipv6FullEnd(text, at);
      if (end >= 0) {
        fullIpv6.push(at, end);
        ipv6From = end;
      }
    }
    const end = macTailEnd(text, at);
    if (end >= 0) {
      const start = at - 2;
      if (start >= 0 && hexRun(text, start, 2) && !glued(text, start, end))
        out.push(finding('mac', text, start, end, macCanonical(text.slice(start, end))));
    }
    const from = end >= 0 ? end : at + 1;
    if (colon >= 0 && colon < from) colon = text.indexOf(':', from);
    if (dash >= 0 && dash < from) dash = text.indexOf('-', from);
  }
  let covered = -1;
  const ipv6At = (at: number, length: number) => {
    if (at < covered) return;
    let s = at;
    while (s > 0 && isTokenChar(text.charCodeAt(s - 1))) s--;
    let e = at + length;
    while (e < text.length && isTokenChar(text.charCodeAt(e))) e++;
    covered = e;
    let token = trimEndChars(text.slice(s, e), '.:');
    if (token.startsWith(':') && !token.startsWith('::')) {
      token = token.slice(1);
      s++;
    }
    const before = s > 0 ? text.charCodeAt(s - 1) : -1;
    if (isWordChar(before) || before === 45) return;
    if (token.length >= 3 && isRealIpv6(token)) out.push(finding('ip', text, s, s + token.length, token.toLowerCase()));
  };
  for (let at = text.indexOf('::'); at >= 0; at = text.indexOf('::', Math.max(at + 2, covered))) ipv6At(at, 2);
  covered = -1;
  for (let i = 0; i < fullIpv6.length; i += 2) ipv6At(fullIpv6[i]!, fullIpv6[i + 1]! - fullIpv6[i]!);
}

function macCanonical(token: string): string {
  return token
    .toLowerCase()
    .replace(/[-.:]/g, '')
    .replace(/(..)(?!$)/g, '$1:');
}

/** What follows the `S` of a user SID (both eight characters long). */
const SID_MARKERS = [new LiteralSearch('-1-5-21-'), new LiteralSearch('-1-12-1-')];

/** E-mail addresses, user SIDs (S-1-5-21-…, S-1-12-1-…; well-known SIDs stay) and IP / MAC addresses. */
export function findAddressesAndSids(text: string, out: Finding[]): void {
  if (text.includes('@')) {
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text))
      out.push(finding('email', text, m.index, m.index + m[0].length, m[0].toLowerCase()));
  }
  for (const marker of SID_MARKERS) {
    // A marker at the very start has no `S` before it: skip that one, not the rest of the text.
    for (let at = marker.indexIn(text); at >= 0; at = marker.indexIn(text, at + 8)) {
      const start = at - 1;
      const before = start > 0 ? text.charCodeAt(start - 1) : -1;
      if ((text[start] !== 'S' && text[start] !== 's') || isWordChar(before) || before === 45) continue;
      SID.lastIndex = start;
      const m = SID.exec(text);
      if (m) out.push(finding('sid', text, start, start + m[0].length, m[0].toUpperCase()));
    }
  }
  findAddresses(text, out);
}
