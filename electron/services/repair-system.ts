// Builds a RepairService for a SystemHandle: simulated machines get their own file checks, clock and persisted state.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { MachineState } from '../system/simulated/model.ts';
import type { SimulatedMachine } from '../system/simulated/machine.ts';
import { simulatedRepairClock } from '../system/simulated/repair-handlers/index.ts';
import type { PathKind } from '../system/repairs/repair-definition.ts';
import { RepairService, type RepairServiceOptions } from './repair-service.ts';
import type { SystemHandle } from './system-factory.ts';
import { SCENARIO_DIR } from '../system/simulated/index.ts';
import { mappedDriveResolver } from './mapped-drive.ts';

async function hostKind(path: string): Promise<PathKind> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'missing';
  } catch {
    return 'missing';
  }
}

/** On a simulated machine a path is checked on its disk first (C:\Users\...), then on the host (a real --msi FILE). */
export function simulatedStatPath(machine: SimulatedMachine): (path: string) => Promise<PathKind> {
  return async (path) => {
    const entry = /^[A-Za-z]:[\\/]/.test(path) ? machine.entry(path) : null;
    if (entry) return entry.kind === 'file' ? 'file' : 'directory';
    return hostKind(path);
  };
}

/**
 * How a journal names the machine (journal-schema ENVIRONMENT): 'real', a built-in scenario by name, or a scenario file
 * by its path inside the data folder. A scenario file elsewhere is recorded without its path: undo then needs
 * --scenario FILE again, because a journal may never point the app at a file outside the data folder.
 */
export function environmentLabel(system: SystemHandle, dataDir: string): string {
  const simulation = system.simulation;
  if (!simulation) return 'real';
  const source = simulation.loaded.source;
  if (dirname(source) === SCENARIO_DIR) return `simulated:${basename(source, '.json')}`;
  const inside = relative(join(dataDir, 'scenarios'), source);
  if (
    !inside.startsWith('..') &&
    !isAbsolute(inside) &&
    !inside.includes(sep) &&
    /^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/.test(inside)
  )
    return `scenario-file:${inside}`;
  return 'scenario-file';
}

export function createRepairServiceFor(
  system: SystemHandle,
  dataDir: string,
  extra: Partial<Pick<RepairServiceOptions, 'hooks' | 'clock' | 'symptom' | 'lock' | 'sessionId' | 'appPath'>> = {},
  windowsDataDir = false,
): RepairService {
  const machine = system.simulation?.machine ?? null;
  return new RepairService({
    dataDir,
    runner: system.runner,
    elevatedRunner: system.elevatedRunner,
    probes: system.probes,
    user: system.user,
    analyzeLog: system.analyzeLog,
    environmentLabel: environmentLabel(system, dataDir),
    elevatedSid: () => system.elevatedSid,
    resolveMappedDrive: mappedDriveResolver(system.runner),
    ...(machine
      ? {
          statPath: simulatedStatPath(machine),
          clock: simulatedRepairClock(machine),
          windowsDir: machine.envVar('SystemRoot') ?? 'C:\\Windows',
          // The app (wizard, preview): our data folder as the app has it on that Windows, so backups and install
          // logs are Windows paths on the simulated disk, as the plans show them. The CLI and the repair tests keep
          // them on this host, where they can inspect and tamper with them.
          ...(windowsDataDir
            ? {
                targetDataDir: `${machine.envVar('APPDATA') ?? 'C:\\Users\\Default\\AppData\\Roaming'}\\MSI Doctor\\data`,
                readTarget: (path: string) => machine.readFile(path),
              }
            : {}),
          // The app as it would be installed on the simulated machine: its resume after a restart is modelled too.
          appPath: `${machine.envVar('ProgramFiles') ?? 'C:\\Program Files'}\\MSI Doctor\\MSI Doctor.exe`,
        }
      : {}),
    ...extra,
  });
}

// ------------------------------------------------------------ simulated machine state between CLI runs
/** `<dataDir>/simulated/<scenario>.json`: the model after the last fix/undo, so `undo` in a new process sees what `fix` did. */
export function simulatedStatePath(dataDir: string, scenario: string): string {
  return join(dataDir, 'simulated', `${scenario.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

export function saveSimulatedState(dataDir: string, machine: SimulatedMachine): string {
  const path = simulatedStatePath(dataDir, machine.scenario);
  mkdirSync(join(dataDir, 'simulated'), { recursive: true });
  // A unique temp name, fsync, then rename: a crash never leaves half a model, two writers never share a temp file.
  writeFileAtomic.sync(path, JSON.stringify(machine.state, null, 1));
  return path;
}

/** Replaces the machine's state with the saved one (same object, so runners built over it see it). Returns false when none. */
export function restoreSimulatedState(dataDir: string, machine: SimulatedMachine): boolean {
  const path = simulatedStatePath(dataDir, machine.scenario);
  if (!existsSync(path)) return false;
  const saved = JSON.parse(readFileSync(path, 'utf8')) as MachineState;
  const state = machine.state as unknown as Record<string, unknown>;
  for (const key of Object.keys(state)) delete state[key];
  Object.assign(state, saved);
  return true;
}
