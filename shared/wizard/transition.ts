// The wizard state machine: a pure, total transition(state, event); events that do not apply leave the state as is.
import { PROBE_IDS, type CauseId, type RepairId } from '../contract/ids.ts';
import type { ScanResult } from '../contract/scan.ts';
import type { Finding } from '../contract/finding.ts';
import type { WizardEvent } from './wizard-events.ts';
import {
  PRESET_SYMPTOM_TEXT,
  type FixState,
  type ProbeRow,
  type SymptomDraft,
  type WizardState,
} from './wizard-state.ts';

export function emptyDraft(): SymptomDraft {
  return { choice: null, text: '', parsed: null, logs: [], msi: null };
}

export function initialState(): WizardState {
  return {
    step: 'symptom',
    draft: emptyDraft(),
    allowElevation: true,
    scan: { scanId: null, rows: [], cancelling: false },
    result: null,
    tried: [],
    fix: null,
    verify: null,
    report: { format: 'html', redact: true, exporting: false, exported: null, copied: false },
    overlay: null,
    error: null,
    notice: null,
  };
}

/** What step 1 needs before "Continue" is allowed. */
export function canSubmitSymptom(draft: SymptomDraft): boolean {
  if (draft.choice === null) return false;
  if (draft.choice === 'log') return draft.logs.length > 0;
  if (draft.choice === 'other-code') return draft.text.trim().length > 0;
  return true;
}

/** True while an API call is in flight that the user must not interrupt by navigating away. */
export function isBusy(state: WizardState): boolean {
  if (state.step === 'scanning') return true;
  if (state.step === 'fix' && state.fix) return ['planning', 'running', 'undoing'].includes(state.fix.phase);
  if (state.step === 'verify' && state.verify)
    return ['planning', 'running', 'rescanning'].includes(state.verify.phase);
  return state.report.exporting;
}

/** Causes only (not security or info findings), ranked as the diagnosis returned them. */
export function causeFindings(result: ScanResult): Finding[] {
  return result.findings.filter((f) => f.kind === 'cause');
}

/** The repairs in the order the wizard proposes them: findings by rank, then each finding's repairs safest first. */
export function repairQueue(result: ScanResult): Array<{ cause: CauseId; repair: RepairId }> {
  const queue: Array<{ cause: CauseId; repair: RepairId }> = [];
  // Causes of the failed install first (by confidence), then security findings: the user came for the install.
  const byConfidence = (a: Finding, b: Finding) => b.confidence - a.confidence;
  const ranked = [
    ...causeFindings(result).sort(byConfidence),
    ...result.findings.filter((f) => f.kind === 'security').sort(byConfidence),
  ];
  for (const finding of ranked) {
    for (const repair of finding.repairs) {
      // The elevated retry is what step 5 does; proposing it as a "fix" too would run the installer twice.
      if (repair === 'retry-install-elevated-logged') continue;
      if (!queue.some((q) => q.repair === repair)) queue.push({ cause: finding.cause, repair });
    }
  }
  return queue;
}

/** The next repair not tried yet, or null. */
export function nextRepair(
  result: ScanResult,
  tried: readonly RepairId[],
): { cause: CauseId; repair: RepairId } | null {
  return repairQueue(result).find((q) => !tried.includes(q.repair)) ?? null;
}

/** Causes still open: reported with at least moderate confidence (not "no problem" or "unknown"). */
export function openCauses(result: ScanResult): CauseId[] {
  return causeFindings(result)
    .filter((f) => f.cause !== 'no-problem-found' && f.cause !== 'unknown' && f.confidence >= 0.5)
    .map((f) => f.cause);
}

export function hasOpenCause(result: ScanResult, target: CauseId | null = null): boolean {
  const open = openCauses(result);
  return target === null ? open.length > 0 : open.includes(target);
}

function rowsFor(): ProbeRow[] {
  return PROBE_IDS.map((probe) => ({ probe, status: 'queued', elevated: false, durationMs: null, evidence: null }));
}

function startFix(state: WizardState, cause: CauseId, repair: RepairId): WizardState {
  const fix: FixState = {
    cause,
    repair,
    phase: 'planning',
    plan: null,
    progress: [],
    countdown: null,
    outcome: null,
    undo: null,
  };
  return { ...state, step: 'fix', fix, verify: null, error: null, notice: null };
}

function toFindings(state: WizardState, result: ScanResult, notice: WizardState['notice']): WizardState {
  return {
    ...state,
    step: 'findings',
    result,
    fix: null,
    verify: null,
    error: null,
    notice,
    scan: { ...state.scan, cancelling: false },
  };
}

