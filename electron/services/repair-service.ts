// The repair service: the one owner of prepared plans and running repairs. Plans (repair-planner.ts), runs
// (repair-execution.ts + repair-steps.ts) and undoes (repair-undo.ts) under the data-folder lock.
import { isDeepStrictEqual } from 'node:util';
import { stat } from 'node:fs/promises';
import type { Evidence, TextRef } from '../../shared/contract/evidence.ts';
import { isRepairId, type RepairId } from '../../shared/contract/ids.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import type { JournalSummary, RepairOutcome, RepairPlan } from '../../shared/contract/repair.ts';
import type { ParsedSymptom } from '../../shared/contract/symptom.ts';
import type { TextTable } from '../../shared/knowledge/local-text.ts';
import { renderText } from '../../shared/knowledge/text-render.ts';
import { REPAIR_TEXTS } from '../../shared/knowledge/texts/repairs.ts';
import type { ProbeDefinition } from '../system/probes/probe.ts';
import type { CommandRunner, CommandSpec, ElevatedRunner } from '../system/run/command-runner.ts';
import { windowsDirectory } from '../system/run/windows-programs.ts';
import { REPAIR_CATALOG } from '../system/repairs/catalog.ts';
import { ForbiddenCommandError } from '../system/repairs/command-guard.ts';
import { validateRepairParams, type StatPath } from '../system/repairs/params.ts';
import { RepairRefusal } from '../system/repairs/repair-definition.ts';
import { DataFolderBusyError, dataFolderLock, type DataLock } from './data-lock.ts';
import { listJournals, newJournalId } from './journal.ts';
import { uncPathOf } from './mapped-drive.ts';
import { DataFolderError, executePlan } from './repair-execution.ts';
import {
  buildPrepared,
  freshEvidence,
  probeContext,
  stepCommands,
  type PlannerEnvironment,
  type PreparedPlan,
} from './repair-planner.ts';
import type { RepairClock, RepairProgress, StepHooks, TargetFileReader } from './repair-steps.ts';
import { UndoRefusal, undoJournal } from './repair-undo.ts';
import { ServiceError } from './service-error.ts';

export type { RepairClock, RepairProgress, StepHooks } from './repair-steps.ts';
export { elevatedRuns } from './repair-planner.ts';
export { UNDO_OVERLAP_CONFIRMATION } from './repair-undo.ts';

export const systemClock: RepairClock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    }),
};

export interface RepairServiceOptions {
  /** Host folder holding journals (created on demand). */
  dataDir: string;
  /** Our data folder as the target machine names it (backups, install logs); defaults to dataDir. */
  targetDataDir?: string;
  /** Reads the target machine's disk when targetDataDir is not on this host (a simulated machine's files). */
  readTarget?: TargetFileReader;
  runner: CommandRunner;
  elevatedRunner: ElevatedRunner;
  probes: readonly ProbeDefinition[];
  /** The real (unelevated) user: passed into elevated commands explicitly. */
  user: { sid: string | null; profile: string | null; temp: string | null };
  windowsDir?: string;
  /** MSI Doctor's own executable on the target machine (the restart repair registers its resume); none by default. */
  appPath?: string | null;
  symptom?: ParsedSymptom;
  /** Checks the .msi path on the target machine; default: the local file system. */
  statPath?: StatPath;
  /** Analyzes the log an install step wrote (shared/msilog streaming helper). */
  analyzeLog?: (path: string) => Promise<LogAnalysis>;
  clock?: RepairClock;
  hooks?: StepHooks;
  /** Recorded in the journal so a later `undo` knows which machine it was (journal-schema ENVIRONMENT). */
  environmentLabel?: string;
  /** The session (scan) plans belong to, recorded in each journal. */
  sessionId?: string;
  /** The data-folder lock; default: a cross-process lock on dataDir (the CLI passes HELD_LOCK while holding it). */
  lock?: DataLock;
  /** The account an elevated batch (the scan's) last ran as: over-the-shoulder elevation when it is not the user. */
  elevatedSid?: () => string | null;
  /** Resolves a mapped network drive (Z:) to its UNC path: the elevated account does not see the user's mappings. */
  resolveMappedDrive?: (drive: string) => Promise<string | null>;
}

export interface RunOptions {
  confirmations: string[];
  signal?: AbortSignal;
  onProgress?: (progress: RepairProgress) => void;
}

/** An expected refusal or failure; `reason` is the translatable form of the message. */
export class RepairError extends ServiceError {
  constructor(
    code: ServiceError['code'],
    readonly reason: TextRef,
  ) {
    super(code, englishText(reason));
  }
}

