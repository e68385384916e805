// Shared helpers of the probes: marked PowerShell scripts with parameters, JSON output checks, verdict builders.
import { z } from 'zod';
import type { CheckedStatus } from '../../../shared/contract/evidence.ts';
import type { EvidenceDataMap } from '../../../shared/contract/evidence-data.ts';
import type { ProbeId } from '../../../shared/contract/ids.ts';
import type { CommandOutput, CommandSpec } from '../run/command-runner.ts';
import { parsePowerShellJson, powerShellSpec } from '../run/powershell.ts';
import { quotePowerShellLiteral } from '../run/quoting.ts';
import { preludeFor } from '../run/powershell-prelude.ts';
import type { ProbeVerdict } from './probe.ts';

/**
 * The script of a probe: a marker comment (the simulator recognises the script by it; harmless on Windows), the
 * parameters as one JSON literal (no value is ever spliced into PowerShell code), the prelude of the Windows
 * primitives the body calls (run/powershell-prelude.ts), then the body.
 * `kind` 'probe' scripts may share one powershell.exe (script-batch.ts); 'probe-alone' ones always get their own
 * process (a query that can hang, such as ConfigMgr's WMI method, must not take the other probes down with it).
 */
export function probeScript(
  probe: string,
  body: string,
  params: Record<string, unknown> = {},
  kind: 'probe' | 'probe-alone' = 'probe',
): string {
  return [
    `# msi-doctor:${kind}=${probe}`,
    `$params = ConvertFrom-Json ${quotePowerShellLiteral(JSON.stringify(params))}`,
    "$ErrorActionPreference = 'Continue'",
    preludeFor(body),
    body.trim(),
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function probeScriptSpec(
  probe: ProbeId,
  body: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): CommandSpec {
  // No label: reports show the command as it ran (powershell.exe ... -EncodedCommand <script, N base64 chars>), not a
  // name made of the probe's internal id; the script itself is in the report's raw output.
  return powerShellSpec(probeScript(probe, body, params), { timeoutMs });
}

/** A probe script that always runs in its own powershell.exe (`# msi-doctor:probe-alone=<name>`), never batched. */
export function probeProcessScriptSpec(
  name: string,
  body: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): CommandSpec {
  return powerShellSpec(probeScript(name, body, params, 'probe-alone'), { label: `powershell: ${name}`, timeoutMs });
}

/** An ISO time as the probes report it (.NET's 'o' format has 7 fractional digits, JavaScript's 3): one form. */
export function isoTime(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? text : new Date(t).toISOString();
}

/** A list of strings as ConvertTo-Json prints it: PowerShell 5.1 unrolls a one-item array and prints $null for none. */
export const psStringList = z
  .union([z.array(z.string()), z.string(), z.null()])
  .transform((v) => (v === null ? [] : Array.isArray(v) ? v : [v]));

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

/** The probe answered: its status, the summary text `probe.<probe>.<variant>` and its typed data. */
export function verdict<P extends ProbeId>(
  status: CheckedStatus,
  probe: P,
  variant: string,
  data: EvidenceDataMap[P],
  params: Record<string, string | number> = {},
): ProbeVerdict<P> {
  return { status, summary: { key: `probe.${probe}.${variant}`, params }, data };
}

/** The probe could not answer: status 'error' with the reason, no data (the raw output goes into the evidence anyway). */
export function errorVerdict<P extends ProbeId>(probe: P, reason: string): ProbeVerdict<P> {
  return { status: 'error', summary: { key: 'probe.error', params: { probe, reason } }, data: null };
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
