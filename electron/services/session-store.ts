// Where sessions live on disk: every ScanResult under dataDir/scans/, every session record under dataDir/sessions/,
// both as JSON written atomically and read back through their zod schemas (a damaged file: skipped in the history, one
// clear line when asked for by id).
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { scanResultSchema, type ScanResult } from '../../shared/contract/scan.ts';
import { sessionRecordSchema, type SessionRecord } from '../../shared/contract/session.ts';
import { ServiceError } from './service-error.ts';

/** Ids may contain ':' (not allowed in Windows file names): map every other character to '_'. */
export function sessionFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

export interface SessionStore {
  saveScan(scan: ScanResult): Promise<void>;
  getScan(scanId: string): Promise<ScanResult>;
  saveRecord(record: SessionRecord): Promise<void>;
  getRecord(sessionId: string): Promise<SessionRecord>;
  /** Every readable record, newest first. */
  listRecords(): Promise<SessionRecord[]>;
}

type Read<T> = { ok: true; value: T } | { ok: false; missing: boolean; problem: string };

/**
 * A saved file through its schema: the one place saved scans and sessions are validated (their evidence included),
 * so the rest of the app reads typed data. Files of older versions whose evidence had no typed data ({} for a failed
 * probe) still read; anything else that does not fit says where, in one line.
 */
async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<Read<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, missing: true, problem: 'no such file' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, missing: false, problem: 'not JSON (half-written or damaged)' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    missing: false,
    problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`.slice(0, 200),
  };
}

/** Not found, or found but written in a form this version cannot read: one line that says which and where. */
function unreadable(what: 'scan' | 'session', id: string, read: { missing: boolean; problem: string }): ServiceError {
  if (read.missing) return new ServiceError('not-found', `No saved ${what} with id ${id}.`);
  return new ServiceError(
    'invalid-input',
    `The saved ${what} ${id} cannot be read by this version of MSI Doctor (${read.problem}); start a new scan.`,
  );
}

async function writeJson(dir: string, id: string, value: unknown): Promise<void> {
  await mkdir(dir, { recursive: true });
  // write-file-atomic: unique temp name, fsync, rename; a crash never leaves a truncated file that hides the others.
  await writeFileAtomic(join(dir, sessionFileName(id)), JSON.stringify(value, null, 1), 'utf8');
}

export function createSessionStore(dataDir: string): SessionStore {
  const scans = join(dataDir, 'scans');
  const sessions = join(dataDir, 'sessions');
  return {
    saveScan: (scan) => writeJson(scans, scan.scanId, scan),
    async getScan(scanId) {
      const read = await readJson(join(scans, sessionFileName(scanId)), scanResultSchema);
      if (!read.ok) throw unreadable('scan', scanId, read);
      if (read.value.scanId !== scanId) throw new ServiceError('not-found', `No saved scan with id ${scanId}.`);
      return read.value;
    },
    saveRecord: (record) => writeJson(sessions, record.sessionId, record),
    async getRecord(sessionId) {
      const read = await readJson(join(sessions, sessionFileName(sessionId)), sessionRecordSchema);
      if (!read.ok) throw unreadable('session', sessionId, read);
      if (read.value.sessionId !== sessionId)
        throw new ServiceError('not-found', `No saved session with id ${sessionId}.`);
      return read.value;
    },
    async listRecords() {
      let files: string[];
      try {
        files = (await readdir(sessions)).filter((f) => f.endsWith('.json'));
      } catch {
        return [];
      }
      // The history lists what it can read: a damaged or unreadable file is skipped, never fatal.
      const reads = await Promise.all(files.map((f) => readJson(join(sessions, f), sessionRecordSchema)));
      return reads
        .flatMap((r): SessionRecord[] => (r.ok ? [r.value] : []))
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
  };
}
