// Emulated `taskkill /PID n [/F]`: the service's process and other accounts' processes (unelevated) are protected.
import type { EmulatedCommand, EmulatedResult, EmulatorContext } from '../emulator.ts';
import { flag, zh } from './target-files.ts';

export function taskkill(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const pid = Number(flag(c.args, '/pid'));
  const proc = machine.process(pid);
  if (!proc) return { exitCode: 128, stdout: '', stderr: `ERROR: The process "${pid}" not found.\r\n` };
  // The service process and other users' processes are protected (the real service is NOT_STOPPABLE while busy).
  const servicePid = machine.service('msiserver')?.pid ?? null;
  if (pid === servicePid || (!elevated && proc.userSid !== machine.state.identity.userSid)) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `ERROR: The process with PID ${pid} could not be terminated.\r\nReason: Access is denied.\r\n`,
    };
  }
  machine.killProcess(pid);
  return {
    exitCode: 0,
    stdout: zh(machine)
      ? `成功: 已终止 PID 为 ${pid} 的进程。\r\n`
      : `SUCCESS: The process with PID ${pid} has been terminated.\r\n`,
  };
}
