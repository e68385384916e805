// Pure pieces of the elevated batch: the PowerShell script built from CommandSpecs, its result file parser, the status rules.
import { z } from 'zod';
import type { CommandOutput, CommandSpec, ElevatedBatchResult } from './command-runner.ts';
import { decodeOutput } from './output-decoding.ts';
import { joinWindowsArgv, quotePowerShellLiteral } from './quoting.ts';
import { DEFAULT_TIMEOUT_MS } from './process-runner.ts';
import { LANGUAGE_MARKER, encodePowerShellCommand, scriptOfSpec } from './powershell.ts';
import { nativeProgramPath } from './windows-programs.ts';

export const ELEVATED_RESULT_VERSION = 1;
/** sudo-prompt's one and only error text for "PowerShell Start-Process -Verb runAs failed" (cancel, policy, broken PS). */
export const SUDO_PERMISSION_DENIED = 'User did not grant permission.';

/** How long the administrator prompt may wait for an answer (the batch's clock starts before the prompt shows). */
export const ELEVATION_PROMPT_ALLOWANCE_MS = 5 * 60_000;

/**
 * The whole-batch timeout: the prompt, plus every step's own timeout (the batch runs them one after the other), plus
 * a little start-up per step. Never the runner's default: an msiexec step alone may take hours (issue 15 #6).
 */
