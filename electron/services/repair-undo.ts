// Undo from a journal: the journal says WHICH repair ran, with WHAT validated data and how far; the commands are rebuilt
// from the catalog (RepairDefinition.undo) and our own paths. Nothing written in a journal is ever executed.
import type { TextRef } from '../../shared/contract/evidence.ts';
import type { RepairOutcome, RepairPlan } from '../../shared/contract/repair.ts';
import type { CommandOutput, CommandRunner, ElevatedRunner } from '../system/run/command-runner.ts';
import { batchTimeoutMs } from '../system/run/elevated-script.ts';
import { guardCommand } from '../system/repairs/command-guard.ts';
import { REPAIR_CATALOG } from '../system/repairs/catalog.ts';
import type { UndoAction } from '../system/repairs/repair-definition.ts';
import {
  hashBytes,
  outputText,
  readBackup,
  type RepairClock,
  type RepairProgress,
  type TargetFileReader,
} from './repair-steps.ts';
import { listJournals, openJournal, readJournal, startedChanges, type JournalRecord } from './journal.ts';
import { joinTarget } from './repair-planner.ts';

export interface UndoDeps {
  dataDir: string;
  targetDataDir: string;
  /** The target machine's disk when our data folder there is not this host's (a simulated machine). */
  readTarget?: TargetFileReader;
  runner: CommandRunner;
  elevatedRunner: ElevatedRunner;
  clock: RepairClock;
  user: { sid: string | null; profile: string | null };
  windowsDir: string;
}

/** The confirmation an undo needs when a newer run changed the same things. */
export const UNDO_OVERLAP_CONFIRMATION = 'undo-under-newer-change';

/** An expected refusal: the service turns it into its RepairError (translatable reason). */
export class UndoRefusal extends Error {
  constructor(
    readonly reason: TextRef,
    readonly code: 'invalid-input' | 'not-found' | 'forbidden' = 'invalid-input',
  ) {
    super(reason.key);
  }
}

const ref = (key: string, params: Record<string, string | number> = {}): TextRef => ({ key, params });

/**
 * Did the backup of `stepId` happen? Its hash in the journal, its file on disk or its successful end says so. A backup
 * step that started but left none of these never ran: the batch stops at a failed backup, so no later step ran either.
 */
function backupTaken(record: JournalRecord, deps: UndoDeps, stepId: string, file: string): boolean {
  if (record.backups.has(stepId) || record.endedSteps.get(stepId)?.status === 'succeeded') return true;
  return Boolean(readBackup(deps, record.journalId, file));
}

/** The change steps an undo owes: started, not skipped, and before any backup that was never taken. */
export function owedChanges(record: JournalRecord, deps: UndoDeps): string[] {
  const steps = record.plan?.steps ?? [];
  const cutoff = steps.findIndex((s) => s.backupFile !== undefined && !backupTaken(record, deps, s.id, s.backupFile));
  const reachable = new Set((cutoff < 0 ? steps : steps.slice(0, cutoff)).map((s) => s.id));
  return startedChanges(record).filter((id) => reachable.has(id));
}

/** Newer runs (higher sequence number, not undone) that changed something this one changed too. */
function newerOverlapping(record: JournalRecord, deps: UndoDeps): string[] {
  const plan = record.plan!;
  const mine = new Set(REPAIR_CATALOG[plan.plan.repair].touches(plan.data));
  const newer: string[] = [];
  for (const summary of listJournals(deps.dataDir)) {
    if (summary.journalId === record.journalId || (summary.seq ?? 0) <= plan.seq) continue;
    if (summary.state !== 'finished' && summary.state !== 'unfinished') continue;
    const other = readJournal(deps.dataDir, summary.journalId);
    if (!other?.plan) continue;
    const touched = REPAIR_CATALOG[other.plan.plan.repair].touches(other.plan.data);
    if (touched.some((t) => mine.has(t))) newer.push(summary.journalId);
  }
  return newer;
}

