// Repair execution: plan from the catalog, confirmations, one elevated batch, fsync'd journal, verification, undo (also after restart).
import { isDeepStrictEqual } from 'node:util';
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiEvents } from '../../shared/contract/api.ts';
import type { Evidence, TextRef } from '../../shared/contract/evidence.ts';
import type { RepairId } from '../../shared/contract/ids.ts';
import { isRepairId } from '../../shared/contract/ids.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import type { JournalSummary, PlanStep, RepairOutcome, RepairPlan } from '../../shared/contract/repair.ts';
import type { ParsedSymptom } from '../../shared/contract/symptom.ts';
import { interpolate, type TextTable } from '../../shared/knowledge/local-text.ts';
import { REPAIR_TEXTS } from '../../shared/knowledge/texts/repairs.ts';
import type { ProbeContext, ProbeDefinition } from '../system/probes/probe.ts';
import type { CommandOutput, CommandRunner, CommandSpec, ElevatedRunner } from '../system/run/command-runner.ts';
import { REPAIR_CATALOG } from '../system/repairs/catalog.ts';
import { ForbiddenCommandError, guardCommand } from '../system/repairs/command-guard.ts';
import { renderCommandLine } from '../system/repairs/command-builder.ts';
import { validateRepairParams, type StatPath } from '../system/repairs/params.ts';
import {
  RepairRefusal,
  type BuiltPlan,
  type BuiltStep,
  type JournalLookup,
  type RepairDefinition,
} from '../system/repairs/repair-definition.ts';
import { REBOOT_CODES } from '../system/repairs/repair-helpers.ts';
import { VERIFY_CHECKS, lockFree } from '../system/repairs/verification.ts';
import { WAIT_POLL_SECONDS } from '../system/repairs/wait-for-installer.ts';
import { ServiceError } from './service-error.ts';
import {
  MAX_OUTPUT_CHARS,
  createJournal,
  listJournals,
  newJournalId,
  openJournal,
  pendingUndo,
  readJournal,
  type Journal,
  type JournalStep,
} from './journal.ts';
import { evidenceMap, evidenceOf, mergeEvidence, runProbeUnelevated } from './repair-probes.ts';

export type RepairProgress = ApiEvents['repairProgress'];

/** Time, injectable so the wait countdown is tested without waiting. */
export interface RepairClock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

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

/** Test hooks around each step; a throw simulates a crash between steps (the journal must stay recoverable). */
export interface StepHooks {
  beforeStep?(stepId: string): void;
  afterStep?(stepId: string): void;
}

export interface RepairServiceOptions {
  /** Host folder holding journals (created on demand). */
  dataDir: string;
  /** Our data folder as the target machine names it (backups, install logs); defaults to dataDir. */
  targetDataDir?: string;
  runner: CommandRunner;
  elevatedRunner: ElevatedRunner;
  probes: readonly ProbeDefinition[];
  /** The real (unelevated) user: passed into elevated commands explicitly. */
  user: { sid: string | null; profile: string | null; temp: string | null };
  windowsDir?: string;
  symptom?: ParsedSymptom;
  /** Checks the .msi path on the target machine; default: the local file system. */
  statPath?: StatPath;
  /** Analyzes the log an install step wrote (shared/msilog streaming helper). */
  analyzeLog?: (path: string) => Promise<LogAnalysis>;
  clock?: RepairClock;
  hooks?: StepHooks;
  /** Recorded in the journal so a later `undo` knows which machine it was ('real', 'simulated:<scenario>'). */
  environmentLabel?: string;
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
  return entry ? interpolate(entry.en, ref.params) : ref.key;
}

interface Prepared {
  plan: RepairPlan;
  definition: RepairDefinition;
  built: BuiltPlan;
  /** Plan steps in run order (catalog steps + verification probe steps) with their specs. */
  steps: PreparedStep[];
  evidence: Evidence[];
  probeContext: ProbeContext;
  journalId: string;
  rawParams: unknown;
}