function englishText(ref: TextRef): string {
  const entry = (REPAIR_TEXTS as TextTable)[ref.key];
  return entry ? renderText(ref, (key) => (REPAIR_TEXTS as TextTable)[key]?.en, 'en') : ref.key;
}

async function defaultStatPath(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'missing';
  } catch {
    return 'missing';
  }
}

/** Expected refusals of the layers below as RepairErrors; anything else is rethrown unchanged. */
function asRepairError(error: unknown, dataDir: string): unknown {
  if (error instanceof RepairRefusal || error instanceof UndoRefusal) return new RepairError(error.code, error.reason);
  if (error instanceof ForbiddenCommandError)
    return new RepairError('forbidden', { key: 'repair.refusal.forbidden-command', params: { action: error.action } });
  if (error instanceof DataFolderError)
    return new RepairError('unavailable', {
      key: 'repair.refusal.data-folder',
      params: { path: dataDir, detail: error.message },
    });
  if (error instanceof DataFolderBusyError)
    return new RepairError('unavailable', { key: 'repair.refusal.data-folder-busy', params: { path: dataDir } });
  return error;
}

export class RepairService {
  /** Plans shown and not yet run (the only copy: the app facade keeps none). */
  private readonly prepared = new Map<string, PreparedPlan>();
  private readonly running = new Map<string, AbortController>();
  private evidence: Evidence[] = [];
  private sessionId: string | null;
  /** The account the last elevated batch ran as (over-the-shoulder elevation when it is not the user). */
  private elevatedSid: string | null = null;
  private readonly clock: RepairClock;
  private readonly statPath: StatPath;
  private readonly lock: DataLock;
  private readonly env: PlannerEnvironment;

  constructor(private readonly options: RepairServiceOptions) {
    this.clock = options.clock ?? systemClock;
    this.statPath = options.statPath ?? defaultStatPath;
    this.lock = options.lock ?? dataFolderLock(options.dataDir);
    this.sessionId = options.sessionId ?? null;
    this.env = {
      dataDir: options.dataDir,
      targetDataDir: options.targetDataDir ?? options.dataDir,
      runner: options.runner,
      probes: options.probes,
      user: options.user,
      windowsDir: options.windowsDir ?? windowsDirectory(),
      appPath: options.appPath ?? null,
      ...(options.symptom ? { symptom: options.symptom } : {}),
      now: () => this.clock.now(),
      elevatedSid: () => this.elevatedSid ?? options.elevatedSid?.() ?? null,
    };
  }

  /** Evidence of the latest scan: plans read it (fresh unelevated probes are overlaid where possible). */
  useEvidence(evidence: Evidence[], sessionId?: string): void {
    this.evidence = evidence;
    if (sessionId) this.sessionId = sessionId;
  }

  /** What an elevated batch reported about its account (the scan's batch tells it before any repair runs). */
  noteElevatedSid(sid: string | null | undefined): void {
    if (sid) this.elevatedSid = sid;
  }

  private async prepare(
    repair: RepairId,
    rawParams: unknown,
    given: Evidence[],
    journalId: string,
    sessionId: string | null,
  ): Promise<PreparedPlan> {
    const definition = REPAIR_CATALOG[repair];
    const params = await validateRepairParams(rawParams, this.statPath);
    const notes: TextRef[] = [];
    if (params.msiPath && this.options.resolveMappedDrive) {
      const unc = await uncPathOf(params.msiPath, this.options.resolveMappedDrive);
      if (unc !== params.msiPath) {
        notes.push({ key: 'repair.warning.mapped-drive', params: { path: params.msiPath, unc } });
        params.msiPath = unc;
      }
    }
    const evidence = await freshEvidence(this.env, definition, probeContext(this.env, params.msiPath ?? null), given);
    return buildPrepared(this.env, { definition, params, evidence, journalId, rawParams, sessionId, notes });
  }

  /** Builds a plan (nothing runs but read-only probes). Throws RepairError with a translatable reason. */
  async plan(
    repair: RepairId | string,
    rawParams: unknown,
    options: { evidence?: Evidence[]; sessionId?: string } = {},
  ): Promise<RepairPlan> {
    if (!isRepairId(repair))
      throw new RepairError('invalid-input', { key: 'repair.refusal.unknown-repair', params: { repair } });
    try {
      const prepared = await this.prepare(
        repair,
        rawParams,
        options.evidence ?? this.evidence,
        newJournalId(repair, this.clock.now()),
        options.sessionId ?? this.sessionId,
      );
      this.prepared.set(prepared.plan.planId, prepared);
      return prepared.plan;
    } catch (error) {
      throw asRepairError(error, this.options.dataDir);
    }
  }

