// The wizard state machine: a pure, total transition(state, event); events that do not apply leave the state as is.
// What happened in the session comes from the main process's record (SESSION_UPDATED): the machine only moves
// between steps and keeps what each step is doing.
import { PROBE_IDS, type CauseId, type RepairId } from '../contract/ids.ts';
import type { ScanResult } from '../contract/scan.ts';
import type { SessionRecord, SessionRepair } from '../contract/session.ts';
import { sessionStory } from '../session/session-story.ts';
import type { WizardEvent } from './wizard-events.ts';
import {
  PRESET_SYMPTOM_TEXT,
  type DraftLog,
  type FixState,
  type ProbeRow,
  type SymptomDraft,
  type WizardState,
} from './wizard-state.ts';

export function emptyDraft(): SymptomDraft {
  return { choice: null, text: '', parsed: null, textIsLog: false, logs: [], msi: null };
}

export function initialState(): WizardState {
  return {
    step: 'symptom',
    draft: emptyDraft(),
    allowElevation: true,
    scan: { scanId: null, rows: [], cancelling: false },
    session: null,
    scanPurpose: 'diagnose',
    fix: null,
    verify: null,
    report: { format: 'html', redact: true, exporting: false, exported: null, copied: false },
    overlay: null,
    error: null,
    notice: null,
    readOnly: false,
  };
}

/** The logs the scan will read: the usable ones (refused files are listed with their reason, never sent). */
export function usableLogs(draft: SymptomDraft): DraftLog[] {
  return draft.logs.filter((l) => l.status === 'usable');
}

