// Batches several probe PowerShell scripts into as few powershell.exe processes as the command-line limit allows,
// and splits the combined output back into one CommandOutput per script (PowerShell start-up dominates probe time).
import type { CommandOutput, CommandSpec } from '../run/command-runner.ts';
import {
  isRestrictedLanguage,
  parsePowerShellJson,
  POWERSHELL_PREFIX,
  powerShellSpec,
  scriptOfSpec,
} from '../run/powershell.ts';
import { MAX_COMMAND_LINE } from '../run/quoting.ts';
import { failureOf } from './probe-kit.ts';

export interface BatchPart {
  /** Unique key, e.g. 'temp-folders#0'. */
  key: string;
  spec: CommandSpec;
}

export interface ScriptBatch {
  spec: CommandSpec;
  parts: BatchPart[];
}

/** A spec built by probeScriptSpec (a marked probe script), which can share a PowerShell process with others. */
export function isBatchable(spec: CommandSpec): boolean {
  const script = scriptOfSpec(spec);
  return script !== null && /^# msi-doctor:probe=/m.test(script);
}

function bodyOf(spec: CommandSpec): string {
  const script = scriptOfSpec(spec) ?? '';
  return script.startsWith(POWERSHELL_PREFIX + '\n') ? script.slice(POWERSHELL_PREFIX.length + 1) : script;
}

const safeKey = (key: string): string => key.replace(/[^\w#.-]/g, '_');

/**
 * Each script runs in its own scriptblock (its functions and $params stay local); its printed JSON is captured with
 * Out-String, its terminating error as text, its time in ms. The batch prints one JSON object keyed by part.
 */
export function batchScript(parts: BatchPart[]): string {
  const lines = ['# msi-doctor:batch=probes', '$__out = [ordered]@{}'];
  for (const part of parts) {
    const key = safeKey(part.key);
    lines.push(
      '$__sw = [Diagnostics.Stopwatch]::StartNew(); $__e = $null; $__o = $null',
      'try { $__o = & {',
      `# msi-doctor:part=${key}`,
      bodyOf(part.spec),
      '# msi-doctor:end-part',
      '} 2>$null | Out-String } catch { $__e = "$_" }',
      `$__out['${key}'] = [pscustomobject]@{ stdout = "$__o"; stderr = $__e; ms = [int]$__sw.ElapsedMilliseconds }`,
    );
  }
  lines.push('$__out | ConvertTo-Json -Compress -Depth 3');
  return lines.join('\n');
}

function batchSpec(parts: BatchPart[]): CommandSpec {
  const timeoutMs = Math.min(
    60_000,
    parts.reduce((n, p) => n + (p.spec.timeoutMs ?? 15_000), 0),
  );
  return powerShellSpec(batchScript(parts), {
    label: `powershell: ${parts.map((p) => p.key.replace(/#\d+$/, '')).join(', ')}`,
    timeoutMs,
  });
}

/** Greedy packing of marked scripts into batches whose command line stays under Windows' 32,767-character limit. */
export function batchScripts(parts: BatchPart[], maxCommandLine = MAX_COMMAND_LINE - 512): ScriptBatch[] {
  const length = (spec: CommandSpec): number => spec.file.length + 3 + spec.args.join(' ').length;
  const batches: ScriptBatch[] = [];
  let current: BatchPart[] = [];
  for (const part of parts) {
    const candidate = [...current, part];
    let fits = false;
    try {
      fits = length(batchSpec(candidate)) <= maxCommandLine;
    } catch {
      fits = false; // powerShellSpec refuses over-long scripts
    }
    if (fits || current.length === 0) current = candidate;
    else {
      batches.push({ spec: batchSpec(current), parts: current });
      current = [part];
    }
  }
  if (current.length) batches.push({ spec: batchSpec(current), parts: current });
  return batches;
}

/** One CommandOutput per part, as if each script had run alone (the batch's failure is given to every part). */
export function splitBatchOutput(batch: ScriptBatch, output: CommandOutput): Map<string, CommandOutput> {
  const result = new Map<string, CommandOutput>();
  // Constrained Language stopped the batch at its first line: every part says so (evidence: "PowerShell is restricted").
  if (isRestrictedLanguage(output.stdout)) {
    for (const part of batch.parts) result.set(part.key, { ...output, spec: part.spec, error: null });
    return result;
  }
  const failure = failureOf(output);
  const json = failure ? null : parsePowerShellJson(output.stdout);
  const share = Math.round(output.durationMs / Math.max(1, batch.parts.length));
  for (const part of batch.parts) {
    const base: CommandOutput = {
      spec: part.spec,
      exitCode: output.exitCode,
      stdout: '',
      stderr: '',
      durationMs: share,
      timedOut: output.timedOut,
      error: failure,
      elevated: output.elevated,
    };
    const entry = json?.ok ? json.value[safeKey(part.key)] : undefined;
    if (entry && typeof entry === 'object') {
      const e = entry as { stdout?: unknown; stderr?: unknown; ms?: unknown };
      result.set(part.key, {
        ...base,
        exitCode: 0,
        stdout: typeof e.stdout === 'string' ? e.stdout : '',
        stderr: typeof e.stderr === 'string' ? e.stderr : '',
        durationMs: typeof e.ms === 'number' ? e.ms : share,
      });
    } else {
      const why =
        failure ?? (json && !json.ok ? `batch output unreadable: ${json.error}` : 'missing from the batch output');
      result.set(part.key, { ...base, error: why, stderr: output.stderr });
    }
  }
  return result;
}
