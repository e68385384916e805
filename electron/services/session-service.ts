// The session keeper: applies what happens in a wizard session (shared/session/session-record.ts) to its record as it
// happens, saves the record on every change and announces it with `sessionChanged`. The record is the single truth
// the wizard, the report and the history read.
import { randomUUID } from 'node:crypto';
import type { Evidence } from '../../shared/contract/evidence.ts';
import type { RepairOutcome } from '../../shared/contract/repair.ts';
import type { ScanResult } from '../../shared/contract/scan.ts';
import type { SessionRecord, SessionSummary } from '../../shared/contract/session.ts';
import {
  newRecord,
  withRepairAborted,
  withRepairFinished,
  withRepairStarted,
  withResume,
  withScan,
  withUndo,
  type PlannedRepair,
  type ScanMeta,
} from '../../shared/session/session-record.ts';
import { sessionSummary } from '../../shared/session/session-story.ts';
import type { SessionStore } from './session-store.ts';
import { ServiceError } from './service-error.ts';

export type { PlannedRepair } from '../../shared/session/session-record.ts';

export interface SessionService {
  newSessionId(): string;
  /** Records a finished scan: a new session (sessionId null), or the next step of one. */
  recordScan(scan: ScanResult, meta: ScanMeta & { sessionId: string | null }): Promise<SessionRecord>;
  /** A plan was shown: remembered until it runs. */
  planned(planned: PlannedRepair): void;
  repairStarted(planId: string): Promise<SessionRecord | null>;
  repairFinished(planId: string, outcome: RepairOutcome): Promise<SessionRecord | null>;
  /** The run did not happen (refused before any step) or stopped without an outcome. */
  repairAborted(planId: string, ran: boolean): Promise<SessionRecord | null>;
  undone(journalId: string, outcome: RepairOutcome): Promise<SessionRecord | null>;
  /** The session came back after the restart its repair scheduled, with the verification run then. */
  resumed(
    sessionId: string,
    journalId: string,
    verification: { verified: boolean | null; evidence: Evidence[] },
  ): Promise<SessionRecord>;
  /** The session of this app run (null before the first scan, after start over). */
  active(): SessionRecord | null;
  /** Makes a saved session the active one again (the resume after a restart). */
  activate(sessionId: string): Promise<SessionRecord>;
  end(sessionId: string): Promise<void>;
  get(sessionId: string): Promise<SessionRecord>;
  list(): Promise<SessionSummary[]>;
}

export function createSessionService(options: {
  store: SessionStore;
  onChange: (record: SessionRecord) => void;
  now?: () => Date;
}): SessionService {
  const { store, onChange } = options;
  const now = () => (options.now ? options.now() : new Date()).toISOString();
  let current: SessionRecord | null = null;
  const plans = new Map<string, PlannedRepair>();

  async function commit(record: SessionRecord | null): Promise<SessionRecord | null> {
    if (!record) return null;
    await store.saveRecord(record);
    if (current?.sessionId === record.sessionId) current = record;
    onChange(record);
    return record;
  }

  async function recordOf(sessionId: string): Promise<SessionRecord> {
    if (current?.sessionId === sessionId) return current;
    return store.getRecord(sessionId);
  }

  /** Records of the repair's session: the planned one, or (undo of an earlier run) the one that lists it. */
  async function recordWithRepair(journalId: string): Promise<SessionRecord | null> {
    if (current?.repairs.some((r) => r.journalId === journalId)) return current;
    return (await store.listRecords()).find((r) => r.repairs.some((x) => x.journalId === journalId)) ?? null;
  }

  return {
    newSessionId() {
      return `session-${now().replace(/[-:.]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
    },

    async recordScan(scan, meta) {
      if (meta.sessionId !== null) {
        const record = await recordOf(meta.sessionId);
        return (await commit(withScan(record, scan, meta, now())))!;
      }
      // A new session: the previous one of this run is over (kept in the history).
      if (current && !current.ended) await commit({ ...current, ended: true, updatedAt: now() });
      current = newRecord(scan.sessionId ?? this.newSessionId(), scan, meta.symptom, now());
      return (await commit(current))!;
    },

    planned(planned) {
      plans.set(planned.plan.planId, planned);
    },

    async repairStarted(planId) {
      const planned = plans.get(planId);
      if (!planned) return null;
      return commit(withRepairStarted(await recordOf(planned.sessionId), planned, now()));
    },

    async repairFinished(planId, outcome) {
      const planned = plans.get(planId);
      plans.delete(planId);
      if (!planned) return null;
      return commit(withRepairFinished(await recordOf(planned.sessionId), planId, outcome, now()));
    },

    async repairAborted(planId, ran) {
      const planned = plans.get(planId);
      if (!planned) return null;
      if (ran) plans.delete(planId);
      return commit(withRepairAborted(await recordOf(planned.sessionId), planId, ran, now()));
    },

    async undone(journalId, outcome) {
      const record = await recordWithRepair(journalId);
      return record ? commit(withUndo(record, journalId, outcome, now())) : null;
    },

    async resumed(sessionId, journalId, verification) {
      const record = await commit(withResume(await recordOf(sessionId), journalId, verification, now()));
      if (!record) throw new ServiceError('not-found', `The session has no repair ${journalId}.`);
      return record;
    },

    active() {
      return current && !current.ended ? current : null;
    },

    async activate(sessionId) {
      const saved = await recordOf(sessionId);
      // Read back in a new run of the app: nothing of it is running any more.
      const repairs = saved.repairs.map((r) =>
        r.state === 'running' ? { ...r, state: 'interrupted' as const, finishedAt: r.finishedAt } : r,
      );
      current = { ...saved, repairs, ended: false, updatedAt: now() };
      return (await commit(current))!;
    },

    async end(sessionId) {
      const record = await recordOf(sessionId);
      if (current?.sessionId === sessionId) current = null;
      if (!record.ended) await store.saveRecord({ ...record, ended: true, updatedAt: now() });
    },

    get: recordOf,

    async list() {
      return (await store.listRecords()).map(sessionSummary);
    },
  };
}
