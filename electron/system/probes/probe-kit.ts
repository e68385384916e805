// Shared helpers of the probes: marked PowerShell scripts with parameters, JSON output checks, verdict builders.
import type { z } from 'zod';
import type { EvidenceStatus } from '../../../shared/contract/evidence.ts';
import type { ProbeId } from '../../../shared/contract/ids.ts';
import type { CommandOutput, CommandSpec } from '../run/command-runner.ts';
import { parsePowerShellJson, powerShellSpec } from '../run/powershell.ts';
import { quotePowerShellLiteral } from '../run/quoting.ts';
import type { ProbeVerdict } from './probe.ts';

/**
 * The script of a probe: a marker comment (the simulator recognises the script by it; harmless on Windows) and the
 * parameters as one JSON literal, so no value is ever spliced into PowerShell code.
 */
export function probeScript(probe: ProbeId, body: string, params: Record<string, unknown> = {}): string {
  return [
    `# msi-doctor:probe=${probe}`,
    `$params = ConvertFrom-Json ${quotePowerShellLiteral(JSON.stringify(params))}`,
    "$ErrorActionPreference = 'Continue'",
    body.trim(),
  ].join('\n');
}

export function probeScriptSpec(
  probe: ProbeId,
  body: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): CommandSpec {
  return powerShellSpec(probeScript(probe, body, params), { label: `powershell: ${probe} probe`, timeoutMs });
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Why a command gave no usable output (timeout, not started, cancelled), or null when it ran. */
export function failureOf(output: CommandOutput | undefined): string | null {
  if (!output) return 'the command did not run';
  if (output.timedOut) return `timed out after ${output.durationMs} ms`;
  if (output.error) return output.error;
  return null;
}

/** The one JSON object a probe script printed, validated against the probe's raw-output schema. */
export function readScriptJson<S extends z.ZodType>(output: CommandOutput | undefined, schema: S): Parsed<z.infer<S>> {
  const failure = failureOf(output);
  if (failure) return { ok: false, error: failure };
  const json = parsePowerShellJson(output!.stdout);
  if (!json.ok) {
    const stderr = output!.stderr.trim().split(/\r?\n/)[0] ?? '';
    return {
      ok: false,
      error: `${json.error}${stderr ? ` (stderr: ${stderr.slice(0, 200)})` : ''} (exit code ${output!.exitCode})`,
    };
  }
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `unexpected script output at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  return { ok: true, value: parsed.data };
}

export function verdict<D extends object>(
  status: EvidenceStatus,
  probe: ProbeId,
  variant: string,
  data: D,
  params: Record<string, string | number> = {},
): ProbeVerdict {
  return {
    status,
    summary: { key: `probe.${probe}.${variant}`, params },
    data: data as unknown as Record<string, unknown>,
  };
}

/** The probe could not answer: status 'error' with the reason (the raw output goes into the evidence anyway). */
export function errorVerdict(probe: ProbeId, reason: string): ProbeVerdict {
  return { status: 'error', summary: { key: 'probe.error', params: { probe, reason } }, data: {} };
}

/** Whole minutes between an ISO date and now (null for a missing/invalid date). */
export function ageMinutes(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : Math.max(0, Math.round((now.getTime() - t) / 60_000));
}

/** Contains a character outside printable ASCII (CJK user names, accented letters). */
export function hasNonAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(text);
}