export function transition(state: WizardState, event: WizardEvent): WizardState {
  const { step, draft, fix, verify } = state;
  switch (event.type) {
    case 'CHOICE_SELECTED': {
      if (step !== 'symptom') return state;
      const preset =
        event.choice in PRESET_SYMPTOM_TEXT
          ? PRESET_SYMPTOM_TEXT[event.choice as keyof typeof PRESET_SYMPTOM_TEXT]
          : null;
      // Typed text survives switching between the two cards that take it.
      const typed = (c: string | null) => c === 'other-code' || c === 'company-deploy';
      const text = preset ?? (typed(event.choice) && typed(draft.choice) ? draft.text : '');
      return { ...state, draft: { ...draft, choice: event.choice, text, parsed: null }, error: null, notice: null };
    }
    case 'TEXT_EDITED':
      if (step !== 'symptom') return state;
      // "My company installs this" takes an optional code: typing keeps that card chosen.
      return {
        ...state,
        draft: {
          ...draft,
          choice: draft.choice === 'company-deploy' ? 'company-deploy' : 'other-code',
          text: event.text.slice(0, 20_000),
          parsed: null,
        },
      };
    case 'SYMPTOM_PARSED':
      // A late answer for text the user has since changed is dropped.
      if (step !== 'symptom' || event.text !== draft.text) return state;
      return { ...state, draft: { ...draft, parsed: event.parsed } };
    case 'LOGS_ADDED': {
      if (step !== 'symptom' || event.files.length === 0) return state;
      const logs = [...draft.logs];
      for (const file of event.files) if (!logs.some((l) => l.path === file.path)) logs.push(file);
      const choice = draft.choice === null || draft.choice === 'unsure' ? 'log' : draft.choice;
      return { ...state, draft: { ...draft, logs, choice }, error: null };
    }
    case 'LOG_REMOVED':
      if (step !== 'symptom') return state;
      return { ...state, draft: { ...draft, logs: draft.logs.filter((l) => l.path !== event.path) } };
    case 'MSI_SET':
      if (step !== 'symptom') return state;
      return { ...state, draft: { ...draft, msi: event.file } };
    case 'SYMPTOM_SUBMITTED':
      if (step !== 'symptom' || !canSubmitSymptom(draft)) return state;
      return { ...state, step: 'consent', error: null, notice: null };
    case 'CONSENT_BACK':
      if (step !== 'consent') return state;
      return { ...state, step: 'symptom', error: null };
    case 'SCAN_CONFIRMED':
      if (step !== 'consent') return state;
      return {
        ...state,
        step: 'scanning',
        allowElevation: event.allowElevation,
        scan: { scanId: null, rows: rowsFor(), cancelling: false },
        result: null,
        tried: [],
        fix: null,
        verify: null,
        error: null,
        notice: null,
      };
    case 'SCAN_PROGRESS': {
      const scanning = step === 'scanning' || (step === 'verify' && verify?.phase === 'rescanning');
      if (!scanning) return state;
      const p = event.progress;
      if (state.scan.scanId !== null && state.scan.scanId !== p.scanId) return state;
      const status = p.phase === 'finished' ? 'done' : p.phase === 'started' ? 'running' : 'queued';
      const row: ProbeRow = {
        probe: p.probe,
        status,
        elevated: p.elevated,
        durationMs: p.durationMs,
        evidence: p.evidence,
      };
      const rows = state.scan.rows.some((r) => r.probe === p.probe)
        ? state.scan.rows.map((r) => (r.probe === p.probe ? row : r))
        : [...state.scan.rows, row];
      return { ...state, scan: { ...state.scan, scanId: p.scanId, rows } };
    }
    case 'SCAN_CANCEL_REQUESTED':
      if (step !== 'scanning' || state.scan.cancelling) return state;
      return { ...state, scan: { ...state.scan, cancelling: true } };
    case 'SCAN_FINISHED':
      if (step !== 'scanning') return state;
      return toFindings({ ...state, tried: [] }, event.result, null);
    case 'SCAN_FAILED':
      if (step === 'scanning') {
        if (event.error.code === 'cancelled' || state.scan.cancelling) {
          return {
            ...state,
            step: 'symptom',
            scan: { scanId: null, rows: [], cancelling: false },
            notice: 'scan-cancelled',
            error: null,
          };
        }
        return { ...state, step: 'consent', scan: { scanId: null, rows: [], cancelling: false }, error: event.error };
      }
      if (step === 'verify' && verify?.phase === 'rescanning') {
        return { ...state, verify: { ...verify, phase: 'failed' }, error: event.error };
      }
      return state;
    case 'REPAIR_CHOSEN': {
      if (!state.result) return state;
      const fixIdle = step === 'fix' && (fix?.phase === 'done' || fix?.phase === 'undone' || fix?.phase === 'preview');
      if (step !== 'findings' && !fixIdle) return state;
      const finding = state.result.findings.find((f) => f.cause === event.cause);
      if (!finding || !finding.repairs.includes(event.repair)) return state;
      return startFix(state, event.cause, event.repair);
    }
    case 'NEXT_FIX_REQUESTED': {
      if (!state.result) return state;
      const fixIdle = step === 'fix' && (fix?.phase === 'done' || fix?.phase === 'undone');
      if (step !== 'findings' && !fixIdle) return state;
      const tried = fix && !state.tried.includes(fix.repair) ? [...state.tried, fix.repair] : state.tried;
      const next = nextRepair(state.result, tried);
      if (!next) return { ...toFindings(state, state.result, 'no-more-fixes'), tried };
      return startFix({ ...state, tried }, next.cause, next.repair);
    }
    case 'FOUND_LOG_ADDED': {
      if (step !== 'findings' || draft.logs.some((l) => l.path === event.file.path)) return state;
      return {
        ...state,
        step: 'scanning',
        draft: { ...draft, logs: [...draft.logs, event.file] },
        scan: { scanId: null, rows: rowsFor(), cancelling: false },
        result: null,
        tried: [],
        fix: null,
        verify: null,
        error: null,
        notice: null,
      };
    }
    case 'PLAN_READY':
      if (step !== 'fix' || !fix || fix.phase !== 'planning' || event.plan.repair !== fix.repair) return state;
      return { ...state, fix: { ...fix, phase: 'preview', plan: event.plan } };
    case 'REPAIR_CONFIRMED':
      if (step !== 'fix' || !fix || fix.phase !== 'preview' || !fix.plan) return state;
      return {
        ...state,
        tried: state.tried.includes(fix.repair) ? state.tried : [...state.tried, fix.repair],
        fix: { ...fix, phase: 'running', progress: [], countdown: null },
        error: null,
      };
    case 'REPAIR_PROGRESS': {
      const p = event.progress;
      if (step === 'fix' && fix && fix.phase === 'running' && fix.plan?.planId === p.planId) {
        const entry = { stepId: p.stepId, phase: p.phase, status: p.status ?? null };
        const progress = fix.progress.some((x) => x.stepId === p.stepId)
          ? fix.progress.map((x) => (x.stepId === p.stepId ? entry : x))
          : [...fix.progress, entry];
        return {
          ...state,
          fix: { ...fix, progress, countdown: p.countdownSeconds ?? (p.phase === 'finished' ? null : fix.countdown) },
        };
      }
      return state;
    }
    case 'REPAIR_FINISHED':
      if (step !== 'fix' || !fix || fix.phase !== 'running') return state;
      return { ...state, fix: { ...fix, phase: 'done', outcome: event.outcome, countdown: null } };
    case 'UNDO_REQUESTED':
      if (step !== 'fix' || !fix || fix.phase !== 'done' || !fix.outcome?.undoAvailable) return state;
      return { ...state, fix: { ...fix, phase: 'undoing' }, error: null };
    case 'UNDO_FINISHED':
      if (step !== 'fix' || !fix || fix.phase !== 'undoing') return state;
      return { ...state, fix: { ...fix, phase: 'undone', undo: event.outcome } };
    case 'OPERATION_FAILED': {
      const error = event.error;
      if (step === 'fix' && fix) {
        if (fix.phase === 'planning' && state.result) return { ...toFindings(state, state.result, null), error };
        if (fix.phase === 'running') return { ...state, fix: { ...fix, phase: 'preview' }, error };
        if (fix.phase === 'undoing') return { ...state, fix: { ...fix, phase: 'done' }, error };
        return { ...state, error };
      }
      if (step === 'verify' && verify) {
        if (verify.phase === 'planning' || verify.phase === 'running')
          return { ...state, verify: { ...verify, phase: 'ready' }, error };
        return { ...state, error };
      }
      if (state.report.exporting) return { ...state, report: { ...state.report, exporting: false }, error };
      return { ...state, error };
    }
    case 'BACK_TO_FINDINGS':
      if (!state.result || isBusy(state) || !['fix', 'verify', 'report'].includes(step)) return state;
      return toFindings(state, state.result, null);
    case 'VERIFY_OPENED': {
      if (!state.result) return state;
      const fromFix = step === 'fix' && (fix?.phase === 'done' || fix?.phase === 'undone');
      if (step !== 'findings' && !fromFix) return state;
      return {
        ...state,
        step: 'verify',
        verify: {
          mode: draft.msi ? 'retry-install' : 'rescan',
          phase: 'ready',
          plan: null,
          outcome: null,
          newLogPath: null,
          target: fromFix && fix ? fix.cause : null,
        },
        error: null,
        notice: null,
      };
    }
    case 'VERIFY_STARTED':
      if (step !== 'verify' || !verify || (verify.phase !== 'ready' && verify.phase !== 'failed')) return state;
      if (verify.mode === 'retry-install')
        return { ...state, verify: { ...verify, phase: 'planning', plan: null, outcome: null }, error: null };
      return {
        ...state,
        verify: { ...verify, phase: 'rescanning' },
        scan: { scanId: null, rows: rowsFor(), cancelling: false },
        error: null,
      };
    case 'VERIFY_PLAN_READY':
      if (step !== 'verify' || verify?.phase !== 'planning' || event.plan.repair !== 'retry-install-elevated-logged')
        return state;
      return { ...state, verify: { ...verify, phase: 'preview', plan: event.plan } };
    case 'VERIFY_CONFIRMED':
      if (step !== 'verify' || verify?.phase !== 'preview') return state;
      return { ...state, verify: { ...verify, phase: 'running' } };
    case 'VERIFY_INSTALL_FINISHED': {
      if (step !== 'verify' || verify?.phase !== 'running') return state;
      const succeeded = event.outcome.status === 'succeeded' && event.outcome.verified !== false;
      if (succeeded)
        return {
          ...state,
          verify: { ...verify, phase: 'passed', outcome: event.outcome, newLogPath: event.newLogPath },
        };
      if (event.newLogPath === null) {
        return {
          ...state,
          verify: { ...verify, phase: 'failed', outcome: event.outcome, newLogPath: null },
          notice: 'verify-failed-no-log',
        };
      }
      // The install failed again: its fresh log is analyzed by a rescan, then the wizard goes back to findings.
      return {
        ...state,
        verify: { ...verify, phase: 'rescanning', outcome: event.outcome, newLogPath: event.newLogPath },
        scan: { scanId: null, rows: rowsFor(), cancelling: false },
      };
    }
    case 'VERIFY_RESCAN_FINISHED': {
      if (step !== 'verify' || verify?.phase !== 'rescanning') return state;
      if (verify.mode === 'retry-install')
        return toFindings({ ...state, tried: [] }, event.result, 'verify-failed-new-evidence');
      if (hasOpenCause(event.result, verify.target)) return toFindings(state, event.result, 'repair-not-helped');
      return { ...state, result: event.result, verify: { ...verify, phase: 'passed' } };
    }
    case 'REPORT_OPENED':
      if (!state.result || isBusy(state) || step === 'symptom' || step === 'consent' || step === 'report') return state;
      return {
        ...state,
        step: 'report',
        report: { ...state.report, exported: null, copied: false },
        error: null,
        notice: null,
      };
    case 'REPORT_OPTIONS_CHANGED':
      if (step !== 'report' || state.report.exporting) return state;
      return {
        ...state,
        report: {
          ...state.report,
          format: event.format ?? state.report.format,
          redact: event.redact ?? state.report.redact,
          exported: null,
        },
      };
    case 'EXPORT_STARTED':
      if (step !== 'report' || state.report.exporting) return state;
      return { ...state, report: { ...state.report, exporting: true, exported: null }, error: null };
    case 'EXPORT_FINISHED':
      if (step !== 'report' || !state.report.exporting) return state;
      return { ...state, report: { ...state.report, exporting: false, exported: event.exported } };
    case 'SUMMARY_COPIED':
      if (step !== 'report') return state;
      return { ...state, report: { ...state.report, copied: true } };
    case 'HISTORY_OPENED':
      if (isBusy(state)) return state;
      return { ...state, overlay: { kind: 'history', sessions: null } };
    case 'HISTORY_LOADED':
      if (state.overlay?.kind !== 'history') return state;
      return { ...state, overlay: { kind: 'history', sessions: event.sessions } };
    case 'SESSION_LOADED': {
      if (state.overlay?.kind !== 'history' || isBusy(state)) return state;
      const loaded: SymptomDraft = { ...emptyDraft(), text: event.result.symptom.input, parsed: event.result.symptom };
      return { ...toFindings({ ...state, draft: loaded, tried: [] }, event.result, 'session-loaded'), overlay: null };
    }
    case 'LOG_VIEWER_OPENED':
      return { ...state, overlay: { kind: 'log', path: event.path, line: event.line } };
    case 'OVERLAY_CLOSED':
      return state.overlay ? { ...state, overlay: null } : state;
    case 'ERROR_DISMISSED':
      return state.error ? { ...state, error: null } : state;
    case 'START_OVER':
      if (isBusy(state)) return state;
      return initialState();
    default: {
      // Exhaustiveness: a new event type without a case fails to compile here.
      const never: never = event;
      return never;
    }
  }
}
