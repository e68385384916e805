// `msi-doctor scan`: probes the real Windows machine or a simulated one, prints each probe's status and key facts (or JSON).
import type { CliCommand } from '../cli-types.ts';
import type { ScanProgress } from '../../../shared/contract/scan.ts';
import type { Lang } from '../../../shared/contract/ids.ts';
import { runScan, ScanCancelledError } from '../../services/scan-service.ts';
import { builtinScenarios } from '../../services/system-factory.ts';
import { loadScenario } from '../../system/simulated/index.ts';
import { defaultDataDir } from '../../services/data-dir.ts';
import {
  SCAN_INPUT_OPTIONS,
  buildRequest,
  machineScanOptions,
  openSystem,
  parseCommandArgs,
  parseLang,
  restoreSavedMachineOrWarn,
  scanInputArgs,
  type ScanInputArgs,
} from '../machine-options.ts';
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

export interface ScanArgs extends ScanInputArgs {
  json: boolean;
  /** Language of the human output (default en). */
  lang?: Lang;
}

export function parseScanArgs(argv: string[]): ScanArgs | 'help' | 'list' {
  const { values } = parseCommandArgs('scan', {
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      ...SCAN_INPUT_OPTIONS,
      json: { type: 'boolean' },
      lang: { type: 'string' },
      'list-scenarios': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (values['list-scenarios']) return 'list';
  const input = scanInputArgs(values);
  return { ...input, json: Boolean(values.json), lang: parseLang(values.lang, 'en') };
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
  const system = openSystem(args);
  // After `msi-doctor fix` on a simulated machine, its changed state lives in the data folder: scan that machine,
  // so fix -> scan shows the repair (as `report` and `undo` do).
  if (
    restoreSavedMachineOrWarn(system, defaultDataDir(), io, {
      command: 'scan',
      asBuilt: 'scanning the scenario as built',
    })
  )
    io.stderr.write(
      `msi-doctor scan: using the simulated machine as changed by earlier repairs (${defaultDataDir()})\n`,
    );
  const request = buildRequest(args, system);
  const progress = io.stderr.isTTY && !args.json ? (e: ScanProgress) => writeProgress(io.stderr, e) : undefined;
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const result = await runScan(request, await machineScanOptions(system, request), {
      signal: controller.signal,
      ...(progress ? { onProgress: progress } : {}),
    });
    io.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : renderScan(result, args.lang ?? 'en'));
    return 0;
  } catch (error) {
    if (error instanceof ScanCancelledError) {
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
