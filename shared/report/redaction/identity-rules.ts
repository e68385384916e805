// Which learned names are worth redacting everywhere, and how to derive the forms Windows writes them in (8.3 short names).

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
 * Generic account names: redacted inside profile paths, but not as free words, because "User" or "Administrator"
 * also appear in ordinary log sentences and identify nobody.
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
 * Regex sources of the 8.3 short names Windows may generate for a long user name:
 * "zhang.wei" -> ZHANG~1.WEI (base before the last dot, up to 6 chars, + extension up to 3) and ZHANGW~1 (dots dropped).
 */
export function shortNamePatterns(name: string): string[] {
  const clean = name.replace(/[\s"*+,/:;<=>?[\]|\\]/g, '');
  if (!/^[\x21-\x7e]+$/.test(clean) || clean.length < 2) return [];
  const out = new Set<string>();
  const lastDot = clean.lastIndexOf('.');
  if (lastDot > 0 && lastDot < clean.length - 1) {
    const base = clean.slice(0, lastDot).replace(/\./g, '').slice(0, 6);
    const ext = clean
      .slice(lastDot + 1)
      .replace(/\./g, '')
      .slice(0, 3);
    if (base) out.add(`${escapeRegExp(base)}~[0-9]{1,6}\\.${escapeRegExp(ext)}`);
  }
  const flat = clean.replace(/\./g, '').slice(0, 6);
  if (flat) out.add(`${escapeRegExp(flat)}~[0-9]{1,6}(?:\\.[A-Za-z0-9]{1,3})?`);
  return [...out];
}

/** Splits "CONTOSO\zhang.wei" / "zhang.wei@contoso.com" into its parts. */
export function splitAccount(account: string): { user: string; domain: string | null } {
  const trimmed = account.trim();
  const slash = trimmed.lastIndexOf('\\');
  if (slash > 0) return { user: trimmed.slice(slash + 1), domain: trimmed.slice(0, slash) };
  const at = trimmed.indexOf('@');
  if (at > 0) return { user: trimmed.slice(0, at), domain: trimmed.slice(at + 1) };
  return { user: trimmed, domain: null };
}
