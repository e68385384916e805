// Turns a probe's outputs (or its failure) into valid Evidence: parser errors and invalid verdicts never escape.
import { evidenceSchema, type Evidence, type RawOutput } from '../../shared/contract/evidence.ts';
import type { ProbeContext, ProbeDefinition, ProbeVerdict } from '../system/probes/probe.ts';
import type { CommandOutput, CommandSpec } from '../system/run/command-runner.ts';
import { describeCommand } from '../system/run/powershell.ts';

export class ScanCancelledError extends Error {
  override name = 'AbortError';
  constructor() {
    super('scan cancelled');
  }
}

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

/** Evidence for a probe that failed: status 'error', the message and whatever output it produced. */
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
    data: {},
    raw: outputs.map(rawOf),
    error: message,
    durationMs,
    elevated,
  };
}

export function notCheckedEvidence(probe: ProbeDefinition, reason: string): Evidence {
  return {
    probe: probe.id,
    status: 'not-checked',
    summary: { key: 'probe.not-checked', params: { probe: probe.id, reason } },
    data: {},
    raw: [],
    error: null,
    durationMs: 0,
    elevated: false,
  };
}

/** Parses outputs into Evidence; a throwing parser or an invalid verdict becomes 'error' evidence, never an exception. */
export function evidenceFrom(
  probe: ProbeDefinition,
  outputs: CommandOutput[],
  context: ProbeContext,
  elevated: boolean,
  durationMs: number,
): Evidence {
  let verdict: ProbeVerdict;
  try {
    verdict = probe.parse(outputs, context, elevated);
  } catch (error) {
    return errorEvidence(probe, `parser failed: ${(error as Error).message}`, outputs, durationMs, elevated);
  }
  const candidate = {
    probe: probe.id,
    status: verdict.status,
    summary: verdict.summary,
    data: verdict.data,
    raw: outputs.map(rawOf),
    error:
      verdict.status === 'error'
        ? (outputs.find((o) => o.error)?.error ?? 'the probe could not read the output')
        : null,
    durationMs,
    elevated,
  };
  const checked = evidenceSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return errorEvidence(
      probe,
      `invalid evidence (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
      outputs,
      durationMs,
      elevated,
    );
  }
  return checked.data;
}
