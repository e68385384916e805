// Absolute paths of the Windows programs we run (%SystemRoot%\System32\..., Sysnative for a 32-bit process on 64-bit
// Windows): a bare name would be searched in the current folder first, where anyone who can drop a file wins.
import { trimEndChars } from '../../../shared/text/trim-end.ts';

type Env = Record<string, string | undefined>;

/** A plain drive path without anything a parser could reinterpret (no quotes, %, ..). */
const PLAIN_DIR = /^[A-Za-z]:\\(?:[A-Za-z0-9 ._()-]+\\)*[A-Za-z0-9._()-]+$/;

/** %SystemRoot% from the environment (SystemRoot, then windir), validated; C:\Windows when unset or odd. */
export function windowsDirectory(env: Env = process.env): string {
  for (const value of [env.SystemRoot, env.SYSTEMROOT, env.windir, env.WINDIR]) {
    const dir = value === undefined ? undefined : trimEndChars(value.trim(), '\\');
    if (dir && PLAIN_DIR.test(dir) && !dir.split('\\').some((part) => part === '..' || part === '.')) return dir;
  }
  return 'C:\\Windows';
}

/**
 * The folder of 64-bit system programs as this process must name it: a 32-bit process on 64-bit Windows
 * (PROCESSOR_ARCHITEW6432 set) uses Sysnative, or WOW64 silently runs the 32-bit tools with the 32-bit registry view.
 */
export function systemDirectory(env: Env = process.env): string {
  return `${windowsDirectory(env)}\\${env.PROCESSOR_ARCHITEW6432 ? 'Sysnative' : 'System32'}`;
}

/** `reg.exe` -> `C:\Windows\System32\reg.exe`; `WindowsPowerShell\v1.0\powershell.exe` works the same way. */
export function systemProgram(relative: string, env: Env = process.env): string {
  if (!/^(?:[A-Za-z0-9_.-]+\\)*[A-Za-z0-9_-]+\.(?:exe|com)$/i.test(relative) || relative.includes('..'))
    throw new Error(`not a system program name: ${relative}`);
  return `${systemDirectory(env)}\\${relative}`;
}

/**
 * Inside the elevated PowerShell (always the 64-bit one: we start it through Sysnative when we are 32-bit), the
 * Sysnative alias does not exist: the same program is under System32.
 */
export function nativeProgramPath(file: string): string {
  return file.replace(/^([A-Za-z]:\\[^\\]+)\\Sysnative\\/i, '$1\\System32\\');
}

/** True when `file` is an absolute path of a program under the Windows folder (no relative parts, no streams). */
export function isWindowsProgramPath(file: string, env: Env = process.env): boolean {
  const root = windowsDirectory(env).toLowerCase() + '\\';
  if (!file.toLowerCase().startsWith(root)) return false;
  const rest = file.slice(root.length);
  if (!rest || /[/:*?"<>|%]/.test(rest)) return false;
  const parts = rest.split('\\');
  return parts.every((p) => p !== '' && p !== '.' && p !== '..' && !/[ .]$/.test(p)) && /\.(exe|com)$/i.test(rest);
}
