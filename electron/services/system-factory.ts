// Picks the machine to probe: real runners on Windows, the simulated machine for --simulate/--scenario (required elsewhere).
import { hostname, release } from 'node:os';
import type { EnvironmentInfo } from '../../shared/contract/scan.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import { ALL_PROBES } from '../system/probes/index.ts';
import type { ProbeContext, ProbeDefinition } from '../system/probes/probe.ts';
import type { CommandRunner, ElevatedRunner } from '../system/run/command-runner.ts';
import { SudoElevatedRunner } from '../system/run/elevated-runner.ts';
import { ProcessRunner, createOemCodePageDetector } from '../system/run/process-runner.ts';
import { createSimulation, listScenarios, type Simulation } from '../system/simulated/index.ts';
import { analyzeLogPath } from './scan-log-reader.ts';
import type { ScanServiceOptions } from './scan-service.ts';
import { readCurrentIdentity } from './current-identity.ts';
import type { MsiPackage } from '../../shared/contract/msi-package.ts';
import { readMsiPackageFile } from '../system/msi-file.ts';
import { readSimulatedPackage } from '../system/simulated/package-file.ts';

export interface CreateSystemOptions {
  /** A built-in scenario name ('healthy', '2503-windows-temp-acl'...). */
  simulate?: string;
  /** A scenario JSON file (schema msi-doctor/scenario@1). */
  scenarioFile?: string;
  /** Overrides the scenario's answer to the simulated UAC prompt. */
  approveElevation?: boolean;
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
}

export interface SystemHandle {
  environment: EnvironmentInfo;
  runner: CommandRunner;
  elevatedRunner: ElevatedRunner;
  probes: readonly ProbeDefinition[];
  /** The real user, passed into the elevated batch (which may run as another account). */
  user: ProbeContext['user'];
  /** The app itself runs elevated (then no prompt is needed). Unknown on a real machine until probed: false. */
  processElevated: boolean;
  /**
   * Reads the user's SID and whether the app already runs elevated (one `whoami` on a real machine), updates
   * `user`, `processElevated` and `environment.elevated`, and returns them. Call once before the first scan.
   */
  identify(): Promise<{ user: ProbeContext['user']; processElevated: boolean }>;
  /** The machine's clock: the simulated machine lives at its scenario's date. */
  now: () => Date;
  /** Reads logs from the simulated disk when simulated, else from the host. */
  analyzeLog: (path: string) => Promise<LogAnalysis>;
  /** Reads an .msi with the pure reader: from the simulated disk when simulated, else from the host. */
  readPackage: (path: string) => Promise<MsiPackage>;
  /** Present when simulated: the scenario (its msiPath, logPaths, expectations) and the machine. */
  simulation: Simulation | null;
  /**
   * The account the last elevated batch ran as (reported by the batch itself). Not the user's SID = over-the-shoulder
   * elevation: an administrator typed their password, so per-user repairs would change the wrong account.
   */
  elevatedSid: string | null;
}

/** Records the account each elevated batch reports (runBatch is otherwise passed through unchanged). */
function observingElevation(runner: ElevatedRunner, seen: (sid: string) => void): ElevatedRunner {
  return {
    kind: runner.kind,
    runBatch: async (specs, options) => {
      const result = await runner.runBatch(specs, options);
      if (result.elevatedSid) seen(result.elevatedSid);
      return result;
    },
  };
}

/** Bad input: unknown scenario, both options, or no scenario off Windows. The CLI prints it and exits 2. */
export class SystemUnavailableError extends Error {
  override name = 'SystemUnavailableError';
}

export const NOT_WINDOWS_MESSAGE = 'this is not Windows: pass --simulate NAME or --scenario FILE';

export function builtinScenarios(): string[] {
  return listScenarios();
}

