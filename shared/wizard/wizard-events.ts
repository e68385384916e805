// The wizard's events: everything the user does and every answer the API gives, as plain data.
import type { CauseId, RepairId } from '../contract/ids.ts';
import type { LocalText } from '../knowledge/local-text.ts';
import type { ScanProgress } from '../contract/scan.ts';
import type { ParsedSymptom } from '../contract/symptom.ts';
import type { RepairOutcome, RepairPlan } from '../contract/repair.ts';
import type { SessionRecord } from '../contract/session.ts';
import type { ApiEvents, ExportedReport, PickedFile, SessionSummary, VerificationPlan } from '../contract/api.ts';
import type { ResultError } from '../contract/result.ts';
import type { ReportState, SymptomChoice } from './wizard-state.ts';

export type WizardEvent =
  // step 1: symptom
  | { type: 'CHOICE_SELECTED'; choice: SymptomChoice }
  | { type: 'TEXT_EDITED'; text: string }
  | { type: 'SYMPTOM_PARSED'; text: string; parsed: ParsedSymptom }
  /** The text in the error-code box reads as log lines: it was saved as a file and is analyzed as a log. */
  | { type: 'TEXT_IS_LOG'; text: string; file: PickedFile }
  | { type: 'LOGS_ADDED'; files: PickedFile[] }
  /** What the analyzer says about a given log: usable, or refused with its one-line reason. */
  | { type: 'LOG_CHECKED'; path: string; usable: boolean; reason: LocalText | null }
  | { type: 'LOG_REMOVED'; path: string }
  | { type: 'MSI_SET'; file: PickedFile | null }
  | { type: 'SYMPTOM_SUBMITTED' }
  // step 2: scan
  | { type: 'CONSENT_BACK' }
  | { type: 'SCAN_CONFIRMED'; allowElevation: boolean }
  | { type: 'SCAN_PROGRESS'; progress: ScanProgress }
  | { type: 'SCAN_CANCEL_REQUESTED' }
  /** A scan ended: the session record it produced (a new session, a refined diagnosis, or a check's verdict). */
  | { type: 'SCAN_FINISHED'; session: SessionRecord }
  | { type: 'SCAN_FAILED'; error: ResultError }
  /** The session record, from the main process (after any change, or restored on start): the single truth. */
  | { type: 'SESSION_UPDATED'; session: SessionRecord }
  /** On start: the session of this app run (a reload), or the one resumed after a restart. */
  | { type: 'SESSION_RESTORED'; session: SessionRecord; resumed: boolean }
  // step 3/4: findings and fix
  | { type: 'REPAIR_CHOSEN'; cause: CauseId; repair: RepairId }
  | { type: 'NEXT_FIX_REQUESTED' }
  /** A log the scan found on the machine (recent-logs) is added and the scan runs again with it. */
  | { type: 'FOUND_LOG_ADDED'; file: PickedFile }
  | { type: 'RESTART_DELAY_CHOSEN'; minutes: number }
  | { type: 'PLAN_READY'; plan: RepairPlan }
  | { type: 'REPAIR_CONFIRMED' }
  | { type: 'REPAIR_PROGRESS'; progress: ApiEvents['repairProgress'] }
  | { type: 'REPAIR_FINISHED'; outcome: RepairOutcome }
  | { type: 'UNDO_REQUESTED' }
  | { type: 'UNDO_FINISHED'; outcome: RepairOutcome }
  | { type: 'OPERATION_FAILED'; error: ResultError }
  | { type: 'BACK_TO_FINDINGS' }
  // step 5: verify
  | { type: 'VERIFY_OPENED' }
  | { type: 'VERIFY_PLANNED'; verification: VerificationPlan }
  | { type: 'VERIFY_STARTED' }
  | { type: 'VERIFY_CONFIRMED' }
  | { type: 'VERIFY_INSTALL_FINISHED'; outcome: RepairOutcome }
  // step 6: report
  | { type: 'REPORT_OPENED' }
  | { type: 'REPORT_OPTIONS_CHANGED'; format?: ReportState['format']; redact?: boolean }
  | { type: 'EXPORT_STARTED' }
  | { type: 'EXPORT_FINISHED'; exported: ExportedReport }
  | { type: 'SUMMARY_COPIED' }
  // anywhere
  | { type: 'HISTORY_OPENED' }
  | { type: 'HISTORY_LOADED'; sessions: SessionSummary[] }
  | { type: 'SESSION_LOADED'; session: SessionRecord }
  | { type: 'LOG_VIEWER_OPENED'; path: string; line: number | null }
  | { type: 'OVERLAY_CLOSED' }
  | { type: 'ERROR_DISMISSED' }
  /** Start over: asks first when a repair ran in the session (the overlay), then starts over. */
  | { type: 'START_OVER_REQUESTED' }
  | { type: 'START_OVER' };

export type WizardEventType = WizardEvent['type'];

/** Every event type, so tests can try each one in each state (the machine is total). */
export const WIZARD_EVENT_TYPES = [
  'CHOICE_SELECTED',
  'TEXT_EDITED',
  'SYMPTOM_PARSED',
  'TEXT_IS_LOG',
  'LOGS_ADDED',
  'LOG_CHECKED',
  'LOG_REMOVED',
  'MSI_SET',
  'SYMPTOM_SUBMITTED',
  'CONSENT_BACK',
  'SCAN_CONFIRMED',
  'SCAN_PROGRESS',
  'SCAN_CANCEL_REQUESTED',
  'SCAN_FINISHED',
  'SCAN_FAILED',
  'SESSION_UPDATED',
  'SESSION_RESTORED',
  'REPAIR_CHOSEN',
  'NEXT_FIX_REQUESTED',
  'FOUND_LOG_ADDED',
  'RESTART_DELAY_CHOSEN',
  'PLAN_READY',
  'REPAIR_CONFIRMED',
  'REPAIR_PROGRESS',
  'REPAIR_FINISHED',
  'UNDO_REQUESTED',
  'UNDO_FINISHED',
  'OPERATION_FAILED',
  'BACK_TO_FINDINGS',
  'VERIFY_OPENED',
  'VERIFY_PLANNED',
  'VERIFY_STARTED',
  'VERIFY_CONFIRMED',
  'VERIFY_INSTALL_FINISHED',
  'REPORT_OPENED',
  'REPORT_OPTIONS_CHANGED',
  'EXPORT_STARTED',
  'EXPORT_FINISHED',
  'SUMMARY_COPIED',
  'HISTORY_OPENED',
  'HISTORY_LOADED',
  'SESSION_LOADED',
  'LOG_VIEWER_OPENED',
  'OVERLAY_CLOSED',
  'ERROR_DISMISSED',
  'START_OVER_REQUESTED',
  'START_OVER',
] as const satisfies readonly WizardEventType[];
