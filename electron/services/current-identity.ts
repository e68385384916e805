// Who runs MSI Doctor on a real machine: the user's SID and whether the process is already elevated (one whoami call).
import type { CommandRunner, CommandSpec } from '../system/run/command-runner.ts';
import { systemProgram } from '../system/run/windows-programs.ts';

export const WHOAMI_SPEC: CommandSpec = {
  file: systemProgram('whoami.exe'),
  args: ['/user', '/groups', '/fo', 'csv', '/nh'],
  encoding: 'oem',
  timeoutMs: 5_000,
  label: 'whoami /user /groups',
};

export interface CurrentIdentity {
  /** The user's SID (S-1-5-21-... for accounts, S-1-5-18 for SYSTEM), null when unreadable. */
  sid: string | null;
  /** Integrity level High (S-1-16-12288) or System (S-1-16-16384). */
  elevated: boolean | null;
}

/**
 * Reads only SIDs, which no Windows language translates: the first SID of the first line is the user's (`/user`
 * prints it first), the S-1-16-N label is the integrity level. Works on the CSV form and on the table form.
 */
export function parseWhoami(text: string): CurrentIdentity {
  const firstLine = text.split(/\r?\n/).find((line) => /S-1-\d+(?:-\d+)+/.test(line)) ?? '';
  const userSid = /S-1-5-(?:21(?:-\d+){4}|18|19|20)\b/.exec(firstLine)?.[0] ?? null;
  const integrity = [...text.matchAll(/\bS-1-16-(\d+)\b/g)].map((m) => Number(m[1]));
  return { sid: userSid, elevated: integrity.length ? integrity.some((level) => level >= 12288) : null };
}

export async function readCurrentIdentity(runner: CommandRunner): Promise<CurrentIdentity> {
  const output = await runner.run(WHOAMI_SPEC);
  if (output.error || output.exitCode !== 0) return { sid: null, elevated: null };
  return parseWhoami(output.stdout);
}
