// Running a plan's steps: one strategy per step kind (wait = poll the repair's probe; a command = the unelevated runner;
// a contiguous run of elevated steps = ONE elevated batch), all journalled through one recorder.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ApiEvents } from '../../shared/contract/api.ts';
import type { TextRef } from '../../shared/contract/evidence.ts';
import type { RepairOutcome } from '../../shared/contract/repair.ts';
import type { ProbeDefinition } from '../system/probes/probe.ts';
import { evidenceMap, runProbe } from '../system/probes/run-probe.ts';
import type { CommandOutput, CommandRunner, ElevatedRunner } from '../system/run/command-runner.ts';
import { batchTimeoutMs } from '../system/run/elevated-script.ts';
import { guardCommand } from '../system/repairs/command-guard.ts';
import { MAX_OUTPUT_CHARS, type Journal } from './journal.ts';
import { joinTarget, stepCommands, type PreparedPlan, type PreparedStep } from './repair-planner.ts';

export type RepairProgress = ApiEvents['repairProgress'];
export type StepOutcome = RepairOutcome['steps'][number];

/** Time, injectable so the wait countdown is tested without waiting. */
export interface RepairClock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Test hooks around each step; a throw simulates a crash between steps (the journal must stay recoverable). */
export interface StepHooks {
  beforeStep?(stepId: string): void;
  afterStep?(stepId: string): void;
}

export interface StepRunnerDeps {
  runner: CommandRunner;
  elevatedRunner: ElevatedRunner;
  probes: readonly ProbeDefinition[];
  clock: RepairClock;
  hooks?: StepHooks;
  /** Host folder of our data (backups are hashed there when the target machine shares it). */
  dataDir: string;
  targetDataDir: string;
  /** The target machine's disk when our data folder there is not this host's (a simulated machine). */
  readTarget?: TargetFileReader;
  /** The signed-in user's SID: per-user steps run elevated only as this account. */
  userSid: string | null;
  /** Told the account each elevated batch ran as. */
  onElevatedSid?: (sid: string) => void;
}

function truncate(text: string): string {
  return text.length > MAX_OUTPUT_CHARS
    ? `${text.slice(0, MAX_OUTPUT_CHARS)}\n[... ${text.length - MAX_OUTPUT_CHARS} more characters]`
    : text;
}

export function outputText(o: CommandOutput): string {
  return truncate([o.stdout, o.stderr, o.error ?? ''].filter((s) => s.trim() !== '').join('\n'));
}

/** SHA-256 and size of a backup file on this host, or null when it is not there. */
export function hashFile(path: string): { sha256: string; bytes: number } | null {
  if (!existsSync(path)) return null;
  return hashBytes(readFileSync(path));
}

export function hashBytes(bytes: Uint8Array): { sha256: string; bytes: number } {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** Reads a file of the target machine's own disk (a simulated machine's), where our data folder is not this host's. */
export type TargetFileReader = (path: string) => Uint8Array | null;

/**
 * A run's backup file: from this host's data folder, or from the target machine's disk through its reader. Null when
 * it is not there; undefined when the target's disk cannot be read from here (another machine).
 */
export function readBackup(
  deps: { dataDir: string; targetDataDir: string; readTarget?: TargetFileReader | undefined },
  journalId: string,
  file: string,
): Uint8Array | null | undefined {
  if (deps.targetDataDir === deps.dataDir) {
    const path = joinTarget(deps.dataDir, 'backups', journalId, file);
    return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
  }
  return deps.readTarget ? deps.readTarget(joinTarget(deps.targetDataDir, 'backups', journalId, file)) : undefined;
}

/** Journals, reports and announces each step: the one place a step's start and end are written. */
export class RunRecorder {
  readonly outcomes = new Map<string, StepOutcome>();
  /** Each step's command outputs, in order (a verification has one per command of its probe). */
  readonly outputs = new Map<string, CommandOutput[]>();

  constructor(
    private readonly journal: Journal,
    private readonly prepared: PreparedPlan,
    private readonly deps: StepRunnerDeps,
    private readonly onProgress: (p: RepairProgress) => void,
  ) {}

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  start(step: PreparedStep): void {
    this.journal.append({ type: 'step-start', at: this.now(), stepId: step.step.id });
    this.deps.hooks?.beforeStep?.(step.step.id);
    this.onProgress({ planId: this.prepared.plan.planId, stepId: step.step.id, phase: 'started' });
  }

  record(step: PreparedStep, outcome: StepOutcome): void {
    this.outcomes.set(step.step.id, outcome);
    this.journal.append({
      type: 'step-end',
      at: this.now(),
      stepId: step.step.id,
      status: outcome.status,
      exitCode: outcome.exitCode,
      output: outcome.output,
      durationMs: outcome.durationMs,
    });
    if (outcome.status === 'succeeded' && step.backupFile) this.recordBackup(step.step.id, step.backupFile);
    this.onProgress({
      planId: this.prepared.plan.planId,
      stepId: step.step.id,
      phase: 'finished',
      status: outcome.status,
    });
    this.deps.hooks?.afterStep?.(step.step.id);
  }

