// An in-memory MsiDoctorApi for store tests and UI work without a back end (never used by the production bridge).
import { PROBE_IDS, type RepairId } from '../../../shared/contract/ids.ts';
import type { ApiEventName, ApiEvents, ApiRequest, ApiResponses, MsiDoctorApi } from '../../../shared/contract/api.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { ScanResult } from '../../../shared/contract/scan.ts';
import type { JournalSummary } from '../../../shared/contract/repair.ts';
import type { SessionRecord } from '../../../shared/contract/session.ts';
import {
  newRecord,
  withRepairFinished,
  withRepairStarted,
  withScan,
  withUndo,
  type PlannedRepair,
} from '../../../shared/session/session-record.ts';
import { sessionSummary, topCause } from '../../../shared/session/session-story.ts';
import {
  SAMPLE_ENVIRONMENT,
  sampleEvidence,
  sampleFinding,
  sampleOutcome,
  samplePlan,
  sampleScan,
  sampleSymptom,
} from '../../../shared/wizard/sample-data.ts';

export interface FakeApiOptions {
  /** Findings per scan, by call number (0-based); the last entry repeats. */
  scans?: Array<ScanResult['findings']>;
  /** Repairs whose run fails. */
  failingRepairs?: RepairId[];
  /** Whether the elevated install retry succeeds. */
  retrySucceeds?: boolean;
  /** Journals as listJournals returns them (e.g. an unfinished one left by a crash). */
  journals?: JournalSummary[];
  /** The session getActiveSession returns at start (a reload mid-fix). */
  activeSession?: SessionRecord;
  /** Log file names analyzeLog refuses, with the reason (a picture, an empty file). */
  notLogs?: Record<string, string>;
}

export interface FakeApi extends MsiDoctorApi {
  calls: Array<{ name: string; request: unknown }>;
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
}

