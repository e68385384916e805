// Report export: builds the model from a scan + journals, redacts it, writes HTML / JSON, or a streamed ZIP with every file.
import { stat, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
// Inlined by the bundles (CLI, Electron main), where a path relative to this source file would not exist.
import packageJson from '../../package.json' with { type: 'json' };
import type { RedactionPreview } from '../../shared/contract/api.ts';
import type { Lang } from '../../shared/contract/ids.ts';
import type { ScanResult } from '../../shared/contract/scan.ts';
import type { SessionRecord } from '../../shared/contract/session.ts';
import { buildReportModel, type BuildReportInput } from '../../shared/report/build-report.ts';
import type { Attachment, LogCopy, ReportModel } from '../../shared/report/report-schema.ts';
import { Redactor } from '../../shared/report/redaction/redactor.ts';
import type { Identities } from '../../shared/report/redaction/redaction-kinds.ts';
import { learnDeep, learnFromScan, redactDeep, redactReport } from '../../shared/report/redaction/redact-model.ts';
import { renderReportHtml } from '../../shared/report/html/render-report.ts';
import type { TranslateRef } from '../../shared/report/html/report-text.ts';
import { translate } from '../../shared/knowledge/texts.ts';
import { machineIdentities } from './report/machine-identities.ts';
import { readSessionJournals, type JournalFile } from './report/read-journals.ts';
import { learnFromFile, redactedFileChunks, type FileReading, type StreamOptions } from './report/redact-stream.ts';
import { ScanPool } from './report/scan-pool.ts';
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
  /** Worker threads that scan big logs (default: one per core besides the calling thread's); 0 = all on this thread. */
  scanThreads?: number;
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
  /** The wizard session the report is about: only its repair journals are included (journals carry it). */
  sessionId?: string | null;
  /** The session's record: the report tells its story (found, did, verified, still worth knowing). */
  session?: SessionRecord | null;
}

export interface ReportService {
  previewRedaction(
    scan: ScanResult,
    options?: {
      appLogPath?: string | null;
      logPaths?: string[];
      readExternal?: ExternalReader;
      sessionId?: string | null;
      session?: SessionRecord | null;
    },
  ): Promise<RedactionPreview>;
  export(scan: ScanResult, options: ExportOptions): Promise<{ bytes: number }>;
}

/** Windows or POSIX file name (simulated machines use Windows paths whatever the host). */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** A file attached to the ZIP, with what the learning pass found out about its encoding (null when not redacting). */
interface SessionFile {
  source: FileSource;
  reading: FileReading | null;
}

/** Files from this size on are scanned on worker threads (below it, starting the threads costs more than it saves). */
const THREADED_BYTES = 8 << 20;

/** Streams big files with the export's scan pool, small ones on the calling thread. */
async function streamOptionsFor(source: FileSource, pool: ScanPool | null): Promise<StreamOptions> {
  if (!pool) return {};
  const size = source.bytes
    ? source.bytes.length
    : await stat(source.path).then(
        (s) => s.size,
        () => 0,
      );
  return size >= THREADED_BYTES ? { pool } : {};
}

interface Session {
  scan: ScanResult;
  record: SessionRecord | null;
  redactor: Redactor | null;
  journals: JournalFile[];
  logs: SessionFile[];
  appLog: SessionFile | null;
  ansi: ReturnType<typeof ansiEncodingFor>;
  /** Worker threads for the scans of big files (started on first use, closed when the export ends). */
  pool: ScanPool | null;
}

/** Where a log's copy went in the ZIP and what it holds. */
interface LogEntry {
  attachedAs: string;
  copy: LogCopy;
}

/** The copy of a file as written: its regions, what was left out, and its encoding when converted. */
function copyOf(file: SessionFile): LogCopy {
  const regions = file.reading?.regions;
  if (!regions) return { regions: [], droppedBytes: 0, convertedTo: null };
  return {
    regions: regions.regions.map((r) => r.encoding),
    droppedBytes: regions.droppedBytes,
    convertedTo: regions.uniform ? null : 'UTF-8',
  };
}