  /** The backup's hash goes into the journal right after its step: undo restores it only if it still matches. */
  private recordBackup(stepId: string, file: string): void {
    const bytes = readBackup(this.deps, this.prepared.journalId, file);
    if (bytes) this.journal.append({ type: 'backup', at: this.now(), stepId, file, ...hashBytes(bytes) });
  }

  skip(step: PreparedStep, why: 'skipped' | 'cancelled'): void {
    this.outcomes.set(step.step.id, { id: step.step.id, status: why, exitCode: null, output: '', durationMs: 0 });
  }

  /**
   * The outputs of a step's commands (one, or a verification's several) as the step's outcome: the first that failed
   * gives its exit code. A verify step's own exit codes never fail the repair (its probe's parse judges them).
   */
  fromOutputs(step: PreparedStep, outputs: CommandOutput[], signal: AbortSignal): StepOutcome {
    this.outputs.set(step.step.id, outputs);
    const ok = (o: CommandOutput) =>
      o.error === null && !o.timedOut && o.exitCode !== null && step.okExitCodes.includes(o.exitCode);
    const failing = outputs.find((o) => !ok(o));
    const allOk = outputs.length > 0 && failing === undefined;
    const status = step.verify ? 'succeeded' : allOk ? 'succeeded' : signal.aborted ? 'cancelled' : 'failed';
    return {
      id: step.step.id,
      status,
      exitCode: (failing ?? outputs.at(-1))?.exitCode ?? null,
      output: truncate(
        outputs
          .map(outputText)
          .filter((t) => t !== '')
          .join('\n'),
      ),
      durationMs: outputs.reduce((sum, o) => sum + o.durationMs, 0),
    };
  }
}

/** Why a strategy stopped the run (later steps are skipped). */
export interface StepStop {
  status: RepairOutcome['status'];
  message: TextRef | null;
}

export interface StrategyContext {
  prepared: PreparedPlan;
  recorder: RunRecorder;
  deps: StepRunnerDeps;
  signal: AbortSignal;
  onProgress: (p: RepairProgress) => void;
}

/** A strategy runs the step at `index` (and maybe the ones after it) and says where to go on, or why to stop. */
type Strategy = (
  steps: PreparedStep[],
  index: number,
  ctx: StrategyContext,
) => Promise<{ next: number; stop: StepStop | null }>;

/** 'wait': polls the repair's own condition (RepairDefinition.wait) with countdown events, until done, limit or cancel. */
const waitStrategy: Strategy = async (steps, index, ctx) => {
  const step = steps[index]!;
  ctx.recorder.start(step);
  const result = await waitFor(step, ctx);
  ctx.recorder.record(step, result.outcome);
  const stop =
    result.outcome.status === 'succeeded'
      ? null
      : {
          status: result.outcome.status === 'cancelled' ? ('cancelled' as const) : ('failed' as const),
          message: result.message,
        };
  return { next: index + 1, stop };
};