  /** Cancels a running repair (the wait countdown stops; a running elevated batch is asked to stop). */
  cancel(planId: string): { cancelled: boolean } {
    const controller = this.running.get(planId);
    if (!controller) return { cancelled: false };
    controller.abort();
    return { cancelled: true };
  }

  /** True while a repair of this service runs. */
  isRunning(): boolean {
    return this.running.size > 0;
  }

  /** Forgets every plan shown and not run (a new machine was chosen). */
  forgetPlans(): void {
    this.prepared.clear();
  }

  /** Runs a plan shown before: checks confirmations, re-checks preconditions, journals every step, verifies. */
  async run(planOrId: RepairPlan | string, options: RunOptions): Promise<RepairOutcome> {
    const planId = typeof planOrId === 'string' ? planOrId : planOrId.planId;
    const prepared = this.prepared.get(planId);
    if (!prepared) throw new RepairError('not-found', { key: 'repair.refusal.plan-unknown', params: { planId } });
    const missing = prepared.plan.confirmations.filter((c) => !options.confirmations.includes(c));
    if (missing.length > 0)
      throw new RepairError('invalid-input', {
        key: 'repair.refusal.confirmation-missing',
        params: { confirmations: missing.join(', ') },
      });
    if (this.running.has(planId))
      throw new RepairError('invalid-input', { key: 'repair.refusal.already-running', params: {} });
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => controller.abort());
    this.running.set(planId, controller);
    try {
      return await this.lock.run(async () => {
        // Preconditions re-checked under the lock: rebuild from fresh facts; if the commands differ, show the new plan.
        const again = await this.prepare(
          prepared.definition.id,
          prepared.rawParams,
          prepared.evidence,
          prepared.journalId,
          prepared.sessionId,
        );
        const shape = (p: PreparedPlan) => [
          p.steps.map((s) => [stepCommands(s), s.step.elevated]),
          p.plan.confirmations,
          p.built.data,
        ];
        if (!isDeepStrictEqual(shape(again), shape(prepared))) {
          this.prepared.delete(planId);
          throw new RepairError('invalid-input', { key: 'repair.refusal.plan-changed', params: {} });
        }
        return executePlan(
          prepared,
          {
            runner: this.options.runner,
            elevatedRunner: this.options.elevatedRunner,
            probes: this.options.probes,
            clock: this.clock,
            ...(this.options.hooks ? { hooks: this.options.hooks } : {}),
            dataDir: this.env.dataDir,
            targetDataDir: this.env.targetDataDir,
            ...(this.options.readTarget ? { readTarget: this.options.readTarget } : {}),
            userSid: this.options.user.sid,
            onElevatedSid: (sid) => this.noteElevatedSid(sid),
            environment: this.options.environmentLabel ?? 'real',
            ...(this.options.analyzeLog ? { analyzeLog: this.options.analyzeLog } : {}),
          },
          controller.signal,
          options.onProgress ?? (() => {}),
        );
      });
    } catch (error) {
      throw asRepairError(error, this.options.dataDir);
    } finally {
      this.running.delete(planId);
      this.prepared.delete(planId);
    }
  }

  /** Undoes a run from its journal (works in a new process: the journal's data and the catalog are enough). */
  async undo(
    journalId: string,
    options: { confirmations?: string[]; onProgress?: (p: RepairProgress) => void } = {},
  ): Promise<RepairOutcome> {
    try {
      return await this.lock.run(() =>
        undoJournal(
          journalId,
          {
            dataDir: this.env.dataDir,
            targetDataDir: this.env.targetDataDir,
            ...(this.options.readTarget ? { readTarget: this.options.readTarget } : {}),
            runner: this.options.runner,
            elevatedRunner: this.options.elevatedRunner,
            clock: this.clock,
            user: this.options.user,
            windowsDir: this.env.windowsDir,
          },
          options,
        ),
      );
    } catch (error) {
      throw asRepairError(error, this.options.dataDir);
    }
  }

  /** The exact CommandSpecs a prepared plan will run (tests compare them with what the runners received). */
  planSpecs(planId: string): CommandSpec[] | null {
    const prepared = this.prepared.get(planId);
    return prepared ? prepared.steps.flatMap(stepCommands) : null;
  }

  async listJournals(): Promise<JournalSummary[]> {
    return listJournals(this.options.dataDir);
  }

  /** Journals a crash left behind: reported on start, with undo offered when possible. */
  unfinishedJournals(): JournalSummary[] {
    return listJournals(this.options.dataDir).filter((j) => j.state === 'unfinished');
  }
}
