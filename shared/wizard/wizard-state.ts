// The wizard's state: which step the user is on and what each step shows (pure data, no functions). What happened in
// the session (scans, repairs, their outcome and verification) is not kept here but in the session record the main
// process sends (shared/contract/session.ts): the wizard shows it, it never rebuilds it.
import type { CauseId, ProbeId, RepairId } from '../contract/ids.ts';
import type { Evidence } from '../contract/evidence.ts';
import type { LocalText } from '../knowledge/local-text.ts';
import type { ParsedSymptom } from '../contract/symptom.ts';
import type { RepairPlan } from '../contract/repair.ts';
import type { SessionRecord } from '../contract/session.ts';
import type { ExportedReport, PickedFile, SessionSummary } from '../contract/api.ts';
import type { ResultError } from '../contract/result.ts';

/** The six steps, in order. 'consent' and 'scanning' are both step 2 (scan). */
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

/** The symptom cards of step 1 (their titles are knowledge texts `symptom.card.<choice>.title`). */
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

/**
 * A log the user gave, and what the analyzer made of it: 'checking' until it answers; 'refused' files (a picture, an
 * empty file, an .msi) are listed with the analyzer's one-line reason and never used.
 */
export interface DraftLog extends PickedFile {
  status: 'checking' | 'usable' | 'refused';
  reason: LocalText | null;
  /** The log was pasted into the error-code box (not picked or dropped). */
  pasted?: boolean;
}

export interface SymptomDraft {
  choice: SymptomChoice | null;
  /** Free text for "another code" and "my company installs this" (optional there), or the preset code text. */
  text: string;
  parsed: ParsedSymptom | null;
  /** The free text reads as log lines: it is analyzed as a log (the pasted copy is in `logs`), not parsed as codes. */
  textIsLog: boolean;
  logs: DraftLog[];
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

/** The fix step's own phases; how the repair ended is read from the session record (its journal id = the plan id). */
export type FixPhase = 'planning' | 'preview' | 'running' | 'done' | 'undoing';
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
  /** Seconds left while waiting for another installer to finish (the wait repair). */
  countdown: number | null;
  /** The user's choice for a plan that restarts Windows (minutes from now; 0 = now). */
  restartInMinutes: number | null;
}

/** Verify: what the main process planned (retry the .msi or rescan), then running it. */
export type VerifyPhase = 'planning' | 'ready' | 'preview' | 'running' | 'rescanning' | 'done';
export interface VerifyState {
  mode: 'retry-install' | 'rescan' | null;
  phase: VerifyPhase;
  plan: RepairPlan | null;
}

export interface ReportState {
  format: 'html' | 'json' | 'zip';
  redact: boolean;
  exporting: boolean;
  exported: ExportedReport | null;
  copied: boolean;
}

export type Overlay =
  | { kind: 'history'; sessions: SessionSummary[] | null }
  | { kind: 'log'; path: string; line: number | null }
  | { kind: 'confirm-start-over' };

/** A notice shown on top of a step after something happened elsewhere. */
export type Notice = 'scan-cancelled' | 'no-more-fixes' | 'session-loaded' | 'session-resumed';

export interface WizardState {
  step: WizardStep;
  draft: SymptomDraft;
  allowElevation: boolean;
  scan: ScanProgressState;
  /** The session the wizard shows (the main process's record: the single truth of what happened). */
  session: SessionRecord | null;
  /** The session of a scan that is running (its record arrives when the scan ends). */
  scanPurpose: 'diagnose' | 'verify' | 'new-log';
  fix: FixState | null;
  verify: VerifyState | null;
  report: ReportState;
  overlay: Overlay | null;
  error: ResultError | null;
  notice: Notice | null;
  /** A past session opened from the history: shown, never acted on. */
  readOnly: boolean;
}
