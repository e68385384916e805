// The error-number catalog's lookup: exit codes and message numbers -> ErrorCodeInfo (en + zh-CN, causes, fixes, docs).
import type { CauseId } from '../contract/ids.ts';
import {
  rankWeight,
  type CauseLink,
  type ErrorCodeInfo,
  type ErrorCodeEntry,
  type ErrorMeaning,
  type WeightedCause,
} from './error-kit.ts';
import { EXIT_CODE_ENTRIES } from './error-exit-codes.ts';
import { MESSAGE_ENTRIES } from './error-messages.ts';

export type { ErrorCodeInfo, ErrorKind, ErrorMeaning, WeightedCause } from './error-kit.ts';

/** Bare ids get their rank's weight (counted among the bare ids that are real causes); 'unknown' weighs nothing. */
function weigh(links: readonly CauseLink[] = []): WeightedCause[] {
  const ranked = links.filter((l): l is CauseId => typeof l === 'string' && l !== 'unknown');
  return links.map((link) => {
    if (typeof link !== 'string') return { id: link[0], weight: link[1] };
    if (link === 'unknown') return { id: link, weight: 0 };
    return { id: link, weight: rankWeight(ranked.indexOf(link), ranked.length) };
  });
}

function normalize(entry: ErrorCodeEntry): ErrorCodeInfo {
  return {
    code: entry.code,
    kind: entry.kind,
    name: entry.name ?? null,
    title: entry.title,
    explanation: entry.explanation,
    asMessage: entry.asMessage
      ? {
          title: entry.asMessage.title,
          explanation: entry.asMessage.explanation,
          noise: entry.asMessage.noise ?? false,
          causes: weigh(entry.asMessage.causes),
        }
      : null,
    noise: entry.noise ?? false,
    followOn: entry.followOn ?? false,
    success: entry.success ?? false,
    documented: entry.documented ?? true,
    causes: weigh(entry.causes),
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
  return { title: info.title, explanation: info.explanation, noise: info.noise, causes: info.causes };
}

/** The causes a number points to in a role, strongest first ([] when the number has no such meaning). */
export function causesOf(code: number, role: 'exit-code' | 'message'): WeightedCause[] {
  return meaningOf(code, role)?.causes ?? [];
}

/** Every cause a number is linked to, in any of its meanings (what the number can be explained by). */
export function linkedCauses(code: number): CauseId[] {
  const info = CATALOG.get(code);
  if (!info) return [];
  return [...new Set([...info.causes, ...(info.asMessage?.causes ?? [])].map((c) => c.id))];
}

/** The numbers linked to a cause, in any meaning, sorted (the cause catalog's "typical codes"). */
export function codesLinkedTo(cause: CauseId): number[] {
  const out: number[] = [];
  for (const info of CATALOG.values())
    if ([...info.causes, ...(info.asMessage?.causes ?? [])].some((c) => c.id === cause)) out.push(info.code);
  return out.sort((a, b) => a - b);
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