export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const scans = options.scans ?? [[sampleFinding('installer-folders-access', 0.9, ['restore-windows-temp-acl'])], []];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Array<{ name: string; request: unknown }> = [];
  // The same pure record functions as the main process's session keeper.
  const sessions = new Map<string, SessionRecord>();
  if (options.activeSession) sessions.set(options.activeSession.sessionId, options.activeSession);
  let active: SessionRecord | null = options.activeSession ?? null;
  const plans = new Map<string, PlannedRepair>();
  const scanResults = new Map<string, ScanResult>();
  let scanCount = 0;
  let planCount = 0;
  let clock = Date.parse('2026-01-01T10:00:00.000Z');
  const now = () => new Date((clock += 1000)).toISOString();
  function commit(record: SessionRecord | null): SessionRecord | null {
    if (!record) return null;
    sessions.set(record.sessionId, record);
    if (active?.sessionId === record.sessionId) active = record;
    emit('sessionChanged', record);
    return record;
  }
  const files = new Map<string, string>();

  function emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    for (const l of listeners.get(event) ?? []) l(payload);
  }
  const ok = <T>(value: T): Result<T> => ({ ok: true, value });
  function fn<N extends keyof ApiResponses>(
    name: N,
    impl: (request: ApiRequest<N>) => Result<ApiResponses[N]> | Promise<Result<ApiResponses[N]>>,
  ) {
    return async (request: ApiRequest<N>) => {
      calls.push({ name, request });
      await Promise.resolve();
      return impl(request);
    };
  }

  const api: FakeApi = {
    calls,
    emit,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    getEnvironment: fn('getEnvironment', () =>
      ok({ ...SAMPLE_ENVIRONMENT, appVersion: '0.1.0', platform: 'linux', lang: 'en' }),
    ),
    listScenarios: fn('listScenarios', () =>
      ok([
        {
          name: 'sample',
          title: { en: 'Sample', 'zh-CN': '示例' },
          description: { en: 'A sample machine', 'zh-CN': '一台示例电脑' },
        },
      ]),
    ),
    selectScenario: fn('selectScenario', (r) => ok({ ...SAMPLE_ENVIRONMENT, scenario: r.name })),
    parseSymptom: fn('parseSymptom', (r) => ok(sampleSymptom(r.text))),
    importFile: fn('importFile', (r) => {
      const path = `/uploads/${r.name}`;
      files.set(path, r.base64);
      return ok({ path, name: r.name });
    }),
    analyzeLog: fn('analyzeLog', (r) => {
      const name = r.path.split('/').pop() ?? r.path;
      const refused = options.notLogs?.[name];
      if (refused)
        return {
          ok: false,
          error: { code: 'invalid-input', message: refused, text: { en: refused, 'zh-CN': refused } },
        };
      return { ok: false, error: { code: 'unavailable', message: 'not in the fake' } };
    }),
    getLogLines: fn('getLogLines', (r) => {
      const total = 1_000_000;
      const count = Math.max(0, Math.min(r.count, total - r.from));
      return ok({ from: r.from, lines: Array.from({ length: count }, (_, i) => `line ${r.from + i + 1}`), total });
    }),
    searchLog: fn('searchLog', () => ok({ matches: [41, 99], truncated: false })),
    startScan: fn('startScan', (r) => {
      const scanId = `scan-${++scanCount}`;
      for (const probe of PROBE_IDS) {
        emit('scanProgress', { scanId, probe, phase: 'started', elevated: false, durationMs: null, evidence: null });
        emit('scanProgress', {
          scanId,
          probe,
          phase: 'finished',
          elevated: false,
          durationMs: 3,
          evidence: sampleEvidence(probe),
        });
      }
      const findings = scans[Math.min(scanCount - 1, scans.length - 1)] ?? [];
      const sessionId = r.sessionId ?? `session-${scanCount}`;
      const result: ScanResult = {
        ...sampleScan(findings, { scanId, input: r.symptom ?? '' }),
        elevation: r.allowElevation === false ? ('skipped' as const) : ('granted' as const),
        sessionId,
      };
      scanResults.set(scanId, result);
      const symptom = {
        choice: r.choice ?? null,
        input: r.symptom ?? '',
        logFiles: r.logPaths ?? [],
        msiPath: r.msiPath ?? null,
      };
      const existing = r.sessionId ? sessions.get(r.sessionId) : undefined;
      const record = existing
        ? withScan(existing, result, { purpose: r.purpose ?? 'diagnose', symptom }, now())
        : newRecord(sessionId, result, symptom, now());
      if (!existing) active = record;
      return ok(commit(record) as SessionRecord);
    }),
    cancelScan: fn('cancelScan', () => ok({ cancelled: true })),
    planRepair: fn('planRepair', (r) => {
      const scan = scanResults.get(r.scanId);
      const finding = scan?.findings.find((f) => f.cause === r.cause);
      if (!scan?.sessionId || !finding?.repairs.includes(r.repair))
        return { ok: false, error: { code: 'invalid-input', message: 'not offered' } };
      const minutes = r.options?.restartInMinutes;
      const base = samplePlan(r.repair, `plan-${r.repair}-${++planCount}`);
      const plan = {
        ...base,
        params: { ...finding.repairParams?.[r.repair], ...r.options },
        restart: base.restart && minutes !== undefined ? { minutes } : base.restart,
      };
      plans.set(plan.planId, { sessionId: scan.sessionId, cause: r.cause, purpose: 'fix', plan });
      return ok(plan);
    }),
    planVerification: fn('planVerification', (r) => {
      const record = sessions.get(r.sessionId);
      if (!record) return { ok: false, error: { code: 'not-found', message: 'no such session' } };
      if (!record.symptom.msiPath) return ok({ mode: 'rescan' as const });
      const plan = samplePlan('retry-install-elevated-logged', `plan-verify-${++planCount}`);
      plans.set(plan.planId, {
        sessionId: r.sessionId,
        cause: topCause(record.latest)?.cause ?? null,
        purpose: 'verify-install',
        plan,
      });
      return ok({ mode: 'retry-install' as const, plan });
    }),
    runRepair: fn('runRepair', (r) => {
      const planned = plans.get(r.planId);
      if (!planned) return { ok: false, error: { code: 'not-found', message: 'no such plan' } };
      plans.delete(r.planId);
      const plan = planned.plan;
      const record = sessions.get(planned.sessionId);
      if (record) commit(withRepairStarted(record, planned, now()));
      emit('repairProgress', { planId: plan.planId, stepId: 'change-1', phase: 'started' });
      emit('repairProgress', { planId: plan.planId, stepId: 'change-1', phase: 'finished', status: 'succeeded' });
      const failing =
        options.failingRepairs?.includes(plan.repair) ||
        (plan.repair === 'retry-install-elevated-logged' && options.retrySucceeds === false);
      const outcome = {
        ...sampleOutcome(plan, failing ? 'failed' : 'succeeded', failing ? false : true),
        journalId: plan.planId,
        installLog: plan.installLog
          ? { path: plan.installLog.path, exitCode: failing ? 1603 : 0, analysis: null, error: null }
          : null,
      };
      const started = sessions.get(planned.sessionId);
      if (started) commit(withRepairFinished(started, plan.planId, outcome, now()));
      return ok(outcome);
    }),
    cancelRepair: fn('cancelRepair', () => ok({ cancelled: true })),
    undoRepair: fn('undoRepair', (r) => {
      const outcome = sampleOutcome(samplePlan('restore-windows-temp-acl', r.journalId));
      const record = [...sessions.values()].find((s) => s.repairs.some((x) => x.journalId === r.journalId));
      if (record) commit(withUndo(record, r.journalId, outcome, now()));
      return ok(outcome);
    }),
    listJournals: fn('listJournals', () => ok(options.journals ?? [])),
    previewRedaction: fn('previewRedaction', () => ok({ items: [] })),
    exportReport: fn('exportReport', (r) => ok({ location: `/reports/${r.sessionId}.${r.format}`, bytes: 1234 })),
    listSessions: fn('listSessions', () => ok([...sessions.values()].map(sessionSummary))),
    getSession: fn('getSession', (r) => {
      const found = sessions.get(r.sessionId);
      return found ? ok(found) : { ok: false, error: { code: 'not-found', message: 'no such session' } };
    }),
    getActiveSession: fn('getActiveSession', () => ok(active)),
    endSession: fn('endSession', (r) => {
      const found = sessions.get(r.sessionId);
      if (found) sessions.set(r.sessionId, { ...found, ended: true });
      if (active?.sessionId === r.sessionId) active = null;
      return ok({ ended: true });
    }),
    runKeyFile: fn('runKeyFile', (r) =>
      ok({ program: r.program, exists: true, ran: true, notRun: null, exitCode: 0, stdout: 'app 1.0\n', stderr: '' }),
    ),
    openExternal: fn('openExternal', () => ok({ opened: true })),
    pickFile: fn('pickFile', (r) =>
      ok(
        r.kind === 'msi'
          ? { path: 'C:\\Users\\alex\\app.msi', name: 'app.msi' }
          : { path: 'C:\\logs\\install.log', name: 'install.log' },
      ),
    ),
  };
  return api;
}
