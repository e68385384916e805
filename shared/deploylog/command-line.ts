// Reading install command lines: Windows-style tokens, the MSI log they name (/l*v, /L*V, /log), the package, and
// the logging switch to add when they name none. Linear: one pass over the characters.
import type { DeployTool } from '../contract/deployment.ts';
import { trimEndChars, trimChars } from '../text/trim-end.ts';

/** Splits like the Windows C runtime for our purposes: whitespace outside double quotes; quotes removed. */
export function commandTokens(commandLine: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inQuotes = false;
  let has = false;
  for (let i = 0; i < commandLine.length; i++) {
    const c = commandLine[i]!;
    if (c === '"') {
      inQuotes = !inQuotes;
      has = true;
    } else if (!inQuotes && (c === ' ' || c === '\t')) {
      if (has) tokens.push(current);
      current = '';
      has = false;
    } else {
      current += c;
      has = true;
    }
  }
  if (has) tokens.push(current);
  return tokens;
}

function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return cut < 0 ? path : path.slice(cut + 1);
}

export function isMsiexec(commandLine: string): boolean {
  const first = commandTokens(commandLine)[0];
  return first !== undefined && /^msiexec(\.exe)?$/i.test(baseName(first));
}

// msiexec /L[i|w|e|a|r|u|c|m|o|p|v|x|+|!|*] logfile, and /log logfile.
const MSI_LOG_SWITCH = /^[/-](?:l[iwearucmopvx+!*]*|log)$/i;
const NAMED_LOG_SWITCH = /^[/-](?:l[iwearucmopvx+!]*[*v][iwearucmopvx+!*]*|log)$/i;

/** The MSI log path a command line names (`/l*v "C:\Windows\Temp\app.log"`), unquoted, or null. */
export function msiLogPathOf(commandLine: string): string | null {
  const tokens = commandTokens(commandLine);
  const msiexec = tokens[0] !== undefined && /^msiexec(\.exe)?$/i.test(baseName(tokens[0]));
  // Wrappers (setup.exe, scripts) pass /l*v through; a bare "/l" only counts for msiexec itself.
  const pattern = msiexec ? MSI_LOG_SWITCH : NAMED_LOG_SWITCH;
  for (let i = 1; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.length <= 16 && pattern.test(token)) return tokens[i + 1]!;
  }
  return null;
}

/** The .msi the command installs (its file name), or null. */
export function msiPackageOf(commandLine: string): string | null {
  for (const token of commandTokens(commandLine)) if (/\.msi$/i.test(token)) return baseName(token);
  return null;
}

/** An absolute Windows path (drive or UNC). */
export function isAbsoluteWindowsPath(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** Variables as the SYSTEM account sees them (deployment tools run installs as SYSTEM). */
const SYSTEM_VARIABLES: Record<string, string> = {
  programdata: 'C:\\ProgramData',
  allusersprofile: 'C:\\ProgramData',
  windir: 'C:\\Windows',
  systemroot: 'C:\\Windows',
  systemdrive: 'C:',
  temp: 'C:\\Windows\\Temp',
  tmp: 'C:\\Windows\\Temp',
  programfiles: 'C:\\Program Files',
  'programfiles(x86)': 'C:\\Program Files (x86)',
};

/**
 * Where a log path on a command line really is: %VARIABLES% as SYSTEM sees them, and a relative path in the folder
 * the command ran in (IMECache, ccmcache). Per-user context keeps %TEMP% etc. unexpanded (they differ per user).
 */
export function resolveOnMachine(
  path: string,
  workingDirectory: string | null,
  context: 'system' | 'user' | null = 'system',
): string {
  let out = path;
  if (context !== 'user')
    out = out.replace(
      /%([A-Za-z()0-9_]{1,24})%/g,
      (whole, name: string) => SYSTEM_VARIABLES[name.toLowerCase()] ?? whole,
    );
  if (isAbsoluteWindowsPath(out) || !workingDirectory || out.includes('%')) return out;
  return trimEndChars(workingDirectory, '\\/') + '\\' + out.replace(/^\.[\\/]/, '');
}

/** Where each tool's admins usually collect logs from: an MSI log there travels with the tool's own logs. */
const LOG_FOLDERS: Record<DeployTool, string> = {
  configmgr: 'C:\\Windows\\CCM\\Logs',
  intune: 'C:\\ProgramData\\Microsoft\\IntuneManagementExtension\\Logs',
  psadt: 'C:\\Windows\\Logs\\Software',
};

function safeName(text: string): string {
  return trimChars(text.replace(/\.msi$/i, '').replace(/[^A-Za-z0-9._-]+/g, '_'), '_').slice(0, 60) || 'install';
}

export interface LoggingAdvice {
  /** Where the log should go. */
  path: string;
  /** The switch to add, quoted. */
  switch: string;
  /** The command line with the switch added, when the command is msiexec. */
  commandLine: string | null;
}

/** The /l*v to add to a command line that names no MSI log (the exact, ready-to-paste text). */
export function loggingAdvice(tool: DeployTool, commandLine: string | null, application: string | null): LoggingAdvice {
  const name = safeName((commandLine && msiPackageOf(commandLine)) || application || 'install');
  const path = `${LOG_FOLDERS[tool]}\\${name}_install.log`;
  const option = `/l*v "${path}"`;
  const withSwitch = commandLine && isMsiexec(commandLine) ? `${commandLine.trimEnd()} ${option}` : null;
  return { path, switch: option, commandLine: withSwitch };
}
