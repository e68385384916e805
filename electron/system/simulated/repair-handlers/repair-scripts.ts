// The repairs' PowerShell scripts, emulated (recognised by `# msi-doctor:repair=<name>`): create a folder, remove a
// folder we created if it is still empty, broadcast an environment change. Access through the one TokenView; the
// PowerShell checks run the real scripts against the same rules (electron/system/pwsh).
import type { EmulatedCommand, EmulatedResult, EmulatorContext } from '../emulator.ts';
import type { SimulatedMachine } from '../machine.ts';
import { parentPath } from '../model.ts';
import { tokenView } from '../token-view.ts';

function scriptPath(c: EmulatedCommand): string {
  const path = c.params?.path;
  if (typeof path !== 'string' || path === '') throw new Error('repair script without $params.path');
  return path;
}

/** New-MdDirectory: CreateDirectory needs FILE_ADD_SUBDIRECTORY on the folder above. */
export function createFolder(c: EmulatedCommand, ctx: EmulatorContext): EmulatedResult {
  const { machine } = ctx;
  const path = scriptPath(c);
  const entry = machine.entry(path);
  if (entry?.kind === 'dir') return { exitCode: 0, stdout: '' };
  if (entry?.kind === 'file')
    return {
      exitCode: 1,
      stdout: '',
      stderr: `Cannot create '${path}' because a file with that name already exists.\r\n`,
    };
  const parent = parentPath(path);
  if (parent && machine.exists(parent) && !tokenView(machine, ctx).canCreateFolder(parent))
    return { exitCode: 1, stdout: '', stderr: `Access to the path '${path}' is denied.\r\n` };
  machine.mkdir(path);
  return { exitCode: 0, stdout: '' };
}

/**
 * Remove-MdItem of a folder that has no entries any more (one we created); a folder with files is left alone. Listing
 * needs the right to list it (Get-MdChildName throws otherwise, as Get-ChildItem does on Windows).
 */
export function removeCreatedFolder(c: EmulatedCommand, ctx: EmulatorContext): EmulatedResult {
  const { machine } = ctx;
  const path = scriptPath(c);
  if (!machine.isDirectory(path)) return { exitCode: 0, stdout: '' };
  if (!tokenView(machine, ctx).canList(path))
    return { exitCode: 1, stdout: '', stderr: `Access to the path '${path}' is denied.\r\n` };
  if (machine.list(path).length === 0) machine.removeEntry(path);
  return { exitCode: 0, stdout: '' };
}

/**
 * WM_SETTINGCHANGE "Environment": Explorer re-reads HKCU\Environment, so processes started from now on (our own rescan
 * included) get TEMP/TMP as the registry says, expanded. Without it they keep the values of the sign-in.
 */
export function applyEnvironmentChange(machine: SimulatedMachine): void {
  // Explorer rebuilds its environment from the registry on WM_SETTINGCHANGE "Environment".
  delete machine.state.explorerPath;
  for (const name of ['TEMP', 'TMP']) {
    const value = machine.string('HKCU\\Environment', name);
    if (value === null) continue;
    const envName = Object.keys(machine.state.env).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    machine.state.env[envName] = machine.expand(value);
  }
}

export function broadcastEnvironment(_c: EmulatedCommand, { machine }: EmulatorContext): EmulatedResult {
  applyEnvironmentChange(machine);
  return { exitCode: 0, stdout: '' };
}
