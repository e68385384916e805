// Reads the repair journals (JSON lines under <dataDir>/journals) that belong to a scan's session, tolerating torn lines.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanResult } from '../../../shared/contract/scan.ts';
import type { JournalInput } from '../../../shared/report/build-report.ts';

/** Without session ids: journals touched from this long before the scan are part of its story (fix, rescan, report). */
const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface JournalFile extends JournalInput {
  path: string;
}

/** The session id a record carries (journals get one with the wizard's session record), else null. */
function sessionIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { sessionId?: unknown }).sessionId;
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * The journals of this session. Journals carry the sessionId of the wizard session that ran them: when the caller
 * knows its session (or the scan carries one), only that session's journals are read. Otherwise (and for journals
 * written before session ids) a journal must have been touched within a day before the scan.
 */
export async function readSessionJournals(
  dataDir: string,
  scan: ScanResult,
  sessionId: string | null = null,
): Promise<JournalFile[]> {
  const dir = join(dataDir, 'journals');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort();
  } catch {
    return [];
  }
  const session = sessionId ?? sessionIdOf(scan);
  const since = new Date(scan.startedAt).getTime() - SESSION_WINDOW_MS;
  const out: JournalFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path);
    const entries: unknown[] = [];
    for (const line of (await readFile(path, 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      try {
        entries.push(JSON.parse(line));
      } catch {
        // a torn last write after a crash: skip the line, keep the rest
      }
    }
    const journalSession = entries.map(sessionIdOf).find((id) => id !== null) ?? null;
    if (session && journalSession) {
      if (journalSession !== session) continue;
    } else if (Number.isFinite(since) && info.mtimeMs < since) continue;
    out.push({ journalId: name.slice(0, -'.jsonl'.length), entries, path });
  }
  return out;
}
