// The wizard's state: which step the user is on and everything each step shows (pure data, no functions).
import type { CauseId, ProbeId, RepairId } from '../contract/ids.ts';
import type { Evidence } from '../contract/evidence.ts';
import type { ScanResult } from '../contract/scan.ts';
import type { ParsedSymptom } from '../contract/symptom.ts';
import type { RepairOutcome, RepairPlan } from '../contract/repair.ts';
import type { ExportedReport, PickedFile, SessionSummary } from '../contract/api.ts';
import type { ResultError } from '../contract/result.ts';

/** The six steps of issue 7, in order. 'consent' and 'scanning' are both step 2 (scan). */
export const WIZARD_STEPS = ['symptom', 'consent', 'scanning', 'findings', 'fix', 'verify', 'report'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** The numbered step (1..6) the progress header shows for each state. */
export const STEP_NUMBER = {
  symptom: 1,
  consent: 2,
  scanning: 2,
  findings: 3,
  fix: 4,
  verify: 5,
  report: 6,
} as const satisfies Record<WizardStep, number>;

/** The symptom cards of step 1. */
export const SYMPTOM_CHOICES = [
  'code-2503',
  'code-1618',
  'code-1603',
  'other-code',
  'company-deploy',
  'log',
  'unsure',
] as const;
export type SymptomChoice = (typeof SYMPTOM_CHOICES)[number];

/** The text sent to the symptom parser for each preset card (codes only: locale-neutral). */
export const PRESET_SYMPTOM_TEXT = {
  'code-2503': '2503 2502',
  'code-1618': '1618',
  'code-1603': '1603',
} as const satisfies Partial<Record<SymptomChoice, string>>;

export interface SymptomDraft {
  choice: SymptomChoice | null;
  /** Free text for "another code" and "my company installs this" (optional there), or the preset code text. */
  text: string;
  parsed: ParsedSymptom | null;
  logs: PickedFile[];
  msi: PickedFile | null;
}

export type ProbeRowStatus = 'queued' | 'running' | 'done';
export interface ProbeRow {
  probe: ProbeId;
  status: ProbeRowStatus;
  elevated: boolean;
  durationMs: number | null;
  evidence: Evidence | null;
}

export interface ScanProgressState {
  scanId: string | null;
  rows: ProbeRow[];
  cancelling: boolean;
}

export type FixPhase = 'planning' | 'preview' | 'running' | 'done' | 'undoing' | 'undone';
export interface FixStepProgress {
  stepId: string;
  phase: 'started' | 'finished';
  status: string | null;
}
export interface FixState {
  cause: CauseId;
  repair: RepairId;
  phase: FixPhase;
  plan: RepairPlan | null;
  progress: FixStepProgress[];
  /** Seconds left while waiting for another installer to finish (wait-for-installer). */
  countdown: number | null;
  outcome: RepairOutcome | null;
  undo: RepairOutcome | null;
}

/** Verify: retry the install elevated with logging when an .msi is known, otherwise rescan. */
export type VerifyPhase = 'ready' | 'planning' | 'preview' | 'running' | 'rescanning' | 'passed' | 'failed';
export interface VerifyState {
  mode: 'retry-install' | 'rescan';
  phase: VerifyPhase;
  plan: RepairPlan | null;
  outcome: RepairOutcome | null;
  /** The new log written by the retried install, when its path is known. */
  newLogPath: string | null;
  /** The cause the last fix targeted: a rescan passes when that cause is no longer open (null: when none is open). */
  target: CauseId | null;
}

export interface ReportState {
  format: 'html' | 'json' | 'zip';
  redact: boolean;
  exporting: boolean;
  exported: ExportedReport | null;
  copied: boolean;
}

export type Overlay =
  { kind: 'history'; sessions: SessionSummary[] | null } | { kind: 'log'; path: string; line: number | null };

/** A notice shown on top of a step after something happened elsewhere. */
export type Notice =
  | 'scan-cancelled'
  | 'verify-failed-new-evidence'
  | 'verify-failed-no-log'
  | 'repair-not-helped'
  | 'no-more-fixes'
  | 'session-loaded';

export interface WizardState {
  step: WizardStep;
  draft: SymptomDraft;
  allowElevation: boolean;
  scan: ScanProgressState;
  result: ScanResult | null;
  /** Repairs already tried in this session, in order (for "try the next fix"). */
  tried: RepairId[];
  fix: FixState | null;
  verify: VerifyState | null;
  report: ReportState;
  overlay: Overlay | null;
  error: ResultError | null;
  notice: Notice | null;
}