export function batchTimeoutMs(specs: readonly CommandSpec[]): number {
  return specs.reduce(
    (sum, spec) => sum + (spec.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 2_000,
    ELEVATION_PROMPT_ALLOWANCE_MS,
  );
}

export interface BatchPaths {
  id: string;
  script: string;
  result: string;
  /** Written first by the elevated script: proves that elevation happened. */
  marker: string;
  /** Created by us on timeout/cancel: the script checks it before each step and stops. */
  cancel: string;
}

export function batchPaths(dir: string, id: string, sep: '\\' | '/' = '\\'): BatchPaths {
  const base = `${dir}${sep}batch-${id}`;
  return {
    id,
    script: `${base}.ps1`,
    result: `${base}.result.json`,
    marker: `${base}.started`,
    cancel: `${base}.cancel`,
  };
}

/**
 * The elevated PowerShell 5.1 script. Every step's file and argv come from a CommandSpec and enter the script only as
 * single-quoted literals; argv is joined with CommandLineToArgvW rules for ProcessStartInfo.Arguments. Each step runs
 * with its own hidden console (so native tools use the system OEM code page, not sudo-prompt's chcp 65001), stdout and
 * stderr are captured as raw bytes and stored as base64: decoding happens in Node, with the same code as unelevated runs.
 */
export interface ElevatedScriptOptions {
  /** The signed-in user's SID: steps marked requiresSignedInUser run only when the elevated account is this one. */
  userSid?: string | null;
  /** The working folder of every step (System32: nothing a user can write is searched for programs or DLLs). */
  workingDir?: string;
}

export function buildElevatedScript(
  specs: readonly CommandSpec[],
  paths: BatchPaths,
  options: ElevatedScriptOptions = {},
): string {
  const literal = quotePowerShellLiteral;
  const steps = specs.map(
    (spec) =>
      `  @{ file = ${literal(nativeProgramPath(spec.file))}; arguments = ${literal(joinWindowsArgv(spec.args))}; timeoutMs = ${Math.max(1, Math.round(spec.timeoutMs ?? DEFAULT_TIMEOUT_MS))}; signedInUserOnly = $${spec.requiresSignedInUser ? 'true' : 'false'} }`,
  );
  return [
    `# MSI Doctor elevated batch ${paths.id}: ${specs.length} step(s). Generated from fixed command specs; do not edit.`,
    "$ProgressPreference = 'SilentlyContinue'",
    `$markerPath = ${literal(paths.marker)}`,
    `$resultPath = ${literal(paths.result)}`,
    `$cancelPath = ${literal(paths.cancel)}`,
    `$workingDir = ${literal(options.workingDir ?? 'C:\\Windows\\System32')}`,
    `$expectedUser = ${literal(options.userSid ?? '')}`,
    '$utf8 = New-Object System.Text.UTF8Encoding($false)',
    "[IO.File]::WriteAllText($markerPath, 'started', $utf8)",
    // Who approved the prompt: another administrator (over-the-shoulder) has another HKCU, profile and drive mappings.
    '$identity = $null; try { $identity = [Security.Principal.WindowsIdentity]::GetCurrent().User.Value } catch { }',
    '$steps = @(',
    steps.join(',\n'),
    ')',
    // Success codes per step (CommandSpec.okExitCodes, '' = none) as text, so PowerShell cannot flatten nested arrays.
    `$okCodes = @(${specs.map((spec) => literal((spec.okExitCodes ?? []).map((c) => Math.trunc(c)).join(','))).join(', ')})`,
    '$stepIndex = 0',
    '$results = New-Object System.Collections.Generic.List[object]',
    '$fatal = $null',
    'try {',
    '  foreach ($step in $steps) {',
    '    if (Test-Path -LiteralPath $cancelPath) { break }',
    '    $sw = [Diagnostics.Stopwatch]::StartNew()',
    "    $r = [ordered]@{ exitCode = $null; stdout = ''; stderr = ''; durationMs = 0; timedOut = $false; error = $null }",
    '    try {',
    "      if ($step.signedInUserOnly -and $expectedUser -ne '' -and $identity -ne $expectedUser) { throw 'refused: the administrator account is not the signed-in user, and this step changes that user' }",
    '      $psi = New-Object System.Diagnostics.ProcessStartInfo',
    '      $psi.FileName = $step.file',
    '      $psi.WorkingDirectory = $workingDir',
    '      $psi.Arguments = $step.arguments',
    '      $psi.UseShellExecute = $false',
    '      $psi.CreateNoWindow = $true',
    '      $psi.RedirectStandardInput = $true',
    '      $psi.RedirectStandardOutput = $true',
    '      $psi.RedirectStandardError = $true',
    '      $p = [Diagnostics.Process]::Start($psi)',
    '      $p.StandardInput.Close()',
    '      $out = New-Object System.IO.MemoryStream',
    '      $err = New-Object System.IO.MemoryStream',
    '      $t1 = $p.StandardOutput.BaseStream.CopyToAsync($out)',
    '      $t2 = $p.StandardError.BaseStream.CopyToAsync($err)',
    '      if ($p.WaitForExit([int]$step.timeoutMs)) {',
    '        $p.WaitForExit()',
    '        $r.exitCode = $p.ExitCode',
    '      } else {',
    '        $r.timedOut = $true',
    '        try { & "$env:SystemRoot\\System32\\taskkill.exe" /T /F /PID $p.Id *> $null } catch { }',
    '        [void]$p.WaitForExit(5000)',
    '      }',
    '      [void]$t1.Wait(5000)',
    '      [void]$t2.Wait(5000)',
    '      $r.stdout = [Convert]::ToBase64String($out.ToArray())',
    '      $r.stderr = [Convert]::ToBase64String($err.ToArray())',
    '    } catch {',
    '      $r.error = [string]$_.Exception.Message',
    '    }',
    '    $r.durationMs = [int]$sw.ElapsedMilliseconds',
    '    $results.Add([pscustomobject]$r)',
    // A repair step outside its success codes ends the batch (CommandSpec.okExitCodes): never run a change after a failed backup.
    '    $ok = [string]$okCodes[$stepIndex]; $stepIndex++',
    "    if ($ok -ne '' -and ($r.timedOut -or $null -ne $r.error -or $null -eq $r.exitCode -or ($ok -split ',') -notcontains [string]$r.exitCode)) { break }",
    '  }',
    '} catch {',
    '  $fatal = [string]$_.Exception.Message',
    '}',
    `$json = ConvertTo-Json -InputObject ([pscustomobject]@{ version = ${ELEVATED_RESULT_VERSION}; id = ${literal(paths.id)}; identity = $identity; steps = $results.ToArray(); fatal = $fatal }) -Depth 4 -Compress`,
    '[IO.File]::WriteAllText($resultPath, $json, $utf8)',
    'exit 0',
    '',
  ].join('\r\n');
}

/** The script file's bytes: UTF-8 without BOM (the bootstrap decodes it itself; its SHA-256 is over exactly these). */
export function scriptFileBytes(script: string): Buffer {
  return Buffer.from(script, 'utf8');
}

/** What the bootstrap writes instead of running the script (the result's `fatal`). */
export const FATAL_CONSTRAINED = 'constrained-language';
export const FATAL_HASH_MISMATCH = 'script-hash-mismatch';

/**
 * The short script sudo-prompt starts as `-EncodedCommand` (execution policy does not apply to it, so an AllSigned
 * Group Policy cannot stop it). It reports Constrained Language instead of failing opaquely, moves to System32, reads
 * the batch script ONCE, checks its SHA-256 against the one we computed when writing it, and runs exactly those bytes.
 */
export function bootstrapScript(paths: BatchPaths, sha256: string, workingDir: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256');
  const literal = quotePowerShellLiteral;
  const fatal = (what: string) =>
    literal(`{"version":${ELEVATED_RESULT_VERSION},"id":"${paths.id}","identity":null,"steps":null,"fatal":"${what}"}`);
  return [
    `$m = ${literal(paths.marker)}; $r = ${literal(paths.result)}; $p = ${literal(paths.script)}`,
    "if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {",
    `  Set-Content -LiteralPath $m -Value 'started'; Set-Content -LiteralPath $r -Value ${fatal(FATAL_CONSTRAINED)}; exit 0`,
    '}',
    `Set-Location -LiteralPath ${literal(workingDir)}; [Environment]::CurrentDirectory = ${literal(workingDir)}`,
    '$b = [IO.File]::ReadAllBytes($p)',
    "$h = -join ([Security.Cryptography.SHA256]::Create().ComputeHash($b) | ForEach-Object { $_.ToString('x2') })",
    `if ($h -ne '${sha256}') { [IO.File]::WriteAllText($m, 'started'); [IO.File]::WriteAllText($r, ${fatal(FATAL_HASH_MISMATCH)}); exit 0 }`,
    '& ([ScriptBlock]::Create((New-Object System.Text.UTF8Encoding($false)).GetString($b)))',
  ].join('\n');
}

/**
 * The single command line given to sudo-prompt (it lands in its command.bat): change to System32 first, then the
 * absolute powershell.exe with the bootstrap as -EncodedCommand. Only ASCII paths and base64: nothing cmd.exe expands.
 */
export function sudoCommand(powerShellExe: string, bootstrap: string, workingDir: string): string {
  for (const part of [powerShellExe, workingDir]) {
    if (!/^[A-Za-z]:[A-Za-z0-9\\._ ()-]+$/.test(part))
      throw new Error(`unsafe path for the elevation command: ${part}`);
  }
  const encoded = encodePowerShellCommand(bootstrap);
  return `cd /d "${workingDir}" && "${powerShellExe}" -NoProfile -NonInteractive -WindowStyle Hidden -EncodedCommand ${encoded}`;
}

const stepSchema = z.object({
  exitCode: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number(),
  timedOut: z.boolean(),
  error: z.string().nullable(),
});
const resultFileSchema = z.object({
  version: z.literal(ELEVATED_RESULT_VERSION),
  id: z.string(),
  /** The SID of the account the batch ran as. */
  identity: z.string().nullable().optional(),
  // PowerShell 5.1 may flatten a one-element array into the object itself.
  steps: z.union([z.array(stepSchema), stepSchema, z.null()]),
  fatal: z.string().nullable(),
});

export type ParsedBatch =
  { ok: true; outputs: CommandOutput[]; fatal: string | null; identity: string | null } | { ok: false; error: string };

/** Result file -> one CommandOutput per spec (steps not reached are reported as not run). */
export function parseElevatedResult(
  text: string,
  specs: readonly CommandSpec[],
  id: string,
  oemCodePage: number,
): ParsedBatch {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `result file is not JSON: ${(error as Error).message}` };
  }
  const parsed = resultFileSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, error: `result file has an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}` };
  if (parsed.data.id !== id) return { ok: false, error: 'result file belongs to another batch' };
  const steps =
    parsed.data.steps === null ? [] : Array.isArray(parsed.data.steps) ? parsed.data.steps : [parsed.data.steps];
  if (steps.length > specs.length) return { ok: false, error: 'result file has more steps than the batch' };
  if (parsed.data.fatal === FATAL_CONSTRAINED) {
    // Nothing ran: each PowerShell step says what its own first line would have said; the scan then reports
    // "not checked: PowerShell is restricted" for those probes.
    const outputs = specs.map((spec) =>
      scriptOfSpec(spec) !== null
        ? { ...notRun(spec, null), exitCode: 7, stdout: `${LANGUAGE_MARKER}ConstrainedLanguage\r\n` }
        : notRun(spec, 'not run: PowerShell is restricted on this computer (Constrained Language)'),
    );
    return { ok: true, outputs, fatal: FATAL_CONSTRAINED, identity: null };
  }
  const outputs = specs.map((spec, i): CommandOutput => {
    const step = steps[i];
    if (!step)
      return notRun(
        spec,
        parsed.data.fatal ? `not run: ${parsed.data.fatal}` : 'not run: the batch stopped before this step',
      );
    return {
      spec,
      exitCode: step.exitCode,
      stdout: decodeOutput(Buffer.from(step.stdout, 'base64'), spec.encoding, oemCodePage),
      stderr: decodeOutput(Buffer.from(step.stderr, 'base64'), spec.encoding, oemCodePage),
      durationMs: step.durationMs,
      timedOut: step.timedOut,
      error: step.timedOut ? `timed out after ${spec.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms` : step.error,
      elevated: true,
    };
  });
  return { ok: true, outputs, fatal: parsed.data.fatal, identity: parsed.data.identity ?? null };
}

