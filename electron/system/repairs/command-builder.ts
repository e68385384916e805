// Builds the CommandSpecs of repairs from catalog data + validated values only; every spec passes the guard.
import { escapeForDisplay } from '../../../shared/knowledge/display-safe.ts';
import { joinWindowsArgv, quotePowerShellLiteral } from '../run/quoting.ts';
import { POWERSHELL_PREFIX, powerShellSpec } from '../run/powershell.ts';
import { preludeFor } from '../run/powershell-prelude.ts';
import type { CommandSpec, OutputEncoding } from '../run/command-runner.ts';
import { systemProgram } from '../run/windows-programs.ts';
import { commandText, guardCommand, type GuardContext } from './command-guard.ts';

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The one door for repair commands: a system program by name (resolved to its absolute %SystemRoot%\System32 path),
 * argv only (no shell string), checked against the never-automated list.
 */
export function buildSpec(
  program: string,
  args: string[],
  options: { encoding?: OutputEncoding; timeoutMs?: number; label?: string; guard?: GuardContext } = {},
): CommandSpec {
  const spec: CommandSpec = {
    file: systemProgram(program),
    args,
    encoding: options.encoding ?? 'oem',
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    label: options.label ?? [program, ...args.slice(0, 2)].join(' '),
  };
  return guardCommand(spec, options.guard);
}

/** Marker first line so the simulated machine (and a human reading the plan) knows which repair script this is. */
export function repairScriptMarker(name: string): string {
  return `# msi-doctor:repair=${name}`;
}

/**
 * A PowerShell 5.1 script as `-EncodedCommand` (UTF-16LE base64: no quoting layer between us and PowerShell).
 * Values never get spliced into code: they travel as ONE JSON literal (`$params = ConvertFrom-Json '<json>'`),
 * single-quoted with quotePowerShellLiteral, and the body reads `$params.path`. Windows primitives come from the
 * prelude (run/powershell-prelude.ts), so the PowerShell checks can run the body against the simulated machine.
 */
export function buildPowerShellSpec(
  name: string,
  body: string,
  params: Record<string, unknown> = {},
  options: { timeoutMs?: number; guard?: GuardContext } = {},
): CommandSpec {
  const script = [
    repairScriptMarker(name),
    `$params = ConvertFrom-Json ${quotePowerShellLiteral(JSON.stringify(params))}`,
    "$ErrorActionPreference = 'Stop'",
    preludeFor(body),
    body.trim(),
  ]
    .filter((line) => line !== '')
    .join('\n');
  const spec = powerShellSpec(script, {
    label: `powershell: ${name}`,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  return guardCommand(spec, options.guard);
}

/** The script an -EncodedCommand spec carries, or null. */
export function decodedScript(spec: CommandSpec): string | null {
  const i = spec.args.findIndex((a) => a.toLowerCase() === '-encodedcommand');
  if (i < 0 || i + 1 >= spec.args.length) return null;
  return Buffer.from(spec.args[i + 1]!, 'base64').toString('utf16le');
}

/**
 * The exact command line as the user sees it in the plan: the argv joined with CommandLineToArgvW quoting (what
 * CreateProcess receives). For PowerShell the base64 is replaced by the script it encodes, which is what matters.
 */
export function renderCommandLine(spec: CommandSpec): string {
  const script = decodedScript(spec);
  // Control and bidi characters are shown escaped (<U+202E>): the line the user approves reads as what runs.
  if (script === null) return escapeForDisplay(joinWindowsArgv([spec.file, ...spec.args]));
  const i = spec.args.findIndex((a) => a.toLowerCase() === '-encodedcommand');
  const head = joinWindowsArgv([spec.file, ...spec.args.slice(0, i)]);
  const body = script.split('\n').slice(POWERSHELL_PREFIX.split('\n').length).map(escapeForDisplay).join('\n');
  return `${escapeForDisplay(head)} -EncodedCommand <<\n${body}\n>>`;
}

/** For tests: all the text the guard sees (re-exported so tests do not reach into the guard). */
export { commandText };
