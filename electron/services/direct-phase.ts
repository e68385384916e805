// The unelevated phase of a scan: every probe's commands as few processes, a few at a time, each probe parsed as soon as
// its last output arrives. A runner that overruns a command's timeout cannot hold the scan: that probe becomes an error.
import type { Evidence } from '../../shared/contract/evidence.ts';
import type { ProbeContext, ProbeDefinition } from '../system/probes/probe.ts';
import type { CommandOutput, CommandRunner, CommandSpec } from '../system/run/command-runner.ts';
import { DEFAULT_TIMEOUT_MS } from '../system/run/process-runner.ts';
import { planCommands, routeOutput, slotsOf } from './command-plan.ts';
import { commandsOf, errorEvidence, evidenceFrom } from './probe-execution.ts';

/** Extra time a runner gets past a command's own timeout to kill it and report (taskkill of a tree is not instant). */
const OVERRUN_GRACE_MS = 1000;

/** Runs tasks with at most `limit` in flight. */
export async function mapLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}

/** runner.run with a hard stop: null when the runner ignored the timeout and cancel (the probe then reports it). */
export async function runGuarded(
  runner: CommandRunner,
  spec: CommandSpec,
  signal?: AbortSignal,
): Promise<CommandOutput | null> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<null>((resolve) => {
    timer = setTimeout(
      () => {
        controller.abort();
        resolve(null);
      },
      (spec.timeoutMs ?? DEFAULT_TIMEOUT_MS) + OVERRUN_GRACE_MS,
    );
  });
  try {
    return await Promise.race([runner.run(spec, { signal: controller.signal }), overrun]);
  } catch (error) {
    return {
      spec,
      exitCode: null,
      stdout: '',
      stderr: '',
      durationMs: 0,
      timedOut: false,
      error: (error as Error).message,
      elevated: false,
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

export interface DirectPhaseOptions {
  context: ProbeContext;
  runner: CommandRunner;
  concurrency: number;
  batchScripts: boolean;
  /** The app runs elevated: the parsers get elevated = true. */
  elevated: boolean;
  signal?: AbortSignal;
  checkCancel: () => void;
  onEvidence: (probe: ProbeDefinition, evidence: Evidence) => void;
}

export async function runDirect(probes: readonly ProbeDefinition[], o: DirectPhaseOptions): Promise<void> {
  const specsByProbe: CommandSpec[][] = [];
  const commandErrors: (string | null)[] = [];
  for (const probe of probes) {
    try {
      specsByProbe.push(commandsOf(probe, o.context));
      commandErrors.push(null);
    } catch (error) {
      specsByProbe.push([]);
      commandErrors.push(`could not build the commands: ${(error as Error).message}`);
    }
  }
  const outputs: (CommandOutput | undefined)[][] = specsByProbe.map(
    (specs) => new Array<CommandOutput | undefined>(specs.length),
  );
  const waiting = specsByProbe.map((specs) => specs.length);
  const overrun: (string | null)[] = probes.map(() => null);

  const finalize = (i: number): void => {
    const probe = probes[i]!;
    const got = outputs[i]!.filter((x): x is CommandOutput => x !== undefined);
    const duration = got.reduce((sum, x) => sum + x.durationMs, 0);
    const failure = commandErrors[i] ?? overrun[i];
    o.onEvidence(
      probe,
      failure
        ? errorEvidence(probe, failure, got, duration, o.elevated)
        : evidenceFrom(probe, got, o.context, o.elevated, duration),
    );
  };
  probes.forEach((_, i) => {
    if (waiting[i] === 0) finalize(i);
  });

  const units = planCommands(specsByProbe, { batch: o.batchScripts });
  await mapLimited(units, o.concurrency, async (unit) => {
    o.checkCancel();
    const output = await runGuarded(o.runner, unit.spec, o.signal);
    o.checkCancel();
    const routed = output ? routeOutput(unit, output) : slotsOf(unit).map((slot) => ({ slot, output: undefined }));
    for (const { slot, output: part } of routed) {
      if (part) outputs[slot.probe]![slot.command] = part;
      else overrun[slot.probe] = `timed out after ${unit.spec.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`;
      if (--waiting[slot.probe]! === 0) finalize(slot.probe);
    }
  });
}
