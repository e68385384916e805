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
import { translate } from '../../../shared/knowledge/texts.ts';
import { probeName, statusWord } from '../../../shared/knowledge/words.ts';
import { cliText, helpText, langOf } from '../cli-text.ts';
import { pick } from '../../../shared/knowledge/local-text.ts';
import { usageError } from '../cli-types.ts';
import { briefLine, hasIssue, writeResultFile } from '../fleet-output.ts';

export const SCAN_HELP = helpText('scan', 'en');

export interface ScanArgs extends ScanInputArgs {
  json: boolean;
  /** Also write the result file into this folder (fleet use). */
  resultsDir?: string;
  /** Exit with this code when an issue is found (Intune Remediations detection). */
  issueExitCode?: number;
  /** One line instead of the full text. */
  brief?: boolean;
  /** Language of the human output (default en). */
  lang?: Lang;
}

export function parseScanArgs(argv: string[]): ScanArgs | 'help' | { list: Lang } {
  const { values } = parseCommandArgs('scan', {
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      ...SCAN_INPUT_OPTIONS,
      json: { type: 'boolean' },
      lang: { type: 'string' },
      'list-scenarios': { type: 'boolean' },
      'results-dir': { type: 'string' },
      'issue-exit-code': { type: 'string' },
      brief: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (values['list-scenarios']) return { list: parseLang(values.lang, 'en') };
  const input = scanInputArgs(values);
  const args: ScanArgs = { ...input, json: Boolean(values.json), lang: parseLang(values.lang, 'en') };
  if (values.brief) {
    if (args.json) throw usageError('scan.json-or-brief');
    args.brief = true;
  }
  if (values['results-dir'] !== undefined) {
    if (!values['results-dir'].trim()) throw usageError('scan.results-dir-empty');
    args.resultsDir = values['results-dir'];
  }
  if (values['issue-exit-code'] !== undefined) {
    const code = values['issue-exit-code'].trim();
    if (!/^\d{1,3}$/.test(code) || Number(code) < 1 || Number(code) > 255)
      throw usageError('scan.issue-exit-code', { value: values['issue-exit-code'] });
    args.issueExitCode = Number(code);
  }
  return args;
}

export const scanCommand: CliCommand = async (argv, io) => {
  const args = parseScanArgs(argv);
  if (args === 'help') {
    io.stdout.write(helpText('scan', langOf(argv)));
    return 0;
  }
  if ('list' in args) {
    for (const name of builtinScenarios()) {
      let title = '';
      try {
        title = pick(loadScenario(name).scenario.title, args.list);
      } catch {
        title = cliText('cli.scan.scenario-invalid', args.list);
      }
      io.stdout.write(`${name.padEnd(34)} ${title}\n`);
    }
    return 0;
  }
  const system = openSystem(args);
  // After `msi-doctor fix` on a simulated machine, its changed state lives in the data folder: scan that machine,
  // so fix -> scan shows the repair (as `report` and `undo` do).
  if (restoreSavedMachineOrWarn(system, defaultDataDir(), io, { command: 'scan', lang: args.lang ?? 'en' }))
    io.stderr.write(`${cliText('cli.scan.saved-machine', args.lang ?? 'en', { dir: defaultDataDir() })}\n`);
  const request = buildRequest(args, system);
  const progress =
    io.stderr.isTTY && !args.json ? (e: ScanProgress) => writeProgress(io.stderr, e, args.lang ?? 'en') : undefined;
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const result = await runScan(request, await machineScanOptions(system, request), {
      signal: controller.signal,
      ...(progress ? { onProgress: progress } : {}),
    });
    const lang = args.lang ?? 'en';
    io.stdout.write(
      args.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : args.brief
          ? `${briefLine(result, lang)}\n`
          : renderScan(result, lang),
    );
    if (args.resultsDir) {
      try {
        const file = await writeResultFile(args.resultsDir, result);
        io.stderr.write(`${cliText('cli.scan.result-written', lang, { file })}\n`);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw usageError('scan.cannot-write-result', { dir: args.resultsDir, code: String(code) });
      }
    }
    return args.issueExitCode !== undefined && hasIssue(result) ? args.issueExitCode : 0;
  } catch (error) {
    if (error instanceof ScanCancelledError) {
      io.stderr.write(`${cliText('cli.scan.cancelled', args.lang ?? 'en')}\n`);
      return 130;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
};

function writeProgress(stream: NodeJS.WritableStream, event: ScanProgress, lang: Lang): void {
  const name = translate(probeName(event.probe), lang);
  if (event.phase === 'started')
    stream.write(
      `${cliText(event.elevated ? 'cli.progress.started-admin' : 'cli.progress.started', lang, { name })}\n`,
    );
  else if (event.phase === 'finished') {
    const status = event.evidence ? translate(statusWord(event.evidence.status), lang) : '?';
    stream.write(`  ${cliText('cli.progress.finished', lang, { name, status, ms: event.durationMs ?? 0 })}\n`);
  }
}