/** What step 1 needs before "Continue" is allowed. */
export function canSubmitSymptom(draft: SymptomDraft): boolean {
  if (draft.choice === null) return false;
  if (draft.logs.some((l) => l.status === 'checking')) return false;
  if (draft.choice === 'log') return usableLogs(draft).length > 0;
  if (draft.choice === 'other-code') return draft.textIsLog ? usableLogs(draft).length > 0 : draft.text.trim() !== '';
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

/** The diagnosis the wizard shows: the session's latest. */
export function shownScan(state: WizardState): ScanResult | null {
  return state.session?.latest ?? null;
}

/** The session's record of the repair a plan ran (its journal id is the plan id). */
export function repairOfPlan(session: SessionRecord | null, planId: string | undefined): SessionRepair | null {
  if (!session || !planId) return null;
  return session.repairs.find((r) => r.journalId === planId) ?? null;
}

/** The repairs in the order the wizard proposes them: diagnose()'s order, each finding's repairs safest first. */
export function repairQueue(scan: ScanResult): Array<{ cause: CauseId; repair: RepairId }> {
  const queue: Array<{ cause: CauseId; repair: RepairId }> = [];
  for (const finding of scan.findings)
    for (const repair of finding.repairs)
      if (!queue.some((q) => q.repair === repair)) queue.push({ cause: finding.cause, repair });
  return queue;
}

/** A restart whose countdown the user cancelled (its undo ran, and no resume after a restart followed): the
 * computer never restarted, so restarting is still a fix to try ("restart now"). */
function restartCancelled(repair: SessionRecord['repairs'][number]): boolean {
  return repair.plan.restart !== null && repair.undo?.outcome.status === 'succeeded' && !repair.restart?.resumedAt;
}

/** The next repair of the latest diagnosis that this session has not tried yet, or null. */
export function nextRepair(session: SessionRecord): { cause: CauseId; repair: RepairId } | null {
  const tried = new Set(
    session.repairs.filter((r) => r.purpose === 'fix' && !restartCancelled(r)).map((r) => r.repair),
  );
  return repairQueue(session.latest).find((q) => !tried.has(q.repair)) ?? null;
}

function rowsFor(): ProbeRow[] {
  return PROBE_IDS.map((probe) => ({ probe, status: 'queued', elevated: false, durationMs: null, evidence: null }));
}

function freshScan(): WizardState['scan'] {
  return { scanId: null, rows: rowsFor(), cancelling: false };
}

function startFix(state: WizardState, cause: CauseId, repair: RepairId): WizardState {
  const fix: FixState = {
    cause,
    repair,
    phase: 'planning',
    plan: null,
    progress: [],
    countdown: null,
    restartInMinutes: null,
  };
  return { ...state, step: 'fix', fix, verify: null, error: null, notice: null };
}

function toFindings(state: WizardState, notice: WizardState['notice'] = null): WizardState {
  return {
    ...state,
    step: 'findings',
    fix: null,
    verify: null,
    error: null,
    notice,
    scan: { ...state.scan, cancelling: false },
  };
}

/** A newer record of the session shown (or of the session a scan just started) replaces it. */
function acceptsSession(state: WizardState, session: SessionRecord): boolean {
  if (!state.session) return false;
  return session.sessionId === state.session.sessionId && session.updatedAt >= state.session.updatedAt;
}

/** The fix step follows the record: a running repair the record says has ended is done. */
function followRecord(state: WizardState): WizardState {
  const { fix, session } = state;
  if (state.step !== 'fix' || fix?.phase !== 'running') return state;
  const repair = repairOfPlan(session, fix.plan?.planId);
  if (!repair || repair.state === 'running') return state;
  return { ...state, fix: { ...fix, phase: 'done', countdown: null } };
}

function fixIdle(state: WizardState): boolean {
  return state.step === 'fix' && (state.fix?.phase === 'done' || state.fix?.phase === 'preview');
}

/** A session the app must come back to on start: a repair running or cut off, or the resume after a restart. */
function needsReturn(session: SessionRecord, resumed: boolean): boolean {
  if (resumed) return true;
  return session.repairs.some((r) => r.state !== 'finished' || (r.restart !== null && !r.restart.resumedAt));
}

export function transition(state: WizardState, event: WizardEvent): WizardState {
  const { step, draft, fix, verify, session } = state;
  switch (event.type) {
    case 'CHOICE_SELECTED': {
      if (step !== 'symptom') return state;
      const preset =
        event.choice in PRESET_SYMPTOM_TEXT
          ? PRESET_SYMPTOM_TEXT[event.choice as keyof typeof PRESET_SYMPTOM_TEXT]
          : null;
      // Typed text survives switching between the two cards that take it.
      const typed = (c: string | null) => c === 'other-code' || c === 'company-deploy';
      const keepsText = typed(event.choice) && typed(draft.choice);
      const text = preset ?? (keepsText ? draft.text : '');
      // A log pasted into the code box belongs to that box: choosing something else drops it.
      const logs = keepsText ? draft.logs : draft.logs.filter((l) => !l.pasted);
      return {
        ...state,
        draft: { ...draft, choice: event.choice, text, parsed: null, textIsLog: keepsText && draft.textIsLog, logs },
        error: null,
        notice: null,
      };
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
          textIsLog: false,
          logs: draft.logs.filter((l) => !l.pasted),
        },
      };
    case 'SYMPTOM_PARSED':
      // A late answer for text the user has since changed is dropped.
      if (step !== 'symptom' || event.text !== draft.text || draft.textIsLog) return state;
      return { ...state, draft: { ...draft, parsed: event.parsed } };
    case 'TEXT_IS_LOG': {
      if (step !== 'symptom' || event.text !== draft.text) return state;
      const pasted: DraftLog = { ...event.file, status: 'checking', reason: null, pasted: true };
      return {
        ...state,
        draft: { ...draft, textIsLog: true, parsed: null, logs: [...draft.logs.filter((l) => !l.pasted), pasted] },
      };
    }
    case 'LOGS_ADDED': {
      if (step !== 'symptom' || event.files.length === 0) return state;
      const logs = [...draft.logs];
      for (const file of event.files)
        if (!logs.some((l) => l.path === file.path)) logs.push({ ...file, status: 'checking', reason: null });
      const choice = draft.choice === null || draft.choice === 'unsure' ? 'log' : draft.choice;
      return { ...state, draft: { ...draft, logs, choice }, error: null };
    }
    case 'LOG_CHECKED': {
      if (step !== 'symptom' || !draft.logs.some((l) => l.path === event.path)) return state;
      const logs = draft.logs.map((l): DraftLog =>
        l.path === event.path ? { ...l, status: event.usable ? 'usable' : 'refused', reason: event.reason } : l,
      );
      return { ...state, draft: { ...draft, logs } };
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
        scan: freshScan(),
        scanPurpose: 'diagnose',
        session: null,
        fix: null,
        verify: null,
        error: null,
        notice: null,
        readOnly: false,
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
    case 'SCAN_FINISHED': {
      const record = event.session;
      if (step === 'scanning') {
        // A new session, or the same one refined (a found log added before any repair).
        if (session && record.sessionId !== session.sessionId) return state;
        return toFindings({ ...state, session: record });
      }
      if (step === 'verify' && verify?.phase === 'rescanning') {
        if (!session || record.sessionId !== session.sessionId) return state;
        // The check's verdict is in the record: passed stays on verify, anything else shows the latest findings.
        const verdict = sessionStory(record).state;
        const next: WizardState = { ...state, session: record };
        return verdict === 'fixed' || verdict === 'install-passed'
          ? { ...next, verify: { ...verify, phase: 'done' } }
          : toFindings(next);
      }
      return state;
    }
    case 'SCAN_FAILED':
      if (step === 'scanning') {
        if (event.error.code === 'cancelled' || state.scan.cancelling) {
          // A refining scan (a found log added) that is cancelled goes back to the findings it refined.
          if (session) return toFindings({ ...state, scan: { scanId: null, rows: [], cancelling: false } });
          return {
            ...state,
            step: 'symptom',
            scan: { scanId: null, rows: [], cancelling: false },
            notice: 'scan-cancelled',
            error: null,
          };
        }
        if (session) return { ...toFindings(state), error: event.error };
        return { ...state, step: 'consent', scan: { scanId: null, rows: [], cancelling: false }, error: event.error };
      }
      if (step === 'verify' && verify?.phase === 'rescanning') {
        return {
          ...state,
          verify: { ...verify, phase: verify.mode === 'rescan' ? 'ready' : 'done' },
          error: event.error,
        };
      }
      return state;
    case 'SESSION_UPDATED':
      if (!acceptsSession(state, event.session)) return state;
      return followRecord({ ...state, session: event.session });
    case 'SESSION_RESTORED': {
      // Only on a fresh start (nothing chosen yet): a reload mid-fix, or the resume after a restart. A session in which
      // nothing is running or awaited stays in the history: the app starts on step 1.
      if (step !== 'symptom' || draft.choice !== null || session) return state;
      if (!needsReturn(event.session, event.resumed)) return state;
      const restored: WizardState = { ...state, session: event.session, readOnly: false };
      const running = event.session.repairs.find((r) => r.state === 'running');
      const resumedRepair = event.resumed
        ? [...event.session.repairs].reverse().find((r) => r.verifiedAfter !== null)
        : undefined;
      const shownRepair = running ?? resumedRepair;
      if (shownRepair && shownRepair.purpose === 'fix' && shownRepair.cause) {
        return {
          ...restored,
          step: 'fix',
          fix: {
            cause: shownRepair.cause,
            repair: shownRepair.repair,
            phase: running ? 'running' : 'done',
            plan: shownRepair.plan,
            progress: [],
            countdown: null,
            restartInMinutes: shownRepair.plan.restart?.minutes ?? null,
          },
          notice: event.resumed ? 'session-resumed' : null,
        };
      }
      return toFindings(restored, event.resumed ? 'session-resumed' : null);
    }
    case 'REPAIR_CHOSEN': {
      if (!session || state.readOnly) return state;
      if (step !== 'findings' && !fixIdle(state)) return state;
      const finding = session.latest.findings.find((f) => f.cause === event.cause);
      if (!finding || !finding.repairs.includes(event.repair)) return state;
      return startFix(state, event.cause, event.repair);
    }
    case 'NEXT_FIX_REQUESTED': {
      if (!session || state.readOnly) return state;
      if (step !== 'findings' && step !== 'verify' && !fixIdle(state)) return state;
      if (step === 'verify' && verify && !['ready', 'done'].includes(verify.phase)) return state;
      const next = nextRepair(session);
      if (!next) return toFindings(state, 'no-more-fixes');
      return startFix(state, next.cause, next.repair);
    }
    case 'FOUND_LOG_ADDED': {
      if (step !== 'findings' || !session || state.readOnly || draft.logs.some((l) => l.path === event.file.path))
        return state;
      return {
        ...state,
        step: 'scanning',
        scanPurpose: 'diagnose',
        draft: { ...draft, logs: [...draft.logs, { ...event.file, status: 'usable', reason: null }] },
        scan: freshScan(),
        fix: null,
        verify: null,
        error: null,
        notice: null,
      };
    }
    case 'RESTART_DELAY_CHOSEN':
      if (step !== 'fix' || fix?.phase !== 'preview' || !fix.plan?.restart) return state;
      if (fix.restartInMinutes === event.minutes) return state;
      return { ...state, fix: { ...fix, phase: 'planning', plan: null, restartInMinutes: event.minutes } };
    case 'PLAN_READY':
      if (step !== 'fix' || !fix || fix.phase !== 'planning' || event.plan.repair !== fix.repair) return state;
      return {
        ...state,
        fix: {
          ...fix,
          phase: 'preview',
          plan: event.plan,
          restartInMinutes: event.plan.restart ? event.plan.restart.minutes : null,
        },
      };
    case 'REPAIR_CONFIRMED':
      if (step !== 'fix' || !fix || fix.phase !== 'preview' || !fix.plan) return state;
      return { ...state, fix: { ...fix, phase: 'running', progress: [], countdown: null }, error: null };
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
      if (step !== 'fix' || !fix || fix.phase !== 'running' || event.outcome.plan.planId !== fix.plan?.planId)
        return state;
      return { ...state, fix: { ...fix, phase: 'done', countdown: null } };
    case 'UNDO_REQUESTED': {
      if (step !== 'fix' || !fix || fix.phase !== 'done') return state;
      const repair = repairOfPlan(session, fix.plan?.planId);
      if (!repair?.outcome?.undoAvailable || repair.undo) return state;
      return { ...state, fix: { ...fix, phase: 'undoing' }, error: null };
    }
    case 'UNDO_FINISHED':
      if (step !== 'fix' || !fix || fix.phase !== 'undoing') return state;
      return { ...state, fix: { ...fix, phase: 'done' } };
    case 'OPERATION_FAILED': {
      const error = event.error;
      if (step === 'fix' && fix) {
        if (fix.phase === 'planning') return session ? { ...toFindings(state), error } : { ...state, error };
        if (fix.phase === 'running') return { ...state, fix: { ...fix, phase: 'preview' }, error };
        if (fix.phase === 'undoing') return { ...state, fix: { ...fix, phase: 'done' }, error };
        return { ...state, error };
      }
      if (step === 'verify' && verify) {
        if (verify.phase === 'planning')
          return { ...state, verify: { ...verify, phase: 'ready', mode: 'rescan' }, error };
        if (verify.phase === 'running') return { ...state, verify: { ...verify, phase: 'preview' }, error };
        return { ...state, error };
      }
      if (state.report.exporting) return { ...state, report: { ...state.report, exporting: false }, error };
      return { ...state, error };
    }
    case 'BACK_TO_FINDINGS':
      if (!session || isBusy(state) || !['fix', 'verify', 'report'].includes(step)) return state;
      return toFindings(state);
    case 'VERIFY_OPENED': {
      if (!session || state.readOnly) return state;
      const fromFix = step === 'fix' && fix?.phase === 'done';
      if (step !== 'findings' && !fromFix) return state;
      return {
        ...state,
        step: 'verify',
        verify: { mode: null, phase: 'planning', plan: null },
        error: null,
        notice: null,
      };
    }
    case 'VERIFY_PLANNED':
      if (step !== 'verify' || verify?.phase !== 'planning') return state;
      if (event.verification.mode === 'rescan')
        return { ...state, verify: { mode: 'rescan', phase: 'ready', plan: null } };
      return { ...state, verify: { mode: 'retry-install', phase: 'preview', plan: event.verification.plan } };
    case 'VERIFY_STARTED':
      if (step !== 'verify' || verify?.mode !== 'rescan' || (verify.phase !== 'ready' && verify.phase !== 'done'))
        return state;
      return {
        ...state,
        verify: { ...verify, phase: 'rescanning' },
        scan: freshScan(),
        scanPurpose: 'verify',
        error: null,
      };
    case 'VERIFY_CONFIRMED':
      if (step !== 'verify' || verify?.phase !== 'preview' || !verify.plan) return state;
      return { ...state, verify: { ...verify, phase: 'running' }, error: null };
    case 'VERIFY_INSTALL_FINISHED': {
      if (step !== 'verify' || verify?.phase !== 'running') return state;
      const passed = event.outcome.status === 'succeeded' && event.outcome.verified !== false;
      // The install failed again and wrote a log: that log is diagnosed next (the findings then show it).
      if (!passed && event.outcome.installLog?.path)
        return { ...state, verify: { ...verify, phase: 'rescanning' }, scan: freshScan(), scanPurpose: 'new-log' };
      return { ...state, verify: { ...verify, phase: 'done' } };
    }
    case 'REPORT_OPENED':
      if (!session || isBusy(state) || step === 'symptom' || step === 'consent' || step === 'report') return state;
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
      // A past session is shown as it was recorded; acting on it needs a new check (its facts are old).
      const active = session?.sessionId === event.session.sessionId && !state.readOnly;
      const loaded: WizardState = {
        ...state,
        session: event.session,
        readOnly: !active,
        overlay: null,
        draft: active ? draft : emptyDraft(),
      };
      return toFindings(loaded, active ? null : 'session-loaded');
    }
    case 'LOG_VIEWER_OPENED':
      return { ...state, overlay: { kind: 'log', path: event.path, line: event.line } };
    case 'OVERLAY_CLOSED':
      return state.overlay ? { ...state, overlay: null } : state;
    case 'ERROR_DISMISSED':
      return state.error ? { ...state, error: null } : state;
    case 'START_OVER_REQUESTED':
      if (isBusy(state)) return state;
      // Leaving a session in which something ran is a real decision: ask first.
      if (session && !state.readOnly && session.repairs.length > 0)
        return { ...state, overlay: { kind: 'confirm-start-over' } };
      return initialState();
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
