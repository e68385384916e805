// The app services facade: the whole renderer API (shared/contract/api.ts) as plain Node functions, composed from
// the system layer, analyzer, diagnosis, repairs and reports. Used by the Electron IPC router and the browser
// preview server alike. Thin on purpose: no domain logic here, only wiring, state (current machine, running scans
// and repairs) and the host-specific bits the caller injects.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanResult } from '../../shared/contract/scan.ts';
import type { AppServiceDeps, MachinePort } from './app-service-ports.ts';
import type { AppServices, AppServicesOptions } from './app-services-types.ts';
import { isAllowedExternalUrl } from './external-links.ts';
import { importFile, sanitizeFileName } from './file-import.ts';
import type { ScenarioInfo } from '../../shared/contract/api.ts';
import { ReadablePaths } from './readable-paths.ts';
import { pathsOfScan } from './scan-paths.ts';
import { createLogLineService } from './log-line-index.ts';
import { ServiceError } from './service-error.ts';
import { createSessionStore } from './session-store.ts';
import { createSessionService } from './session-service.ts';
import { createDefaultDeps } from './app-service-deps.ts';
import { analyzeAnyBytes } from '../../shared/deploylog/any-log-analyzer.ts';
import { checkPasses, sessionStory, topCause } from '../../shared/session/session-story.ts';
import { repairAwaitingRestart } from '../../shared/session/session-record.ts';
import { probeData } from '../../shared/contract/evidence.ts';
import type { SessionRecord } from '../../shared/contract/session.ts';

/** Step 5's check when the user gave the .msi: install it again, elevated, with a verbose log. */
const VERIFY_INSTALL = 'retry-install-elevated-logged';

export type { AppServices, AppServicesOptions } from './app-services-types.ts';

/**
 * Pasted text is a log when the log analyzer reads it as one (its own format detection, the same as for a file): at
 * least two lines, and no "not a log" verdict. A dialog's message or a code never is.
 */
export function looksLikeLog(text: string): boolean {
  if (text.split(/\r?\n/).filter((line) => line.trim() !== '').length < 2) return false;
  const { analysis, problem } = analyzeAnyBytes(new TextEncoder().encode(text), 'pasted.log');
  return problem === null && analysis.format !== 'unknown';
}

/** Report file names: the app's name, the session's date, the format. */
function reportFileName(session: SessionRecord, format: string, suggested: string | undefined): string {
  const fallback = `msi-doctor-report-${session.startedAt.slice(0, 19).replace(/[^0-9T]/g, '')}.${format}`;
  if (!suggested) return fallback;
  const cleaned = sanitizeFileName(suggested);
  return cleaned.toLowerCase().endsWith(`.${format}`) ? cleaned : `${cleaned}.${format}`;
}