/** Why a backup may not be restored (missing, changed since its hash was taken, or not the expected content), or null. */
function backupProblem(record: JournalRecord, deps: UndoDeps, action: UndoAction): string | null {
  const backup = action.backup!;
  const bytes = readBackup(deps, record.journalId, backup.file);
  if (bytes === undefined) return 'the backup is on another machine and cannot be checked';
  if (bytes === null) return `the backup ${backup.file} is missing`;
  const recorded = record.backups.get(backup.stepId);
  if (recorded && (recorded.file !== backup.file || hashBytes(bytes).sha256 !== recorded.sha256))
    return `the backup ${backup.file} was changed after it was taken (its SHA-256 no longer matches the journal)`;
  return backup.check(new Uint8Array(bytes));
}

function outcome(
  record: JournalRecord,
  status: RepairOutcome['status'],
  steps: RepairOutcome['steps'],
  message: TextRef,
  undoAvailable: boolean,
): RepairOutcome {
  return {
    schema: 'msi-doctor/repair@1',
    journalId: record.journalId,
    plan: record.plan!.plan as RepairPlan,
    status,
    steps,
    verified: null,
    verification: [],
    rebootRequired: false,
    undoAvailable,
    message,
    installLog: null,
  };
}

/** Undoes a run from its journal (works in a new process: the journal's data and the catalog are enough). */
export async function undoJournal(
  journalId: string,
  deps: UndoDeps,
  options: { confirmations?: string[]; onProgress?: (p: RepairProgress) => void } = {},
): Promise<RepairOutcome> {
  const record = readJournal(deps.dataDir, journalId);
  if (!record) throw new UndoRefusal(ref('repair.refusal.journal-unknown', { journalId }), 'not-found');
  if (!record.plan)
    throw new UndoRefusal(ref('repair.refusal.journal-damaged', { journalId, problem: record.problem ?? '' }));
  if (record.state === 'undone') throw new UndoRefusal(ref('repair.refusal.already-undone', { journalId }));
  if (record.state === 'cleared') throw new UndoRefusal(ref('repair.refusal.nothing-to-undo', { journalId }));
  const plan = record.plan;
  const definition = REPAIR_CATALOG[plan.plan.repair];
  const journal = openJournal(deps.dataDir, journalId);
  const now = (): string => deps.clock.now().toISOString();
  const owed = owedChanges(record, deps);
  // Interrupted (or cut off at a backup that was never taken) before any change: nothing to undo.
  const nothingChanged = owed.length === 0 && (record.state === 'unfinished' || startedChanges(record).length > 0);
  if (!nothingChanged && (!plan.plan.reversible || !definition.undo || owed.length === 0))
    throw new UndoRefusal(ref('repair.refusal.not-reversible', { journalId }));
  if (nothingChanged) {
    // Interrupted before its first backup existed: nothing changed. Say so once and take it off the list.
    journal.append({ type: 'undo-finish', at: now(), status: 'nothing-to-undo' });
    return outcome(record, 'succeeded', [], ref('repair.message.nothing-to-undo'), false);
  }
  const newer = newerOverlapping(record, deps);
  if (newer.length > 0 && !(options.confirmations ?? []).includes(UNDO_OVERLAP_CONFIRMATION))
    throw new UndoRefusal(ref('repair.refusal.undo-overlap', { journals: newer.join(', ') }));

  // Rebuilt from the catalog with re-validated data and this machine's facts (throws RepairRefusal when unsafe).
  const data = definition.dataSchema.parse(plan.data) as Record<string, unknown>;
  const order = plan.steps.map((s) => s.id);
  const newest = (a: UndoAction): number =>
    Math.max(...a.stepIds.filter((id) => owed.includes(id)).map((id) => order.indexOf(id)));
  const actions = definition.undo!({
    data,
    user: deps.user,
    windowsDir: deps.windowsDir,
    backupDir: joinTarget(deps.targetDataDir, 'backups', journalId),
  })
    .filter((a) => a.stepIds.some((id) => owed.includes(id)))
    .sort((a, b) => newest(b) - newest(a));
  for (const a of actions) a.specs.forEach((spec) => guardCommand(spec));

  const onProgress = options.onProgress ?? (() => {});
  journal.append({ type: 'undo-start', at: now(), stepIds: owed });
  const results: RepairOutcome['steps'] = [];
  let failed = false;
  let refusal: string | null = null;
  const finish = (action: UndoAction, outputs: Array<CommandOutput | undefined>, problem: string | null): void => {
    const ok =
      problem === null && outputs.length > 0 && outputs.every((o) => !!o && o.error === null && o.exitCode === 0);
    if (!ok) failed = true;
    const text = problem ?? outputs.map((o) => (o ? outputText(o) : 'not run')).join('\n');
    const exitCode = outputs.at(-1)?.exitCode ?? null;
    const stepId = action.stepIds.find((id) => owed.includes(id))!;
    journal.append({
      type: 'undo-step-end',
      at: now(),
      stepId,
      status: ok ? 'succeeded' : 'failed',
      exitCode,
      output: text,
    });
    results.push({
      id: `undo-${stepId}`,
      status: ok ? 'succeeded' : 'failed',
      exitCode,
      output: text,
      durationMs: outputs.reduce((n, o) => n + (o?.durationMs ?? 0), 0),
    });
    onProgress({ planId: journalId, stepId: `undo-${stepId}`, phase: 'finished', status: ok ? 'succeeded' : 'failed' });
  };
  // A backup that is missing, changed or not what we saved is never restored: that action fails with the reason.
  const runnable: UndoAction[] = [];
  for (const action of actions) {
    const problem = action.backup ? backupProblem(record, deps, action) : null;
    if (problem) {
      refusal = problem;
      finish(action, [], problem);
    } else runnable.push(action);
  }
  const elevated = runnable.filter((a) => a.elevated);
  const plain = runnable.filter((a) => !a.elevated);
  if (elevated.length > 0) {
    for (const a of elevated) onProgress({ planId: journalId, stepId: `undo-${a.stepIds[0]}`, phase: 'started' });
    const specs = elevated.flatMap((a) => a.specs);
    const batch = await deps.elevatedRunner.runBatch(specs, {
      timeoutMs: batchTimeoutMs(specs),
      name: 'MSI Doctor',
      userSid: deps.user.sid,
    });
    if (batch.status === 'declined' || batch.status === 'cancelled') {
      journal.append({
        type: 'undo-finish',
        at: now(),
        status: batch.status === 'declined' ? 'elevation-declined' : 'cancelled',
      });
      return outcome(
        record,
        batch.status === 'declined' ? 'elevation-declined' : 'cancelled',
        results,
        ref(batch.status === 'declined' ? 'repair.message.elevation-declined' : 'repair.message.cancelled'),
        true,
      );
    }
    let at = 0;
    for (const a of elevated) {
      finish(
        a,
        a.specs.map((_, k) => batch.outputs[at + k]),
        null,
      );
      at += a.specs.length;
    }
  }
  for (const a of plain) {
    onProgress({ planId: journalId, stepId: `undo-${a.stepIds[0]}`, phase: 'started' });
    const outputs: CommandOutput[] = [];
    for (const spec of a.specs) outputs.push(await deps.runner.run(spec));
    finish(a, outputs, null);
  }
  journal.append({ type: 'undo-finish', at: now(), status: failed ? 'failed' : 'succeeded' });
  const message = failed
    ? refusal
      ? ref('repair.message.backup-not-restored', { reason: refusal })
      : ref('repair.message.undo-failed')
    : ref('repair.message.undone');
  return outcome(record, failed ? 'failed' : 'succeeded', results, message, failed);
}
