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
  // The built-in groups as localized Windows names them (de, fr, es/pt, it, nl): Administrators, Users, Everyone.
  'administratoren',
  'administrateurs',
  'administradores',
  'amministratori',
  'beheerders',
  'benutzer',
  'utilisateurs',
  'usuarios',
  'usuários',
  'utenti',
  'gebruikers',
  'jeder',
  'tout le monde',
  'todos',
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
  // Localized names of BUILTIN and NT AUTHORITY (de-DE, fr-FR), as icacls prints them.
  'vordefiniert',
  'nt-autorität',
  'autorite nt',
  'users',
  'documents and settings',
  'local',
  'localhost',
  '.',
]);

/**
 * All-capital words that begin relative paths and registry keys (`WINDOWS\system32`, `HKLM\Software`,
 * `SOFTWARE\Classes`, `LIB\SITE-P~1`): never taken for a NetBIOS domain by their shape.
 */
const NOT_NETBIOS = new Set(
  (
    'HKLM HKCU HKCR HKU HKCC HKEY_LOCAL_MACHINE HKEY_CURRENT_USER HKEY_CLASSES_ROOT HKEY_USERS HKEY_CURRENT_CONFIG ' +
    'SOFTWARE SYSTEM HARDWARE SECURITY SAM CLASSES WOW6432NODE WINDOWS SYSTEM32 SYSWOW64 WINSXS DRIVERS INSTALLER ' +
    'ASSEMBLY PROGRAMDATA APPDATA USERS TEMP TMP DATA LOG LOGS BIN LIB SETUP MSI CONFIG X64 X86 AMD64 ARM64 I386 IA64 ' +
    'SRC DOCS EN-US ZH-CN'
  ).split(' '),
);
/** A name that is a file, not an account (`MSI\setup.log`). */
const FILE_NAME =
  /\.(?:exe|dll|msi|msp|mst|log|txt|xml|json|ini|cab|sys|inf|cat|ps1|psm1|bat|cmd|vbs|js|config|manifest|mui|tmp|dat|db|cer|pfx|zip|lnk)$/i;

/**
 * True when `DOMAIN\name` is an account by its shape alone: the domain written as Windows writes NetBIOS domains (upper
 * case, 2-15 characters, a letter first; not a well-known authority, a folder or a registry root) and a name that is no
 * file. Lower- and mixed-case `Word\word` pairs are paths far more often than accounts; they are learned only through a
 * side already known (Redactor.rememberAccount).
 */
export function netbiosAccountShape(domain: string, user: string): boolean {
  return (
    /^[A-Z][A-Z0-9-]{1,14}$/.test(domain) &&
    !NOT_NETBIOS.has(domain) &&
    !NOT_DOMAINS.has(domain.toLowerCase()) &&
    /[A-Za-z]/.test(user) &&
    !FILE_NAME.test(user)
  );
}

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
