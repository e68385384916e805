// Where the elevated batch keeps its files: an ASCII-only folder sudo-prompt can use as TEMP, chosen and secured by pure rules.
import { createHash } from 'node:crypto';

type Env = Record<string, string | undefined>;

export const ELEVATION_DIR_NAME = 'MSIDoctor-elev';

/**
 * One folder per Windows account (`MSIDoctor-elev-<8 hex of DOMAIN\user>`): the folder is locked to its owner, so a
 * second user of the same PC must not inherit the first user's folder. Hex keeps the name ASCII for any user name.
 */
export function elevationDirName(env: Env): string {
  const account = `${env.USERDOMAIN ?? ''}\\${env.USERNAME ?? ''}`.toLowerCase();
  if (account === '\\') return ELEVATION_DIR_NAME;
  return `${ELEVATION_DIR_NAME}-${createHash('sha256').update(account, 'utf8').digest('hex').slice(0, 8)}`;
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
  dir: string | null;
  /** Every candidate considered, with why it was rejected (for the error message when none fits). */
  rejected: { candidate: string; reason: string }[];
}

/**
 * Picks the folder: a direct child of %ProgramData% (a SYSTEM-owned parent, so nobody else can swap our folder),
 * else the same under %SystemDrive%\ProgramData, else C:\ProgramData. The user's %TEMP% is never a candidate:
 * it may be the broken thing (2503) or contain the user's non-ASCII name.
 */
export function selectElevationDir(env: Env): ElevationDirChoice {
  const name = elevationDirName(env);
  const candidates: string[] = [];
  const programData = env.ProgramData ?? env.PROGRAMDATA ?? env.ALLUSERSPROFILE;
  if (programData) candidates.push(`${programData.replace(/\\+$/, '')}\\${name}`);
  const systemDrive = env.SystemDrive ?? env.SYSTEMDRIVE;
  if (systemDrive && /^[A-Za-z]:$/.test(systemDrive)) candidates.push(`${systemDrive}\\ProgramData\\${name}`);
  candidates.push(`C:\\ProgramData\\${name}`);
  const rejected: ElevationDirChoice['rejected'] = [];
  for (const candidate of [...new Set(candidates)]) {
    if (isSafeElevationPath(candidate)) return { dir: candidate, rejected };
    rejected.push({
      candidate,
      reason: "contains characters sudo-prompt cannot carry (space, & ' % ! ^ ( ) or non-ASCII)",
    });
  }
  return { dir: null, rejected };
}

/**
 * icacls commands that make the folder ours alone before a script that will run as administrator is written into it:
 * take ownership (in case another user created the folder first), then drop inherited ACEs (ProgramData lets Users
 * create files in subfolders) and grant only SYSTEM, Administrators and the current user.
 */
export function hardenDirCommands(dir: string, account: string): { file: string; args: string[] }[] {
  return [
    { file: 'icacls.exe', args: [dir, '/setowner', account, '/Q'] },
    {
      file: 'icacls.exe',
      args: [
        dir,
        '/inheritance:r',
        '/grant:r',
        '*S-1-5-18:(OI)(CI)F',
        '*S-1-5-32-544:(OI)(CI)F',
        `${account}:(OI)(CI)F`,
        '/Q',
      ],
    },
  ];
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
