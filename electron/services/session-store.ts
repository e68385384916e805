// Where sessions live on disk: every ScanResult under dataDir/scans/, every session record under dataDir/sessions/,
// both as JSON written atomically and read back through their zod schemas (a damaged file is skipped, never fatal).
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

async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // unreadable or half-written by an older version: skip it rather than break the history
  }
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
      const scan = await readJson(join(scans, sessionFileName(scanId)), scanResultSchema);
      if (!scan || scan.scanId !== scanId) throw new ServiceError('not-found', `No saved scan with id ${scanId}.`);
      return scan;
    },
    saveRecord: (record) => writeJson(sessions, record.sessionId, record),
    async getRecord(sessionId) {
      const record = await readJson(join(sessions, sessionFileName(sessionId)), sessionRecordSchema);
      if (!record || record.sessionId !== sessionId)
        throw new ServiceError('not-found', `No saved session with id ${sessionId}.`);
      return record;
    },
    async listRecords() {
      let files: string[];
      try {
        files = (await readdir(sessions)).filter((f) => f.endsWith('.json'));
      } catch {
        return [];
      }
      const records = await Promise.all(files.map((f) => readJson(join(sessions, f), sessionRecordSchema)));
      return records
        .filter((r): r is SessionRecord => r !== null)
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
  };
}
