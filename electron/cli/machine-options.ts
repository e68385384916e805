// The machine options the CLI commands share (--simulate/--scenario/--code/--log/--msi/--lang): parsing, checks, opening the system, restoring a simulated machine saved by `fix`, scanning it.
import { existsSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError, parseArgsError, usageError, type CliIo } from './cli-types.ts';
import { cliText } from './cli-text.ts';
import { LANGS, type Lang } from '../../shared/contract/ids.ts';
import type { ScanRequest } from '../../shared/contract/scan.ts';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import type { ScanServiceOptions } from '../services/scan-service.ts';
import {
  SystemUnavailableError,
  createSystem,
  systemScanOptions,
  type SystemHandle,
} from '../services/system-factory.ts';
import { restoreSimulatedState, saveSimulatedState } from '../services/repair-system.ts';

/** The parseArgs definitions of the options that pick the machine. */
export const MACHINE_OPTIONS = {
  simulate: { type: 'string' },
  scenario: { type: 'string' },
} as const;

/** The parseArgs definitions of what every scan takes: the machine, the failure (codes, logs, .msi), elevation. */
export const SCAN_INPUT_OPTIONS = {
  ...MACHINE_OPTIONS,
  code: { type: 'string', multiple: true },
  log: { type: 'string', multiple: true },
  msi: { type: 'string' },
  'no-elevate': { type: 'boolean' },
} as const;

/** The machine the options name (none: this Windows machine). */
export interface MachineArgs {
  simulate?: string;
  scenario?: string;
}

/** What the scan request needs from the command's options. */
export interface RequestArgs {
  codes: string[];
  logs: string[];
  msi?: string;
  elevate: boolean;
}

/** The scan input of a command that scans: which machine, the failure, elevation. */
export interface ScanInputArgs extends MachineArgs, RequestArgs {}

/** Strict parseArgs whose errors become a one-line usage error that says where to look. */
export function parseCommandArgs<T extends ParseArgsConfig>(
  command: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw parseArgsError(command, error as Error & { code?: string });
  }
}

/** --simulate and --scenario both name the machine: only one of them. */
export function rejectTwoMachines(values: { simulate?: string | undefined; scenario?: string | undefined }): void {
  if (values.simulate !== undefined && values.scenario !== undefined) throw usageError('two-machines');
}

/** A string option given as `--flag ""` (or blanks) is a usage error. */
function rejectEmptyValues(flags: ReadonlyArray<readonly [flag: string, value: string | undefined]>): void {
  for (const [flag, value] of flags) {
    if (value !== undefined && value.trim() === '') throw usageError('needs-value', { flag });
  }
}

/**
 * The SCAN_INPUT_OPTIONS values checked (one machine; no empty --simulate/--scenario/--msi, nor any of the command's
 * `otherStrings`) and collected.
 */
export function scanInputArgs(
  values: {
    simulate?: string | undefined;
    scenario?: string | undefined;
    msi?: string | undefined;
    code?: string[] | undefined;
    log?: string[] | undefined;
    'no-elevate'?: boolean | undefined;
  },
  otherStrings: ReadonlyArray<readonly [flag: string, value: string | undefined]> = [],
): ScanInputArgs {
  rejectTwoMachines(values);
  rejectEmptyValues([
    ['--simulate', values.simulate],
    ['--scenario', values.scenario],
    ['--msi', values.msi],
    ...otherStrings,
  ]);
  return {
    codes: values.code ?? [],
    logs: values.log ?? [],
    elevate: !values['no-elevate'],
    ...givenMachineOptions(values),
  };
}

/** --lang checked against the supported languages; `showGiven` adds the rejected value to the message. */
export function parseLang(value: string | undefined, fallback: Lang, showGiven = false): Lang {
  const lang = value ?? fallback;
  if (!(LANGS as readonly string[]).includes(lang))
    throw showGiven
      ? usageError('lang-given', { langs: LANGS.join(', '), given: lang })
      : usageError('lang', { langs: LANGS.join(', ') });
  return lang as Lang;
}

