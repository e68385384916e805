// Report export: builds the model from a scan + journals, redacts it, writes HTML / JSON, or a streamed ZIP with every file.
import { readFileSync } from 'node:fs';
import { stat, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RedactionPreview } from '../../shared/contract/api.ts';
import type { Lang } from '../../shared/contract/ids.ts';
import type { ScanResult } from '../../shared/contract/scan.ts';
import { buildReportModel } from '../../shared/report/build-report.ts';
import type { Attachment, ReportModel } from '../../shared/report/report-schema.ts';
import { Redactor } from '../../shared/report/redaction/redactor.ts';
import type { Identities } from '../../shared/report/redaction/redaction-kinds.ts';
import { learnDeep, learnFromScan, redactReport } from '../../shared/report/redaction/redact-model.ts';
import { renderReportHtml } from '../../shared/report/html/render-report.ts';
import type { TranslateRef } from '../../shared/report/html/report-text.ts';
import { translate } from '../../shared/knowledge/texts.ts';
import { machineIdentities } from './report/machine-identities.ts';
import { readSessionJournals, type JournalFile } from './report/read-journals.ts';
import { learnFromFile, redactedFileChunks } from './report/redact-stream.ts';
import { ansiEncodingFor } from './report/text-encoding.ts';
import { ZipWriter } from './report/zip-writer.ts';
import { existingFile, logFilesOf, rawOutputText, zipEntryName, type ExternalReader } from './report/report-files.ts';
import type { FileSource } from './report/redact-stream.ts';

export type ReportFormat = 'html' | 'json' | 'zip';

export interface ReportServiceOptions {
  /** The app's data folder (journals live in <dataDir>/journals); null = no journals. */
  dataDir: string | null;
  /** Defaults to package.json's version. */
  appVersion?: string;
  /** Knowledge-base text lookup for evidence summaries, finding titles...; defaults to shared/knowledge/texts.ts. */
  translate?: TranslateRef;
  /** Identities to redact on top of what the scan and the machine reveal. */
  identities?: Partial<Identities>;
  now?: () => Date;
}

export interface ExportOptions {
  format: ReportFormat;
  redact: boolean;
  lang: Lang;
  outPath: string;
  /** The app's own log, attached (redacted) to a ZIP. */
  appLogPath: string | null;
  /** More log files to attach besides the scan's analysed logs and the recent logs found on disk. */
  logPaths?: string[];
  /** Reads logs that are not on this disk: the simulated machine's files. */
  readExternal?: ExternalReader;
}

export interface ReportService {
  previewRedaction(
    scan: ScanResult,
    options?: { appLogPath?: string | null; logPaths?: string[]; readExternal?: ExternalReader },
  ): Promise<RedactionPreview>;
  export(scan: ScanResult, options: ExportOptions): Promise<{ bytes: number }>;
}

/** Windows or POSIX file name (simulated machines use Windows paths whatever the host). */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

interface Session {
  scan: ScanResult;
  redactor: Redactor | null;
  journals: JournalFile[];
  logs: FileSource[];
  appLog: FileSource | null;
  ansi: ReturnType<typeof ansiEncodingFor>;
}

