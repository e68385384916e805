// The simulated machine's emulation of the commands repairs run, one module per tool: reg, icacls, sc config, msiexec
// (and its log template), shutdown, taskkill, the repairs' PowerShell scripts (the PATH writer's lives with the PATH
// emulation, handlers/path-environment.ts), and the repair clock.
import type { CommandEmulator, EmulatedCommand } from '../emulator.ts';
import { icacls } from './icacls.ts';
import { msiexec } from './msiexec.ts';
import { regAdd, regDelete, regExport, regImport } from './reg.ts';
import { broadcastEnvironment, createFolder, removeCreatedFolder } from './repair-scripts.ts';
import { scConfig } from './sc.ts';
import { shutdown } from './shutdown.ts';
import { taskkill } from './taskkill.ts';
import { handleSetPathValue } from '../handlers/path-environment.ts';

export { SCHEDULED_RESTART_KEY } from './shutdown.ts';
export { BACKGROUND_INSTALL_MINUTES, settleBackgroundInstalls, simulatedRepairClock } from './clock.ts';
export { applyEnvironmentChange } from './repair-scripts.ts';

const isTool =
  (tool: string, ...first: string[]) =>
  (c: EmulatedCommand) =>
    c.tool === tool && first.includes((c.args[0] ?? '').toLowerCase());
const isRepairScript = (id: string) => (c: EmulatedCommand) => c.marker?.kind === 'repair' && c.marker.id === id;

/** Adds the repair commands to an emulator (its own handlers; they win over built-ins for the same command). */
export function registerRepairHandlers(emulator: CommandEmulator): CommandEmulator {
  return emulator
    .register(isTool('reg', 'add'), regAdd, 'repair:reg add')
    .register(isTool('reg', 'delete'), regDelete, 'repair:reg delete')
    .register(isTool('reg', 'export'), regExport, 'repair:reg export')
    .register(isTool('reg', 'import'), regImport, 'repair:reg import')
    .register(
      (c) =>
        c.tool === 'icacls' &&
        /^\/(save|restore|grant|grant:r|remove|remove:g|remove:d|inheritance:[red])$/i.test(c.args[1] ?? ''),
      icacls,
      'repair:icacls',
    )
    .register(isTool('sc', 'config'), scConfig, 'repair:sc config')
    .register((c) => c.tool === 'msiexec', msiexec, 'repair:msiexec')
    .register((c) => c.tool === 'shutdown', shutdown, 'repair:shutdown')
    .register((c) => c.tool === 'taskkill', taskkill, 'repair:taskkill')
    .register(isRepairScript('create-windows-temp'), createFolder, 'repair:create-windows-temp')
    .register(isRepairScript('create-user-temp'), createFolder, 'repair:create-user-temp')
    .register(isRepairScript('remove-created-temp'), removeCreatedFolder, 'repair:remove-created-temp')
    .register(isRepairScript('broadcast-environment'), broadcastEnvironment, 'repair:broadcast-environment')
    .register(isRepairScript('set-path-value'), handleSetPathValue, 'repair:set-path-value');
}