interface PreparedStep extends BuiltStep {
  /** For verification steps: which probe and which of its commands. */
  verify: { probe: ProbeDefinition; index: number; count: number } | null;
}

async function defaultStatPath(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'missing';
  } catch {
    return 'missing';
  }
}

function truncate(text: string): string {
  return text.length > MAX_OUTPUT_CHARS
    ? `${text.slice(0, MAX_OUTPUT_CHARS)}\n[... ${text.length - MAX_OUTPUT_CHARS} more characters]`
    : text;
}

function outputText(o: CommandOutput): string {
  return truncate([o.stdout, o.stderr, o.error ?? ''].filter((s) => s.trim() !== '').join('\n'));
}

/** Elevated steps must form ONE contiguous run, so they can go into one elevated batch (one UAC prompt). */
export function elevatedRuns(steps: Array<{ step: PlanStep }>): number {
  let runs = 0;
  let previous = false;
  for (const s of steps) {
    if (s.step.elevated && !previous) runs += 1;
    previous = s.step.elevated;
  }
  return runs;
}

export class RepairService {
  private readonly prepared = new Map<string, Prepared>();
  private readonly running = new Map<string, AbortController>();
  private evidence: Evidence[] = [];
  private readonly clock: RepairClock;
  private readonly statPath: StatPath;
  private readonly targetDataDir: string;

  constructor(private readonly options: RepairServiceOptions) {
    this.clock = options.clock ?? systemClock;
    this.statPath = options.statPath ?? defaultStatPath;
    this.targetDataDir = options.targetDataDir ?? options.dataDir;
  }

  /** Evidence of the latest scan: plans read it (fresh unelevated probes are overlaid where possible). */
  useEvidence(evidence: Evidence[]): void {
    this.evidence = evidence;
  }

  private probe(id: string): ProbeDefinition | undefined {
    return this.options.probes.find((p) => p.id === id);
  }

  private probeContext(msiPath: string | null): ProbeContext {
    return {
      symptom: this.options.symptom ?? {
        input: '',
        exitCodes: [],
        messageNumbers: [],
        sources: [],
        unknown: true,
        notes: [],
      },
      msiPath,
      logPaths: [],
      user: this.options.user,
      now: this.clock.now(),
    };
  }

  /**
   * Facts for a plan: the scan's evidence, overlaid by a fresh unelevated run of the repair's plan probes. A fresh result
   * replaces scan evidence only when that evidence was not taken elevated (an unelevated run would see less).
   */
  private async freshEvidence(
    definition: RepairDefinition,
    context: ProbeContext,
    given: Evidence[],
  ): Promise<Evidence[]> {
    const fresh: Evidence[] = [];
    for (const id of definition.planProbes) {
      const probe = this.probe(id);
      if (!probe || probe.elevation === 'required') continue;
      const previous = given.find((e) => e.probe === id);
      if (previous?.elevated) continue;
      if (!probe.appliesTo(context)) continue;
      const evidence = await runProbeUnelevated(probe, this.options.runner, context);
      if (evidence.status !== 'error' && evidence.status !== 'not-checked') fresh.push(evidence);
    }
    return mergeEvidence(given, fresh);
  }

  private journalLookup(): JournalLookup {
    const dataDir = this.options.dataDir;
    return {
      latestFinished(repair: RepairId) {
        for (const summary of listJournals(dataDir)) {
          if (summary.repair !== repair || summary.state !== 'finished') continue;
          const record = readJournal(dataDir, summary.journalId);
          const finish = record?.entries.find((e) => e.type === 'finish');
          if (record?.plan && finish && finish.type === 'finish' && finish.status === 'succeeded')
            return { journalId: summary.journalId, data: record.plan.data };
        }
        return null;
      },
    };
  }

