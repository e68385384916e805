// Which cause a log's message numbers and exit code point to, derived from the error catalog (shared/knowledge, the one
// source of that knowledge), the few refinements a log line can make, and how signals add up to a confidence.
import type { CauseId } from '../contract/ids.ts';
import { allErrorCodes, linkedCauses, type WeightedCause } from '../knowledge/error-codes.ts';

/** One cause a number points to, with its share of the number's strongest link (1 for the strongest). */
export interface CauseShare {
  id: CauseId;
  share: number;
}

/**
 * A number whose strongest catalog link weighs less than this names no cause by itself in a log: 1603, with seven
 * causes of 0.08-0.12, says nothing until the log says more.
 */
export const SPECIFIC_WEIGHT = 0.2;

function shares(causes: readonly WeightedCause[]): CauseShare[] {
  const real = causes.filter((c) => c.weight > 0 && c.id !== 'unknown');
  const top = Math.max(0, ...real.map((c) => c.weight));
  if (top < SPECIFIC_WEIGHT) return [];
  return real.map((c) => ({ id: c.id, share: Math.round((c.weight / top) * 100) / 100 }));
}

/** The catalog turned into the analyzer's two tables, once. */
const MESSAGE_TABLE = new Map<number, CauseShare[]>();
const EXIT_TABLE = new Map<number, CauseShare[]>();
for (const info of allErrorCodes()) {
  if (info.kind !== 'exit-code') {
    const list = shares(info.kind === 'both' ? (info.asMessage?.causes ?? []) : info.causes);
    if (list.length) MESSAGE_TABLE.set(info.code, list);
  }
  if (info.kind !== 'message') {
    const list = shares(info.causes);
    if (list.length) EXIT_TABLE.set(info.code, list);
  }
}

/** Windows Installer message numbers (log "Error NNNN" / "Note: 1: NNNN") -> causes, strongest first. */
export function messageCauses(code: number): readonly CauseShare[] {
  return MESSAGE_TABLE.get(code) ?? [];
}

/** Process exit codes (Win32, also inside 0x8007xxxx HRESULTs) -> causes, strongest first. */
export function exitCodeCauses(code: number): readonly CauseShare[] {
  return EXIT_TABLE.get(code) ?? [];
}

/** The strongest cause of a message number, or null. */
export function messageCause(code: number): CauseId | null {
  return messageCauses(code)[0]?.id ?? null;
}

/**
 * What a line can show beyond its number, and which of the number's catalog causes that makes it (a test checks the
 * catalog links every one of them, so this table can never contradict it).
 */
export const REFINED = {
  /** 1310/1303/1321/1406/1402 on C:\Windows\Temp, %TEMP%, C:\Windows\Installer, Config.Msi. */
  installerFolder: { codes: [1303, 1310, 1321, 1402, 1406], cause: 'installer-folders-access' },
  /** 1310/1406 on a per-machine location while the install ran per-user without elevation. */
  machineLocationUnelevated: { codes: [1310, 1406, 1303], cause: 'not-elevated' },
  /** 1402 with system error 5 elsewhere. */
  registryDenied: { codes: [1402], cause: 'insufficient-privileges' },
  /** 2203 on the .msi/.msp itself, "not found". */
  packageNotFound: { codes: [2203], cause: 'package-path-invalid' },
  /** 2203 on the package or a cabinet that exists but cannot be opened. */
  packageUnreadable: { codes: [2203], cause: 'package-invalid' },
  /** 2203 on an installed product's cached package (C:\Windows\Installer\x.msi) or on a missing external cabinet. */
  sourceGone: { codes: [2203, 1620, 1610, 1612], cause: 'source-missing' },
  /** 1714 with system error 1612/1610/1620: the old version's cached source is missing. */
  oldVersionSource: { codes: [1714], cause: 'source-missing' },
} as const satisfies Record<string, { codes: readonly number[]; cause: CauseId }>;

export type Refinement = keyof typeof REFINED;

/** The refined cause for a number, when the catalog links it (else null: the catalog has the last word). */
export function refinedCause(code: number, refinement: Refinement): CauseId | null {
  const r = REFINED[refinement];
  return (r.codes as readonly number[]).includes(code) && linkedCauses(code).includes(r.cause) ? r.cause : null;
}

export interface CauseSignal {
  id: CauseId;
  /** 0..1: how strongly this one signal alone points at the cause. */
  weight: number;
  line: number;
  /** The line's words when it explains the failure (the reason shown first). */
  reason?: string;
  /**
   * The culprit's own words (a custom action's output, the process holding a file, the bundle author's message):
   * preferred as the reason over the engine's wording of the same failure.
   */
  ownWords?: boolean;
}

export interface RankedCause {
  id: CauseId;
  confidence: number;
  lines: number[];
  reason: { text: string; line: number } | null;
}

/** Independent signals combine as 1 - prod(1 - w): several agreeing signals score higher than any one. */
export function rankCauses(signals: readonly CauseSignal[]): RankedCause[] {
  const by = new Map<
    CauseId,
    {
      miss: number;
      lines: number[];
      first: number;
      reason: { text: string; line: number; rank: number } | null;
    }
  >();
  signals.forEach((s, i) => {
    const e = by.get(s.id) ?? { miss: 1, lines: [], first: i, reason: null };
    e.miss *= 1 - Math.min(0.95, Math.max(0, s.weight));
    if (s.line > 0 && !e.lines.includes(s.line) && e.lines.length < 10) e.lines.push(s.line);
    // The reason: the culprit's own words first, then the words of the strongest signal (the first one on a tie).
    const rank = (s.ownWords ? 1 : 0) + Math.min(0.99, Math.max(0, s.weight));
    if (s.reason && (!e.reason || rank > e.reason.rank)) e.reason = { text: s.reason, line: s.line, rank };
    by.set(s.id, e);
  });
  return [...by.entries()]
    .map(([id, e]) => ({
      id,
      confidence: Math.round((1 - e.miss) * 100) / 100,
      lines: e.lines.sort((a, b) => a - b),
      first: e.first,
      reason: e.reason ? { text: e.reason.text, line: e.reason.line } : null,
    }))
    .sort((a, b) => b.confidence - a.confidence || a.first - b.first)
    .map(({ id, confidence, lines, reason }) => ({ id, confidence, lines, reason }));
}
