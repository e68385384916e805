// The last line of defence: every CommandSpec a repair builds (plan and undo) passes here; never-automated actions are refused.
import type { CommandSpec } from '../run/command-runner.ts';
import { isWindowsProgramPath } from '../run/windows-programs.ts';
import { BROAD_SIDS as BROAD } from '../well-known-sids.ts';

/** The actions architecture §6 forbids, whatever a catalog entry or parameter says. */
export type ForbiddenAction =
  | 'windows-installer-folder'
  | 'kill-installer-service'
  | 'delete-inprogress-key'
  | 'msizap'
  | 'broad-full-control'
  | 'disable-uac'
  | 'takeown'
  | 'reset-windows-acl'
  | 'program-not-absolute';

export class ForbiddenCommandError extends Error {
  constructor(
    readonly action: ForbiddenAction,
    readonly command: string,
  ) {
    super(`Refused to build a never-automated command (${action}): ${command}`);
  }
}

export interface GuardContext {
  /** PID of the Windows Installer service process (msiexec /V) when known: it is never ended. */
  servicePid?: number | null;
}

/** SIDs and names of broad groups that must never get Full Control / Modify (Everyone, Users, Authenticated Users...). */
const BROAD_SIDS = BROAD.map((sid) => sid.toLowerCase());
const BROAD_NAMES = [
  'everyone',
  'users',
  'authenticated users',
  'interactive',
  'guests',
  'anonymous logon',
  'builtin\\users',
  'nt authority\\authenticated users',
  'nt authority\\interactive',
  'jeder',
  'benutzer',
  'tout le monde',
  'utilisateurs',
  'todos',
  'usuarios',
  'everyone',
  '所有人',
  'users',
];

/** The text the guard inspects: the program, its arguments and any PowerShell script they carry (decoded). */
export function commandText(spec: CommandSpec): string {
  const parts = [spec.file, ...spec.args];
  for (let i = 0; i < spec.args.length - 1; i += 1) {
    const flag = spec.args[i]!.toLowerCase();
    if (flag === '-encodedcommand' || flag === '-enc' || flag === '-e' || flag === '-ec') {
      parts.push(Buffer.from(spec.args[i + 1]!, 'base64').toString('utf16le'));
    }
  }
  return parts.join(' ');
}

function programName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.toLowerCase().replace(/\.(exe|com|cmd|bat)$/, '');
}

// C:\Windows\Installer in any spelling a command may use (drive, %SystemRoot%, %windir%, $env:windir), either slash.
const INSTALLER_FOLDER =
  /(?:[a-z]:[\\/]+windows|%systemroot%|%windir%|\$env:systemroot|\$env:windir|\$\{env:(?:systemroot|windir)\})[\\/]+installer(?![a-z0-9_-])/i;
const INPROGRESS_KEY = /currentversion[\\/]+installer[\\/]+inprogress/i;
/**
 * Verbs that delete, move or re-permission something (cmd built-ins, tools, PowerShell cmdlets/aliases, .NET deletes).
 * Reading a protected location (Test-Path, Get-Acl, reg query) is fine; these are not.
 */
