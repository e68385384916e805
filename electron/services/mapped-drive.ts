// Mapped network drives (Z:\setup.msi): the elevated token has its own drive mappings, so msiexec run as administrator
// gets 1619 for the user's Z:. The plan uses the UNC path the mapping points to instead.
import type { CommandRunner } from '../system/run/command-runner.ts';
import { systemProgram } from '../system/run/windows-programs.ts';
import { trimEndChars } from '../../shared/text/trim-end.ts';

/**
 * Reads a persistent mapping from the user's own hive: `reg query HKCU\Network\Z /v RemotePath`. Only the value's
 * name and type (never localized) and the UNC data are read. Null when the drive is not mapped (a local disk).
 */
export function mappedDriveResolver(runner: CommandRunner): (drive: string) => Promise<string | null> {
  return async (drive) => {
    const letter = drive.replace(/:$/, '').toUpperCase();
    if (!/^[A-Z]$/.test(letter)) return null;
    const out = await runner.run({
      file: systemProgram('reg.exe'),
      args: ['query', `HKCU\\Network\\${letter}`, '/v', 'RemotePath'],
      encoding: 'oem',
      timeoutMs: 5_000,
      label: `reg query HKCU\\Network\\${letter}`,
    });
    if (out.error || out.exitCode !== 0) return null;
    const unc = /^[ \t]*RemotePath[ \t]+REG_(?:EXPAND_)?SZ[ \t]+(\\\\[^\\\s][^\r\n]*)$/im.exec(out.stdout)?.[1];
    return unc?.trimEnd() ?? null;
  };
}

/** `Z:\dir\setup.msi` -> `\\server\share\dir\setup.msi` when Z: is a mapped drive; any other path is kept. */
export async function uncPathOf(path: string, resolve: (drive: string) => Promise<string | null>): Promise<string> {
  const m = /^([A-Za-z]):\\(.*)$/.exec(path);
  if (!m) return path;
  const unc = await resolve(m[1]!);
  return unc ? `${trimEndChars(unc, '\\')}\\${m[2]}` : path;
}