  private buildPrepared(
    definition: RepairDefinition,
    params: Awaited<ReturnType<typeof validateRepairParams>>,
    evidence: Evidence[],
    journalId: string,
    rawParams: unknown,
  ): Prepared {
    const probeContext = this.probeContext(params.msiPath ?? null);
    const backupDir = joinTarget(this.targetDataDir, 'backups', journalId);
    const built = definition.build({
      params,
      evidence: evidenceMap(evidence),
      user: { sid: this.options.user.sid, profile: this.options.user.profile },
      backupDir,
      logDir: joinTarget(this.targetDataDir, 'logs'),
      journalPath: join(this.options.dataDir, 'journals', `${journalId}.jsonl`),
      windowsDir: this.options.windowsDir ?? 'C:\\Windows',
      journals: this.journalLookup(),
    });
    const steps: PreparedStep[] = built.steps.map((s) => ({ ...s, verify: null }));
    // Verification probes become plan steps too (kind 'verify'): what runs is exactly what the user saw.
    const hasElevated = steps.some((s) => s.step.elevated);
    const elevatedVerify: PreparedStep[] = [];
    const plainVerify: PreparedStep[] = [];
    for (const id of definition.verifyProbes) {
      const probe = this.probe(id);
      if (!probe || !probe.appliesTo(probeContext)) continue;
      const elevated = probe.elevation === 'required' || (probe.elevation === 'better' && hasElevated);
      const specs = probe.commands(probeContext);
      specs.forEach((spec, index) => {
        const target = elevated ? elevatedVerify : plainVerify;
        target.push({
          step: {
            id: `verify-${id}${specs.length > 1 ? `-${index + 1}` : ''}`,
            kind: 'verify',
            description: { key: 'repair.step.verify', params: { probe: id } },
            commandLine: renderCommandLine(spec),
            elevated,
          },
          spec,
          okExitCodes: [0],
          undo: [],
          verify: { probe, index, count: specs.length },
        });
      });
    }
    // Elevated verification goes right after the last elevated step (same batch); the rest at the end.
    const lastElevated = steps.map((s) => s.step.elevated).lastIndexOf(true);
    const ordered =
      lastElevated >= 0
        ? [...steps.slice(0, lastElevated + 1), ...elevatedVerify, ...steps.slice(lastElevated + 1), ...plainVerify]
        : [...steps, ...elevatedVerify, ...plainVerify];
    if (elevatedRuns(ordered) > 1)
      throw new Error(`catalog bug: ${definition.id} has elevated steps in more than one run`);
    const plan: RepairPlan = {
      planId: journalId,
      repair: definition.id,
      title: { key: `repair.${definition.id}.title`, params: {} },
      description: { key: `repair.${definition.id}.description`, params: {} },
      risk: built.risk,
      reversible: built.reversible,
      needsElevation: ordered.some((s) => s.step.elevated),
      steps: ordered.map((s) => s.step),
      backups: built.backups,
      warnings: built.warnings,
      confirmations: built.confirmations,
      targets: definition.targets,
      params: { ...params },
    };
    return { plan, definition, built, steps: ordered, evidence, probeContext, journalId, rawParams };
  }

  /** Builds a plan (nothing runs but read-only probes). Throws RepairError with a translatable reason. */
  async plan(
    repair: RepairId | string,
    rawParams: unknown,
    options: { evidence?: Evidence[] } = {},
  ): Promise<RepairPlan> {
    if (!isRepairId(repair))
      throw new RepairError('invalid-input', { key: 'repair.refusal.unknown-repair', params: { repair } });
    const definition = REPAIR_CATALOG[repair];
    try {
      const params = await validateRepairParams(rawParams, this.statPath);
      const context = this.probeContext(params.msiPath ?? null);
      const evidence = await this.freshEvidence(definition, context, options.evidence ?? this.evidence);
      const journalId = newJournalId(repair, this.clock.now());
      const prepared = this.buildPrepared(definition, params, evidence, journalId, rawParams);
      this.prepared.set(prepared.plan.planId, prepared);
      return prepared.plan;
    } catch (error) {
      throw this.asRepairError(error);
    }
  }

  private asRepairError(error: unknown): unknown {
    if (error instanceof RepairRefusal) return new RepairError(error.code, error.reason);
    if (error instanceof ForbiddenCommandError)
      return new RepairError('forbidden', {
        key: 'repair.refusal.forbidden-command',
        params: { action: error.action },
      });
    return error;
  }

