// Emulated `sc config <service> start= <type>` (the start type lives in the service's registry key, as on Windows).
import type { EmulatedCommand, EmulatedResult, EmulatorContext } from '../emulator.ts';
import { zh } from './target-files.ts';

const START_VALUES: Record<string, number> = { boot: 0, system: 1, auto: 2, demand: 3, disabled: 4 };

export function scConfig(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const name = c.args[1] ?? '';
  if (!elevated)
    return {
      exitCode: 5,
      stdout: zh(machine)
        ? '[SC] OpenService 失败 5:\r\n\r\n拒绝访问。\r\n'
        : '[SC] OpenService FAILED 5:\r\n\r\nAccess is denied.\r\n',
    };
  const key = machine.serviceKey(name);
  if (!machine.keyExists(key)) {
    return {
      exitCode: 1060,
      stdout: zh(machine)
        ? '[SC] OpenService 失败 1060:\r\n\r\n指定的服务未安装。\r\n'
        : '[SC] OpenService FAILED 1060:\r\n\r\nThe specified service does not exist as an installed service.\r\n',
    };
  }
  const i = c.args.findIndex((a) => a.toLowerCase() === 'start=');
  const start = i >= 0 ? START_VALUES[(c.args[i + 1] ?? '').toLowerCase()] : undefined;
  if (start === undefined)
    return { exitCode: 87, stdout: '[SC] ChangeServiceConfig FAILED 87:\r\n\r\nThe parameter is incorrect.\r\n' };
  machine.setValue(key, 'Start', { type: 'REG_DWORD', data: start });
  return {
    exitCode: 0,
    stdout: zh(machine) ? '[SC] ChangeServiceConfig 成功\r\n' : '[SC] ChangeServiceConfig SUCCESS\r\n',
  };
}
