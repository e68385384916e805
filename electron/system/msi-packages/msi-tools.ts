// Debian's wixl (builds .msi from WiX XML) and msitools (msibuild sets exact rows, msiinfo exports them): found once,
// run without a shell. Tests that need them skip with one line when they are absent.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type MsiTool = 'wixl' | 'msibuild' | 'msiinfo';

let found: Record<MsiTool, boolean> | null = null;

function present(tool: MsiTool): boolean {
  try {
    const probe = spawnSync(tool, ['--version'], { stdio: 'ignore' });
    return probe.error === undefined;
  } catch {
    // Unit tests forbid child processes: there the tools count as absent (recorded package facts are used).
    return false;
  }
}

export function msiToolsPresent(): Record<MsiTool, boolean> {
  found ??= { wixl: present('wixl'), msibuild: present('msibuild'), msiinfo: present('msiinfo') };
  return found;
}

/** `false` when every tool is there, else the one-line reason a test prints when it skips. */
export function msiToolsSkip(): false | string {
  const missing = (Object.entries(msiToolsPresent()) as [MsiTool, boolean][]).filter(([, ok]) => !ok).map(([t]) => t);
  return missing.length === 0
    ? false
    : `skipped: ${missing.join(', ')} not installed (Debian packages wixl and msitools; .ci/run installs them)`;
}

let scratch: string | null = null;

/**
 * Runs a tool; throws with its stderr on failure. Output as UTF-8 text; dates (suminfo) in UTC. The default working
 * directory is a scratch folder: `msiinfo export` writes a table's streams (Binary/...) into it.
 */
export function runMsiTool(tool: MsiTool, args: string[], cwd?: string): string {
  if (!scratch) {
    const made = mkdtempSync(join(tmpdir(), 'msi-tools-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    scratch = made;
  }
  return execFileSync(tool, args, {
    cwd: cwd ?? scratch,
    env: { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
