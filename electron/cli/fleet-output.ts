// What `scan` does for fleet use: the result file written into the folder the admin names (one per run, named by
// machine and time, written atomically so a collector never reads half a file) and the "issue found" exit code.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanResult } from '../../shared/contract/scan.ts';
import type { Lang } from '../../shared/contract/ids.ts';
import { issuesOf } from '../../shared/fleet/issues.ts';
import { translate } from '../../shared/knowledge/texts.ts';

/** `WS-FIN-042_20261118T013000Z.json`: sortable, unique per machine and run, safe on every file system. */
export function resultFileName(result: Pick<ScanResult, 'environment' | 'startedAt' | 'scanId'>): string {
  const machine = (result.environment.computerName ?? 'machine').replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 64);
  const stamp = result.startedAt.replace(/[-:]/g, '').replace(/\.\d+/, '');
  return `${machine || 'machine'}_${stamp}_${result.scanId.slice(0, 8)}.json`;
}

/** Writes the scan result (schema msi-doctor/scan@1) into `dir`; returns the file's path. */
export async function writeResultFile(dir: string, result: ScanResult): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, resultFileName(result));
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(result), 'utf8');
  await rename(temp, path);
  return path;
}

/** True when the scan found something to act on (the rule `fleet summarize` uses too). */
export function hasIssue(result: Pick<ScanResult, 'findings'>): boolean {
  return issuesOf(result.findings).length > 0;
}

/** One line for a console column (Intune Remediations shows the script's output): the count and the first issue. */
export function briefLine(result: Pick<ScanResult, 'findings' | 'environment'>, lang: Lang): string {
  const issues = issuesOf(result.findings);
  const machine = result.environment.computerName ?? '?';
  const first = issues[0];
  if (!first) return translate({ key: 'fleet.brief.none', params: { machine } }, lang);
  return translate(
    {
      key: 'fleet.brief.issues',
      params: {
        machine,
        count: issues.length,
        title: translate(first.title, lang),
        confidence: Math.round(first.confidence * 100),
      },
    },
    lang,
  );
}
