// The files the renderer may ask the facade to read: ones the user picked, dropped or opened, and ones the app found.
import { ServiceError } from './service-error.ts';

/** Windows paths are case-insensitive and accept both separators; simulated machines use Windows paths on any host. */
function normalize(path: string): string {
  return path.trim().replace(/\//g, '\\').toLowerCase();
}

/**
 * Why: the renderer is sandboxed, but it must not be able to make the main process read (or install) any file on
 * disk just by naming it. Every path-taking API function checks its path here; paths enter only through a user's
 * choice (open dialog, drop, double-click, command line) or through what a scan or repair produced.
 */
export class ReadablePaths {
  private readonly granted = new Set<string>();

  grant(...paths: Array<string | null | undefined>): void {
    for (const path of paths) if (path) this.granted.add(normalize(path));
  }

  has(path: string): boolean {
    return this.granted.has(normalize(path));
  }

  /** Throws 'forbidden' for a path the user never chose and the app never found. */
  check(path: string): void {
    if (!this.has(path))
      throw new ServiceError(
        'forbidden',
        'MSI Doctor only reads files you opened or that it found itself: open the file first.',
      );
  }
}