  /** Cancels a running repair (the wait countdown stops; a running elevated batch is asked to stop). */
  cancel(planId: string): { cancelled: boolean } {
    const controller = this.running.get(planId);
    if (!controller) return { cancelled: false };
    controller.abort();
    return { cancelled: true };
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
    // Preconditions re-checked: rebuild from fresh facts; if the commands would differ, the user must see the new plan.
    try {
      const params = await validateRepairParams(prepared.rawParams, this.statPath);
      const evidence = await this.freshEvidence(prepared.definition, prepared.probeContext, prepared.evidence);
      const again = this.buildPrepared(prepared.definition, params, evidence, prepared.journalId, prepared.rawParams);
      const same =
        isDeepStrictEqual(
          again.steps.map((s) => [s.spec, s.undo, s.step.elevated]),
          prepared.steps.map((s) => [s.spec, s.undo, s.step.elevated]),
        ) && isDeepStrictEqual(again.plan.confirmations, prepared.plan.confirmations);
      if (!same) {
        this.prepared.delete(planId);
        throw new RepairError('invalid-input', { key: 'repair.refusal.plan-changed', params: {} });
      }
    } catch (error) {
      throw this.asRepairError(error);
    }
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => controller.abort());
    this.running.set(planId, controller);
    try {
      return await this.execute(prepared, controller.signal, options.onProgress ?? (() => {}));
    } finally {
      this.running.delete(planId);
      this.prepared.delete(planId);
    }
  }

  private async execute(
    prepared: Prepared,
    signal: AbortSignal,
    onProgress: (p: RepairProgress) => void,
  ): Promise<RepairOutcome> {
    const { plan, steps } = prepared;
    // reg export, icacls /save and msiexec /L*v do not create folders: ours must exist before anything runs.
    let journal: Journal;
    try {
      journal = createJournal(this.options.dataDir, prepared.journalId);
      if (this.targetDataDir === this.options.dataDir) {
        mkdirSync(joinTarget(this.targetDataDir, 'backups', prepared.journalId), { recursive: true });
        mkdirSync(joinTarget(this.targetDataDir, 'logs'), { recursive: true });
      }
    } catch (error) {
      throw new RepairError('unavailable', {
        key: 'repair.refusal.data-folder',
        params: { path: this.options.dataDir, detail: (error as Error).message },
      });
    }
    const journalSteps: JournalStep[] = steps.map((s) => ({
      id: s.step.id,
      kind: s.step.kind,
      elevated: s.step.elevated,
      spec: s.spec,
      okExitCodes: s.okExitCodes,
      undo: s.undo,
    }));
    journal.append({
      type: 'plan',
      at: this.clock.now().toISOString(),
      journalId: journal.journalId,
      plan,
      steps: journalSteps,
      data: prepared.built.data,
      environment: this.options.environmentLabel ?? this.options.runner.kind,
    });
    const outcomes = new Map<string, RepairOutcome['steps'][number]>();
    const outputsByStep = new Map<string, CommandOutput>();
    let status: RepairOutcome['status'] = 'succeeded';
    let message: TextRef | null = null;
    let stopped = false;

    const record = (step: PreparedStep, outcome: RepairOutcome['steps'][number]): void => {
      outcomes.set(step.step.id, outcome);
      journal.append({
        type: 'step-end',
        at: this.clock.now().toISOString(),
        stepId: step.step.id,
        status: outcome.status,
        exitCode: outcome.exitCode,
        output: outcome.output,
        durationMs: outcome.durationMs,
      });
      onProgress({ planId: plan.planId, stepId: step.step.id, phase: 'finished', status: outcome.status });
      this.options.hooks?.afterStep?.(step.step.id);
    };
    const start = (step: PreparedStep): void => {
      journal.append({ type: 'step-start', at: this.clock.now().toISOString(), stepId: step.step.id });
      this.options.hooks?.beforeStep?.(step.step.id);
      onProgress({ planId: plan.planId, stepId: step.step.id, phase: 'started' });
    };
    const fromOutput = (step: PreparedStep, output: CommandOutput): RepairOutcome['steps'][number] => {
      outputsByStep.set(step.step.id, output);
      const ok =
        output.error === null &&
        !output.timedOut &&
        output.exitCode !== null &&
        step.okExitCodes.includes(output.exitCode);
      // A verification probe's own exit code does not make the repair fail; its verdict does the judging.
      const status = step.verify ? 'succeeded' : ok ? 'succeeded' : signal.aborted ? 'cancelled' : 'failed';
      return {
        id: step.step.id,
        status,
        exitCode: output.exitCode,
        output: outputText(output),
        durationMs: output.durationMs,
      };
    };
    const skip = (step: PreparedStep, why: 'skipped' | 'cancelled'): void => {
      outcomes.set(step.step.id, { id: step.step.id, status: why, exitCode: null, output: '', durationMs: 0 });
    };

    for (let i = 0; i < steps.length; i += 1) {
      const step = steps[i]!;
      if (stopped) {
        skip(step, signal.aborted ? 'cancelled' : 'skipped');
        continue;
      }
      if (signal.aborted) {
        status = 'cancelled';
        stopped = true;
        skip(step, 'cancelled');
        continue;
      }
      if (step.step.kind === 'wait') {
        start(step);
        const result = await this.waitForLock(prepared, step, signal, onProgress);
        record(step, result.outcome);
        if (result.outcome.status !== 'succeeded') {
          status = result.outcome.status === 'cancelled' ? 'cancelled' : 'failed';
          message = result.message;
          stopped = true;
        }
        continue;
      }
      if (!step.step.elevated) {
        start(step);
        const output = await this.options.runner.run(guardCommand(step.spec!), { signal });
        const outcome = fromOutput(step, output);
        record(step, outcome);
        if (outcome.status !== 'succeeded') {
          status = outcome.status === 'cancelled' ? 'cancelled' : 'failed';
          stopped = true;
        }
        continue;
      }
      // The whole contiguous run of elevated steps: ONE elevated batch, journalled step by step around it.
      const batch: PreparedStep[] = [];
      while (i < steps.length && steps[i]!.step.elevated) batch.push(steps[i++]!);
      i -= 1;
      for (const s of batch) start(s);
      const result = await this.options.elevatedRunner.runBatch(
        batch.map((s) => guardCommand(s.spec!)),
        { signal, name: 'MSI Doctor' },
      );
      if (result.status === 'declined' || result.status === 'cancelled') {
        for (const s of batch)
          record(s, {
            id: s.step.id,
            status: result.status === 'declined' ? 'skipped' : 'cancelled',
            exitCode: null,
            output: result.message ?? '',
            durationMs: 0,
          });
        status = result.status === 'declined' ? 'elevation-declined' : 'cancelled';
        message = {
          key: result.status === 'declined' ? 'repair.message.elevation-declined' : 'repair.message.cancelled',
          params: {},
        };
        stopped = true;
        continue;
      }
      let batchFailed = false;
      batch.forEach((s, k) => {
        const output = result.outputs[k];
        if (!output || batchFailed) {
          // The batch stopped before this step (a failure or timeout): it did not run as far as we know.
          record(s, {
            id: s.step.id,
            status: 'skipped',
            exitCode: null,
            output: output ? outputText(output) : '',
            durationMs: output?.durationMs ?? 0,
          });
          return;
        }
        const outcome = fromOutput(s, output);
        record(s, outcome);
        if (outcome.status !== 'succeeded' && !s.verify) batchFailed = true;
      });
      if (batchFailed || result.status === 'failed' || result.status === 'timeout') {
        status = 'failed';
        if (result.status === 'timeout') message = { key: 'repair.message.timeout', params: {} };
        stopped = true;
      }
    }

    // Install steps: exit code, restart need, and the new log analyzed at once (fed back into the diagnosis by the caller).
    const installStep = steps.find(
      (s) => s.step.kind === 'run-install' || (s.spec?.file === 'msiexec.exe' && s.step.kind === 'change'),
    );
    const installOutput = installStep ? outputsByStep.get(installStep.step.id) : undefined;
    const installExit = installOutput?.exitCode ?? null;
    const rebootRequired = installExit !== null && REBOOT_CODES.includes(installExit);
    let installLog: RepairOutcome['installLog'] = null;
    if (prepared.built.installLog && installOutput) {
      let analysis: LogAnalysis | null = null;
      let error: string | null = null;
      if (this.options.analyzeLog) {
        try {
          analysis = await this.options.analyzeLog(prepared.built.installLog);
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
      }
      installLog = { path: prepared.built.installLog, exitCode: installExit, analysis, error };
    }

    // Verification: the probes behind the cause, re-run as plan steps above; parse them now.
    const verification: Evidence[] = [];
    const byProbe = new Map<string, { probe: ProbeDefinition; outputs: CommandOutput[]; elevated: boolean }>();
    for (const s of steps) {
      if (!s.verify) continue;
      const output = outputsByStep.get(s.step.id);
      if (!output) continue;
      const entry = byProbe.get(s.verify.probe.id) ?? { probe: s.verify.probe, outputs: [], elevated: s.step.elevated };
      entry.outputs.push(output);
      byProbe.set(s.verify.probe.id, entry);
    }
    for (const { probe, outputs, elevated } of byProbe.values()) {
      if (outputs.length === probe.commands(prepared.probeContext).length)
        verification.push(evidenceOf(probe, outputs, prepared.probeContext, elevated));
    }
    let verified: boolean | null = null;
    if (status === 'succeeded') {
      const check = VERIFY_CHECKS[plan.repair] as (
        e: ReturnType<typeof evidenceMap>,
        d: Record<string, unknown>,
      ) => boolean | null;
      const fromProbes = verification.length > 0 ? check(evidenceMap(verification), prepared.built.data) : null;
      const fromInstall =
        installStep && installOutput ? installExit !== null && installStep.okExitCodes.includes(installExit) : null;
      verified = fromInstall === null ? fromProbes : fromProbes === null ? fromInstall : fromInstall && fromProbes;
      if (plan.repair === 'wait-for-installer' && fromInstall !== null && fromProbes === false) verified = fromInstall;
    }
    if (status === 'succeeded' && verified === false) message = { key: 'repair.message.not-verified', params: {} };
    if (status === 'succeeded' && rebootRequired)
      message = { key: 'repair.message.restart-needed', params: { code: installExit ?? 0 } };
    if (status === 'failed' && !message && installExit !== null && !installStep!.okExitCodes.includes(installExit)) {
      message = { key: 'repair.message.install-failed', params: { code: installExit } };
    }
    if (status === 'failed' && !message) message = { key: 'repair.message.failed', params: {} };
    journal.append({ type: 'finish', at: this.clock.now().toISOString(), status, verified, rebootRequired });
    const changed = steps.some(
      (s) =>
        s.undo.length > 0 &&
        outcomes.get(s.step.id)?.status !== 'skipped' &&
        outcomes.get(s.step.id)?.status !== 'cancelled' &&
        outcomes.has(s.step.id),
    );
    return {
      schema: 'msi-doctor/repair@1',
      journalId: journal.journalId,
      plan,
      status,
      steps: steps.map(
        (s) =>
          outcomes.get(s.step.id) ?? { id: s.step.id, status: 'skipped', exitCode: null, output: '', durationMs: 0 },
      ),
      verified,
      verification,
      rebootRequired,
      undoAvailable: plan.reversible && changed,
      message,
      installLog,
    };
  }

  /** Polls the install lock through the install-in-progress probe, with countdown events, until free, limit or cancel. */
  private async waitForLock(
    prepared: Prepared,
    step: PreparedStep,
    signal: AbortSignal,
    onProgress: (p: RepairProgress) => void,
  ): Promise<{ outcome: RepairOutcome['steps'][number]; message: TextRef | null }> {
    const probe = this.probe('install-in-progress');
    const limit = (prepared.plan.params.waitLimitSeconds as number | undefined) ?? 600;
    const started = this.clock.now().getTime();
    const deadline = started + limit * 1000;
    let polls = 0;
    if (!probe) {
      return {
        outcome: {
          id: step.step.id,
          status: 'failed',
          exitCode: null,
          output: 'install-in-progress probe unavailable',
          durationMs: 0,
        },
        message: { key: 'repair.message.failed', params: {} },
      };
    }
    for (;;) {
      polls += 1;
      const evidence = await runProbeUnelevated(
        probe,
        this.options.runner,
        { ...prepared.probeContext, now: this.clock.now() },
        { signal },
      );
      const lock = evidenceMap([evidence])['install-in-progress'];
      const elapsed = this.clock.now().getTime() - started;
      if (lock && lockFree(lock)) {
        return {
          outcome: {
            id: step.step.id,
            status: 'succeeded',
            exitCode: 0,
            output: `lock free after ${Math.round(elapsed / 1000)} s (${polls} checks)`,
            durationMs: elapsed,
          },
          message: null,
        };
      }
      const remaining = Math.max(0, Math.ceil((deadline - this.clock.now().getTime()) / 1000));
      if (signal.aborted) {
        return {
          outcome: {
            id: step.step.id,
            status: 'cancelled',
            exitCode: null,
            output: `cancelled after ${polls} checks`,
            durationMs: elapsed,
          },
          message: { key: 'repair.message.cancelled', params: {} },
        };
      }
      if (remaining <= 0) {
        return {
          outcome: {
            id: step.step.id,
            status: 'failed',
            exitCode: null,
            output: `still busy after ${limit} s (${polls} checks)`,
            durationMs: elapsed,
          },
          message: { key: 'repair.message.wait-timeout', params: { seconds: limit } },
        };
      }
      onProgress({
        planId: prepared.plan.planId,
        stepId: step.step.id,
        phase: 'started',
        status: 'waiting',
        countdownSeconds: remaining,
      });
      await this.clock.sleep(Math.min(WAIT_POLL_SECONDS * 1000, remaining * 1000), signal);
    }
  }

  /** Undoes a run from its journal (works in a new process: everything needed is in the journal). */
  async undo(journalId: string, options: { onProgress?: (p: RepairProgress) => void } = {}): Promise<RepairOutcome> {
    const record = readJournal(this.options.dataDir, journalId);
    if (!record || !record.plan)
      throw new RepairError('not-found', { key: 'repair.refusal.journal-unknown', params: { journalId } });
    if (record.state === 'undone')
      throw new RepairError('invalid-input', { key: 'repair.refusal.already-undone', params: { journalId } });
    const plan = record.plan.plan;
    const pending = pendingUndo(record);
    if (!plan.reversible || pending.length === 0)
      throw new RepairError('invalid-input', { key: 'repair.refusal.not-reversible', params: { journalId } });
    // The journal is a file on disk: its commands are re-checked as if newly built (allowlist + guard).
    const work: Array<{ stepId: string; spec: CommandSpec; elevated: boolean }> = [];
    for (const step of pending) {
      for (const spec of step.undo) {
        if (!UNDO_PROGRAMS.test(spec.file.split(/[\\/]/).pop() ?? ''))
          throw new RepairError('forbidden', {
            key: 'repair.refusal.forbidden-command',
            params: { action: spec.file },
          });
        try {
          guardCommand(spec);
        } catch (error) {
          throw this.asRepairError(error);
        }
        work.push({ stepId: step.id, spec, elevated: step.elevated });
      }
    }
    const journal: Journal = openJournal(this.options.dataDir, journalId);
    journal.append({ type: 'undo-start', at: this.clock.now().toISOString(), stepIds: pending.map((s) => s.id) });
    const onProgress = options.onProgress ?? (() => {});
    const results: RepairOutcome['steps'] = [];
    let status: RepairOutcome['status'] = 'succeeded';
    /** Journals, reports and announces one undo command's result; no output means the batch never ran it. */
    const finishUndoStep = (stepId: string, output: CommandOutput | undefined): void => {
      const ok = !!output && output.error === null && output.exitCode === 0;
      if (!ok) status = 'failed';
      journal.append({
        type: 'undo-step-end',
        at: this.clock.now().toISOString(),
        stepId,
        status: ok ? 'succeeded' : 'failed',
        exitCode: output?.exitCode ?? null,
        output: output ? outputText(output) : '',
      });
      results.push({
        id: `undo-${stepId}`,
        status: ok ? 'succeeded' : 'failed',
        exitCode: output?.exitCode ?? null,
        output: output ? outputText(output) : 'not run',
        durationMs: output?.durationMs ?? 0,
      });
      onProgress({
        planId: plan.planId,
        stepId: `undo-${stepId}`,
        phase: 'finished',
        status: ok ? 'succeeded' : 'failed',
      });
    };
    const elevated = work.filter((w) => w.elevated);
    const plain = work.filter((w) => !w.elevated);
    // Elevated undo commands in one batch (one prompt); unelevated ones after, in journal order.
    if (elevated.length > 0) {
      for (const w of elevated) onProgress({ planId: plan.planId, stepId: `undo-${w.stepId}`, phase: 'started' });
      const result = await this.options.elevatedRunner.runBatch(
        elevated.map((w) => w.spec),
        { name: 'MSI Doctor' },
      );
      if (result.status === 'declined' || result.status === 'cancelled') {
        journal.append({ type: 'undo-finish', at: this.clock.now().toISOString(), status: 'elevation-declined' });
        return this.undoOutcome(
          journalId,
          plan,
          result.status === 'declined' ? 'elevation-declined' : 'cancelled',
          [],
          { key: 'repair.message.elevation-declined', params: {} },
        );
      }
      elevated.forEach((w, k) => finishUndoStep(w.stepId, result.outputs[k]));
    }
    for (const w of plain) {
      onProgress({ planId: plan.planId, stepId: `undo-${w.stepId}`, phase: 'started' });
      finishUndoStep(w.stepId, await this.options.runner.run(w.spec));
    }
    journal.append({
      type: 'undo-finish',
      at: this.clock.now().toISOString(),
      status: status === 'succeeded' ? 'succeeded' : 'failed',
    });
    return this.undoOutcome(journalId, plan, status, results, {
      key: status === 'succeeded' ? 'repair.message.undone' : 'repair.message.undo-failed',
      params: {},
    });
  }

  private undoOutcome(
    journalId: string,
    plan: RepairPlan,
    status: RepairOutcome['status'],
    steps: RepairOutcome['steps'],
    message: TextRef,
  ): RepairOutcome {
    return {
      schema: 'msi-doctor/repair@1',
      journalId,
      plan,
      status,
      steps,
      verified: null,
      verification: [],
      rebootRequired: false,
      undoAvailable: status !== 'succeeded',
      message,
      installLog: null,
    };
  }

  /** The exact CommandSpecs a prepared plan will run (tests compare them with what the runners received). */
  planSpecs(planId: string): CommandSpec[] | null {
    const prepared = this.prepared.get(planId);
    return prepared ? prepared.steps.flatMap((s) => (s.spec ? [s.spec] : [])) : null;
  }

  async listJournals(): Promise<JournalSummary[]> {
    return listJournals(this.options.dataDir);
  }

  /** Journals a crash left behind: reported on start, with undo offered when possible. */
  unfinishedJournals(): JournalSummary[] {
    return listJournals(this.options.dataDir).filter((j) => j.state === 'unfinished');
  }
}

/** Programs an undo command may run: the ones our catalog uses for undo, nothing else. */
const UNDO_PROGRAMS = /^(reg|icacls|sc|shutdown|powershell)(\.exe)?$/i;

/** Joins our data-dir parts in the target machine's separator style. */
function joinTarget(base: string, ...parts: string[]): string {
  const sep = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  return [base.replace(/[\\/]+$/, ''), ...parts].join(sep);
}
