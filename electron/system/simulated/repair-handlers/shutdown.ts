// Emulated `shutdown /r /t N` and `shutdown /a`: a restart now reboots the model; a countdown is kept in a private key.
import type { EmulatedCommand, EmulatedResult, EmulatorContext } from '../emulator.ts';
import { flag } from './target-files.ts';

/** A scheduled restart (shutdown /r /t N>0) has no place in the real model; kept in a private key so it survives a restart of the CLI. */
export const SCHEDULED_RESTART_KEY = 'HKLM\\SOFTWARE\\MSI Doctor Simulator\\ScheduledRestart';

export function shutdown(c: EmulatedCommand, { machine }: EmulatorContext): EmulatedResult {
  const args = c.args.map((a) => a.toLowerCase());
  const scheduled = machine.keyExists(SCHEDULED_RESTART_KEY);
  if (args.includes('/a')) {
    if (!scheduled)
      return {
        exitCode: 1116,
        stdout: '',
        stderr: 'Unable to abort the system shutdown because no shutdown was in progress.(1116)\r\n',
      };
    machine.deleteKey(SCHEDULED_RESTART_KEY);
    return { exitCode: 0, stdout: '' };
  }
  if (args.includes('/r')) {
    const seconds = Number(flag(c.args, '/t') ?? '30');
    if (scheduled)
      return { exitCode: 1190, stdout: '', stderr: 'A system shutdown has already been scheduled.(1190)\r\n' };
    if (seconds === 0) machine.reboot();
    else
      machine.setValue(SCHEDULED_RESTART_KEY, 'At', {
        type: 'REG_SZ',
        data: new Date(machine.now().getTime() + seconds * 1000).toISOString(),
      });
    return { exitCode: 0, stdout: '' };
  }
  return { exitCode: 87, stdout: '' };
}
