// Reads the repair journals (JSON lines under <dataDir>/journals) that belong to a scan's session, tolerating torn lines.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalInput } from '../../../shared/report/build-report.ts';

/** Journals touched from this long before the scan are part of its story (fix, then rescan, then report). */
const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface JournalFile extends JournalInput {
  path: string;
}

export async function readSessionJournals(dataDir: string, scanStartedAt: string): Promise<JournalFile[]> {
  const dir = join(dataDir, 'journals');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort();
  } catch {
    return [];
  }
  const since = new Date(scanStartedAt).getTime() - SESSION_WINDOW_MS;
  const out: JournalFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path);
    if (Number.isFinite(since) && info.mtimeMs < since) continue;
    const entries: unknown[] = [];
    for (const line of (await readFile(path, 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      try {
        entries.push(JSON.parse(line));
      } catch {
        // a torn last write after a crash: skip the line, keep the rest
      }
    }
    out.push({ journalId: name.slice(0, -'.jsonl'.length), entries, path });
  }
  return out;
}