export function createSystem(options: CreateSystemOptions = {}): SystemHandle {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  if (options.simulate !== undefined && options.scenarioFile !== undefined) {
    throw new SystemUnavailableError('use either --simulate NAME or --scenario FILE, not both');
  }
  const scenario = options.simulate ?? options.scenarioFile;
  if (scenario !== undefined) return simulatedSystem(scenario, options.approveElevation);
  if (platform !== 'win32') throw new SystemUnavailableError(NOT_WINDOWS_MESSAGE);

  // One OEM code page detection shared by both runners (one `chcp` per process).
  const oemCodePage = createOemCodePageDetector(undefined, platform);
  const runner = new ProcessRunner({ oemCodePage, platform });
  const handle: SystemHandle = {
    environment: {
      kind: 'real',
      scenario: null,
      windowsVersion: release(),
      windowsLanguage: Intl.DateTimeFormat().resolvedOptions().locale,
      computerName: env.COMPUTERNAME ?? hostname(),
      userName: env.USERNAME ?? null,
      elevated: null,
    },
    runner,
    elevatedRunner: observingElevation(
      new SudoElevatedRunner({ oemCodePage, platform, env }),
      (sid) => (handle.elevatedSid = sid),
    ),
    probes: ALL_PROBES,
    user: { sid: null, profile: env.USERPROFILE ?? null, temp: env.TEMP ?? env.TMP ?? null },
    processElevated: false,
    async identify() {
      const identity = await readCurrentIdentity(runner);
      handle.user = { ...handle.user, sid: identity.sid };
      handle.processElevated = identity.elevated === true;
      handle.environment.elevated = identity.elevated;
      return { user: handle.user, processElevated: handle.processElevated };
    },
    now: () => new Date(),
    analyzeLog: (path) => analyzeLogPath(path),
    readPackage: (path) => readMsiPackageFile(path),
    simulation: null,
    elevatedSid: null,
  };
  return handle;
}

function simulatedSystem(nameOrPath: string, approve: boolean | undefined): SystemHandle {
  let simulation: Simulation;
  try {
    simulation = createSimulation(nameOrPath, approve === undefined ? {} : { approve });
  } catch (error) {
    throw new SystemUnavailableError((error as Error).message);
  }
  const { machine, loaded } = simulation;
  const state = machine.state;
  const user = {
    sid: state.identity.userSid,
    profile: state.identity.profile,
    temp: state.env.TEMP ?? state.env.TMP ?? null,
  };
  const handle: SystemHandle = {
    environment: {
      kind: 'simulated',
      scenario: loaded.scenario.name,
      windowsVersion: state.windowsVersion,
      windowsLanguage: state.locale.name,
      computerName: state.identity.computerName,
      userName: `${state.identity.domain}\\${state.identity.userName}`,
      elevated: state.elevation.processElevated,
    },
    runner: simulation.runner,
    elevatedRunner: observingElevation(simulation.elevatedRunner, (sid) => (handle.elevatedSid = sid)),
    probes: ALL_PROBES,
    user,
    processElevated: state.elevation.processElevated,
    identify: async () => ({ user, processElevated: state.elevation.processElevated }),
    now: () => machine.now(),
    analyzeLog: (path) => analyzeLogPath(path, machine),
    readPackage: (path) => readSimulatedPackage(machine, path),
    simulation,
    elevatedSid: null,
  };
  return handle;
}

/**
 * Everything runScan needs from the machine (identity read first: SID for the elevated batch, already-elevated app).
 * Callers add parseSymptom and, when they have them, diagnose: `runScan(req, { ...await systemScanOptions(s), parseSymptom })`.
 */
export async function systemScanOptions(
  system: SystemHandle,
): Promise<
  Pick<
    ScanServiceOptions,
    | 'runner'
    | 'elevatedRunner'
    | 'probes'
    | 'environment'
    | 'user'
    | 'processElevated'
    | 'analyzeLog'
    | 'readPackage'
    | 'now'
  >
> {
  const identity = await system.identify();
  return {
    runner: system.runner,
    elevatedRunner: system.elevatedRunner,
    probes: system.probes,
    environment: system.environment,
    user: identity.user,
    processElevated: identity.processElevated,
    analyzeLog: system.analyzeLog,
    readPackage: system.readPackage,
    now: system.now,
  };
}
