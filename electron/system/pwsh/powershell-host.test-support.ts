// Test support: finds the real PowerShell (the pinned `dotnet pwsh`, or $MSI_DOCTOR_POWERSHELL such as powershell.exe on
// Windows CI) and runs driver.ps1 on a batch of jobs in ONE process (PowerShell start-up is the expensive part).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DRIVER = join(dirname(fileURLToPath(import.meta.url)), 'driver.ps1');

export interface PowerShellCommand {
  file: string;
  /** Arguments before the script's own (`pwsh` for the dotnet tool, or the flags Windows PowerShell needs). */
  prefix: string[];
  /** What the checks report: 'PowerShell 7.6.10 (dotnet pwsh)', 'Windows PowerShell 5.1 (powershell.exe)'. */
  label: string;
}

/**
 * The PowerShell the checks use: $MSI_DOCTOR_POWERSHELL (e.g. `powershell.exe`, the real 5.1 on GitHub's Windows
 * runners) or the dotnet local tool pinned in .config/dotnet-tools.json. Null, with the reason, when there is none.
 */
export function findPowerShell(): { ok: true; command: PowerShellCommand } | { ok: false; reason: string } {
  const chosen = process.env.MSI_DOCTOR_POWERSHELL;
  const candidates: PowerShellCommand[] = chosen
    ? [{ file: chosen, prefix: ['-ExecutionPolicy', 'Bypass'], label: chosen }]
    : [{ file: 'dotnet', prefix: ['pwsh'], label: 'dotnet pwsh' }];
  for (const c of candidates) {
    const r = spawnSync(
      c.file,
      [
        ...c.prefix.filter((a) => a === 'pwsh'),
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        '$PSVersionTable.PSVersion.ToString()',
      ],
      { cwd: REPO, encoding: 'utf8', timeout: 180_000, windowsHide: true },
    );
    const version = r.stdout?.trim() ?? '';
    if (r.status === 0 && /^\d+\.\d+/.test(version))
      return { ok: true, command: { ...c, label: `PowerShell ${version} (${c.label})` } };
  }
  return {
    ok: false,
    reason: chosen
      ? `${chosen} did not start`
      : 'real PowerShell is not available (run `dotnet tool restore` to install the pinned pwsh)',
  };
}

let cached: ReturnType<typeof findPowerShell> | null = null;
/** findPowerShell once per test process. */
export function powerShell(): ReturnType<typeof findPowerShell> {
  cached ??= findPowerShell();
  return cached;
}

/** The one line a test prints when it skips for lack of PowerShell. */
export function skipReason(): string | false {
  const found = powerShell();
  return found.ok ? false : found.reason;
}

export type DriverJob =
  | { kind: 'parse'; id: string; script: string; facts?: boolean }
  | { kind: 'snapshot'; id: string; value: unknown }
  | { kind: 'run'; id: string; script: string; snapshot?: string; env?: Record<string, string> };

export interface AstFact {
  kind: string;
  name: string;
  detail: string | null;
  line: number;
}
export interface ParseResult {
  kind: 'parse';
  id: string;
  errors: Array<{ message: string; line: number; column: number; id: string }>;
  facts: AstFact[];
}
export interface RunResult {
  kind: 'run';
  id: string;
  stdout: string[];
  errors: string[];
  warnings: string[];
  failure: string | null;
  /** The script's `exit N` (0 when it ended without one); null when it failed with an exception. */
  exitCode: number | null;
  effects: unknown[];
  facts: string[];
}

/** Runs driver.ps1 once on all jobs; results by job id, in order. Throws with PowerShell's stderr when the driver fails. */
export function runDriver(jobs: DriverJob[], options: { timeoutMs?: number } = {}): Array<ParseResult | RunResult> {
  const found = powerShell();
  if (!found.ok) throw new Error(found.reason);
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-pwsh-'));
  try {
    const input = join(dir, 'jobs.jsonl');
    const output = join(dir, 'results.jsonl');
    writeFileSync(input, jobs.map((j) => JSON.stringify(j)).join('\n') + '\n', 'utf8');
    const { file, prefix } = found.command;
    const r = spawnSync(
      file,
      [...prefix, '-NoProfile', '-NonInteractive', '-File', DRIVER, '-Jobs', input, '-Out', output],
      {
        cwd: REPO,
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 900_000,
        windowsHide: true,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (r.status !== 0 || !existsSync(output))
      throw new Error(
        `driver.ps1 failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}): ${r.stderr || r.stdout}`,
      );
    const results = readFileSync(output, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => normalize(JSON.parse(l) as ParseResult | RunResult));
    const expected = jobs.filter((j) => j.kind !== 'snapshot').length;
    if (results.length !== expected) throw new Error(`driver.ps1 wrote ${results.length} results for ${expected} jobs`);
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Windows PowerShell 5.1 writes a one-element array as the element itself: give every list field its array form. */
function normalize<T extends ParseResult | RunResult>(r: T): T {
  const list = (v: unknown): unknown[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]);
  if (r.kind === 'parse') return { ...r, errors: list(r.errors), facts: list(r.facts) } as T;
  return {
    ...r,
    stdout: list(r.stdout),
    errors: list(r.errors),
    warnings: list(r.warnings),
    effects: list(r.effects),
    facts: list(r.facts),
  } as T;
}
