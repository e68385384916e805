// The shape of one catalog repair: metadata, preconditions, plan building (argv only), and how it is verified/undone.
import type { CauseId, ProbeId, RepairId } from '../../../shared/contract/ids.ts';
import type { Evidence, TextRef } from '../../../shared/contract/evidence.ts';
import type { PlanStep, RepairParams } from '../../../shared/contract/repair.ts';
import type { EvidenceDataMap } from '../../../shared/contract/evidence-data.ts';
import type { z } from 'zod';
import type { CommandSpec } from '../run/command-runner.ts';

export type Risk = 'none' | 'low' | 'medium' | 'high';

/** What a path on the target machine is (checked on the machine the repair runs on: real or simulated). */
export type PathKind = 'file' | 'directory' | 'missing';

/** Everything a repair may read while building its plan. All of it is data we own or probe output, never renderer text. */
export interface RepairContext {
  params: RepairParams;
  /** Latest typed probe data by probe id (fresh for the probes the repair lists in `planProbes`). */
  evidence: Partial<EvidenceDataMap>;
  /** The real (unelevated) user: the elevated batch may run as another admin, so HKCU becomes HKU\<sid>. */
  user: { sid: string | null; profile: string | null };
  /** Our folders on the target machine: backups and logs of this repair run live under them. */
  backupDir: string;
  logDir: string;
  /** The journal file that records previous values (the backup of repairs that only save values). */
  journalPath: string;
  /** Windows folder on the target machine (C:\Windows unless a probe says otherwise). */
  windowsDir: string;
  /** MSI Doctor's own executable on the target machine (absolute), to resume after a restart; null: no resume. */
  appPath?: string | null;
  /** Previous runs (for disable-installer-logging: restore exactly what enable-installer-logging found). */
  journals: JournalLookup;
}

export interface JournalLookup {
  /** The newest finished, not undone run of a repair, with its plan params and recorded data. */
  latestFinished(repair: RepairId): { journalId: string; data: Record<string, unknown> } | null;
}

/** One step as built: the contract's PlanStep plus the exact CommandSpec that will run. */
export interface BuiltStep {
  step: PlanStep;
  /** Null for 'wait' steps, which poll probes, and for the planner's 'verify' steps, which run their probe's commands. */
  spec: CommandSpec | null;
  /** Exit codes that count as success (default [0]). */
  okExitCodes: number[];
  /** A backup file this step writes (a file name inside the run's backup folder): hashed into the journal after it. */
  backupFile?: string;
}

export interface BuiltPlan {
  steps: BuiltStep[];
  backups: Array<{ what: string | TextRef; path: string }>;
  warnings: TextRef[];
  confirmations: string[];
  reversible: boolean;
  risk: Risk;
  /** Extra facts the repair wants in the journal (e.g. previous values), read back by later plans. */
  data: Record<string, unknown>;
  /** The install step (retry / uninstall) and the verbose log it writes, analyzed right after the run. */
  installLog: { stepId: string; path: string } | null;
  /** The plan restarts Windows, now (0) or in this many minutes. */
  restart?: { minutes: number } | null;
}

/** A plan cannot be built: the message key says why (translated in shared/knowledge/texts/repairs.ts). */
export class RepairRefusal extends Error {
  constructor(
    readonly reason: TextRef,
    readonly code: 'invalid-input' | 'not-found' | 'forbidden' = 'invalid-input',
  ) {
    super(reason.key);
  }
}

/**
 * A built plan's data as the journal records it and undo reads it back (its dataSchema). A plan whose data do not fit
 * (a folder path longer than the schema allows) could run but never be undone: it is refused before anything runs.
 */
export function recordableData(
  definition: Pick<RepairDefinition, 'dataSchema'>,
  data: unknown,
): Record<string, unknown> {
  const checked = definition.dataSchema.safeParse(data);
  if (!checked.success) throw new RepairRefusal({ key: 'repair.refusal.unrecordable-plan', params: {} });
  return checked.data as Record<string, unknown>;
}

export interface RepairDefinition {
  id: RepairId;
  /** Baseline risk shown in the catalog (a plan may raise it). */
  risk: Risk;
  /** Whether a successful run can be undone from its backup (a plan may lower it). */
  reversible: boolean;
  /** Whether it normally needs one elevated batch. */
  elevation: 'none' | 'required' | 'when-install';
  /** Causes it removes: verification checks they are gone. */
  targets: CauseId[];
  /** Probes whose data the plan reads (re-run right before planning and again right before running). */
  planProbes: ProbeId[];
  /** Probes re-run after the run to verify. Empty = not verifiable (verified stays null). */
  verifyProbes: ProbeId[];
  /** What is backed up, in words for the catalog table (README). */
  backupSummary: string;
  undoSummary: string;
  /** Builds the plan from validated params and fresh evidence, or throws RepairRefusal. */
  build(context: RepairContext): BuiltPlan;
  /** The shape of `BuiltPlan.data`: a journal's recorded data is re-validated with it before anything uses it. */
  dataSchema: z.ZodType;
  /**
   * Undo rebuilt from the catalog: commands made here from the re-validated recorded data and our own paths, never
   * read from a journal. Absent = not reversible. Throws RepairRefusal when the recorded data cannot be undone safely.
   */
  undo?(context: UndoContext): UndoAction[];
  /** Is the targeted cause gone? From the re-run probes' data and, for install steps, the install's result (null = cannot tell). */
  verify(
    evidence: Partial<EvidenceDataMap>,
    data: Record<string, unknown>,
    install: InstallResult | null,
  ): boolean | null;
  /**
   * What the check after a verified run still shows besides the targeted cause, in words (an unfinished install still
   * marked: a restart clears it). The run's message, so the result says what remains under the one "verified" state.
   */
  remains?(evidence: Partial<EvidenceDataMap>, data: Record<string, unknown>): TextRef | null;
  /** What the run changes (registry values, folders), for the warning when an older change is undone under a newer one. */
  touches(data: Record<string, unknown>): string[];
  /** A 'wait' step's condition: the probe it polls and when the wait is over. */
  wait?: { probe: ProbeId; pollSeconds: number; done(evidence: Partial<EvidenceDataMap>): boolean };
}

/** The exit of a repair's install step. */
export interface InstallResult {
  exitCode: number | null;
  ok: boolean;
}

/** What an undo is built from: the re-validated data and facts of this machine, never the journal's commands. */
export interface UndoContext {
  data: Record<string, unknown>;
  /** The real (unelevated) user now: a journal of another account is refused. */
  user: { sid: string | null; profile: string | null };
  windowsDir: string;
  /** This run's backup folder, derived from our data folder and the journal id. */
  backupDir: string;
}

/** One undo action: the steps it reverts and the catalog-built commands that do it. */
export interface UndoAction {
  stepIds: string[];
  elevated: boolean;
  specs: CommandSpec[];
  /** The backup file it restores: it must exist, match the SHA-256 the journal recorded, and pass `check`. */
  backup?: { stepId: string; file: string; check(bytes: Uint8Array): string | null };
}

/** Combines a probe verdict with an install step's result: both must agree when both exist. */
export function combineVerdicts(fromProbes: boolean | null, install: InstallResult | null): boolean | null {
  if (install === null) return fromProbes;
  if (fromProbes === null) return install.ok;
  return install.ok && fromProbes;
}

/** Evidence[] -> typed data map (only entries whose data matches the schema). */
export type EvidenceList = Evidence[];
