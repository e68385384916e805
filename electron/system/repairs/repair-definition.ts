// The shape of one catalog repair: metadata, preconditions, plan building (argv only), and how it is verified/undone.
import type { CauseId, ProbeId, RepairId } from '../../../shared/contract/ids.ts';
import type { Evidence, TextRef } from '../../../shared/contract/evidence.ts';
import type { PlanStep, RepairParams } from '../../../shared/contract/repair.ts';
import type { EvidenceDataMap } from '../../../shared/contract/evidence-data.ts';
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
  /** Previous runs (for disable-installer-logging: restore exactly what enable-installer-logging found). */
  journals: JournalLookup;
}

export interface JournalLookup {
  /** The newest finished, not undone run of a repair, with its plan params and recorded data. */
  latestFinished(repair: RepairId): { journalId: string; data: Record<string, unknown> } | null;
}

/** One step as built: the contract's PlanStep plus the exact CommandSpec that will run and how to undo it. */
export interface BuiltStep {
  step: PlanStep;
  /** Null only for 'wait' steps, which poll probes instead of running one command. */
  spec: CommandSpec | null;
  /** Exit codes that count as success (default [0]). */
  okExitCodes: number[];
  /** Commands that undo this step, run in order (elevated when `step.elevated`). Empty = nothing to undo. */
  undo: CommandSpec[];
}

export interface BuiltPlan {
  steps: BuiltStep[];
  backups: Array<{ what: string; path: string }>;
  warnings: TextRef[];
  confirmations: string[];
  reversible: boolean;
  risk: Risk;
  /** Extra facts the repair wants in the journal (e.g. previous values), read back by later plans. */
  data: Record<string, unknown>;
  /** Log file an install step writes (retry / uninstall), analyzed right after the run. */
  installLog: string | null;
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
}

/** Evidence[] -> typed data map (only entries whose data matches the schema). */
export type EvidenceList = Evidence[];
