// Where a name stands as a person's or a machine's identity in free text: profile folders (C:\Users\<name>,
// /home/<name>), UNC servers (\\<server>\share), machine accounts (<NAME>$), DOMAIN\user, and where a word stands as a
// domain (DOMAIN\user, user@DOMAIN, FQDNs) rather than as a vendor or product name.
import { finding, type Finding } from './findings.ts';
import { NOT_DOMAINS, SHARED_PROFILES, netbiosAccountShape } from './identity-rules.ts';
import { LiteralSearch } from '../../text/literal-search.ts';

const PROFILE_NAME = String.raw`[^\\/:*?"<>|\r\n=]+(?=[\\/])|(?:[^\\/:*?"<>|\r\n\s,;'()[\]]|'(?=[A-Za-z]))+`;
/**
 * `C:\Users\<name>` (also `\\`-escaped as in JSON, or with forward slashes), `C:\Documents and Settings\<name>`;
 * the match starts at the colon (a literal the engine finds fast) and the drive letter is checked by hand.
 */
export const PROFILE_PATH = new RegExp(
  String.raw`:(?:\\{1,2}|/)(?:Users|Documents and Settings)(?:\\{1,2}|/)(${PROFILE_NAME})`,
  'gi',
);
/** `/Users/` (macOS home folders); `/home/` starts with a character rare enough for includes. */
const MAC_HOME = new LiteralSearch('/Users/');
const HOME_PATH = /(?<![\w.~])\/(?:home|Users)\/([^/\s:*?"<>|,;'()[\]]+)/g;

/** Shares and folders that end in `$` but are no machine account. */
const NOT_MACHINES = new Set(['admin', 'ipc', 'print', 'sysvol', 'netlogon', 'patchcache', 'recycle.bin']);

/** Profile folder names, with the extent of each (the name is what gets replaced). */
export function findProfileNames(text: string, out: Array<{ start: number; end: number; name: string }>): void {
  if (/[\\/](?:users|documents and settings)[\\/]/i.test(text)) {
    PROFILE_PATH.lastIndex = 0;
    for (let m = PROFILE_PATH.exec(text); m; m = PROFILE_PATH.exec(text)) {
      const drive = m.index > 0 ? text.charCodeAt(m.index - 1) | 0x20 : 0;
      if (drive < 97 || drive > 122) continue;
      const name = m[1]!;
      const start = m.index + m[0].length - name.length;
      if (!SHARED_PROFILES.has(name.trim().toLowerCase())) out.push({ start, end: start + name.length, name });
    }
  }
  findUnusualProfilePaths(text, out);
  if (text.includes('/home/') || MAC_HOME.foundIn(text)) {
    HOME_PATH.lastIndex = 0;
    for (let m = HOME_PATH.exec(text); m; m = HOME_PATH.exec(text)) {
      const name = m[1]!;
      const start = m.index + m[0].length - name.length;
      if (!SHARED_PROFILES.has(name.toLowerCase()) && name !== 'Shared')
        out.push({ start, end: start + name.length, name });
    }
  }
}

/** Characters before a drive-less `\Users\<name>` that make it a profile path (`HOMEPATH=\Users\x`, `%SystemDrive%\Users\x`). */
const BEFORE_DRIVELESS = new Set([-1, 10, 32, 9, 61, 34, 39, 40, 37, 125, 62]); // \n space tab = " ' ( % } >
/** A URL-encoded profile path's separators (`C%3A%5CUsers%5Cname%5C`, `%2FUsers%2F`). */
const ENCODED_PROFILE = /%(?:5[Cc]|2[Ff])(?:Users|USERS|users)%(?:5[Cc]|2[Ff])/g;

/** Profile paths written without a drive letter or on a server's Users share, and URL-encoded ones (a query string). */
function findUnusualProfilePaths(text: string, out: Array<{ start: number; end: number; name: string }>): void {
  for (let at = text.indexOf('\\Users\\'); at >= 0; at = text.indexOf('\\Users\\', at + 7)) {
    if (!BEFORE_DRIVELESS.has(at > 0 ? text.charCodeAt(at - 1) : -1) && !afterUncServer(text, at)) continue;
    const start = at + 7;
    // Up to the next folder separator (a name may hold spaces: `\Users\Mei Lin\AppData`), else to a space.
    let end = start;
    while (end < text.length && end - start < 128 && !NAME_END.has(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) !== 92 && text.charCodeAt(end) !== 47) {
      end = start;
      while (end < text.length && end - start < 128 && !PROFILE_END.has(text.charCodeAt(end))) end++;
    }
    const name = text.slice(start, end);
    if (end > start && !SHARED_PROFILES.has(name.toLowerCase())) out.push({ start, end, name });
  }
  if (!text.includes('%')) return;
  ENCODED_PROFILE.lastIndex = 0;
  for (let m = ENCODED_PROFILE.exec(text); m; m = ENCODED_PROFILE.exec(text)) {
    const start = m.index + m[0].length;
    let end = start;
    while (end < text.length && end - start < 128) {
      const c = text.charCodeAt(end);
      if (
        PROFILE_END.has(c) ||
        c === 38 ||
        c === 35 ||
        (c === 37 && /^%(?:5[Cc]|2[Ff])/.test(text.slice(end, end + 3)))
      )
        break;
      end++;
    }
    let name = text.slice(start, end);
    try {
      name = decodeURIComponent(name);
    } catch {
      // a stray % stays as it is
    }
    if (end > start && !SHARED_PROFILES.has(name.toLowerCase())) out.push({ start, end, name });
  }
}

/** True when `\\server` ends at `at` (`\\fs01\Users\<name>`: a home-folder share holds profiles too). */
function afterUncServer(text: string, at: number): boolean {
  let s = at;
  while (s > 0 && at - s < 64 && isHostChar(text.charCodeAt(s - 1))) s--;
  return s < at && s >= 2 && text.charCodeAt(s - 1) === 92 && text.charCodeAt(s - 2) === 92;
}

/** Characters a folder name cannot hold, and line ends. */
const NAME_END = new Set([...'\\/:*?"<>|\r\n='].map((c) => c.charCodeAt(0)));
/** ...and the spaces, quotes and separators that end an unquoted name at the end of a path. */
const PROFILE_END = new Set([...'\\/:*?"<>|\r\n \t,;\''].map((c) => c.charCodeAt(0)));

function isHostChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/** Characters that end a path part (a variable, a macro, `..`) rather than stand before a UNC path. */
const PATH_BEFORE_RUN = new Set([37, 41, 46, 93, 125]); // % ) . ] }

/** Server names of UNC paths (`\\server\share`, also JSON-escaped) and machine accounts (`DOMAIN\NAME$`). */
export function findMachineNames(text: string, out: Finding[]): void {
  for (let at = text.indexOf('\\\\'); at >= 0; at = text.indexOf('\\\\', at + 2)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : -1;
    // "C:\\x" in JSON, a longer run, or the rest of a path: `%USERPROFILE%\\AppData`, `$(Dir)\\x`, `..\\x`.
    if (before === 92 || before === 58 || isNameChar(before) || PATH_BEFORE_RUN.has(before)) continue;
    let start = at + 2;
    if (text.charCodeAt(start) === 92 && text.charCodeAt(start + 1) === 92) start += 2;
    // `\\?\UNC\server\share`: the long-path form of a UNC path.
    if (text.startsWith('?\\UNC\\', start) || text.startsWith('?\\unc\\', start)) start += 6;
    let end = start;
    while (end < text.length && end - start < 254 && isHostChar(text.charCodeAt(end))) end++;
    while (end > start && text.charCodeAt(end - 1) === 46) end--;
    const host = text.slice(start, end);
    if (host.length < 2 || !/^[A-Za-z0-9]/.test(host) || host.toLowerCase() === 'localhost' || /^[\d.]+$/.test(host))
      continue;
    // `\\contoso.local\SYSVOL`, `\\contoso.com\dfs`: a domain-based namespace names the domain, not a machine.
    const kind = isDomainName(host) || DOMAIN_SHARE.test(text.slice(end, end + 10)) ? 'domain' : 'computer';
    out.push(finding(kind, text, start, end, host.toLowerCase(), at));
    at = end - 2;
  }
  for (let at = text.indexOf('$'); at >= 0; at = text.indexOf('$', at + 1)) {
    const after = at + 1 < text.length ? text.charCodeAt(at + 1) : -1;
    if (isNameChar(after) || after === 36) continue;
    let start = at;
    while (start > 0 && at - start < 16 && isNameChar(text.charCodeAt(start - 1))) start--;
    const name = text.slice(start, at);
    if (name.length < 3 || at - start >= 16 || NOT_MACHINES.has(name.toLowerCase()) || /^\d+$/.test(name)) continue;
    if (!/^[A-Za-z0-9]/.test(name)) continue;
    const before = start > 0 ? text.charCodeAt(start - 1) : -1;
    // `\\server\share$` and `C:\Windows\Installer\$PatchCache$` are folders; `DOMAIN\NAME$` is an account.
    if (before === 36 || before === 46 || (before === 92 && !afterAccountDomain(text, start - 1))) continue;
    out.push(finding('computer', text, start, at, name.toLowerCase()));
  }
}

/** True when the backslash at `slash` follows a bare word that is not itself inside a path (`CONTOSO\`). */
function afterAccountDomain(text: string, slash: number): boolean {
  let p = slash;
  while (p > 0 && slash - p < 64 && isHostChar(text.charCodeAt(p - 1))) p--;
  if (p === slash || !/[A-Za-z]/.test(text[p]!)) return false;
  const before = p > 0 ? text.charCodeAt(p - 1) : -1;
  return before === -1 || !(isHostChar(before) || before === 92 || before === 47 || before === 58);
}

/** A `DOMAIN\name` pair as the text writes it; `shaped` when it is an account by its shape alone (netbiosAccountShape). */
export interface AccountPair {
  domain: string;
  /** Empty for a group (`CONTOSO\Domain Users`): its first word is no user name. */
  user: string;
  shaped: boolean;
}

/** What may follow an account's name: the end, a space, a quote or a separator (not `~`, `\`, `$`, a letter). */
const ACCOUNT_END = new Set([-1, ...[...' \t\r\n"\',;)]:>|'].map((c) => c.charCodeAt(0))]);

/**
 * `DOMAIN\name` pairs (name as written), for learning the domain of a known user and the users of a known domain; and
 * an account by shape alone (upper-case NetBIOS domain, a name that ends where a name ends and is no file), which
 * teaches both sides.
 */
export function findAccounts(text: string, out: AccountPair[]): void {
  for (let at = text.indexOf('\\'); at >= 0; at = text.indexOf('\\', at + 1)) {
    let slashEnd = at + 1;
    if (text.charCodeAt(slashEnd) === 92) slashEnd++;
    if (!afterAccountDomain(text, at)) {
      at = slashEnd - 1;
      continue;
    }
    let end = slashEnd;
    while (end < text.length && end - slashEnd < 64 && isHostChar(text.charCodeAt(end))) end++;
    while (end > slashEnd && text.charCodeAt(end - 1) === 46) end--; // the sentence's full stop
    const next = end < text.length ? text.charCodeAt(end) : -1;
    // "Program Files\Contoso\App" is a path (another backslash follows); "CONTOSO\WS-01$" a machine account.
    if (end === slashEnd || next === 92 || next === 36 || isNameChar(next)) {
      at = slashEnd - 1;
      continue;
    }
    let p = at;
    while (p > 0 && at - p < 64 && isHostChar(text.charCodeAt(p - 1))) p--;
    const domain = spacedAuthorityBefore(text, at) ?? text.slice(p, at);
    const user = text.slice(slashEnd, end);
    // `CONTOSO\Domain Users`, `CONTOSO\SQL Admins`: a group's name goes on after a space with a capital letter.
    const group = next === 32 && isUpperAscii(text.charCodeAt(end + 1));
    // A value after `=` is classified by its key (`Data Source=SQL01\INST2` is a server and its instance).
    const stands =
      charCodeOr(text, p - 1) !== 61 &&
      (ACCOUNT_END.has(next) || (next === 46 && ACCOUNT_END.has(charCodeOr(text, end + 1))));
    out.push({ domain, user: group ? '' : user, shaped: stands && netbiosAccountShape(domain, user) });
    at = end - 1;
  }
}

/** Built-in authorities whose names hold a space (NT AUTHORITY, NT SERVICE, IIS APPPOOL...), lower case. */
const SPACED_AUTHORITIES = [...NOT_DOMAINS].filter((name) => name.includes(' '));

/** `NT SERVICE` for the backslash of `NT SERVICE\TrustedInstaller`: the whole name of a spaced authority, as written. */
function spacedAuthorityBefore(text: string, slash: number): string | null {
  for (const name of SPACED_AUTHORITIES) {
    const from = slash - name.length;
    if (from < 0 || (from > 0 && isHostChar(text.charCodeAt(from - 1)))) continue;
    if (text.slice(from, slash).toLowerCase() === name) return text.slice(from, slash);
  }
  return null;
}

/** The code unit at `i`, or -1 past the end. */
function charCodeOr(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1;
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Top-level and internal DNS suffixes: what makes `x.contoso.<suffix>` a host name rather than `Contoso.Setup.dll`. */
const DNS_SUFFIXES = new Set(
  (
    'com net org edu gov mil int info biz io co uk de fr cn jp ru nl au ca ch at be se no dk fi it es pl cz hu tw hk ' +
    'sg kr in br mx nz ie za ae il tr gr pt ro sk si hr bg ua lt lv ee lu is us eu asia cloud online tech ' +
    'local lan corp internal intranet intra ad home office priv private localdomain domain example test'
  ).split(' '),
);

/** A DNS name of two labels ending in a known suffix (`contoso.local`, `fabrikam.com`): a domain, not a host. */
export function isDomainName(name: string): boolean {
  const dot = name.indexOf('.');
  if (dot <= 0 || dot !== name.lastIndexOf('.')) return false;
  return DNS_SUFFIXES.has(name.slice(dot + 1).toLowerCase()) && /^[A-Za-z]/.test(name);
}

/** Shares every domain controller serves under the domain's own name. */
const DOMAIN_SHARE = /^\\{1,2}(?:SYSVOL|NETLOGON)\b/i;

function isLabelChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/** The dotted host token around [start, end): its start and end in the text. */
function dottedToken(text: string, start: number, end: number): [number, number] {
  // A DNS name has at most 253 characters: looking further would make long dotted runs quadratic.
  let s = start;
  while (s > 0 && start - s < 253 && (isLabelChar(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 46)) s--;
  let e = end;
  while (e < text.length && e - end < 253 && (isLabelChar(text.charCodeAt(e)) || text.charCodeAt(e) === 46)) e++;
  while (e > end && text.charCodeAt(e - 1) === 46) e--;
  while (s < start && text.charCodeAt(s) === 46) s++;
  return [s, e];
}

/** True when [start, end) is a label of a DNS name that ends in a known suffix (`sql01.contoso.local`). */
export function inHostName(text: string, start: number, end: number): boolean {
  const [s, e] = dottedToken(text, start, end);
  if (s === start && e === end) return false;
  const labels = text.slice(s, e).split('.');
  return labels.length >= 2 && DNS_SUFFIXES.has(labels[labels.length - 1]!.toLowerCase());
}

/**
 * Whether a NetBIOS domain name found at [start, end) stands as a domain: `CONTOSO\user`, `user@CONTOSO`, a label of a
 * host name. "Contoso Expense Reporter", "Manufacturer: Contoso Ltd." and `Program Files\Contoso\` are vendor names.
 */
export function standsAsDomain(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  if (before === 64) return true; // user@CONTOSO
  if (urlHostAt(text, start, end)) return true; // https://CONTOSO/, ldap://contoso:389
  if (percentEscapedAccount(text, start, end)) return true; // CONTOSO%5Cuser, user%40CONTOSO in a URL
  if (text.charCodeAt(end) === 92) {
    let after = end + 1;
    if (text.charCodeAt(after) === 92) after++;
    const next = after < text.length ? text.charCodeAt(after) : -1;
    const accountChar = isLabelChar(next) || next === 95 || next === 46 || next === 36 || next > 127;
    const pathBefore =
      before === 92 || before === 47 || before === 58 || before === 46 || isLabelChar(before) || before === 95;
    if (accountChar && !pathBefore) return true;
  }
  return inHostName(text, start, end);
}

/** True when [start, end) is the whole host of a URL (`https://CONTOSO/x`, `ldap://contoso:389`, `smb://user@CONTOSO`). */
function urlHostAt(text: string, start: number, end: number): boolean {
  let s = start;
  // Skip back over a user-info part (`user:pass@`) of at most 256 characters.
  if (s > 0 && text.charCodeAt(s - 1) === 64) {
    while (s > 0 && start - s < 256 && text.charCodeAt(s - 1) !== 47 && text.charCodeAt(s - 1) > 32) s--;
  }
  if (s < 3 || text.charCodeAt(s - 1) !== 47 || text.charCodeAt(s - 2) !== 47 || text.charCodeAt(s - 3) !== 58)
    return false;
  const after = end < text.length ? text.charCodeAt(end) : -1;
  return after === -1 || after === 47 || after === 58 || after === 63 || after === 35 || after <= 32 || after === 34;
}

/** `CONTOSO%5Cuser` or `user%40CONTOSO`: an account written percent-escaped (in a URL or a query string). */
function percentEscapedAccount(text: string, start: number, end: number): boolean {
  const next = text.slice(end, end + 4).toUpperCase();
  if (next.startsWith('%5C') && isLabelChar(text.charCodeAt(end + 3))) return true;
  return start >= 3 && text.slice(start - 3, start) === '%40';
}

/** Host labels in front of a domain in a DNS name (`sql01.` of `sql01.contoso.local`): their extent, or null. */
export function hostLabelsBefore(text: string, domainStart: number): [number, number] | null {
  if (domainStart < 2 || text.charCodeAt(domainStart - 1) !== 46) return null;
  let s = domainStart - 1;
  while (s > 0 && domainStart - s < 253 && (isLabelChar(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 46)) s--;
  while (s < domainStart - 1 && text.charCodeAt(s) === 46) s++;
  if (s >= domainStart - 1) return null;
  const host = text.slice(s, domainStart - 1).toLowerCase();
  if (host === 'www' || host.startsWith('www.') || /^[\d.]+$/.test(host)) return null;
  return [s, domainStart - 1];
}

const ONEDRIVE_ORG = new LiteralSearch('OneDrive - ');

/**
 * `OneDrive - Contoso Ltd` (a work or school OneDrive folder): the organisation's name, replaced as a domain there
 * (in place only: the same words as a vendor or product name elsewhere stay).
 */
export function findOrganisationFolders(text: string, out: Finding[]): void {
  for (let at = ONEDRIVE_ORG.indexIn(text); at >= 0; at = ONEDRIVE_ORG.indexIn(text, at + 11)) {
    const start = at + 11;
    let end = start;
    while (end < text.length && end - start < 128) {
      const c = text.charCodeAt(end);
      if (c === 92 || c === 47 || c === 10 || c === 13 || c === 34 || c === 39 || c === 59 || c === 60) break;
      end++;
    }
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
    if (end > start) out.push(finding('domain', text, start, end, text.slice(start, end).toLowerCase(), at));
    at = Math.max(at, end - 11);
  }
}
