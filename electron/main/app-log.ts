// The app's own log (electron-log): a rotated file in userData/logs, attached (redacted) to ZIP reports.
// electron-log/node, not /main: the main variant registers its own ipcMain channel for renderer logging, and the
// IPC router must stay the only ipcMain user (the renderer logs nothing through IPC).
import log from 'electron-log/node';
import { join } from 'node:path';

/** 1 MiB then rotate to main.old.log: enough for several sessions, small enough to attach to a report. */
export const APP_LOG_MAX_BYTES = 1024 * 1024;

export function setUpAppLog(userDataDir: string): { path: string; log: typeof log } {
  const path = join(userDataDir, 'logs', 'main.log');
  // Set, not guessed from the nearest package.json (absent next to a relocated bundle).
  log.transports.file.setAppName('MSI Doctor');
  log.transports.file.resolvePathFn = () => path;
  log.transports.file.maxSize = APP_LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  // Console output only when started from a terminal in development; the packaged app logs to the file.
  log.transports.console.level = process.env.MSI_DOCTOR_DEBUG ? 'debug' : false;
  log.errorHandler.startCatching({ showDialog: false });
  return { path, log };
}
