// Which learned names are worth redacting everywhere, and how to derive the forms Windows writes them in (8.3 short names).
import { trimEndChars } from '../../text/trim-end.ts';

/** Profile folders that are not a person: kept as they are. */
export const SHARED_PROFILES = new Set([
  'public',
  'default',
  'default user',
  'all users',
  'defaultuser0',
  'desktop.ini',
]);

/**
 * Generic account names: redacted where they stand as an account (profile paths, USERNAME=), but not learned as free
 * words, because "User", "Administrator" or "sa" also appear in ordinary log sentences and identify nobody.
 */
export const GENERIC_USERS = new Set([
  'user',
  'users',
  'admin',
  'administrator',
  'administrators',
  'guest',
  'owner',
  'system',
  'test',
  'pc',
  'sa',
  'root',
  'dbo',
  'everyone',
]);

/** Built-in service accounts: they name no person and tell an expert how a service runs, so they stay readable. */
export const WELL_KNOWN_ACCOUNTS = new Set([
  'system',
  'localsystem',
  'local system',
  'localservice',
  'local service',
  'networkservice',
  'network service',
  'nt authority\\system',
  'nt authority\\localservice',
  'nt authority\\local service',
  'nt authority\\networkservice',
  'nt authority\\network service',
  '.\\localsystem',
]);

/** Account authorities that are not a domain of the organisation. */
export const NOT_DOMAINS = new Set([
  'nt authority',
  'builtin',
  'nt service',
  'workgroup',
  'window manager',
  'font driver host',
  'iis apppool',
  'nt virtual machine',
  'users',
  'documents and settings',
  'local',
  'localhost',
  '.',
]);

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The 8.3 short names Windows may generate for a long user name: "zhang.wei" -> ZHANG~1.WEI (base before the last dot,
 * up to 6 chars, + extension up to 3) and ZHANGW~1 (dots dropped), with ~1 and ~2 (a third profile with the same
 * six-letter start is rare, and after ~4 Windows hashes the name).
 * None for a name that already fits 8.3.
 */
export function shortNames(name: string): string[] {
  const clean = name.replace(/[\s"*+,/:;<=>?[\]|\\]/g, '');
  if (!/^[\x21-\x7e]+$/.test(clean) || clean.length < 2) return [];
  if (clean.length <= 8 && !clean.includes('.') && clean === name) return [];
  const out = new Set<string>();
  const lastDot = clean.lastIndexOf('.');
  for (let n = 1; n <= 2; n++) {
    if (lastDot > 0 && lastDot < clean.length - 1) {
      const base = clean.slice(0, lastDot).replace(/\./g, '').slice(0, 6);
      const ext = clean
        .slice(lastDot + 1)
        .replace(/\./g, '')
        .slice(0, 3);
      if (base) out.add(`${base}~${n}.${ext}`);
    }
    const flat = clean.replace(/\./g, '').slice(0, 6);
    if (flat) out.add(`${flat}~${n}`);
  }
  return [...out];
}

/** Splits "CONTOSO\zhang.wei" / "zhang.wei@contoso.com" into its parts. */
export function splitAccount(account: string): { user: string; domain: string | null } {
  const trimmed = account.trim();
  const slash = trimmed.lastIndexOf('\\');
  if (slash > 0) return { user: trimmed.slice(slash + 1), domain: trimEndChars(trimmed.slice(0, slash), '\\') };
  const at = trimmed.indexOf('@');
  if (at > 0) return { user: trimmed.slice(0, at), domain: trimmed.slice(at + 1) };
  return { user: trimmed, domain: null };
}
