// `msi-doctor report`: scans (real or simulated machine), analyses the logs, diagnoses, then writes an HTML / JSON / ZIP report.
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { cliText, defaultLang, helpText, langOf } from '../cli-text.ts';
import { translate } from '../../../shared/knowledge/texts.ts';
import { usageError, type CliCommand } from '../cli-types.ts';
import type { Lang } from '../../../shared/contract/ids.ts';
import { runScan } from '../../services/scan-service.ts';
import { createReportService, type ReportFormat } from '../../services/report-service.ts';
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

export const REPORT_HELP = helpText('report', 'en');

/** The warning printed before an unredacted report (cli.report.no-redact). */
export const noRedactWarning = (lang: Lang): string => cliText('cli.report.no-redact', lang);

interface ReportArgs extends ScanInputArgs {
  out: string;
  format: ReportFormat;
  redact: boolean;
  lang: Lang;
  appLog: string | null;
}

export function parseReportArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): ReportArgs | 'help' {
  const { values } = parseCommandArgs('report', {
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      ...SCAN_INPUT_OPTIONS,
      out: { type: 'string', short: 'o' },
      'no-redact': { type: 'boolean' },
      lang: { type: 'string' },
      'app-log': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const input = scanInputArgs(values, [
    ['--out', values.out],
    ['--app-log', values['app-log']],
  ]);
  const lang = parseLang(values.lang, defaultLang(env), true);
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const out = resolve(values.out ?? `msi-doctor-report-${stamp}.zip`);
  const extension = extname(out).toLowerCase().slice(1);
  if (extension !== 'zip' && extension !== 'html' && extension !== 'json') {
    throw usageError('report.out-extension', { extension: extname(out) || '@cli.error.report.no-extension' });
  }
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory())
    throw usageError('report.out-folder-not-found', { dir: dirname(out) });
  if (existsSync(out) && statSync(out).isDirectory()) throw usageError('report.out-is-folder', { file: out });
  const appLog = values['app-log'] ?? null;
  if (appLog !== null && !(existsSync(appLog) && statSync(appLog).isFile()))
    throw usageError('report.app-log-not-found', { file: appLog });
  return { ...input, out, format: extension, redact: !values['no-redact'], lang, appLog };
}

export const reportCommand: CliCommand = async (argv, io) => {
  const args = parseReportArgs(argv);
  if (args === 'help') {
    io.stdout.write(helpText('report', langOf(argv, defaultLang(process.env))));
    return 0;
  }
  const system = openSystem(args);
  const request = buildRequest(args, system);
  if (!args.redact) io.stderr.write(`${noRedactWarning(args.lang)}\n`);
  // Journals live in the data folder; after `msi-doctor fix`, a simulated machine lives on there too (report it as repaired).
  const dataDir = defaultDataDir();
  const machine = system.simulation?.machine ?? null;
  restoreSavedMachineOrWarn(system, dataDir, io, { command: 'report', lang: args.lang });
  const scan = await runScan(request, await machineScanOptions(system, request));
  const service = createReportService({ dataDir });
  const { bytes } = await service.export(scan, {
    format: args.format,
    redact: args.redact,
    lang: args.lang,
    outPath: args.out,
    appLogPath: args.appLog,
    logPaths: args.logs,
    readExternal: machine ? (path) => machine.readFile(path) : undefined,
  });
  const top = scan.findings[0];
  const lang = args.lang;
  const finding = top
    ? cliText('cli.report.finding', lang, {
        title: translate(top.title, lang),
        confidence: Math.round(top.confidence * 100),
      })
    : cliText('cli.fix.nothing.none', lang);
  const written = cliText('cli.report.written', lang, {
    file: args.out,
    format: args.format.toUpperCase(),
    size: cliText('cli.report.size', lang, { bytes }),
    redaction: cliText(args.redact ? 'cli.report.redacted' : 'cli.report.not-redacted', lang),
    lang,
  });
  const simulated =
    scan.environment.kind === 'simulated'
      ? [cliText('cli.report.simulated', lang, { scenario: scan.environment.scenario ?? '' })]
      : [];
  const summary = cliText('cli.report.summary', lang, { count: scan.evidence.length, logs: scan.logs.length, finding });
  io.stdout.write(`${[written, ...simulated, summary].join('\n')}\n`);
  return 0;
};