/** Synchronous so both hosts can create it at start-up; the machine opens on first use. */
export function createAppServicesWith(options: AppServicesOptions, deps: AppServiceDeps): AppServices {
  const { dataDir, emit, host = {} } = options;
  const store = createSessionStore(dataDir);
  const sessions = createSessionService({ store, onChange: (record) => emit('sessionChanged', record) });
  const logLines = createLogLineService();
  // The simulated machine is used off Windows, or on Windows when a scenario is asked for explicitly.
  const simulated =
    options.platform !== 'win32' || options.simulate !== undefined || options.scenarioFile !== undefined;
  const defaultScenario = options.simulate ?? (options.scenarioFile ? undefined : simulated ? 'healthy' : undefined);

  let current: Promise<MachinePort> | null = null;
  /** Reads files of the current machine's own disk (a simulated machine's logs). */
  async function machineFiles(): Promise<(path: string) => Uint8Array | null> {
    const m = await machine();
    return (path) => m.readFile?.(path) ?? null;
  }

  function machine(): Promise<MachinePort> {
    if (current) return current;
    const opening = deps.openMachine({
      platform: options.platform,
      dataDir,
      ...(defaultScenario !== undefined ? { simulate: defaultScenario } : {}),
      ...(options.scenarioFile !== undefined ? { scenarioFile: options.scenarioFile } : {}),
    });
    // A machine that failed to open (bad scenario file...) is retried on the next call instead of staying broken.
    opening.catch(() => {
      if (current === opening) current = null;
    });
    current = opening;
    return opening;
  }
  // Running scans only: plans and running repairs belong to the machine's repair service.
  const scans = new Map<string, AbortController>();

  async function scanById(scanId: string): Promise<ScanResult> {
    return store.getScan(scanId);
  }

  /** The logs a report about the session attaches beyond its first scan's: later scans' logs and install logs. */
  function laterLogs(session: SessionRecord): string[] {
    const first = new Set(session.initial.logs.map((l) => l.file));
    const later = [
      ...session.latest.logs.map((l) => l.file),
      ...session.repairs.flatMap((r) => (r.outcome?.installLog ? [r.outcome.installLog.path] : [])),
    ];
    return [...new Set(later)].filter((path) => !first.has(path));
  }

  /** When Windows last started, as the scan's pending-reboot check read it (null: unknown). */
  function lastBoot(scan: ScanResult): string | null {
    return probeData(scan.evidence, 'pending-reboot')?.lastBoot ?? null;
  }

  /** The newest session of an earlier app run that waits for the restart its repair scheduled (a fresh start). */
  async function sessionAwaitingRestart(): Promise<SessionRecord | null> {
    const records = (await store.listRecords()).filter((r) => !r.ended && repairAwaitingRestart(r) !== null);
    const newest = records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    return newest ? sessions.activate(newest.sessionId) : null;
  }

  /**
   * After the restart a repair scheduled: the session checks the machine again (no administrator prompt at start) and
   * records whether the restart did its job. Windows must have started since (its boot time changed); before that
   * (a reload during the countdown) nothing is recorded and the session still waits.
   */
  async function resumeAfterRestart(session: SessionRecord): Promise<SessionRecord> {
    const repair = repairAwaitingRestart(session);
    if (!repair || (repair.outcome && repair.outcome.status !== 'succeeded')) return session;
    const before = lastBoot(session.latest);
    const scanId = `scan-${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
    const scanned = await (
      await machine()
    ).scan(
      {
        symptom: session.symptom.input,
        logPaths: session.symptom.logFiles,
        msiPath: session.symptom.msiPath,
        allowElevation: false,
        sessionId: session.sessionId,
        purpose: 'verify',
        choice: session.symptom.choice,
      },
      { scanId, signal: new AbortController().signal, onProgress: () => undefined },
    );
    const after = lastBoot(scanned);
    if (after === null || after === before) return session;
    const result: ScanResult = { ...scanned, sessionId: session.sessionId };
    readable.grant(...pathsOfScan(result));
    await store.saveScan(result);
    await sessions.recordScan(result, { sessionId: session.sessionId, purpose: 'verify', symptom: session.symptom });
    return sessions.resumed(session.sessionId, repair.journalId, {
      verified: checkPasses(result, repair.cause),
      evidence: result.evidence,
    });
  }

  const readable = options.readablePaths ?? new ReadablePaths();
  /** Scenarios name files on the simulated machine (its log, its .msi): the wizard may offer them. */
  const grantScenarioFiles = (infos: ScenarioInfo[]): ScenarioInfo[] => {
    for (const info of infos) readable.grant(info.msiPath, ...(info.logPaths ?? []));
    return infos;
  };

  return {
    async getEnvironment() {
      return {
        ...(await machine()).environment,
        appVersion: options.appVersion ?? '0.0.0',
        platform: options.platform,
        lang: options.lang ?? 'en',
      };
    },

    async listScenarios() {
      if (!simulated) return [];
      return grantScenarioFiles(await deps.listScenarios());
    },

    async selectScenario({ name }) {
      if (!simulated) throw new ServiceError('forbidden', 'Scenarios exist only on the simulated machine.');
      const repairing = current ? (await current.catch(() => null))?.repairs.isRunning() : false;
      if (scans.size > 0 || repairing)
        throw new ServiceError('forbidden', 'Wait for the running scan or repair to finish first.');
      const known = grantScenarioFiles(await deps.listScenarios());
      if (!known.some((s) => s.name === name))
        throw new ServiceError('not-found', `There is no scenario named "${name}".`);
      const next = deps.openMachine({ platform: options.platform, dataDir, simulate: name });
      const opened = await next;
      current = next;
      // Another machine: the session about the previous one is over (kept in the history, never resumed).
      const active = sessions.active();
      if (active) await sessions.end(active.sessionId);
      return opened.environment;
    },

    async parseSymptom({ text }) {
      return { ...deps.parseSymptom(text), looksLikeLog: looksLikeLog(text) };
    },

    async importFile(request) {
      const imported = await importFile(dataDir, request);
      readable.grant(imported.path);
      return imported;
    },

    async analyzeLog({ path }) {
      readable.check(path);
      return (await machine()).analyzeLog(path);
    },

    async getLogLines({ path, from, count }) {
      readable.check(path);
      return logLines.getLines(await (await machine()).localCopy(path), from, count);
    },

    async searchLog({ path, query, limit }) {
      readable.check(path);
      return logLines.search(await (await machine()).localCopy(path), query, limit);
    },

    async startScan(request) {
      const scanId = `scan-${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
      for (const path of request.logPaths) readable.check(path);
      if (request.msiPath) readable.check(request.msiPath);
      // A check of a session continues it; anything else starts a new session.
      const sessionId = request.sessionId ?? sessions.newSessionId();
      const controller = new AbortController();
      scans.set(scanId, controller);
      try {
        const scanned = await (
          await machine()
        ).scan(request, {
          scanId,
          signal: controller.signal,
          onProgress: (progress) => emit('scanProgress', progress),
        });
        if (controller.signal.aborted) throw new ServiceError('cancelled', 'The scan was cancelled.');
        const result: ScanResult = { ...scanned, sessionId };
        readable.grant(...pathsOfScan(result));
        await store.saveScan(result);
        return await sessions.recordScan(result, {
          sessionId: request.sessionId,
          purpose: request.purpose,
          symptom: {
            choice: request.choice,
            input: request.symptom,
            logFiles: request.logPaths,
            msiPath: request.msiPath,
          },
        });
      } finally {
        scans.delete(scanId);
      }
    },

    async cancelScan({ scanId }) {
      const controller = scans.get(scanId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },

    async planRepair({ scanId, cause, repair, options: choices }) {
      // Planned from the diagnosis itself: the finding says which repairs fit and what they act on (PID, product...).
      const scan = await scanById(scanId);
      const finding = scan.findings.find((f) => f.cause === cause);
      if (!finding || !finding.repairs.includes(repair))
        throw new ServiceError('invalid-input', 'This fix is not offered for that cause in this scan.');
      const params = { ...finding.repairParams?.[repair], ...choices };
      if (params.msiPath) readable.check(params.msiPath);
      const plan = await (
        await machine()
      ).repairs.plan(repair, params, { evidence: scan.evidence, sessionId: scan.sessionId ?? null });
      if (scan.sessionId) sessions.planned({ sessionId: scan.sessionId, cause, purpose: 'fix', plan });
      return plan;
    },

    async planVerification({ sessionId }) {
      const session = await sessions.get(sessionId);
      const msiPath = session.symptom.msiPath;
      if (!msiPath) return { mode: 'rescan' as const };
      readable.check(msiPath);
      const plan = await (
        await machine()
      ).repairs.plan(VERIFY_INSTALL, { msiPath }, { evidence: session.latest.evidence, sessionId });
      const cause = sessionStory(session).fixedCause ?? topCause(session.latest)?.cause ?? null;
      sessions.planned({ sessionId, cause, purpose: 'verify-install', plan });
      return { mode: 'retry-install' as const, plan };
    },

    async runKeyFile({ program, argument }) {
      // Only ever from the user's click in step 5: the machine checks the path before anything runs.
      return (await machine()).runKeyFile(program, argument);
    },

    async runRepair({ planId, confirmations }) {
      // A plan runs once (the repair service forgets it): running again means planning again (preconditions re-checked).
      await sessions.repairStarted(planId);
      let outcome;
      try {
        outcome = await (
          await machine()
        ).repairs.run(planId, {
          confirmations,
          onProgress: (progress) => emit('repairProgress', progress),
        });
      } catch (error) {
        // An expected refusal (a changed plan, a missing confirmation) ran nothing; anything else stopped a run.
        await sessions.repairAborted(planId, !(error instanceof ServiceError));
        throw error;
      }
      readable.grant(outcome.installLog?.path);
      await sessions.repairFinished(planId, outcome);
      return outcome;
    },

    async cancelRepair({ planId }) {
      return (await machine()).repairs.cancel(planId);
    },

    async undoRepair({ journalId }) {
      const outcome = await (await machine()).repairs.undo(journalId);
      await sessions.undone(journalId, outcome);
      return outcome;
    },

    async listJournals() {
      return (await machine()).repairs.listJournals();
    },

    async previewRedaction({ sessionId }) {
      const session = await sessions.get(sessionId);
      return deps.reports.previewRedaction(session, {
        appLogPath: options.appLogPath ?? null,
        logPaths: laterLogs(session),
        readExternal: await machineFiles(),
      });
    },

    async exportReport({ sessionId, format, redact, lang, suggestedName }) {
      const session = await sessions.get(sessionId);
      const name = reportFileName(session, format, suggestedName);
      let outPath: string;
      let location: string;
      if (host.chooseReportPath) {
        const chosen = await host.chooseReportPath(name);
        if (chosen === null) throw new ServiceError('cancelled', 'The report was not saved.');
        outPath = chosen;
        location = chosen;
      } else {
        // Preview: the server serves dataDir/reports/ and the page downloads from this URL path.
        await mkdir(join(dataDir, 'reports'), { recursive: true });
        outPath = join(dataDir, 'reports', name);
        location = `/reports/${encodeURIComponent(name)}`;
      }
      const { bytes } = await deps.reports.export(session, {
        format,
        redact,
        lang,
        outPath,
        appLogPath: options.appLogPath ?? null,
        logPaths: laterLogs(session),
        // The logs the scan found on the machine's own disk go into the ZIP too, not only uploaded ones.
        readExternal: await machineFiles(),
      });
      return { location, bytes };
    },

    async listSessions() {
      return sessions.list();
    },

    async getSession({ sessionId }) {
      const session = await sessions.get(sessionId);
      readable.grant(...pathsOfScan(session.initial), ...pathsOfScan(session.latest));
      return session;
    },

    async getActiveSession() {
      // This run's session, or one an earlier run left waiting for a restart: after the restart, it is checked again.
      const waiting = sessions.active() ?? (await sessionAwaitingRestart());
      const session = waiting ? await resumeAfterRestart(waiting) : null;
      if (session) readable.grant(...pathsOfScan(session.initial), ...pathsOfScan(session.latest));
      return session;
    },

    async endSession({ sessionId }) {
      const repairing = current ? (await current.catch(() => null))?.repairs.isRunning() : false;
      if (repairing && sessions.active()?.sessionId === sessionId)
        throw new ServiceError('forbidden', 'Wait for the running repair to finish first.');
      await sessions.end(sessionId);
      return { ended: true };
    },

    async openExternal({ url }) {
      if (!isAllowedExternalUrl(url))
        throw new ServiceError('forbidden', 'Only Microsoft documentation links can be opened.');
      if (!host.openExternal) return { opened: false };
      await host.openExternal(url);
      return { opened: true };
    },

    async pickFile({ kind }) {
      const picked = host.pickFile ? await host.pickFile(kind) : null;
      readable.grant(picked?.path);
      return picked;
    },
  };
}

/**
 * The facade over the real modules. `emit` receives every event (scanProgress, repairProgress); the Electron router
 * forwards them to the window, the preview server to its WebSocket clients.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  return createAppServicesWith(
    options,
    createDefaultDeps({
      dataDir: options.dataDir,
      ...(options.appVersion ? { appVersion: options.appVersion } : {}),
      ...(options.appPath ? { appPath: options.appPath } : {}),
    }),
  );
}
