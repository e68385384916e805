// `msi-doctor report`: scans (real or simulated machine), analyses the logs, diagnoses, then writes an HTML / JSON / ZIP report.
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { cliText } from '../cli-text.ts';
import { translate } from '../../../shared/knowledge/texts.ts';
import { CliUsageError, type CliCommand } from '../cli-types.ts';
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

export const REPORT_HELP = `Usage: msi-doctor report [--simulate NAME | --scenario FILE] [--code CODE] [--log FILE] [--msi FILE]
                         [--out FILE.zip|.html|.json] [--no-redact] [--lang en|zh-CN] [--no-elevate] [--app-log FILE]

Scans the machine, analyses the logs, diagnoses, and writes a report to send to a helpdesk or a vendor.
  .zip   report.html + report.json + the full MSI logs + raw outputs of every check + repair journals + app log
  .html  one self-contained page (no scripts, works offline, prints to PDF)
  .json  the whole report for tools (schema msi-doctor/report@1)

Personal data is redacted by default: user names and profile folders, computer name, domain, user SIDs,
e-mail, IP and MAC addresses, passwords and other secret installer properties become <user-1>, <secret-1>...

  --simulate NAME     report on a built-in simulated machine (msi-doctor scan --list-scenarios)
  --scenario FILE     report on a simulated machine described by a scenario JSON file
  --code CODE         the error you saw (2503, 1618, 0x80070643...); repeatable
  --log FILE          an MSI or Burn log to analyse and attach; repeatable
  --msi FILE          the .msi that failed
  --out FILE          where to write; the extension picks the format (default: msi-doctor-report-<time>.zip)
  --no-redact         keep personal data and secrets (a warning is printed)
  --lang LANG         en or zh-CN (default: from LANG, else en)
  --no-elevate        skip the administrator prompt; the report says what could not be checked
  --app-log FILE      MSI Doctor's own log to attach to a ZIP (redacted)
  -h, --help          show this help

Repair journals of the last 24 hours (msi-doctor fix / undo) are included. Data folder: MSI_DOCTOR_DATA_DIR,
else the OS application-data folder.

Exit status: 0 when the report was written, 2 on bad input.
`;

/** The warning printed before an unredacted report (cli.report.no-redact). */
export const noRedactWarning = (lang: Lang): string => cliText('cli.report.no-redact', lang);

interface ReportArgs extends ScanInputArgs {
  out: string;
  format: ReportFormat;
  redact: boolean;
  lang: Lang;
  appLog: string | null;
}

function defaultLang(env: NodeJS.ProcessEnv): Lang {
  return /^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh-CN' : 'en';
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
    throw new CliUsageError(`--out must end in .zip, .html or .json (got "${extname(out) || 'no extension'}")`);
  }
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory())
    throw new CliUsageError(`folder not found for --out: ${dirname(out)}`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new CliUsageError(`--out is a folder: ${out}`);
  const appLog = values['app-log'] ?? null;
  if (appLog !== null && !(existsSync(appLog) && statSync(appLog).isFile()))
    throw new CliUsageError(`app log not found: ${appLog}`);
  return { ...input, out, format: extension, redact: !values['no-redact'], lang, appLog };
}

export const reportCommand: CliCommand = async (argv, io) => {
  const args = parseReportArgs(argv);
  if (args === 'help') {
    io.stdout.write(REPORT_HELP);
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
