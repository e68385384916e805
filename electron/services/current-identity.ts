// Who runs MSI Doctor on a real machine: the user's SID and whether the process is already elevated (one whoami call).
import type { CommandRunner, CommandSpec } from '../system/run/command-runner.ts';
import { systemProgram } from '../system/run/windows-programs.ts';
import { accountSidOfWhoami } from '../system/well-known-sids.ts';

export const WHOAMI_SPEC: CommandSpec = {
  file: systemProgram('whoami.exe'),
  args: ['/user', '/groups', '/fo', 'csv', '/nh'],
  encoding: 'oem',
  timeoutMs: 5_000,
  label: 'whoami /user /groups',
};

export interface CurrentIdentity {
  /** The user's SID (S-1-5-21-… local/domain, S-1-12-1-… Entra ID, S-1-5-18 SYSTEM), null when unreadable. */
  sid: string | null;
  /** Integrity level High (S-1-16-12288) or System (S-1-16-16384). */
  elevated: boolean | null;
}

/**
 * Reads only SIDs, which no Windows language translates: the first SID of the first line is the user's (`/user`
 * prints it first), whatever its authority; the S-1-16-N label is the integrity level. CSV and table forms alike.
 */
export function parseWhoami(text: string): CurrentIdentity {
  const userSid = accountSidOfWhoami(text);
  const integrity = [...text.matchAll(/\bS-1-16-(\d+)\b/g)].map((m) => Number(m[1]));
  return { sid: userSid, elevated: integrity.length ? integrity.some((level) => level >= 12288) : null };
}

export async function readCurrentIdentity(runner: CommandRunner): Promise<CurrentIdentity> {
  const output = await runner.run(WHOAMI_SPEC);
  if (output.error || output.exitCode !== 0) return { sid: null, elevated: null };
  return parseWhoami(output.stdout);
}
