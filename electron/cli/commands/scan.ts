// `msi-doctor scan`: probes the real Windows machine or a simulated one, prints each probe's status and key facts (or JSON).
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliUsageError, type CliCommand } from '../cli-types.ts';
import type { ScanProgress, ScanRequest } from '../../../shared/contract/scan.ts';
import { LANGS, type Lang } from '../../../shared/contract/ids.ts';
import { parseSymptom } from '../../../shared/diagnosis/symptom.ts';
import { diagnose } from '../../../shared/diagnosis/diagnose.ts';
import { runScan, type DiagnosisInput } from '../../services/scan-service.ts';
import {
  SystemUnavailableError,
  builtinScenarios,
  createSystem,
  systemScanOptions,
  type SystemHandle,
} from '../../services/system-factory.ts';
import { loadScenario } from '../../system/simulated/index.ts';
import { defaultDataDir } from '../../services/data-dir.ts';
import { restoreSimulatedState } from '../../services/repair-system.ts';
import { renderScan } from './scan-render.ts';

export const SCAN_HELP = `Usage: msi-doctor scan [--simulate NAME | --scenario FILE] [--code CODE] [--log FILE] [--msi FILE]
                       [--no-elevate] [--json] [--lang en|zh-CN] [--list-scenarios]

Checks the machine the way an expert would: Windows Installer service, install in progress, pending reboot,
temp folders and their permissions, elevation, policies, installer events, recent logs, installed versions.
On Windows it probes this machine (one administrator prompt for the checks that need it); elsewhere it needs
a simulated machine.

  --simulate NAME     scan a built-in simulated machine (see --list-scenarios)
  --scenario FILE     scan a simulated machine described by a scenario JSON file
  --code CODE         the error you saw (2503, 1618, 0x80070643, "错误 2503"...); repeatable
  --log FILE          an MSI or Burn log to analyze with the scan; repeatable
  --msi FILE          the .msi that failed (to compare with installed versions)
  --no-elevate        skip the administrator prompt; the report says what could not be checked
  --json              print the result as JSON (schema msi-doctor/scan@1)
  --lang LANG         language of the summaries: en (default) or zh-CN
  --list-scenarios    list the built-in simulated machines
  -h, --help          show this help

With --simulate/--scenario and no --code/--log/--msi, the scenario's own symptom, logs and package are used.
Exit status: 0 when the scan completed (whatever it found), 2 on bad input.
`;

export interface ScanArgs {
  simulate?: string;
  scenario?: string;
  codes: string[];
  logs: string[];
  msi?: string;
  elevate: boolean;
  json: boolean;
  /** Language of the human output (default en). */
  lang?: Lang;
}

export function parseScanArgs(argv: string[]): ScanArgs | 'help' | 'list' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        simulate: { type: 'string' },
        scenario: { type: 'string' },
        code: { type: 'string', multiple: true },
        log: { type: 'string', multiple: true },
        msi: { type: 'string' },
        'no-elevate': { type: 'boolean' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        'list-scenarios': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // parseArgs messages are already one line ("Unknown option '--x'"); keep them, add where to look.
    throw new CliUsageError(`${(error as Error).message.split('\n')[0]} (see msi-doctor scan --help)`);
  }
  if (values.help) return 'help';
  if (values['list-scenarios']) return 'list';
  if (values.simulate !== undefined && values.scenario !== undefined)
    throw new CliUsageError('use either --simulate NAME or --scenario FILE, not both');
  for (const [flag, value] of [
    ['--simulate', values.simulate],
    ['--scenario', values.scenario],
    ['--msi', values.msi],
  ] as const) {
    if (value !== undefined && value.trim() === '') throw new CliUsageError(`${flag} needs a value`);
  }
  const lang = values.lang ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang))
    throw new CliUsageError(`--lang must be one of ${LANGS.join(', ')}`);
  const args: ScanArgs = {
    codes: values.code ?? [],
    logs: values.log ?? [],
    elevate: !values['no-elevate'],
    json: Boolean(values.json),
    lang: lang as Lang,
  };
  if (values.simulate !== undefined) args.simulate = values.simulate;
  if (values.scenario !== undefined) args.scenario = values.scenario;
  if (values.msi !== undefined) args.msi = values.msi;
  return args;
}

