// An in-memory MsiDoctorApi for store tests and UI work without a back end (never used by the production bridge).
import { PROBE_IDS, type RepairId } from '../../../shared/contract/ids.ts';
import type { ApiEventName, ApiEvents, ApiRequest, ApiResponses, MsiDoctorApi } from '../../../shared/contract/api.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { ScanResult } from '../../../shared/contract/scan.ts';
import type { JournalSummary } from '../../../shared/contract/repair.ts';
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
}

export interface FakeApi extends MsiDoctorApi {
  calls: Array<{ name: string; request: unknown }>;
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
}

export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const scans = options.scans ?? [[sampleFinding('installer-folders-access', 0.9, ['restore-windows-temp-acl'])], []];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Array<{ name: string; request: unknown }> = [];
  const sessions: ScanResult[] = [];
  const plans = new Map<string, ReturnType<typeof samplePlan>>();
  let scanCount = 0;
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
      ok([{ name: 'sample', title: 'Sample', description: 'A sample machine' }]),
    ),
    selectScenario: fn('selectScenario', (r) => ok({ ...SAMPLE_ENVIRONMENT, scenario: r.name })),
    parseSymptom: fn('parseSymptom', (r) => ok(sampleSymptom(r.text))),
    importFile: fn('importFile', (r) => {
      const path = `/uploads/${r.name}`;
      files.set(path, r.base64);
      return ok({ path, name: r.name });
    }),
    analyzeLog: fn('analyzeLog', () => ({ ok: false, error: { code: 'unavailable', message: 'not in the fake' } })),
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
      const result = {
        ...sampleScan(findings, { scanId, input: r.symptom ?? '' }),
        elevation: r.allowElevation === false ? ('skipped' as const) : ('granted' as const),
      };
      sessions.push(result);
      return ok(result);
    }),
    cancelScan: fn('cancelScan', () => ok({ cancelled: true })),
    planRepair: fn('planRepair', (r) => {
      const plan = { ...samplePlan(r.repair), params: { ...r.params } };
      plans.set(plan.planId, plan);
      return ok(plan);
    }),
    runRepair: fn('runRepair', (r) => {
      const plan = plans.get(r.planId);
      if (!plan) return { ok: false, error: { code: 'not-found', message: 'no such plan' } };
      emit('repairProgress', { planId: plan.planId, stepId: 'change-1', phase: 'started' });
      emit('repairProgress', { planId: plan.planId, stepId: 'change-1', phase: 'finished', status: 'succeeded' });
      const failing =
        options.failingRepairs?.includes(plan.repair) ||
        (plan.repair === 'retry-install-elevated-logged' && options.retrySucceeds === false);
      return ok(sampleOutcome(plan, failing ? 'failed' : 'succeeded', failing ? false : true));
    }),
    cancelRepair: fn('cancelRepair', () => ok({ cancelled: true })),
    undoRepair: fn('undoRepair', (r) => ok(sampleOutcome(samplePlan('restore-windows-temp-acl', r.journalId)))),
    listJournals: fn('listJournals', () => ok(options.journals ?? [])),
    previewRedaction: fn('previewRedaction', () => ok({ items: [] })),
    exportReport: fn('exportReport', (r) => ok({ location: `/reports/${r.scanId}.${r.format}`, bytes: 1234 })),
    listSessions: fn('listSessions', () =>
      ok(
        sessions.map((s) => ({
          scanId: s.scanId,
          startedAt: s.startedAt,
          symptom: s.symptom.input,
          topCause: s.findings[0]?.cause ?? null,
        })),
      ),
    ),
    getSession: fn('getSession', (r) => {
      const found = sessions.find((s) => s.scanId === r.scanId);
      return found ? ok(found) : { ok: false, error: { code: 'not-found', message: 'no such session' } };
    }),
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
