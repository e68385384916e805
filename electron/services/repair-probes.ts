// Runs probe definitions for the repair service (plan-time facts, wait polling, verification) and turns outputs into Evidence.
import type { Evidence } from '../../shared/contract/evidence.ts';
import type { ProbeId } from '../../shared/contract/ids.ts';
import { readEvidenceData, type EvidenceDataMap } from '../../shared/contract/evidence-data.ts';
import type { ProbeContext, ProbeDefinition } from '../system/probes/probe.ts';
import type { CommandOutput, CommandRunner, RunOptions } from '../system/run/command-runner.ts';
import { describeCommand } from '../system/run/powershell.ts';

/** Pure: a probe's outputs -> Evidence (a throwing parser becomes an 'error' evidence, never an exception). */
export function evidenceOf(
  probe: ProbeDefinition,
  outputs: CommandOutput[],
  context: ProbeContext,
  elevated: boolean,
): Evidence {
  const raw = outputs.map((o) => ({
    command: describeCommand(o.spec),
    exitCode: o.exitCode,
    stdout: o.stdout,
    stderr: o.stderr,
    durationMs: o.durationMs,
    elevated: o.elevated,
  }));
  const durationMs = outputs.reduce((sum, o) => sum + o.durationMs, 0);
  try {
    const verdict = probe.parse(outputs, context, elevated);
    return {
      probe: probe.id,
      status: verdict.status,
      summary: verdict.summary,
      data: verdict.data,
      raw,
      error: null,
      durationMs,
      elevated,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      probe: probe.id,
      status: 'error',
      summary: { key: 'probe.error', params: {} },
      data: {},
      raw,
      error: message,
      durationMs,
      elevated,
    };
  }
}

/** Runs one probe unelevated, command after command. */
export async function runProbeUnelevated(
  probe: ProbeDefinition,
  runner: CommandRunner,
  context: ProbeContext,
  options?: RunOptions,
): Promise<Evidence> {
  const outputs: CommandOutput[] = [];
  for (const spec of probe.commands(context)) outputs.push(await runner.run(spec, options));
  return evidenceOf(probe, outputs, context, false);
}

/** Typed data by probe id from a list of evidence (latest wins; data that does not match its schema is left out). */
export function evidenceMap(evidence: Evidence[]): Partial<EvidenceDataMap> {
  const out: Partial<Record<ProbeId, unknown>> = {};
  for (const e of evidence) {
    const data = readEvidenceData(e.probe, e.data);
    if (data) out[e.probe] = data;
  }
  return out as Partial<EvidenceDataMap>;
}

/** Replaces evidence of the same probe: `base` overlaid by `fresh`. */
export function mergeEvidence(base: Evidence[], fresh: Evidence[]): Evidence[] {
  const replaced = new Set(fresh.map((e) => e.probe));
  return [...base.filter((e) => !replaced.has(e.probe)), ...fresh];
}