/** A journal's records as JSON lines, each record redacted as data (its keys say what a value is). */
async function* journalLines(journal: JournalFile, redactor: Redactor): AsyncGenerator<Uint8Array> {
  for (const entry of journal.entries) yield Buffer.from(JSON.stringify(redactDeep(entry, redactor)) + '\n', 'utf8');
}

export function createReportService(options: ReportServiceOptions): ReportService {
  const appVersion = options.appVersion ?? packageJson.version;
  const now = options.now ?? (() => new Date());
  const translateRef: TranslateRef = options.translate ?? translate;
  const newPool = () =>
    options.scanThreads === 0
      ? null
      : options.scanThreads === undefined
        ? ScanPool.threads()
        : ScanPool.threads(options.scanThreads);

  /** Collects every input, and (when redacting) teaches the redactor from all of it before anything is written. */
  async function open(
    scan: ScanResult,
    redact: boolean,
    appLogPath: string | null,
    logPaths: string[],
    readExternal: ExternalReader | null,
    sessionId: string | null,
    record: SessionRecord | null,
    pool: ScanPool | null,
  ): Promise<Session> {
    const journals = options.dataDir ? await readSessionJournals(options.dataDir, scan, sessionId) : [];
    const logs: SessionFile[] = (await logFilesOf(scan, logPaths, readExternal)).map((source) => ({
      source,
      reading: null,
    }));
    const appLogFile = appLogPath ? await existingFile(appLogPath) : null;
    const appLog: SessionFile | null = appLogFile ? { source: { path: appLogFile, bytes: null }, reading: null } : null;
    const ansi = ansiEncodingFor(scan.environment.windowsLanguage);
    let redactor: Redactor | null = null;
    if (redact) {
      redactor = new Redactor(machineIdentities(scan));
      if (options.identities) redactor.addIdentities(options.identities);
      learnFromScan(redactor, scan);
      if (record) learnDeep(record, redactor);
      for (const journal of journals) learnDeep(journal.entries, redactor);
      for (const file of [...logs, ...(appLog ? [appLog] : [])]) {
        try {
          file.reading = await learnFromFile(file.source, redactor, ansi, await streamOptionsFor(file.source, pool));
        } catch {
          file.reading = null; // unreadable after all (permissions, removed): left out, and the report says so
        }
      }
    }
    const readable = (file: SessionFile) => !redact || file.reading !== null;
    return {
      scan,
      record,
      redactor,
      journals,
      logs: logs.filter(readable),
      appLog: appLog && readable(appLog) ? appLog : null,
      ansi,
      pool,
    };
  }

  function model(
    session: Session,
    lang: Lang,
    attachments: Attachment[],
    logEntries: Map<string, LogEntry>,
    journalEntries: Map<string, string>,
  ): ReportModel {
    const logFiles: BuildReportInput['logFiles'] = {};
    for (const analysis of session.scan.logs) {
      const entry = logEntries.get(resolve(analysis.file)) ?? logEntries.get(analysis.file) ?? null;
      logFiles[analysis.file] = {
        bytes: analysis.byteCount ?? null,
        attachedAs: entry?.attachedAs ?? null,
        copy: entry?.copy ?? null,
      };
    }
    const built = buildReportModel({
      scan: session.scan,
      session: session.record,
      appVersion,
      generatedAt: now().toISOString(),
      lang,
      journals: session.journals.map((j) => ({
        journalId: j.journalId,
        entries: j.entries,
        attachedAs: journalEntries.get(j.path) ?? null,
      })),
      logFiles,
      attachments,
    });
    return session.redactor ? redactReport(built, session.redactor) : built;
  }

  async function writeZip(session: Session, outPath: string, lang: Lang): Promise<number> {
    const zip = await ZipWriter.create(outPath);
    const redactor = session.redactor;
    const redact = (text: string) => (redactor ? redactor.redact(text) : text);
    const attachments: Attachment[] = [
      { path: 'report.html', kind: 'report', source: null },
      { path: 'report.json', kind: 'report', source: null },
    ];
    const logEntries = new Map<string, LogEntry>();
    const journalEntries = new Map<string, string>();
    const addFile = async (file: SessionFile, name: string) => {
      const stream = await streamOptionsFor(file.source, session.pool);
      await zip.addStream(name, redactedFileChunks(file.source, redactor, session.ansi, file.reading, stream), 1);
    };
    try {
      // Files first, the report last: its redaction summary then counts what was replaced in every file.
      let n = 0;
      for (const file of session.logs) {
        const name = `logs/${++n}-${zipEntryName(redact(baseName(file.source.path)))}`;
        await addFile(file, name);
        attachments.push({ path: name, kind: 'log', source: file.source.path });
        logEntries.set(file.source.path, { attachedAs: name, copy: copyOf(file) });
      }
      for (const evidence of session.scan.evidence) {
        if (evidence.raw.length === 0) continue;
        const name = `raw/${evidence.probe}.txt`;
        await zip.addText(name, redact(rawOutputText(evidence)));
        attachments.push({ path: name, kind: 'raw', source: null });
      }
      for (const journal of session.journals) {
        const name = `journals/${zipEntryName(redact(journal.journalId))}.jsonl`;
        const source = { path: journal.path, bytes: null };
        await zip.addStream(
          name,
          redactor ? journalLines(journal, redactor) : redactedFileChunks(source, null, 'windows-1252'),
        );
        attachments.push({ path: name, kind: 'journal', source: journal.path });
        journalEntries.set(journal.path, name);
      }
      if (session.appLog) {
        const name = `app/${zipEntryName(redact(baseName(session.appLog.source.path)))}`;
        await addFile(session.appLog, name);
        attachments.push({ path: name, kind: 'app-log', source: session.appLog.source.path });
      }
      const report = model(session, lang, attachments, logEntries, journalEntries);
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
      const pool = newPool();
      try {
        const session = await open(
          scan,
          true,
          previewOptions.appLogPath ?? null,
          previewOptions.logPaths ?? [],
          previewOptions.readExternal ?? null,
          previewOptions.sessionId ?? null,
          previewOptions.session ?? null,
          pool,
        );
        const redactor = session.redactor as Redactor;
        model(session, 'en', [], new Map(), new Map());
        for (const evidence of scan.evidence) redactor.redact(rawOutputText(evidence));
        for (const journal of session.journals) for (const entry of journal.entries) redactDeep(entry, redactor);
        // Dry run over the files so the counts cover everything a ZIP would contain.
        for (const file of [...session.logs, ...(session.appLog ? [session.appLog] : [])]) {
          const stream = await streamOptionsFor(file.source, pool);
          for await (const _chunk of redactedFileChunks(file.source, redactor, session.ansi, file.reading, stream)) {
            // output discarded: only the redactor's counts matter here
          }
        }
        return redactor.preview();
      } finally {
        await pool?.close();
      }
    },

    async export(scan, exportOptions) {
      const { format, redact, lang, outPath } = exportOptions;
      const pool = newPool();
      try {
        const session = await open(
          scan,
          redact,
          exportOptions.appLogPath,
          exportOptions.logPaths ?? [],
          exportOptions.readExternal ?? null,
          exportOptions.sessionId ?? null,
          exportOptions.session ?? null,
          pool,
        );
        if (format === 'zip') return { bytes: await writeZip(session, outPath, lang) };
        const report = model(session, lang, [], new Map(), new Map());
        const text =
          format === 'json'
            ? JSON.stringify(report, null, 2) + '\n'
            : renderReportHtml(report, { translate: translateRef });
        await writeFile(outPath, text, 'utf8');
        return { bytes: (await stat(outPath)).size };
      } finally {
        await pool?.close();
      }
    },
  };
}
