// Addresses found by shape, whoever they belong to: e-mail, user SIDs, IPv4/IPv6 and MAC addresses (also Cisco's
// 001A.2B3C.4D5F). Each is gated by a cheap check of the text, and IP/MAC share one scan for hex-and-separator tokens.
import { finding, type Finding } from './findings.ts';

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
const SID = /(?<![\w-])S-1-(?:5-21|12-1)(?:-\d{1,10}){3,4}(?![\d-])/gi;
/** Candidate addresses: runs of hex digits and the separators . : - (at least 7 characters, "1.2.3.4" / "fe80::1"). */
const ADDRESS_TOKEN = /(?:[0-9A-Fa-f]|::)[0-9A-Fa-f:.-]{5,}/g;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const MAC = /^[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}$/;
const CISCO_MAC = /^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$/;
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

/** IP and MAC addresses in one scan; a trailing port (`10.0.0.1:443`) or sentence dot stays outside the finding. */
function findAddresses(text: string, out: Finding[]): void {
  ADDRESS_TOKEN.lastIndex = 0;
  for (let m = ADDRESS_TOKEN.exec(text); m; m = ADDRESS_TOKEN.exec(text)) {
    const start = m.index;
    let token = m[0];
    const prev = start > 0 ? text.charCodeAt(start - 1) : -1;
    // A token glued to a word or a longer hex run ("abc1.2.3.4", "x-00-11-...") is part of something else.
    if (prev !== -1 && /[\w]/.test(String.fromCharCode(prev)) && !/[\d]/.test(token[0]!)) continue;
    if (/[\w]/.test(text[start + token.length] ?? '')) continue;
    token = token.replace(/[.:-]+$/, '');
    const port = /^((?:\d{1,3}\.){3}\d{1,3}):\d{1,5}$/.exec(token);
    if (port) token = port[1]!;
    if (token.length < 7) continue;
    if (ipv4At(text, start, token)) out.push(finding('ip', text, start, start + token.length, token));
    else if (MAC.test(token) || CISCO_MAC.test(token)) {
      if (CISCO_MAC.test(token) && VERSION_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
      const canonical = token
        .toLowerCase()
        .replace(/[-.:]/g, '')
        .replace(/(..)(?!$)/g, '$1:');
      out.push(finding('mac', text, start, start + token.length, canonical));
    } else if (token.includes(':') && isRealIpv6(token)) {
      out.push(finding('ip', text, start, start + token.length, token.toLowerCase()));
    }
  }
}

/** E-mail addresses, user SIDs (S-1-5-21-…, S-1-12-1-…; well-known SIDs stay) and IP / MAC addresses. */
export function findAddressesAndSids(text: string, out: Finding[]): void {
  if (text.includes('@')) {
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text))
      out.push(finding('email', text, m.index, m.index + m[0].length, m[0].toLowerCase()));
  }
  if (text.includes('-1-5-21-') || text.includes('-1-12-1-')) {
    SID.lastIndex = 0;
    for (let m = SID.exec(text); m; m = SID.exec(text))
      out.push(finding('sid', text, m.index, m.index + m[0].length, m[0].toUpperCase()));
  }
  findAddresses(text, out);
}
