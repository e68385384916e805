// Builds the report model (msi-doctor/report@1) from a scan result, the repair journals and what is attached (pure).
import type { Lang, RepairId } from '../contract/ids.ts';
import { isRepairId } from '../contract/ids.ts';
import type { ScanResult } from '../contract/scan.ts';
import { repairOutcomeSchema, type JournalSummary, type RepairOutcome } from '../contract/repair.ts';
import { SESSION_SCHEMA, type SessionRecord, type SessionRepair } from '../contract/session.ts';
import { sessionStory } from '../session/session-story.ts';
import {
  REPORT_SCHEMA,
  type Attachment,
  type LogCopy,
  type ReportModel,
  type ReportRepair,
  type ReportSession,
  type RepairState,
} from './report-schema.ts';

/** One repair journal as read from the data folder: its JSON-lines records, parsed. */
export interface JournalInput {
  journalId: string;
  entries: unknown[];
  summary?: JournalSummary | null;
  /** Path of the journal inside the ZIP, when attached. */
  attachedAs?: string | null;
}

export interface BuildReportInput {
  scan: ScanResult;
  /**
   * The wizard session's record: the report tells its story and lists only its repairs. Without one (the command
   * line), a record is made from the scan and the journals given.
   */
  session?: SessionRecord | null;
  appVersion: string;
  generatedAt: string;
  lang: Lang;
  journals?: JournalInput[];
  /** Outcomes known directly (the current session), merged with the journals by journalId. */
  outcomes?: RepairOutcome[];
  /** Per analysed log (by LogAnalysis.file): its size, where its copy sits in the ZIP and what the copy holds. */
  logFiles?: Record<string, { bytes: number | null; attachedAs: string | null; copy?: LogCopy | null }>;
  attachments?: Attachment[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The last record of a journal that is (or wraps) a RepairOutcome. */
function storedOutcome(entries: unknown[]): RepairOutcome | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    for (const candidate of [entry, isRecord(entry) ? entry.outcome : undefined]) {
      const parsed = repairOutcomeSchema.safeParse(candidate);
      if (parsed.success) return parsed.data;
    }
  }
  return null;
}

const OUTCOME_STATUSES = ['succeeded', 'failed', 'cancelled', 'elevation-declined'] as const;
type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];
const STEP_STATUSES = ['succeeded', 'failed', 'skipped', 'cancelled'] as const;

/**
 * Rebuilds the outcome from the repair service's journal records (electron/services/journal.ts):
 * {type:'plan', plan}, {type:'step-end', stepId, status, exitCode, output, durationMs}, {type:'finish', status, verified, rebootRequired}.
 * Null while the run has no 'finish' record (interrupted).
 */
function journalOutcome(journalId: string, entries: unknown[]): RepairOutcome | null {
  const records = entries.filter(isRecord);
  const planRecord = records.find((e) => e.type === 'plan');
  const finish = [...records].reverse().find((e) => e.type === 'finish');
  const plan = repairOutcomeSchema.shape.plan.safeParse(planRecord?.plan);
  if (!plan.success || !finish) return null;
  const status = OUTCOME_STATUSES.includes(finish.status as OutcomeStatus)
    ? (finish.status as OutcomeStatus)
    : 'failed';
  const steps = records
    .filter((e) => e.type === 'step-end' && typeof e.stepId === 'string')
    .map((e) => ({
      id: e.stepId as string,
      status: STEP_STATUSES.includes(e.status as (typeof STEP_STATUSES)[number])
        ? (e.status as (typeof STEP_STATUSES)[number])
        : 'failed',
      exitCode: typeof e.exitCode === 'number' ? e.exitCode : null,
      output: typeof e.output === 'string' ? e.output : '',
      durationMs: typeof e.durationMs === 'number' ? e.durationMs : 0,
    }));
  return {
    schema: 'msi-doctor/repair@1',
    journalId,
    plan: plan.data,
    status,
    steps,
    verified: typeof finish.verified === 'boolean' ? finish.verified : null,
    verification: [],
    rebootRequired: finish.rebootRequired === true,
    undoAvailable: plan.data.reversible && !records.some((e) => e.type === 'undo-finish'),
    message: null,
  };
}

function firstString(entries: unknown[], keys: string[]): string | null {
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    for (const key of keys) if (typeof entry[key] === 'string') return entry[key] as string;
  }
  return null;
}

function repairIdOf(
  entries: unknown[],
  outcome: RepairOutcome | null,
  summary: JournalSummary | null,
): RepairId | null {
  if (outcome) return outcome.plan.repair;
  if (summary) return summary.repair;
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const plan = isRecord(entry.plan) ? entry.plan : null;
    for (const candidate of [entry.repair, plan?.repair])
      if (typeof candidate === 'string' && isRepairId(candidate)) return candidate;
  }
  return null;
}

/** A journal whose undo finished successfully. */
function wasUndone(entries: unknown[], summary: JournalSummary | null): boolean {
  if (summary) return summary.state === 'undone';
  return entries.some((e) => isRecord(e) && e.type === 'undo-finish' && e.status === 'succeeded');
}

