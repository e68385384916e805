// The one way to turn a probe's outputs into Evidence (schema-validated; parser errors, invalid verdicts and Constrained
// Language become evidence, never exceptions) and the one runProbe used by scans' helpers, repairs and the scenario checker.
import { evidenceSchema, type Evidence, type RawOutput } from '../../../shared/contract/evidence.ts';
import type { ProbeId } from '../../../shared/contract/ids.ts';
import type { EvidenceDataMap } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput, CommandRunner, CommandSpec, RunOptions } from '../run/command-runner.ts';
import { describeCommand, isRestrictedLanguage, scriptOfSpec } from '../run/powershell.ts';
import type { ProbeContext, ProbeDefinition, ProbeVerdict } from './probe.ts';

/** notChecked reason (and evidence summary) when PowerShell runs in Constrained Language (AppLocker/WDAC). */
export const POWERSHELL_CONSTRAINED = 'powershell-constrained';

export function rawOf(output: CommandOutput): RawOutput {
  return {
    command: describeCommand(output.spec),
    exitCode: output.exitCode,
    stdout: output.stdout,
    stderr: output.error && !output.stderr ? output.error : output.stderr,
    durationMs: output.durationMs,
    elevated: output.elevated,
  };
}

/** The probe's commands with its timeout applied to any command that has none. */
export function commandsOf(probe: ProbeDefinition, context: ProbeContext): CommandSpec[] {
  return probe
    .commands(context)
    .map((spec) => (spec.timeoutMs === undefined ? { ...spec, timeoutMs: probe.timeoutMs } : spec));
}

/** Evidence for a probe that failed: status 'error', the message (filling the text's {reason}) and its output. */
export function errorEvidence(
  probe: ProbeDefinition,
  message: string,
  outputs: CommandOutput[],
  durationMs: number,
  elevated: boolean,
): Evidence {
  return {
    probe: probe.id,
    status: 'error',
    // Keys of shared/knowledge/texts/probes.ts, so the UI, report and CLI translate them like any probe summary.
    summary: { key: 'probe.error', params: { probe: probe.id, reason: message.slice(0, 300) } },
    data: null,
    raw: outputs.map(rawOf),
    error: message,
    durationMs,
    elevated,
  };
}

export function notCheckedEvidence(
  probe: ProbeDefinition,
  reason: string,
  outputs: CommandOutput[] = [],
  elevated = false,
): Evidence {
  return {
    probe: probe.id,
    status: 'not-checked',
    summary: {
      key: reason === POWERSHELL_CONSTRAINED ? 'probe.not-checked.powershell-constrained' : 'probe.not-checked',
      params: { probe: probe.id, reason },
    },
    data: null,
    raw: outputs.map(rawOf),
    error: null,
    durationMs: outputs.reduce((n, o) => n + o.durationMs, 0),
    elevated,
  };
}

/** A PowerShell command of the probe reported a restricted language mode (its first output line). */
export function ranConstrained(outputs: readonly CommandOutput[]): boolean {
  return outputs.some((o) => scriptOfSpec(o.spec) !== null && isRestrictedLanguage(o.stdout));
}

/**
 * Parses outputs into Evidence, always schema-validated. A throwing parser or an invalid verdict becomes 'error'
 * evidence; a probe whose PowerShell ran in Constrained Language and whose native fallbacks (reg.exe, sc.exe, whoami)
 * could not answer becomes 'not-checked' with that reason.
 */
export function evidenceFrom(
  probe: ProbeDefinition,
  outputs: CommandOutput[],
  context: ProbeContext,
  elevated: boolean,
  durationMs = outputs.reduce((n, o) => n + o.durationMs, 0),
): Evidence {
  const constrained = ranConstrained(outputs);
  let verdict: ProbeVerdict;
  try {
    verdict = probe.parse(outputs, context, elevated);
  } catch (error) {
    if (constrained) return notCheckedEvidence(probe, POWERSHELL_CONSTRAINED, outputs, elevated);
    return errorEvidence(probe, `parser failed: ${(error as Error).message}`, outputs, durationMs, elevated);
  }
  if (constrained && verdict.status === 'error')
    return notCheckedEvidence(probe, POWERSHELL_CONSTRAINED, outputs, elevated);
  return evidenceOfVerdict(
    probe,
    verdict,
    outputs.map(rawOf),
    durationMs,
    elevated,
    outputs.find((o) => o.error)?.error,
  );
}