async function waitFor(
  step: PreparedStep,
  ctx: StrategyContext,
): Promise<{ outcome: StepOutcome; message: TextRef | null }> {
  const { prepared, deps, signal } = ctx;
  const condition = prepared.definition.wait;
  const probe = condition ? deps.probes.find((p) => p.id === condition.probe) : undefined;
  const fail = (status: StepOutcome['status'], output: string, durationMs: number, message: TextRef) => ({
    outcome: { id: step.step.id, status, exitCode: null, output, durationMs },
    message,
  });
  if (!condition || !probe)
    return fail('failed', 'the probe this step waits on is unavailable', 0, {
      key: 'repair.message.failed',
      params: {},
    });
  const limit = prepared.params.waitLimitSeconds ?? 600;
  const started = deps.clock.now().getTime();
  const deadline = started + limit * 1000;
  for (let polls = 1; ; polls += 1) {
    const evidence = await runProbe(
      probe,
      deps.runner,
      { ...prepared.probeContext, now: deps.clock.now() },
      { signal },
    );
    const elapsed = deps.clock.now().getTime() - started;
    if (condition.done(evidenceMap([evidence]))) {
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
    const remaining = Math.max(0, Math.ceil((deadline - deps.clock.now().getTime()) / 1000));
    if (signal.aborted)
      return fail('cancelled', `cancelled after ${polls} checks`, elapsed, {
        key: 'repair.message.cancelled',
        params: {},
      });
    if (remaining <= 0)
      return fail('failed', `still busy after ${limit} s (${polls} checks)`, elapsed, {
        key: 'repair.message.wait-timeout',
        params: { seconds: limit },
      });
    ctx.onProgress({
      planId: prepared.plan.planId,
      stepId: step.step.id,
      phase: 'started',
      status: 'waiting',
      countdownSeconds: remaining,
    });
    await deps.clock.sleep(Math.min(condition.pollSeconds * 1000, remaining * 1000), signal);
  }
}

/** One unelevated step (its command, or a verification's commands in order), each re-checked by the guard right before it runs. */
const commandStrategy: Strategy = async (steps, index, ctx) => {
  const step = steps[index]!;
  ctx.recorder.start(step);
  const outputs: CommandOutput[] = [];
  for (const spec of stepCommands(step)) {
    outputs.push(await ctx.deps.runner.run(guardCommand(spec), { signal: ctx.signal }));
    if (ctx.signal.aborted) break;
  }
  const outcome = ctx.recorder.fromOutputs(step, outputs, ctx.signal);
  ctx.recorder.record(step, outcome);
  const stop =
    outcome.status === 'succeeded'
      ? null
      : { status: outcome.status === 'cancelled' ? ('cancelled' as const) : ('failed' as const), message: null };
  return { next: index + 1, stop };
};

/** The whole contiguous run of elevated steps: ONE elevated batch (one UAC prompt), journalled step by step around it. */
const elevatedBatchStrategy: Strategy = async (steps, index, ctx) => {
  const batch: PreparedStep[] = [];
  let i = index;
  while (i < steps.length && steps[i]!.step.elevated) batch.push(steps[i++]!);
  for (const s of batch) ctx.recorder.start(s);
  const specs = batch.flatMap((s) => stepCommands(s).map((spec) => guardCommand(spec)));
  const result = await ctx.deps.elevatedRunner.runBatch(specs, {
    signal: ctx.signal,
    timeoutMs: batchTimeoutMs(specs),
    name: 'MSI Doctor',
    userSid: ctx.deps.userSid,
  });
  if (result.elevatedSid) ctx.deps.onElevatedSid?.(result.elevatedSid);
  if (result.status === 'declined' || result.status === 'cancelled') {
    const declined = result.status === 'declined';
    for (const s of batch)
      ctx.recorder.record(s, {
        id: s.step.id,
        status: declined ? 'skipped' : 'cancelled',
        exitCode: null,
        output: result.message ?? '',
        durationMs: 0,
      });
    return {
      next: i,
      stop: {
        status: declined ? 'elevation-declined' : 'cancelled',
        message: { key: declined ? 'repair.message.elevation-declined' : 'repair.message.cancelled', params: {} },
      },
    };
  }
  let failed = false;
  let at = 0;
  for (const s of batch) {
    // The batch's outputs in command order: each step takes as many as it has commands.
    const count = stepCommands(s).length;
    const outputs = result.outputs.slice(at, at + count).filter((o): o is CommandOutput => o !== undefined);
    at += count;
    if (outputs.length < count || failed) {
      // The batch stopped before this step (a failure or timeout): it did not run as far as we know.
      ctx.recorder.record(s, {
        id: s.step.id,
        status: 'skipped',
        exitCode: null,
        output: truncate(outputs.map(outputText).join('\n')),
        durationMs: outputs.reduce((sum, o) => sum + o.durationMs, 0),
      });
      continue;
    }
    const outcome = ctx.recorder.fromOutputs(s, outputs, ctx.signal);
    ctx.recorder.record(s, outcome);
    if (outcome.status !== 'succeeded' && !s.verify) failed = true;
  }
  if (failed || result.status === 'failed' || result.status === 'timeout')
    return {
      next: i,
      stop: {
        status: 'failed',
        message: result.status === 'timeout' ? { key: 'repair.message.timeout', params: {} } : null,
      },
    };
  return { next: i, stop: null };
};

function strategyFor(step: PreparedStep): Strategy {
  if (step.step.kind === 'wait') return waitStrategy;
  return step.step.elevated ? elevatedBatchStrategy : commandStrategy;
}

/** Runs the steps in order; a stop skips the rest. Returns the run's status and message so far. */
export async function runSteps(ctx: StrategyContext): Promise<StepStop> {
  const steps = ctx.prepared.steps;
  let stop: StepStop | null = null;
  for (let i = 0; i < steps.length;) {
    if (stop || ctx.signal.aborted) {
      if (!stop) stop = { status: 'cancelled', message: null };
      ctx.recorder.skip(steps[i]!, ctx.signal.aborted ? 'cancelled' : 'skipped');
      i += 1;
      continue;
    }
    const result = await strategyFor(steps[i]!)(steps, i, ctx);
    i = result.next;
    stop = result.stop;
  }
  return stop ?? { status: 'succeeded', message: null };
}
