// How a session record changes, as pure functions (a new record each time): a scan, a repair starting and ending, an
// undo, the resume after a restart. The main process's session keeper applies them and saves; tests and the
// renderer's fake API apply the same ones, so there is one definition of what the record says after each event.
import type { CauseId } from '../contract/ids.ts';
import type { Evidence } from '../contract/evidence.ts';
import type { RepairOutcome, RepairPlan } from '../contract/repair.ts';
import type { ScanResult } from '../contract/scan.ts';
import { SESSION_SCHEMA, type SessionRecord, type SessionRepair, type SessionSymptom } from '../contract/session.ts';
import { checkPasses, sessionStory } from './session-story.ts';

export interface ScanMeta {
  purpose: 'diagnose' | 'verify' | 'new-log';
  symptom: SessionSymptom;
}

export interface PlannedRepair {
  sessionId: string;
  cause: CauseId | null;
  purpose: SessionRepair['purpose'];
  plan: RepairPlan;
}

export function newRecord(sessionId: string, scan: ScanResult, symptom: SessionSymptom, at: string): SessionRecord {
  return {
    schema: SESSION_SCHEMA,
    sessionId,
    startedAt: at,
    updatedAt: at,
    ended: false,
    symptom,
    initial: scan,
    latest: scan,
    repairs: [],
    checks: [],
  };
}

/** A scan after the first: refines the diagnosis while nothing ran, else checks what the repairs did. */
export function withScan(record: SessionRecord, scan: ScanResult, meta: ScanMeta, at: string): SessionRecord {
  if (record.repairs.length === 0 && meta.purpose === 'diagnose')
    return { ...record, initial: scan, latest: scan, symptom: meta.symptom, updatedAt: at };
  const target = meta.purpose === 'new-log' ? null : sessionStory(record).fixedCause;
  const check = {
    scanId: scan.scanId,
    at,
    purpose: meta.purpose === 'new-log' ? ('new-log' as const) : ('verify' as const),
    target,
    passed: meta.purpose === 'new-log' ? false : checkPasses(scan, target),
  };
  return { ...record, latest: scan, checks: [...record.checks, check], updatedAt: at };
}

function updateRepair(
  record: SessionRecord,
  journalId: string,
  change: (repair: SessionRepair) => SessionRepair | null,
  at: string,
): SessionRecord | null {
  const index = record.repairs.findIndex((r) => r.journalId === journalId);
  if (index < 0) return null;
  const changed = change(record.repairs[index]!);
  const repairs = [...record.repairs];
  if (changed) repairs[index] = changed;
  else repairs.splice(index, 1);
  return { ...record, repairs, updatedAt: at };
}

export function withRepairStarted(record: SessionRecord, planned: PlannedRepair, at: string): SessionRecord {
  const repair: SessionRepair = {
    journalId: planned.plan.planId,
    repair: planned.plan.repair,
    cause: planned.cause,
    purpose: planned.purpose,
    plan: planned.plan,
    startedAt: at,
    finishedAt: null,
    state: 'running',
    outcome: null,
    undo: null,
    restart: null,
    verifiedAfter: null,
  };
  return { ...record, repairs: [...record.repairs, repair], updatedAt: at };
}

export function withRepairFinished(
  record: SessionRecord,
  planId: string,
  outcome: RepairOutcome,
  at: string,
): SessionRecord | null {
  return updateRepair(
    record,
    planId,
    (repair) => {
      const restart = outcome.plan.restart;
      return {
        ...repair,
        state: 'finished',
        finishedAt: at,
        outcome,
        // A restart the plan scheduled: the session waits for it, then resumes and verifies.
        restart:
          outcome.status === 'succeeded' && restart
            ? { at: new Date(Date.parse(at) + restart.minutes * 60_000).toISOString(), resumedAt: null }
            : null,
      };
    },
    at,
  );
}

/** The run did not happen (refused before any step: dropped from the record) or stopped without an outcome. */
export function withRepairAborted(
  record: SessionRecord,
  planId: string,
  ran: boolean,
  at: string,
): SessionRecord | null {
  return updateRepair(
    record,
    planId,
    (repair) =>
      repair.state !== 'running' ? repair : ran ? { ...repair, state: 'interrupted', finishedAt: at } : null,
    at,
  );
}

export function withUndo(
  record: SessionRecord,
  journalId: string,
  outcome: RepairOutcome,
  at: string,
): SessionRecord | null {
  return updateRepair(
    record,
    journalId,
    (repair) => (outcome.status === 'succeeded' ? { ...repair, undo: { at, outcome } } : repair),
    at,
  );
}

/** The session came back after the restart its repair scheduled: the verification run then is recorded. */
export function withResume(
  record: SessionRecord,
  journalId: string,
  verification: { verified: boolean | null; evidence: Evidence[] },
  at: string,
): SessionRecord | null {
  return updateRepair(
    record,
    journalId,
    (repair) => ({
      ...repair,
      // A restart "now" may end the app before the repair's outcome was written: the restart happened all the same.
      state: repair.state === 'running' ? 'interrupted' : repair.state,
      restart: { at: repair.restart?.at ?? at, resumedAt: at },
      verifiedAfter: { at, ...verification },
    }),
    at,
  );
}

/** The repair a resume verifies: the newest one whose plan restarts Windows and that was not resumed yet. */
export function repairAwaitingRestart(record: SessionRecord): SessionRepair | null {
  return [...record.repairs].reverse().find((r) => r.plan.restart && r.undo === null && !r.restart?.resumedAt) ?? null;
}
