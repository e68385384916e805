// The wizard's events: everything the user does and every answer the API gives, as plain data.
import type { CauseId, RepairId } from '../contract/ids.ts';
import type { ScanProgress, ScanResult } from '../contract/scan.ts';
import type { ParsedSymptom } from '../contract/symptom.ts';
import type { RepairOutcome, RepairPlan } from '../contract/repair.ts';
import type { ApiEvents, ExportedReport, PickedFile, SessionSummary } from '../contract/api.ts';
import type { ResultError } from '../contract/result.ts';
import type { ReportState, SymptomChoice } from './wizard-state.ts';

export type WizardEvent =
  // step 1: symptom
  | { type: 'CHOICE_SELECTED'; choice: SymptomChoice }
  | { type: 'TEXT_EDITED'; text: string }
  | { type: 'SYMPTOM_PARSED'; text: string; parsed: ParsedSymptom }
  | { type: 'LOGS_ADDED'; files: PickedFile[] }
  | { type: 'LOG_REMOVED'; path: string }
  | { type: 'MSI_SET'; file: PickedFile | null }
  | { type: 'SYMPTOM_SUBMITTED' }
  // step 2: scan
  | { type: 'CONSENT_BACK' }
  | { type: 'SCAN_CONFIRMED'; allowElevation: boolean }
  | { type: 'SCAN_PROGRESS'; progress: ScanProgress }
  | { type: 'SCAN_CANCEL_REQUESTED' }
  | { type: 'SCAN_FINISHED'; result: ScanResult }
  | { type: 'SCAN_FAILED'; error: ResultError }
  // step 3/4: findings and fix
  | { type: 'REPAIR_CHOSEN'; cause: CauseId; repair: RepairId }
  | { type: 'NEXT_FIX_REQUESTED' }
  /** A log the scan found on the machine (recent-logs) is added and the scan runs again with it. */
  | { type: 'FOUND_LOG_ADDED'; file: PickedFile }
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
  | { type: 'VERIFY_STARTED' }
  | { type: 'VERIFY_PLAN_READY'; plan: RepairPlan }
  | { type: 'VERIFY_CONFIRMED' }
  | { type: 'VERIFY_INSTALL_FINISHED'; outcome: RepairOutcome; newLogPath: string | null }
  | { type: 'VERIFY_RESCAN_FINISHED'; result: ScanResult }
  // step 6: report
  | { type: 'REPORT_OPENED' }
  | { type: 'REPORT_OPTIONS_CHANGED'; format?: ReportState['format']; redact?: boolean }
  | { type: 'EXPORT_STARTED' }
  | { type: 'EXPORT_FINISHED'; exported: ExportedReport }
  | { type: 'SUMMARY_COPIED' }
  // anywhere
  | { type: 'HISTORY_OPENED' }
  | { type: 'HISTORY_LOADED'; sessions: SessionSummary[] }
  | { type: 'SESSION_LOADED'; result: ScanResult }
  | { type: 'LOG_VIEWER_OPENED'; path: string; line: number | null }
  | { type: 'OVERLAY_CLOSED' }
  | { type: 'ERROR_DISMISSED' }
  | { type: 'START_OVER' };

export type WizardEventType = WizardEvent['type'];

/** Every event type, so tests can try each one in each state (the machine is total). */
export const WIZARD_EVENT_TYPES = [
  'CHOICE_SELECTED',
  'TEXT_EDITED',
  'SYMPTOM_PARSED',
  'LOGS_ADDED',
  'LOG_REMOVED',
  'MSI_SET',
  'SYMPTOM_SUBMITTED',
  'CONSENT_BACK',
  'SCAN_CONFIRMED',
  'SCAN_PROGRESS',
  'SCAN_CANCEL_REQUESTED',
  'SCAN_FINISHED',
  'SCAN_FAILED',
  'REPAIR_CHOSEN',
  'NEXT_FIX_REQUESTED',
  'FOUND_LOG_ADDED',
  'PLAN_READY',
  'REPAIR_CONFIRMED',
  'REPAIR_PROGRESS',
  'REPAIR_FINISHED',
  'UNDO_REQUESTED',
  'UNDO_FINISHED',
  'OPERATION_FAILED',
  'BACK_TO_FINDINGS',
  'VERIFY_OPENED',
  'VERIFY_STARTED',
  'VERIFY_PLAN_READY',
  'VERIFY_CONFIRMED',
  'VERIFY_INSTALL_FINISHED',
  'VERIFY_RESCAN_FINISHED',
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
  'START_OVER',
] as const satisfies readonly WizardEventType[];