/** The machine options that were given (absent ones stay absent, not undefined). */
export function givenMachineOptions(values: {
  simulate?: string | undefined;
  scenario?: string | undefined;
  msi?: string | undefined;
}): { simulate?: string; scenario?: string; msi?: string } {
  const given: { simulate?: string; scenario?: string; msi?: string } = {};
  if (values.simulate !== undefined) given.simulate = values.simulate;
  if (values.scenario !== undefined) given.scenario = values.scenario;
  if (values.msi !== undefined) given.msi = values.msi;
  return given;
}

/** Opens the machine the options name (this Windows machine when none); "cannot work here" is a usage error. */
export function openSystem(args: MachineArgs): SystemHandle {
  try {
    return createSystem({
      ...(args.simulate !== undefined ? { simulate: args.simulate } : {}),
      ...(args.scenario !== undefined ? { scenarioFile: args.scenario } : {}),
    });
  } catch (error) {
    if (error instanceof SystemUnavailableError) throw new CliUsageError(error.message);
    throw error;
  }
}

/**
 * After `msi-doctor fix` on a simulated machine, its changed state lives in the data folder: put it back so every
 * command sees the machine as repaired. True when a saved state was restored; throws when it is unreadable.
 */
export function restoreSavedMachine(system: SystemHandle, dataDir: string): boolean {
  const machine = system.simulation?.machine;
  return machine ? restoreSimulatedState(dataDir, machine) : false;
}

/** After a repair or undo on a simulated machine: keep its changed state in the data folder for the next command. */
export function saveChangedMachine(system: SystemHandle, dataDir: string): void {
  const machine = system.simulation?.machine;
  if (machine) saveSimulatedState(dataDir, machine);
}

/** restoreSavedMachine for commands that only read: an unreadable saved state is a note on stderr, not a failure. */
export function restoreSavedMachineOrWarn(
  system: SystemHandle,
  dataDir: string,
  io: CliIo,
  note: { command: string; lang: Lang },
): boolean {
  try {
    return restoreSavedMachine(system, dataDir);
  } catch {
    io.stderr.write(`${cliText('cli.saved-machine-unreadable', note.lang, { command: note.command })}\n`);
    return false;
  }
}

/** A path the scan can read: on the simulated disk (simulated machine) or on this computer. */
function fileExists(path: string, system: SystemHandle): boolean {
  if (system.simulation?.machine.exists(path)) return !system.simulation.machine.isDirectory(path);
  return existsSync(path) && statSync(path).isFile();
}

/** The request: the user's options, else (simulated) the scenario's own symptom, logs and package. */
export function buildRequest(args: RequestArgs, system: SystemHandle): Partial<ScanRequest> {
  const scenario = system.simulation?.loaded.scenario;
  const useScenario = scenario && args.codes.length === 0 && args.logs.length === 0 && args.msi === undefined;
  const request: Partial<ScanRequest> = {
    symptom: useScenario ? scenario.expect.symptom : args.codes.join(' '),
    logPaths: useScenario ? scenario.logPaths : args.logs,
    msiPath: useScenario ? scenario.msiPath : (args.msi ?? null),
    allowElevation: args.elevate,
  };
  for (const log of args.logs) if (!fileExists(log, system)) throw usageError('log-not-found', { file: log });
  if (args.msi !== undefined && !fileExists(args.msi, system)) throw usageError('msi-not-found', { file: args.msi });
  return request;
}

/** The scan service's options for this machine, its diagnosis told which machine and which .msi it is about. */
export async function machineScanOptions(
  system: SystemHandle,
  request: Partial<ScanRequest>,
): Promise<ScanServiceOptions> {
  // systemScanOptions reads the real user's SID and an already-elevated app once before the scan.
  return {
    ...(await systemScanOptions(system)),
    parseSymptom,
    diagnose: (input) => diagnose({ ...input, environment: system.environment, msiPath: request.msiPath ?? null }),
  };
}
