// What goes into a report ZIP besides the report: which log files exist, the raw probe outputs as text, safe entry names.
import { access, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { resolve } from 'node:path';
import type { Evidence } from '../../../shared/contract/evidence.ts';
import type { ScanResult } from '../../../shared/contract/scan.ts';
import type { FileSource } from './redact-stream.ts';

/** Reads a file that is not on this disk (the simulated machine's logs); null when unknown. */
export type ExternalReader = (path: string) => Uint8Array | null;

/** The resolved path when it is a readable regular file, else null (simulated machines name logs that are not on disk). */
export async function existingFile(path: string): Promise<string | null> {
  try {
    const full = resolve(path);
    if (!(await stat(full)).isFile()) return null;
    await access(full, constants.R_OK);
    return full;
  } catch {
    return null;
  }
}

/**
 * The logs to attach: every log the session analysed, whether the user gave it or the scan found it (on a simulated
 * machine it is read from that machine's disk), and any passed explicitly. Logs the scan only listed are not sent.
 */
export async function logFilesOf(
  scan: ScanResult,
  extra: string[],
  readExternal: ExternalReader | null,
): Promise<FileSource[]> {
  const candidates = [...scan.logs.map((l) => l.file), ...extra];
  const out: FileSource[] = [];
  for (const candidate of candidates) {
    const file = await existingFile(candidate);
    const source = file ? { path: file, bytes: null } : readExternalSafe(readExternal, candidate);
    if (source && !out.some((o) => o.path === source.path)) out.push(source);
  }
  return out;
}

function readExternalSafe(readExternal: ExternalReader | null, path: string): FileSource | null {
  try {
    const bytes = readExternal?.(path) ?? null;
    return bytes ? { path, bytes } : null;
  } catch {
    return null;
  }
}

/** One probe's raw outputs as a readable text file. */
export function rawOutputText(evidence: Evidence): string {
  const parts = [`# probe: ${evidence.probe}`, `# status: ${evidence.status}`, ''];
  evidence.raw.forEach((raw, i) => {
    parts.push(
      `## ${i + 1}. ${raw.command}`,
      `# exit code: ${raw.exitCode ?? 'none'}, ${Math.round(raw.durationMs)} ms, elevated: ${raw.elevated}`,
      '--- stdout ---',
      raw.stdout,
      '--- stderr ---',
      raw.stderr,
      '',
    );
  });
  if (evidence.error) parts.push(`# probe error: ${evidence.error}`);
  return parts.join('\n');
}

/** A ZIP entry name every OS can extract: no path separators, no characters Windows forbids (placeholders have < >). */
export function zipEntryName(name: string): string {
  const safe = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120);
  return safe || 'file';
}
