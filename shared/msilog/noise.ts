// Which Windows Installer message numbers in a log are noise or information, not errors (see windows-installer-notes.md).
import { P } from './patterns.ts';

/** Informational messages: success/failure summaries and "installed/removed X" notices. */
export const INFORMATIONAL: ReadonlySet<number> = new Set([
  1707, 1708, 1709, 1715, 1716, 1717, 1724, 1725, 1726, 1727, 1728, 1729,
]);

/** Always noise: Error-table lookups, missing optional tables, dialog/font chatter, transaction cleanup. */
export const ALWAYS_NOISE: ReadonlySet<number> = new Set([2205, 2228, 2262, 2265, 2318, 2727, 2898, 2826, 2803, 2701]);

/**
 * Debug notes that normal, successful installs log too (costing look-ups, short names, optional features); as a
 * "Note: 1: NNNN" they are noise, while the same number shown as "Error NNNN" is kept.
 */
export const NOTE_ONLY_NOISE: ReadonlySet<number> = new Set([2732, 2711, 1325, 2762, 2343, 1314, 2235]);

/** Follow-on errors: real, but their cause sits earlier in the log. */
export const FOLLOW_ON: ReadonlySet<number> = new Set([2502, 2503, 2896]);

/** args: the note's "2:", "3:" ... values (or, for an "Error NNNN" line, [the line text]). */
export function isNoiseMessage(code: number, args: readonly string[]): boolean {
  if (INFORMATIONAL.has(code) || ALWAYS_NOISE.has(code)) return true;
  const a2 = args[0] ?? '';
  const a3 = args[1] ?? '';
  switch (code) {
    case 1402: // registry key not found (3: 2) is routine; access denied (3: 5) is not
      return a3.trim() !== '5';
    case 2203: // the in-progress marker file absent: routine
      return P.IPI_FILE.test(a2) || (a3.trim() === '-2147287038' && P.IN_PROGRESS.test(a2));
    case 2911: // could not remove Config.Msi during cleanup
    case 1321:
      return P.CONFIG_MSI.test(args.join(' '));
    case 1336: // temp file on a removable drive root that is not ready
      return P.DRIVE_ROOT.test(a3.trim());
    default:
      return false;
  }
}

export function isInformational(code: number): boolean {
  return INFORMATIONAL.has(code);
}