export function notRun(spec: CommandSpec, reason: string | null): CommandOutput {
  return {
    spec,
    exitCode: null,
    stdout: '',
    stderr: '',
    durationMs: 0,
    timedOut: false,
    error: reason,
    elevated: true,
  };
}

/** Everything we observed about one elevation attempt. */
export interface ElevationObservation {
  /** The sudo-prompt callback error, null on success, undefined when it never called back (timeout/cancel). */
  execError: { message: string } | null | undefined;
  markerPresent: boolean;
  result: ParsedBatch | null;
  timedOut: boolean;
  cancelled: boolean;
  timeoutMs: number;
}

/**
 * The status rules. sudo-prompt reports every failure to start the elevated PowerShell as "User did not grant
 * permission", so the marker decides: no marker = the elevated script never ran = the prompt was refused (UAC cancel)
 * or Windows could not launch it; marker present = it ran, so any problem is a real failure with its own message.
 */
export function classifyElevation(o: ElevationObservation): Pick<ElevatedBatchResult, 'status' | 'message'> {
  if (o.result?.ok)
    return { status: 'ok', message: o.result.fatal ? `the elevated script stopped early: ${o.result.fatal}` : null };
  if (o.cancelled) return { status: 'cancelled', message: 'cancelled before the elevated steps finished' };
  if (o.timedOut) {
    return {
      status: 'timeout',
      message: o.markerPresent
        ? `the elevated steps did not finish within ${Math.round(o.timeoutMs / 1000)} s`
        : `no answer to the administrator prompt within ${Math.round(o.timeoutMs / 1000)} s`,
    };
  }
  if (!o.markerPresent && o.execError?.message === SUDO_PERMISSION_DENIED) {
    return {
      status: 'declined',
      message: 'administrator permission was not granted (the prompt was cancelled or could not be shown)',
    };
  }
  const detail = o.result && !o.result.ok ? o.result.error : 'it wrote no result';
  if (o.markerPresent) {
    return {
      status: 'failed',
      message: `the elevated script started but ${detail}${o.execError ? ` (${o.execError.message})` : ''}`,
    };
  }
  return {
    status: 'failed',
    message: o.execError
      ? `could not start the elevated script: ${o.execError.message}`
      : `the elevated script did not run: ${detail}`,
  };
}
