// Windows PowerShell 5.1 scripts as CommandSpecs (-EncodedCommand, UTF-8 output) and the parser of the one JSON object they print.
import type { CommandSpec } from './command-runner.ts';
import { MAX_COMMAND_LINE, QuotingError } from './quoting.ts';
import { systemProgram } from './windows-programs.ts';

/** The first line every script prints: its language mode (AppLocker/WDAC script enforcement forces ConstrainedLanguage). */
export const LANGUAGE_MARKER = 'msi-doctor:language=';

/**
 * Put before every script. First the language mode, printed before anything that Constrained Language would block,
 * and a stop when it is not FullLanguage (our scripts need .NET calls: they would only fail opaquely). Then UTF-8 stdout
 * (PS 5.1 otherwise writes redirected output in the OEM code page) and no progress records (CLIXML on stderr).
 */
export const POWERSHELL_PREFIX = [
  `Write-Output ('${LANGUAGE_MARKER}' + $ExecutionContext.SessionState.LanguageMode)`,
  "if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') { exit 7 }",
  '[Console]::OutputEncoding = [Text.UTF8Encoding]::new($false)',
  "$ProgressPreference = 'SilentlyContinue'",
].join('\n');

/** The language mode a script reported, or null when it printed none (not one of ours, or it never started). */
export function reportedLanguageMode(stdout: string): string | null {
  const m = /(?:^|\n)\uFEFF?msi-doctor:language=([A-Za-z]+)/.exec(stdout);
  return m ? m[1]! : null;
}

/** The script ran under a restricted language mode (ConstrainedLanguage, RestrictedLanguage, NoLanguage). */
export function isRestrictedLanguage(stdout: string): boolean {
  const mode = reportedLanguageMode(stdout);
  return mode !== null && mode !== 'FullLanguage';
}

export const POWERSHELL_FLAGS = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass'] as const;

type Env = Record<string, string | undefined>;

/**
 * Path of Windows PowerShell 5.1, absolute (systemProgram): a 32-bit process on 64-bit Windows uses Sysnative, or WOW64
 * redirects it to the 32-bit PowerShell, which sees the 32-bit registry view.
 */
export function powerShellPath(env: Env = process.env): string {
  return systemProgram('WindowsPowerShell\\v1.0\\powershell.exe', env);
}

/** Base64 of the script as UTF-16LE, what -EncodedCommand expects. */
export function encodePowerShellCommand(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

export function decodePowerShellCommand(encoded: string): string {
  return Buffer.from(encoded, 'base64').toString('utf16le');
}

export interface PowerShellSpecOptions {
  label?: string;
  timeoutMs?: number;
  env?: Env;
}

/** The CommandSpec running `script` (prefix added) under Windows PowerShell 5.1; output decoded as UTF-8. */
export function powerShellSpec(script: string, options: PowerShellSpecOptions = {}): CommandSpec {
  const encoded = encodePowerShellCommand(`${POWERSHELL_PREFIX}\n${script}`);
  const file = powerShellPath(options.env);
  // Quoted file + flags + base64; -EncodedCommand does not compress, so a long script can exceed CreateProcess's limit.
  const length = file.length + 2 + POWERSHELL_FLAGS.join(' ').length + ' -EncodedCommand '.length + encoded.length;
  if (length > MAX_COMMAND_LINE) {
    throw new QuotingError(
      `PowerShell script too long for -EncodedCommand (${length} > ${MAX_COMMAND_LINE} characters); split it`,
    );
  }
  const spec: CommandSpec = { file, args: [...POWERSHELL_FLAGS, '-EncodedCommand', encoded], encoding: 'utf8' };
  if (options.label !== undefined) spec.label = options.label;
  if (options.timeoutMs !== undefined) spec.timeoutMs = options.timeoutMs;
  return spec;
}

/** The script inside a spec built by powerShellSpec (prefix included), or null for any other command. */
export function scriptOfSpec(spec: CommandSpec): string | null {
  const at = spec.args.findIndex((a) => a.toLowerCase() === '-encodedcommand');
  const encoded = at >= 0 ? spec.args[at + 1] : undefined;
  return encoded === undefined ? null : decodePowerShellCommand(encoded);
}

/** Human-readable one-line form of a command for reports: the label, else argv with any encoded script abbreviated. */
export function describeCommand(spec: CommandSpec): string {
  if (spec.label) return spec.label;
  const base = spec.file.split(/[\\/]/).pop() ?? spec.file;
  const args = spec.args.map((a, i) =>
    spec.args[i - 1]?.toLowerCase() === '-encodedcommand' ? `<script, ${a.length} base64 chars>` : a,
  );
  return [base, ...args].join(' ');
}

export type JsonParse<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Finds and parses the single JSON object a script printed. Tolerates a BOM, a profile banner or warnings before it,
 * and trailing noise after it: tries each `{` at a line start (else anywhere) against the last `}`.
 */
export function parsePowerShellJson(stdout: string): JsonParse<Record<string, unknown>> {
  const text = stdout
    .replace(/^\uFEFF/, '')
    .split('\u0000')
    .join('');
  const end = text.lastIndexOf('}');
  if (end === -1)
    return { ok: false, error: text.trim() ? 'no JSON object in the output' : 'the script printed nothing' };
  const starts: number[] = [];
  for (let i = text.indexOf('{'); i !== -1 && i < end; i = text.indexOf('{', i + 1)) starts.push(i);
  const lineStarts = starts.filter((i) => i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r');
  let lastError = 'no JSON object in the output';
  // A truncated object must not yield one of its inner objects: when some `{` opens a line, only those are tried.
  for (const start of lineStarts.length ? lineStarts : starts) {
    try {
      const value: unknown = JSON.parse(text.slice(start, end + 1));
      if (value && typeof value === 'object' && !Array.isArray(value))
        return { ok: true, value: value as Record<string, unknown> };
    } catch (error) {
      lastError = `invalid JSON: ${(error as Error).message}`;
    }
  }
  return { ok: false, error: lastError };
}