function runRepairs(input: BuildReportInput): ReportRepair[] {
  const out: ReportRepair[] = [];
  const seen = new Set<string>();
  for (const journal of input.journals ?? []) {
    const summary = journal.summary ?? null;
    const direct = input.outcomes?.find((o) => o.journalId === journal.journalId) ?? null;
    const outcome = direct ?? storedOutcome(journal.entries) ?? journalOutcome(journal.journalId, journal.entries);
    const repair = repairIdOf(journal.entries, outcome, summary);
    if (!repair) continue;
    seen.add(journal.journalId);
    let state: RepairState = outcome ? outcome.status : 'unfinished';
    if (wasUndone(journal.entries, summary)) state = 'undone';
    else if (summary?.state === 'unfinished' && !outcome) state = 'unfinished';
    out.push({
      repair,
      state,
      proposedFor: outcome?.plan.targets ?? [],
      journalId: journal.journalId,
      startedAt: summary?.startedAt ?? firstString(journal.entries, ['startedAt', 'at', 'time', 'timestamp']),
      verified: outcome?.verified ?? null,
      outcome,
      journal: journal.entries,
      journalFile: journal.attachedAs ?? null,
    });
  }
  for (const outcome of input.outcomes ?? []) {
    if (seen.has(outcome.journalId)) continue;
    out.push({
      repair: outcome.plan.repair,
      state: outcome.status,
      proposedFor: outcome.plan.targets,
      journalId: outcome.journalId,
      startedAt: null,
      verified: outcome.verified,
      outcome,
      journal: [],
      journalFile: null,
    });
  }
  return out;
}

/** Repairs the findings propose that were not run: "what to do next". */
function proposedRepairs(scan: ScanResult, run: ReportRepair[]): ReportRepair[] {
  const done = new Set(run.map((r) => r.repair));
  const byRepair = new Map<RepairId, ReportRepair>();
  // In the diagnosis's own order (ranked once, by diagnose()).
  for (const finding of scan.findings) {
    for (const repair of finding.repairs) {
      if (done.has(repair)) continue;
      const existing = byRepair.get(repair);
      if (existing) {
        if (!existing.proposedFor.includes(finding.cause)) existing.proposedFor.push(finding.cause);
        continue;
      }
      byRepair.set(repair, {
        repair,
        state: 'proposed',
        proposedFor: [finding.cause],
        journalId: null,
        startedAt: null,
        verified: null,
        outcome: null,
        journal: [],
        journalFile: null,
      });
    }
  }
  return [...byRepair.values()];
}

/** A session repair as a report repair, with its journal's records when the journal was given. */
function sessionRepair(repair: SessionRepair, input: BuildReportInput): ReportRepair {
  const journal = input.journals?.find((j) => j.journalId === repair.journalId) ?? null;
  const outcome = repair.outcome;
  let state: RepairState = outcome ? outcome.status : 'unfinished';
  if (repair.undo?.outcome.status === 'succeeded') state = 'undone';
  return {
    repair: repair.repair,
    state,
    proposedFor: repair.cause ? [repair.cause] : repair.plan.targets,
    journalId: repair.journalId,
    startedAt: repair.startedAt,
    verified: repair.verifiedAfter ? repair.verifiedAfter.verified : (outcome?.verified ?? null),
    outcome,
    journal: journal?.entries ?? [],
    journalFile: journal?.attachedAs ?? null,
  };
}

/** The command line's report has no wizard session: one is made from the scan and the runs its journals record. */
function recordFromScan(scan: ScanResult, run: ReportRepair[]): SessionRecord {
  return {
    schema: SESSION_SCHEMA,
    sessionId: scan.scanId,
    startedAt: scan.startedAt,
    updatedAt: scan.startedAt,
    ended: true,
    symptom: { choice: null, input: scan.symptom.input, logFiles: scan.logs.map((l) => l.file), msiPath: null },
    initial: scan,
    latest: scan,
    repairs: run.flatMap((r): SessionRepair[] =>
      r.outcome && r.journalId
        ? [
            {
              journalId: r.journalId,
              repair: r.repair,
              cause: r.proposedFor[0] ?? null,
              purpose: 'fix',
              plan: r.outcome.plan,
              startedAt: r.startedAt ?? scan.startedAt,
              finishedAt: r.startedAt ?? scan.startedAt,
              state: 'finished',
              outcome: r.outcome,
              undo:
                r.state === 'undone' ? { at: scan.startedAt, outcome: { ...r.outcome, status: 'succeeded' } } : null,
              restart: null,
              verifiedAfter: null,
            },
          ]
        : [],
    ),
    checks: [],
  };
}

function reportSession(record: SessionRecord): ReportSession {
  const story = sessionStory(record);
  return {
    sessionId: record.sessionId,
    state: story.state,
    symptom: record.symptom,
    found: story.found,
    checks: record.checks,
    stillWorthKnowing: story.stillWorthKnowing,
  };
}

/** The unredacted model; redaction (redact-model.ts) is a separate step so the preview can show what it will change. */
export function buildReportModel(input: BuildReportInput): ReportModel {
  const { scan } = input;
  const given = input.session ?? null;
  // Only the session's own repairs: its record names them (journals of other sessions never get in).
  const run = given ? given.repairs.map((r) => sessionRepair(r, input)) : runRepairs(input);
  const record = given ?? recordFromScan(scan, run);
  return {
    schema: REPORT_SCHEMA,
    generatedAt: input.generatedAt,
    lang: input.lang,
    app: { name: 'MSI Doctor', version: input.appVersion },
    redacted: false,
    redaction: [],
    environment: scan.environment,
    scan: { scanId: scan.scanId, startedAt: scan.startedAt, durationMs: scan.durationMs, elevation: scan.elevation },
    symptom: scan.symptom,
    evidence: scan.evidence,
    logs: scan.logs.map((analysis) => ({
      analysis,
      bytes: input.logFiles?.[analysis.file]?.bytes ?? analysis.byteCount ?? null,
      attachedAs: input.logFiles?.[analysis.file]?.attachedAs ?? null,
      copy: input.logFiles?.[analysis.file]?.copy ?? null,
    })),
    // What was found: the session's first diagnosis (frozen), in diagnose()'s order.
    findings: record.initial.findings,
    repairs: [...run, ...proposedRepairs(record.latest, run)],
    session: reportSession(record),
    notChecked: scan.notChecked,
    attachments: input.attachments ?? [],
  };
}
