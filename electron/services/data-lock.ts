// The cross-process lock on the data folder (proper-lockfile): fix, undo and the app's repair service change journals,
// backups and the simulated machine's saved state only while holding it, so two processes never lose each other's work.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** Runs `work` while holding the lock (a held lock passes straight through: the caller already owns it). */
export interface DataLock {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** Another MSI Doctor process kept the data folder for longer than we wait. */
export class DataFolderBusyError extends Error {
  override name = 'DataFolderBusyError';
}

export interface LockOptions {
  /** How long a second process waits for the first (default 10 minutes: a repair with a UAC prompt takes a while). */
  waitMs?: number;
  /** Called once when the lock is held by someone else and we start waiting. */
  onWait?: () => void;
}

/** A lock whose holder has not refreshed it for this long is taken as left behind by a crashed process. */
const STALE_MS = 30_000;

export function lockFilePath(dataDir: string): string {
  return join(dataDir, 'data.lock');
}

async function acquire(dataDir: string, options: LockOptions): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const settings = {
    lockfilePath: lockFilePath(dataDir),
    realpath: false,
    stale: STALE_MS,
    // A lock found stale after a long pause (the laptop slept mid-repair) must not crash the app from a timer: the
    // work in progress finishes (its journal lines are fsync'd one by one), the release then fails quietly.
    onCompromised: () => undefined,
  };
  try {
    return await lockfile.lock(dataDir, { ...settings, retries: 0 });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
  }
  options.onWait?.();
  const waitMs = options.waitMs ?? 10 * 60_000;
  try {
    return await lockfile.lock(dataDir, {
      ...settings,
      retries: { retries: Math.max(1, Math.ceil(waitMs / 500)), factor: 1, minTimeout: 500, maxTimeout: 500 },
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    throw new DataFolderBusyError(
      `another MSI Doctor repair or undo is using ${dataDir}; try again when it has finished`,
    );
  }
}

/** Holds the data-folder lock while `work` runs; waits (with one onWait call) when another process holds it. */
export async function withDataLock<T>(dataDir: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquire(dataDir, options);
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}

export function dataFolderLock(dataDir: string, options: LockOptions = {}): DataLock {
  return { run: (work) => withDataLock(dataDir, work, options) };
}

/** For code that already holds the lock (the CLI holds it across restore, repair and save). */
export const HELD_LOCK: DataLock = { run: (work) => work() };