/** A verdict as schema-validated Evidence (an error's {reason} always filled; invalid evidence becomes an error). */
function evidenceOfVerdict(
  probe: ProbeDefinition,
  verdict: ProbeVerdict,
  raw: RawOutput[],
  durationMs: number,
  elevated: boolean,
  outputError?: string | null,
): Evidence {
  const reason =
    verdict.status === 'error'
      ? String(verdict.summary.params.reason ?? outputError ?? 'the probe could not read the output')
      : null;
  const candidate = {
    probe: probe.id,
    status: verdict.status,
    // An error verdict's text has a {reason}: it is always filled.
    summary:
      verdict.status === 'error'
        ? { key: verdict.summary.key, params: { ...verdict.summary.params, reason: reason! } }
        : verdict.summary,
    data: verdict.data,
    raw,
    error: reason,
    durationMs,
    elevated,
  };
  const checked = evidenceSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return {
      ...errorEvidence(
        probe,
        `invalid evidence (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
        [],
        durationMs,
        elevated,
      ),
      raw,
    };
  }
  return checked.data;
}

/**
 * The evidence of a 'better' probe that ran unelevated and in the elevated batch: the elevated answer, unless it is an
 * error (then the unelevated one stands), merged with the unelevated one when the probe says how (mergeElevated:
 * temp-folders keeps the user-TEMP facts of the user's own token).
 */
export function combineElevated(
  probe: ProbeDefinition,
  unelevated: Evidence | undefined,
  elevated: Evidence,
  context: ProbeContext,
): Evidence {
  if (!unelevated) return elevated;
  if (elevated.status === 'error' && unelevated.status !== 'error') return unelevated;
  if (!probe.mergeElevated || unelevated.status === 'error' || elevated.status === 'error') return elevated;
  // Not checked (or failed): no data to merge.
  if (unelevated.data === null || elevated.data === null) return elevated;
  let verdict: ProbeVerdict;
  try {
    verdict = probe.mergeElevated(unelevated.data, elevated.data, context);
  } catch (error) {
    return errorEvidence(probe, `merging failed: ${(error as Error).message}`, [], elevated.durationMs, true);
  }
  return evidenceOfVerdict(
    probe,
    verdict,
    [...unelevated.raw, ...elevated.raw],
    unelevated.durationMs + elevated.durationMs,
    true,
  );
}

/** Runs one probe's commands one after the other (unelevated, or on an elevated runner's behalf) and parses them. */
export async function runProbe(
  probe: ProbeDefinition,
  runner: CommandRunner,
  context: ProbeContext,
  options: RunOptions & { elevated?: boolean } = {},
): Promise<Evidence> {
  const outputs: CommandOutput[] = [];
  let specs: CommandSpec[];
  try {
    specs = commandsOf(probe, context);
  } catch (error) {
    return errorEvidence(probe, `could not build the commands: ${(error as Error).message}`, [], 0, false);
  }
  for (const spec of specs) outputs.push(await runner.run(spec, options.signal ? { signal: options.signal } : {}));
  return evidenceFrom(probe, outputs, context, options.elevated ?? false);
}

/** Typed data by probe id from a list of evidence (latest wins; a probe that gave no answer is left out). */
export function evidenceMap(evidence: Evidence[]): Partial<EvidenceDataMap> {
  const out: Partial<Record<ProbeId, unknown>> = {};
  for (const e of evidence) if (e.data !== null) out[e.probe] = e.data;
  // Each entry is its own probe's data (typed by the Evidence union); a record keyed by a union cannot say so.
  return out as Partial<EvidenceDataMap>;
}

/** Replaces evidence of the same probe: `base` overlaid by `fresh`. */
export function mergeEvidence(base: Evidence[], fresh: Evidence[]): Evidence[] {
  const replaced = new Set(fresh.map((e) => e.probe));
  return [...base.filter((e) => !replaced.has(e.probe)), ...fresh];
}
