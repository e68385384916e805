// Session history: every ScanResult persisted as JSON under dataDir/sessions/, listed newest first.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionSummary } from '../../shared/contract/api.ts';
import { scanResultSchema, type ScanResult } from '../../shared/contract/scan.ts';
import { ServiceError } from './service-error.ts';

/** Scan ids may contain ':' (not allowed in Windows file names): map every other character to '_'. */
export function sessionFileName(scanId: string): string {
  return `${scanId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

export interface SessionStore {
  save(scan: ScanResult): Promise<void>;
  get(scanId: string): Promise<ScanResult>;
  list(): Promise<SessionSummary[]>;
}

export function createSessionStore(dataDir: string): SessionStore {
  const dir = join(dataDir, 'sessions');

  async function readSession(file: string): Promise<ScanResult | null> {
    try {
      const parsed = scanResultSchema.safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null; // unreadable or half-written file: skip it rather than break the history
    }
  }

  return {
    async save(scan) {
      await mkdir(dir, { recursive: true });
      const target = join(dir, sessionFileName(scan.scanId));
      // Write then rename, so a crash never leaves a truncated session that hides the others.
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(scan, null, 1), 'utf8');
      await rename(temp, target);
    },
    async get(scanId) {
      const scan = await readSession(sessionFileName(scanId));
      if (!scan || scan.scanId !== scanId) throw new ServiceError('not-found', `No saved session with id ${scanId}.`);
      return scan;
    },
    async list() {
      let files: string[];
      try {
        files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
      } catch {
        return [];
      }
      const sessions = (await Promise.all(files.map(readSession))).filter((s): s is ScanResult => s !== null);
      return sessions
        .map((s) => ({
          scanId: s.scanId,
          startedAt: s.startedAt,
          symptom: s.symptom.input,
          topCause: s.findings[0]?.cause ?? null,
        }))
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
  };
}
