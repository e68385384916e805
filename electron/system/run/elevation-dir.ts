// Where the elevated batch keeps its files: a fresh ASCII-only folder per batch (sudo-prompt's TEMP), its hardening
// and the SDDL check that refuses to elevate from a folder anyone else can write. Pure rules; elevated-runner.ts runs them.
import { randomBytes } from 'node:crypto';
import { parseSddl } from '../probes/sddl.ts';
import { trimEndChars } from '../../../shared/text/trim-end.ts';

type Env = Record<string, string | undefined>;

export const ELEVATION_DIR_PREFIX = 'MSIDoctor-elev-';

/**
 * A fresh folder name per batch (`MSIDoctor-elev-<32 random hex>`): nobody can create it in advance, so another user
 * cannot squat it with an ACE of their own. Hex keeps it ASCII for any user name.
 */
export function newElevationDirName(): string {
  return `${ELEVATION_DIR_PREFIX}${randomBytes(16).toString('hex')}`;
}

/**
 * Safe for every parser on the way (sudo-prompt's execute.bat is read before `chcp 65001`, then PowerShell's
 * Start-Process in '...'): a drive path of ASCII letters, digits, dot, dash, underscore. No space, `&`, `'`, `%`, `!`,
 * `^`, parentheses or non-ASCII (jorangreef/sudo-prompt#60, #97, #103, #119).
 */
export function isSafeElevationPath(path: string): boolean {
  return /^[A-Za-z]:\\(?:[A-Za-z0-9._-]+\\)*[A-Za-z0-9._-]+$/.test(path) && path.length <= 200;
}

export interface ElevationDirChoice {
  /** The parent the per-batch folders are created in (SYSTEM-owned: nobody can rename our folder away). */
  parent: string | null;
  /** Every candidate considered, with why it was rejected (for the error message when none fits). */
  rejected: { candidate: string; reason: string }[];
}

/**
 * Picks the parent: %ProgramData%, else %SystemDrive%\ProgramData, else C:\ProgramData. The user's %TEMP% is never a
 * candidate: it may be the broken thing (2503) or contain the user's non-ASCII name.
 */
export function selectElevationParent(env: Env): ElevationDirChoice {
  const candidates: string[] = [];
  const programData = env.ProgramData ?? env.PROGRAMDATA ?? env.ALLUSERSPROFILE;
  if (programData) candidates.push(trimEndChars(programData, '\\'));
  const systemDrive = env.SystemDrive ?? env.SYSTEMDRIVE;
  if (systemDrive && /^[A-Za-z]:$/.test(systemDrive)) candidates.push(`${systemDrive}\\ProgramData`);
  candidates.push('C:\\ProgramData');
  const rejected: ElevationDirChoice['rejected'] = [];
  for (const candidate of [...new Set(candidates)]) {
    if (isSafeElevationPath(`${candidate}\\${ELEVATION_DIR_PREFIX}0`)) return { parent: candidate, rejected };
    rejected.push({
      candidate,
      reason: "contains characters sudo-prompt cannot carry (space, & ' % ! ^ ( ) or non-ASCII)",
    });
  }
  return { parent: null, rejected };
}

/**
 * The script that reads the new folder's SDDL and reparse flag (parameters from $env:MSI_DOCTOR_DIR_JSON, never spliced
 * into code): elevationDirProblem judges what it prints.
 */
export const INSPECT_DIR_SCRIPT = [
  '$params = ConvertFrom-Json $env:MSI_DOCTOR_DIR_JSON',
  '$i = Get-Item -LiteralPath $params.path -Force',
  '$a = Get-Acl -LiteralPath $params.path',
  '[pscustomobject]@{ sddl = $a.Sddl; reparse = [bool]($i.Attributes -band [IO.FileAttributes]::ReparsePoint) } | ConvertTo-Json -Compress',
].join('\n');

const SYSTEM = 'S-1-5-18';
const ADMINISTRATORS = 'S-1-5-32-544';
const OWNER_RIGHTS = 'S-1-3-4';
const SID = /^S-1-[0-9]+(?:-[0-9]+)+$/;

/**
 * icacls arguments that leave the new folder to SYSTEM, Administrators and the user only, by SID (names are localized):
 * inherited ACEs dropped (ProgramData lets every user create files in subfolders).
 */
export function hardenDirArgs(dir: string, userSid: string): string[] {
  if (!SID.test(userSid)) throw new Error(`not a SID: ${userSid}`);
  return [
    dir,
    '/inheritance:r',
    '/grant:r',
    `*${SYSTEM}:(OI)(CI)F`,
    `*${ADMINISTRATORS}:(OI)(CI)F`,
    `*${userSid}:(OI)(CI)F`,
    '/Q',
  ];
}

/**
 * icacls arguments that make a written batch file read-only to its owner: an OWNER RIGHTS ACE replaces the owner's
 * implicit right to change the permissions, and no ACE grants the user write.
 */
export function readOnlyFileArgs(file: string): string[] {
  return [file, '/inheritance:r', '/grant:r', `*${SYSTEM}:F`, `*${ADMINISTRATORS}:F`, `*${OWNER_RIGHTS}:R`, '/Q'];
}

/**
 * Refuses a folder that is not ours alone, read from its SDDL (parseSddl): owner must be the user, the DACL protected
 * (no inherited ACEs) and holding only SYSTEM, Administrators and the user, and the folder no reparse point (junction,
 * symbolic link). Returns the reason, or null when it is safe to put a script there that will run as administrator.
 */
export function elevationDirProblem(
  info: { sddl: string | null; reparsePoint: boolean },
  userSid: string,
): string | null {
  if (info.reparsePoint) return 'it is a junction or link (reparse point)';
  const sd = parseSddl(info.sddl);
  if (!sd) return 'its permissions could not be read';
  if (sd.owner?.toUpperCase() !== userSid.toUpperCase()) return `it is owned by ${sd.owner ?? 'nobody'}, not by you`;
  if (!sd.daclFlags.includes('P')) return 'its permissions are inherited, not protected';
  const allowed = new Set([SYSTEM, ADMINISTRATORS, userSid.toUpperCase()]);
  const other = sd.dacl.find((ace) => ace.type === 'allow' && !allowed.has(ace.sid.toUpperCase()));
  if (other) return `it grants access to ${other.sid}`;
  return null;
}

/** Sets TEMP/TMP for the duration of fn (sudo-prompt reads os.tmpdir() synchronously inside exec()), then restores them. */
export function withTempDir<T>(env: Env, dir: string, fn: () => T): T {
  const saved = { TEMP: env.TEMP, TMP: env.TMP };
  env.TEMP = dir;
  env.TMP = dir;
  try {
    return fn();
  } finally {
    for (const key of ['TEMP', 'TMP'] as const) {
      if (saved[key] === undefined) delete env[key];
      else env[key] = saved[key];
    }
  }
}