export function createReportService(options: ReportServiceOptions): ReportService {
  const appVersion = options.appVersion ?? packageVersion();
  const now = options.now ?? (() => new Date());
  const translateRef: TranslateRef = options.translate ?? translate;

  /** Collects every input, and (when redacting) teaches the redactor from all of it before anything is written. */
  async function open(
    scan: ScanResult,
    redact: boolean,
    appLogPath: string | null,
    logPaths: string[],
    readExternal: ExternalReader | null,
  ): Promise<Session> {
    const journals = options.dataDir ? await readSessionJournals(options.dataDir, scan.startedAt) : [];
    const logs = await logFilesOf(scan, logPaths, readExternal);
    const appLogFile = appLogPath ? await existingFile(appLogPath) : null;
    const appLog = appLogFile ? { path: appLogFile, bytes: null } : null;
    const ansi = ansiEncodingFor(scan.environment.windowsLanguage);
    let redactor: Redactor | null = null;
    if (redact) {
      redactor = new Redactor(machineIdentities(scan));
      if (options.identities) redactor.addIdentities(options.identities);
      learnFromScan(redactor, scan);
      for (const journal of journals) learnDeep(journal.entries, redactor);
      for (const file of [...logs, ...(appLog ? [appLog] : [])]) await learnFromFile(file, redactor, ansi);
    }
    return { scan, redactor, journals, logs, appLog, ansi };
  }

  function model(
    session: Session,
    lang: Lang,
    attachments: Attachment[],
    logEntries: Map<string, string>,
  ): ReportModel {
    const logFiles: Record<string, { bytes: number | null; attachedAs: string | null }> = {};
    for (const analysis of session.scan.logs) {
      const attachedAs = logEntries.get(resolve(analysis.file)) ?? logEntries.get(analysis.file) ?? null;
      logFiles[analysis.file] = { bytes: null, attachedAs };
    }
    const built = buildReportModel({
      scan: session.scan,
      appVersion,
      generatedAt: now().toISOString(),
      lang,
      journals: session.journals.map((j) => ({
        journalId: j.journalId,
        entries: j.entries,
        attachedAs: logEntries.get(j.path) ?? null,
      })),
      logFiles,
      attachments,
    });
    return session.redactor ? redactReport(built, session.redactor) : built;
  }

  async function writeZip(session: Session, outPath: string, lang: Lang): Promise<number> {
    const zip = await ZipWriter.create(outPath);
    const redact = (text: string) => (session.redactor ? session.redactor.redact(text) : text);
    const attachments: Attachment[] = [
      { path: 'report.html', kind: 'report', source: null },
      { path: 'report.json', kind: 'report', source: null },
    ];
    const entries = new Map<string, string>();
    try {
      // Files first, the report last: its redaction summary then counts what was replaced in every file.
      let n = 0;
      for (const file of session.logs) {
        const name = `logs/${++n}-${zipEntryName(redact(baseName(file.path)))}`;
        await zip.addStream(name, redactedFileChunks(file, session.redactor, session.ansi), 1);
        attachments.push({ path: name, kind: 'log', source: file.path });
        entries.set(file.path, name);
      }
      for (const evidence of session.scan.evidence) {
        if (evidence.raw.length === 0) continue;
        const name = `raw/${evidence.probe}.txt`;
        await zip.addText(name, redact(rawOutputText(evidence)));
        attachments.push({ path: name, kind: 'raw', source: null });
      }
      for (const journal of session.journals) {
        const name = `journals/${zipEntryName(journal.journalId)}.jsonl`;
        await zip.addStream(name, redactedFileChunks({ path: journal.path, bytes: null }, session.redactor, 'utf8'));
        attachments.push({ path: name, kind: 'journal', source: journal.path });
        entries.set(journal.path, name);
      }
      if (session.appLog) {
        const name = `app/${zipEntryName(redact(baseName(session.appLog.path)))}`;
        await zip.addStream(name, redactedFileChunks(session.appLog, session.redactor, session.ansi), 1);
        attachments.push({ path: name, kind: 'app-log', source: session.appLog.path });
      }
      const report = model(session, lang, attachments, entries);
      await zip.addText('report.json', JSON.stringify(report, null, 2) + '\n');
      await zip.addText('report.html', renderReportHtml(report, { translate: translateRef }));
      return await zip.close();
    } catch (error) {
      await zip.abort();
      await unlink(outPath).catch(() => undefined);
      throw error;
    }
  }

  return {
    async previewRedaction(scan, previewOptions = {}) {
      const session = await open(
        scan,
        true,
        previewOptions.appLogPath ?? null,
        previewOptions.logPaths ?? [],
        previewOptions.readExternal ?? null,
      );
      const redactor = session.redactor as Redactor;
      model(session, 'en', [], new Map());
      for (const evidence of scan.evidence) redactor.redact(rawOutputText(evidence));
      // Dry run over the files so the counts cover everything a ZIP would contain.
      const journals = session.journals.map((j) => ({ path: j.path, bytes: null }));
      for (const file of [...session.logs, ...journals, ...(session.appLog ? [session.appLog] : [])]) {
        for await (const _chunk of redactedFileChunks(file, redactor, session.ansi)) {
          // output discarded: only the redactor's counts matter here
        }
      }
      return redactor.preview();
    },

    async export(scan, exportOptions) {
      const { format, redact, lang, outPath } = exportOptions;
      const session = await open(
        scan,
        redact,
        exportOptions.appLogPath,
        exportOptions.logPaths ?? [],
        exportOptions.readExternal ?? null,
      );
      if (format === 'zip') return { bytes: await writeZip(session, outPath, lang) };
      const report = model(session, lang, [], new Map());
      const text =
        format === 'json'
          ? JSON.stringify(report, null, 2) + '\n'
          : renderReportHtml(report, { translate: translateRef });
      await writeFile(outPath, text, 'utf8');
      return { bytes: (await stat(outPath)).size };
    },
  };
}
