// The error-number catalog's lookup: exit codes and message numbers -> ErrorCodeInfo (en + zh-CN, causes, fixes, docs).
import type { ErrorCodeInfo, ErrorEntry, ErrorMeaning } from './error-kit.ts';
import { EXIT_CODE_ENTRIES } from './error-exit-codes.ts';
import { MESSAGE_ENTRIES } from './error-messages.ts';

export type { ErrorCodeInfo, ErrorKind, ErrorMeaning } from './error-kit.ts';

function normalize(entry: ErrorEntry): ErrorCodeInfo {
  return {
    code: entry.code,
    kind: entry.kind,
    name: entry.name ?? null,
    title: entry.title,
    explanation: entry.explanation,
    asMessage: entry.asMessage ? { ...entry.asMessage, noise: entry.asMessage.noise ?? false } : null,
    noise: entry.noise ?? false,
    followOn: entry.followOn ?? false,
    success: entry.success ?? false,
    documented: entry.documented ?? true,
    causes: entry.causes ?? [],
    check: entry.check ?? [],
    repairs: entry.repairs ?? [],
    manualSteps: entry.manual ?? [],
    docs: entry.docs ?? [],
  };
}

const CATALOG: ReadonlyMap<number, ErrorCodeInfo> = (() => {
  const map = new Map<number, ErrorCodeInfo>();
  for (const entry of [...EXIT_CODE_ENTRIES, ...MESSAGE_ENTRIES]) {
    // A duplicate would silently hide one meaning: the overlap belongs in one 'both' entry instead.
    if (map.has(entry.code)) throw new Error(`error catalog: duplicate entry ${entry.code}`);
    map.set(entry.code, normalize(entry));
  }
  return map;
})();

/** Everything known about a number, or undefined when it is not in the catalog. */
export function lookupErrorCode(code: number): ErrorCodeInfo | undefined {
  return CATALOG.get(code);
}

/** All entries, sorted by number (for tests, the text table and reference pages). */
export function allErrorCodes(): ErrorCodeInfo[] {
  return [...CATALOG.values()].sort((a, b) => a.code - b.code);
}

/**
 * The meaning of a number in a given role: as an exit code (what msiexec returned) or as a message number
 * (an "Error NNNN" line). For the overlapping numbers this picks the right one ("Info 1603" = file in use).
 */
export function meaningOf(code: number, role: 'exit-code' | 'message'): ErrorMeaning | undefined {
  const info = CATALOG.get(code);
  if (!info) return undefined;
  if (info.kind === 'both' && role === 'message' && info.asMessage) return info.asMessage;
  if (info.kind === 'message' && role === 'exit-code') return undefined;
  if (info.kind === 'exit-code' && role === 'message') return undefined;
  return { title: info.title, explanation: info.explanation, noise: info.noise };
}

/** True for numbers that can be exit codes (Win32 / msiexec return values). */
export function isExitCode(code: number): boolean {
  const info = CATALOG.get(code);
  return info ? info.kind !== 'message' : false;
}

/** True for numbers that are Windows Installer message numbers. */
export function isMessageNumber(code: number): boolean {
  const info = CATALOG.get(code);
  if (info) return info.kind !== 'exit-code';
  return (code >= 1101 && code <= 1999) || (code >= 2101 && code <= 3002);
}