/** A path the scan can read: on the simulated disk (simulated machine) or on this computer. */
function fileExists(path: string, system: SystemHandle): boolean {
  if (system.simulation?.machine.exists(path)) return !system.simulation.machine.isDirectory(path);
  return existsSync(path) && statSync(path).isFile();
}

/** The request: the user's options, else (simulated) the scenario's own symptom, logs and package. */
export function buildRequest(args: ScanArgs, system: SystemHandle): Partial<ScanRequest> {
  const scenario = system.simulation?.loaded.scenario;
  const useScenario = scenario && args.codes.length === 0 && args.logs.length === 0 && args.msi === undefined;
  const request: Partial<ScanRequest> = {
    symptom: useScenario ? scenario.expect.symptom : args.codes.join(' '),
    logPaths: useScenario ? scenario.logPaths : args.logs,
    msiPath: useScenario ? scenario.msiPath : (args.msi ?? null),
    allowElevation: args.elevate,
  };
  for (const log of args.logs) if (!fileExists(log, system)) throw new CliUsageError(`log file not found: ${log}`);
  if (args.msi !== undefined && !fileExists(args.msi, system))
    throw new CliUsageError(`.msi file not found: ${args.msi}`);
  return request;
}

export const scanCommand: CliCommand = async (argv, io) => {
  const args = parseScanArgs(argv);
  if (args === 'help') {
    io.stdout.write(SCAN_HELP);
    return 0;
  }
  if (args === 'list') {
    for (const name of builtinScenarios()) {
      let title = '';
      try {
        title = loadScenario(name).scenario.title;
      } catch {
        title = '(invalid scenario file)';
      }
      io.stdout.write(`${name.padEnd(34)} ${title}\n`);
    }
    return 0;
  }
  let system: SystemHandle;
  try {
    system = createSystem({
      ...(args.simulate !== undefined ? { simulate: args.simulate } : {}),
      ...(args.scenario !== undefined ? { scenarioFile: args.scenario } : {}),
    });
  } catch (error) {
    if (error instanceof SystemUnavailableError) throw new CliUsageError(error.message);
    throw error;
  }
  // After `msi-doctor fix` on a simulated machine, its changed state lives in the data folder: scan that machine,
  // so fix -> scan shows the repair (as `report` and `undo` do).
  const machine = system.simulation?.machine ?? null;
  if (machine) {
    try {
      if (restoreSimulatedState(defaultDataDir(), machine))
        io.stderr.write(
          `msi-doctor scan: using the simulated machine as changed by earlier repairs (${defaultDataDir()})\n`,
        );
    } catch {
      io.stderr.write('msi-doctor scan: the saved simulated machine is unreadable; scanning the scenario as built\n');
    }
  }
  const request = buildRequest(args, system);
  const progress = io.stderr.isTTY && !args.json ? (e: ScanProgress) => writeProgress(io.stderr, e) : undefined;
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const diagnoseHere = (input: DiagnosisInput) =>
      diagnose({ ...input, environment: system.environment, msiPath: request.msiPath ?? null });
    const result = await runScan(
      request,
      { ...(await systemScanOptions(system)), parseSymptom, diagnose: diagnoseHere },
      {
        signal: controller.signal,
        ...(progress ? { onProgress: progress } : {}),
      },
    );
    io.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : renderScan(result, args.lang ?? 'en'));
    return 0;
  } catch (error) {
    if ((error as Error).name === 'AbortError') {
      io.stderr.write('msi-doctor scan: cancelled\n');
      return 130;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
};

function writeProgress(stream: NodeJS.WritableStream, event: ScanProgress): void {
  if (event.phase === 'started') stream.write(`… ${event.probe}${event.elevated ? ' (elevated)' : ''}\n`);
  else if (event.phase === 'finished')
    stream.write(`  ${event.probe}: ${event.evidence?.status ?? '?'} (${event.durationMs ?? 0} ms)\n`);
}