const DESTRUCTIVE =
  /(?:^|[\s;&|("'])(?:rd|rmdir|del|erase|move|ren|rename|icacls|cacls|xcacls|takeown|robocopy|cleanmgr|remove-item|remove-itemproperty|clear-item|clear-itemproperty|move-item|rename-item|set-acl|set-itemproperty|new-itemproperty|ri|rm|rp|mv|mi|rni|clp|cli)(?:\.exe)?(?=[\s;&|)"']|$)|\[(?:system\.)?io\.(?:directory|file)\]::(?:delete|move)|\.delete\(|\breg(?:\.exe)?\s+(?:delete|add|import)\b/i;
const DESTRUCTIVE_PROGRAMS = new Set([
  'rd',
  'rmdir',
  'del',
  'erase',
  'move',
  'ren',
  'icacls',
  'cacls',
  'xcacls',
  'takeown',
  'robocopy',
  'cleanmgr',
]);

function destructive(program: string, args: string[], text: string): boolean {
  if (DESTRUCTIVE_PROGRAMS.has(program)) return true;
  if (
    program === 'reg' &&
    ['delete', 'add', 'import', 'restore', 'load', 'unload', 'copy'].includes((args[0] ?? '').toLowerCase())
  )
    return true;
  return DESTRUCTIVE.test(text);
}

const WINDOWS_FOLDER = /(?:[a-z]:[\\/]+windows|%systemroot%|%windir%|\$env:systemroot|\$env:windir)(?:[\\/]|\s|"|'|$)/i;

/** icacls principal:rights pairs after /grant or /grant:r; true when a broad group gets F, M or a generic all/write-DAC right. */
function grantsBroadFullControl(args: string[]): boolean {
  let granting = false;
  for (const raw of args) {
    const arg = raw.toLowerCase();
    if (arg.startsWith('/')) {
      granting = arg === '/grant' || arg.startsWith('/grant:');
      continue;
    }
    if (!granting) continue;
    const colon = arg.lastIndexOf(':');
    if (colon <= 0) continue;
    const principal = arg.slice(0, colon).replace(/^\*/, '').replace(/^"|"$/g, '').trim();
    const rights = arg.slice(colon + 1);
    if (!isBroadPrincipal(principal)) continue;
    if (dangerousRights(rights)) return true;
  }
  return false;
}

function isBroadPrincipal(principal: string): boolean {
  return BROAD_SIDS.includes(principal) || BROAD_NAMES.includes(principal);
}

/** Rights such as 'F', '(F)', '(OI)(CI)F', '(OI)(CI)(M)', '(GA)', '(WDAC)', '(WO)'. */
function dangerousRights(rights: string): boolean {
  const tokens = rights
    .replace(/[()]/g, ' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  return tokens.some((t) => ['f', 'm', 'ga', 'wdac', 'wo'].includes(t));
}

/** PowerShell Set-Acl / FileSystemAccessRule granting FullControl or Modify to a broad group. */
function powershellBroadFullControl(text: string): boolean {
  if (!/filesystemaccessrule|set-acl|addaccessrule/i.test(text)) return false;
  if (!/fullcontrol|modify|takeownership|changepermissions/i.test(text)) return false;
  const lower = text.toLowerCase();
  return (
    // A whole SID: 's-1-5-2' (NETWORK) must not match inside a user's 's-1-5-21-…'.
    BROAD_SIDS.some((s) => new RegExp(`(?<![0-9-])${s}(?![0-9-])`).test(lower)) ||
    /['"](everyone|users|builtin\\users|authenticated users)['"]/i.test(text)
  );
}

function killsService(program: string, args: string[], text: string, context: GuardContext): boolean {
  const lower = text.toLowerCase();
  const pid = context.servicePid ?? null;
  if (program === 'taskkill' || program === 'tskill') {
    // /IM msiexec.exe ends every msiexec, the /V service included; a /PID of the service is the same act.
    if (/\/im\s+"?msiexec/i.test(args.join(' '))) return true;
    if (/(^|\s)msiexec(\.exe)?(\s|$)/i.test(args.join(' ')) && program === 'tskill') return true;
    if (pid !== null && args.some((a, i) => a.toLowerCase() === '/pid' && Number(args[i + 1]) === pid)) return true;
  }
  if (/stop-process/i.test(lower)) {
    if (afterVerbInStatement(lower, 'stop-process', /-name\s+['"]?msiexec/)) return true;
    if (/get-process\s+(-name\s+)?['"]?msiexec['"]?\s*\|\s*stop-process/i.test(lower)) return true;
    if (pid !== null && afterVerbInStatement(lower, 'stop-process', new RegExp(`-id\\s+${pid}(?![0-9])`))) return true;
  }
  // Stopping the service is the same as killing it while it runs a transaction.
  if ((program === 'sc' || program === 'net' || program === 'net1') && args.some((a) => a.toLowerCase() === 'stop')) {
    if (args.some((a) => a.toLowerCase() === 'msiserver')) return true;
  }
  if (afterVerbInStatement(lower, 'stop-service', /msiserver/)) return true;
  if (program === 'wmic' && /msiexec/i.test(lower) && /(delete|terminate)/i.test(lower)) return true;
  return false;
}

/**
 * Whether `pattern` occurs after `verb` in the same PowerShell statement (statements end at ";", "|" or a newline).
 * Statement by statement, so a long command is read once (`verb[^;|\n]*pattern` retried from every verb is quadratic).
 */
function afterVerbInStatement(lowerText: string, verb: string, pattern: RegExp): boolean {
  for (const statement of lowerText.split(/[;|\n]/)) {
    const at = statement.indexOf(verb);
    if (at >= 0 && pattern.test(statement.slice(at + verb.length))) return true;
  }
  return false;
}

function disablesUac(text: string): boolean {
  // Any write to EnableLUA is refused (with a writing verb, see guardCommand): no repair touches it, and 0 disables UAC.
  return /enablelua/i.test(text);
}

/** Throws ForbiddenCommandError when the spec performs a never-automated action; returns the spec otherwise. */
export function guardCommand(spec: CommandSpec, context: GuardContext = {}): CommandSpec {
  const program = programName(spec.file);
  const text = commandText(spec);
  const shown = [spec.file, ...spec.args].join(' ');
  const refuse = (action: ForbiddenAction): never => {
    throw new ForbiddenCommandError(action, shown);
  };

  if (/msizap/i.test(text)) refuse('msizap');
  if (program === 'takeown' || /(^|[\s;&|"'])takeown(\.exe)?(\s|$)/i.test(text)) refuse('takeown');
  const destroys = destructive(program, spec.args, text);
  if (INSTALLER_FOLDER.test(text) && destroys) refuse('windows-installer-folder');
  if (INPROGRESS_KEY.test(text) && destroys) refuse('delete-inprogress-key');
  if (disablesUac(text) && destroys) refuse('disable-uac');
  if (killsService(program, spec.args, text, context)) refuse('kill-installer-service');
  if (program === 'icacls' || /icacls/i.test(text)) {
    if (grantsBroadFullControl(spec.args)) refuse('broad-full-control');
    // icacls inside a script: check its tokens the same way.
    const inner = text.match(/icacls(?:\.exe)?\s+[^\n;|&]*/gi) ?? [];
    for (const line of inner)
      if (grantsBroadFullControl(line.split(/\s+/).map((t) => t.replace(/^['"]|['"]$/g, ''))))
        refuse('broad-full-control');
    if (spec.args.some((a) => /^\/(reset|setowner)$/i.test(a)) && WINDOWS_FOLDER.test(text))
      refuse('reset-windows-acl');
  }
  if (powershellBroadFullControl(text)) refuse('broad-full-control');
  // A bare or relative name is searched in the current folder first (Downloads, the portable app's folder): only an
  // absolute path under %SystemRoot% names the program we mean. (Checked last so a forbidden act is named as such.)
  if (!isWindowsProgramPath(spec.file)) refuse('program-not-absolute');
  return spec;
}

/** Non-throwing form for tests and the plan preview: the forbidden action, or null. */
export function forbiddenAction(spec: CommandSpec, context: GuardContext = {}): ForbiddenAction | null {
  try {
    guardCommand(spec, context);
    return null;
  } catch (error) {
    if (error instanceof ForbiddenCommandError) return error.action;
    throw error;
  }
}
