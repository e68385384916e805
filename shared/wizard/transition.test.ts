// Tests of the wizard state machine: totality over every (state, event) pair, and each path of the six steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transition, initialState, canSubmitSymptom, nextRepair, repairQueue, isBusy } from './transition.ts';
import { WIZARD_EVENT_TYPES, type WizardEvent } from './wizard-events.ts';
import type { WizardState } from './wizard-state.ts';
import type { RepairOutcome, RepairPlan } from '../contract/repair.ts';
import type { ScanResult } from '../contract/scan.ts';
import type { SessionRecord } from '../contract/session.ts';
import { sampleFinding, sampleOutcome, samplePlan, sampleScan, sampleSymptom, sampleEvidence } from './sample-data.ts';
import { PROBE_IDS } from '../contract/ids.ts';
import { newRecord, withRepairFinished, withRepairStarted, withScan, withUndo } from '../session/session-record.ts';
import { sessionStory } from '../session/session-story.ts';

const scan2503 = sampleScan([
  sampleFinding('installer-folders-access', 0.9, ['restore-windows-temp-acl', 'retry-install-elevated-logged']),
  sampleFinding('not-elevated', 0.4, ['retry-install-elevated-logged', 'restart-computer']),
  sampleFinding('always-install-elevated', 1, ['remove-always-install-elevated'], 'security'),
]);
const msi = { path: 'C:\\Users\\alex\\app.msi', name: 'app.msi' };
const SYMPTOM = { choice: 'code-2503', input: '2503', logFiles: [], msiPath: null };
let tick = 0;
const at = () => new Date(Date.parse('2026-01-01T10:00:00.000Z') + ++tick * 1000).toISOString();

/** The main process's record after a scan, a run, an undo (the same pure functions its session keeper applies). */
const record2503 = newRecord('session-1', scan2503, SYMPTOM, at());
function ran(record: SessionRecord, plan: RepairPlan, outcome: RepairOutcome): SessionRecord {
  const started = withRepairStarted(
    record,
    { sessionId: record.sessionId, cause: 'installer-folders-access', purpose: 'fix', plan },
    at(),
  );
  return withRepairFinished(started, plan.planId, { ...outcome, journalId: plan.planId }, at())!;
}
function checked(record: SessionRecord, scan: ScanResult): SessionRecord {
  return withScan(record, scan, { purpose: 'verify', symptom: SYMPTOM }, at());
}

function run(state: WizardState, ...events: WizardEvent[]): WizardState {
  return events.reduce(transition, state);
}

/** One instance of each event type, so every type is tried in every state. */
function exampleEvents(): WizardEvent[] {
  const plan = samplePlan('restore-windows-temp-acl');
  const examples: Record<(typeof WIZARD_EVENT_TYPES)[number], WizardEvent> = {
    CHOICE_SELECTED: { type: 'CHOICE_SELECTED', choice: 'code-2503' },
    TEXT_EDITED: { type: 'TEXT_EDITED', text: '0x80070643' },
    SYMPTOM_PARSED: { type: 'SYMPTOM_PARSED', text: '2503 2502', parsed: sampleSymptom('2503 2502') },
    TEXT_IS_LOG: { type: 'TEXT_IS_LOG', text: '0x80070643', file: { path: '/up/pasted.log', name: 'pasted.log' } },
    LOGS_ADDED: { type: 'LOGS_ADDED', files: [{ path: '/tmp/a.log', name: 'a.log' }] },
    LOG_CHECKED: { type: 'LOG_CHECKED', path: '/tmp/a.log', usable: true, reason: null },
    LOG_REMOVED: { type: 'LOG_REMOVED', path: '/tmp/a.log' },
    MSI_SET: { type: 'MSI_SET', file: msi },
    SYMPTOM_SUBMITTED: { type: 'SYMPTOM_SUBMITTED' },
    CONSENT_BACK: { type: 'CONSENT_BACK' },
    SCAN_CONFIRMED: { type: 'SCAN_CONFIRMED', allowElevation: true },
    SCAN_PROGRESS: {
      type: 'SCAN_PROGRESS',
      progress: {
        scanId: 's',
        probe: 'elevation',
        phase: 'started',
        elevated: false,
        durationMs: null,
        evidence: null,
      },
    },
    SCAN_CANCEL_REQUESTED: { type: 'SCAN_CANCEL_REQUESTED' },
    SCAN_FINISHED: { type: 'SCAN_FINISHED', session: record2503 },
    SCAN_FAILED: { type: 'SCAN_FAILED', error: { code: 'internal', message: 'x' } },
    SESSION_UPDATED: { type: 'SESSION_UPDATED', session: ran(record2503, plan, sampleOutcome(plan)) },
    SESSION_RESTORED: { type: 'SESSION_RESTORED', session: record2503, resumed: false },
    REPAIR_CHOSEN: { type: 'REPAIR_CHOSEN', cause: 'installer-folders-access', repair: 'restore-windows-temp-acl' },
    NEXT_FIX_REQUESTED: { type: 'NEXT_FIX_REQUESTED' },
    FOUND_LOG_ADDED: { type: 'FOUND_LOG_ADDED', file: { path: 'C:\\Temp\\MSI1.LOG', name: 'MSI1.LOG' } },
    RESTART_DELAY_CHOSEN: { type: 'RESTART_DELAY_CHOSEN', minutes: 5 },
    PLAN_READY: { type: 'PLAN_READY', plan },
    REPAIR_CONFIRMED: { type: 'REPAIR_CONFIRMED' },
    REPAIR_PROGRESS: {
      type: 'REPAIR_PROGRESS',
      progress: { planId: plan.planId, stepId: 'change-1', phase: 'started' },
    },
    REPAIR_FINISHED: { type: 'REPAIR_FINISHED', outcome: sampleOutcome(plan) },
    UNDO_REQUESTED: { type: 'UNDO_REQUESTED' },
    UNDO_FINISHED: { type: 'UNDO_FINISHED', outcome: sampleOutcome(plan) },
    OPERATION_FAILED: { type: 'OPERATION_FAILED', error: { code: 'unavailable', message: 'y' } },
    BACK_TO_FINDINGS: { type: 'BACK_TO_FINDINGS' },
    VERIFY_OPENED: { type: 'VERIFY_OPENED' },
    VERIFY_PLANNED: { type: 'VERIFY_PLANNED', verification: { mode: 'rescan' } },
    VERIFY_STARTED: { type: 'VERIFY_STARTED' },
    VERIFY_CONFIRMED: { type: 'VERIFY_CONFIRMED' },
    VERIFY_INSTALL_FINISHED: {
      type: 'VERIFY_INSTALL_FINISHED',
      outcome: sampleOutcome(samplePlan('retry-install-elevated-logged')),
    },
    REPORT_OPENED: { type: 'REPORT_OPENED' },
    REPORT_OPTIONS_CHANGED: { type: 'REPORT_OPTIONS_CHANGED', format: 'zip' },
    EXPORT_STARTED: { type: 'EXPORT_STARTED' },
    EXPORT_FINISHED: { type: 'EXPORT_FINISHED', exported: { location: '/reports/r.html', bytes: 10 } },
    SUMMARY_COPIED: { type: 'SUMMARY_COPIED' },
    HISTORY_OPENED: { type: 'HISTORY_OPENED' },
    HISTORY_LOADED: { type: 'HISTORY_LOADED', sessions: [] },
    SESSION_LOADED: { type: 'SESSION_LOADED', session: record2503 },
    LOG_VIEWER_OPENED: { type: 'LOG_VIEWER_OPENED', path: '/tmp/a.log', line: 3 },
    OVERLAY_CLOSED: { type: 'OVERLAY_CLOSED' },
    ERROR_DISMISSED: { type: 'ERROR_DISMISSED' },
    START_OVER_REQUESTED: { type: 'START_OVER_REQUESTED' },
    START_OVER: { type: 'START_OVER' },
  };
  return Object.values(examples);
}

/** Reachable states: a breadth-first walk from the initial state over the example events. */
function reachableStates(limit = 400): WizardState[] {
  const seen = new Map<string, WizardState>();
  const queue: WizardState[] = [initialState()];
  const events = exampleEvents();
  while (queue.length && seen.size < limit) {
    const s = queue.shift()!;
    const key = JSON.stringify(s);
    if (seen.has(key)) continue;
    seen.set(key, s);
    for (const e of events) queue.push(transition(s, e));
  }
  return [...seen.values()];
}

test('every event type has an example and the machine is total over reachable states', () => {
  const events = exampleEvents();
  assert.equal(events.length, WIZARD_EVENT_TYPES.length);
  const states = reachableStates();
  assert.ok(states.length > 30, `only ${states.length} states reached`);
  const steps = new Set(states.map((s) => s.step));
  for (const step of ['symptom', 'consent', 'scanning', 'findings', 'fix', 'verify', 'report'])
    assert.ok(steps.has(step as WizardState['step']), step);
  for (const s of states) {
    for (const e of events) {
      const next = transition(s, e);
      assert.ok(next && typeof next.step === 'string');
      // Invariants: steps after the scan always have a session; fix/verify steps always have their sub-state.
      if (['findings', 'fix', 'verify', 'report'].includes(next.step))
        assert.ok(next.session, `${next.step} without a session after ${e.type}`);
      if (next.step === 'fix') assert.ok(next.fix);
      if (next.step === 'verify') assert.ok(next.verify);
    }
  }
});

test('transition never mutates its input', () => {
  for (const s of reachableStates(120)) {
    const frozen = JSON.stringify(s);
    for (const e of exampleEvents()) transition(s, e);
    assert.equal(JSON.stringify(s), frozen);
  }
});

test('symptom step: presets, free text, logs and submit rules', () => {
  let s = initialState();
  assert.equal(canSubmitSymptom(s.draft), false);
  assert.equal(transition(s, { type: 'SYMPTOM_SUBMITTED' }), s, 'nothing chosen: submit is ignored');
  s = transition(s, { type: 'CHOICE_SELECTED', choice: 'code-1618' });
  assert.equal(s.draft.text, '1618');
  s = transition(s, { type: 'CHOICE_SELECTED', choice: 'other-code' });
  assert.equal(s.draft.text, '');
  assert.equal(canSubmitSymptom(s.draft), false);
  s = transition(s, { type: 'TEXT_EDITED', text: '0x80070643' });
  s = transition(s, { type: 'SYMPTOM_PARSED', text: 'stale', parsed: sampleSymptom('1') });
  assert.equal(s.draft.parsed, null, 'a stale parse answer is dropped');
  s = transition(s, { type: 'SYMPTOM_PARSED', text: '0x80070643', parsed: sampleSymptom('1603') });
  assert.deepEqual(s.draft.parsed?.exitCodes, [1603]);
  s = transition(s, { type: 'CHOICE_SELECTED', choice: 'log' });
  assert.equal(canSubmitSymptom(s.draft), false, 'log choice needs a file');
  s = run(s, {
    type: 'LOGS_ADDED',
    files: [
      { path: 'a', name: 'a' },
      { path: 'a', name: 'a' },
      { path: 'b', name: 'b' },
    ],
  });
  assert.equal(s.draft.logs.length, 2, 'duplicates are dropped');
  assert.equal(canSubmitSymptom(s.draft), false, 'not before the analyzer has looked at the files');
  s = run(
    s,
    { type: 'LOG_CHECKED', path: 'a', usable: true, reason: null },
    { type: 'LOG_CHECKED', path: 'b', usable: true, reason: null },
  );
  assert.equal(canSubmitSymptom(s.draft), true);
  s = transition(s, { type: 'LOG_REMOVED', path: 'a' });
  assert.deepEqual(
    s.draft.logs.map((l) => l.path),
    ['b'],
  );
  s = run(s, { type: 'MSI_SET', file: msi }, { type: 'SYMPTOM_SUBMITTED' });
  assert.equal(s.step, 'consent');
  assert.equal(transition(s, { type: 'TEXT_EDITED', text: 'x' }), s, 'no editing outside step 1');
  const back = transition(s, { type: 'CONSENT_BACK' });
  assert.equal(back.step, 'symptom');
  assert.deepEqual(back.draft, s.draft, 'going back keeps what was entered');
});

test('"My company installs this": the code is optional, typing keeps the card, the text survives a switch', () => {
  let s = transition(initialState(), { type: 'CHOICE_SELECTED', choice: 'company-deploy' });
  assert.equal(canSubmitSymptom(s.draft), true, 'no code needed: the scan reads the deployment logs');
  s = transition(s, { type: 'TEXT_EDITED', text: '0x87D1041C' });
  assert.equal(s.draft.choice, 'company-deploy');
  s = transition(s, { type: 'CHOICE_SELECTED', choice: 'other-code' });
  assert.equal(s.draft.text, '0x87D1041C');
  s = transition(s, { type: 'CHOICE_SELECTED', choice: 'code-1603' });
  s = transition(s, { type: 'CHOICE_SELECTED', choice: 'company-deploy' });
  assert.equal(s.draft.text, '', 'a preset code is not carried over');
});

test('dropping a log on an empty step 1 selects "I have a log file"; a file that is not a log is refused with its reason', () => {
  const s = transition(initialState(), { type: 'LOGS_ADDED', files: [{ path: 'x.log', name: 'x.log' }] });
  assert.equal(s.draft.choice, 'log');
  assert.equal(canSubmitSymptom(s.draft), false);
  assert.equal(
    canSubmitSymptom(transition(s, { type: 'LOG_CHECKED', path: 'x.log', usable: true, reason: null }).draft),
    true,
  );
  const reason = { en: 'this is a picture, not a log', 'zh-CN': '这是图片，不是日志' };
  const refused = transition(s, { type: 'LOG_CHECKED', path: 'x.log', usable: false, reason });
  assert.equal(refused.draft.logs[0]!.status, 'refused');
  assert.deepEqual(refused.draft.logs[0]!.reason, reason);
  assert.equal(canSubmitSymptom(refused.draft), false, 'a refused file never becomes a silent all-clear');
});

test('log text pasted into the code box is analyzed as a log, not parsed as codes', () => {
  let s = run(
    initialState(),
    { type: 'CHOICE_SELECTED', choice: 'other-code' },
    { type: 'TEXT_EDITED', text: 'MSI (s) Info 1603' },
  );
  s = transition(s, {
    type: 'TEXT_IS_LOG',
    text: 'MSI (s) Info 1603',
    file: { path: '/up/pasted.log', name: 'pasted.log' },
  });
  assert.equal(s.draft.textIsLog, true);
  assert.equal(s.draft.logs[0]!.pasted, true);
  assert.equal(transition(s, { type: 'SYMPTOM_PARSED', text: 'MSI (s) Info 1603', parsed: sampleSymptom('1603') }), s);
  s = transition(s, { type: 'LOG_CHECKED', path: '/up/pasted.log', usable: true, reason: null });
  assert.equal(canSubmitSymptom(s.draft), true);
  const edited = transition(s, { type: 'TEXT_EDITED', text: '1618' });
  assert.deepEqual(edited.draft.logs, [], 'editing the text drops the pasted copy');
});

function toFindings(allowElevation = true, withMsi = false): WizardState {
  let s = run(initialState(), { type: 'CHOICE_SELECTED', choice: 'code-2503' });
  if (withMsi) s = transition(s, { type: 'MSI_SET', file: msi });
  return run(
    s,
    { type: 'SYMPTOM_SUBMITTED' },
    { type: 'SCAN_CONFIRMED', allowElevation },
    {
      type: 'SCAN_PROGRESS',
      progress: {
        scanId: 'scan-1',
        probe: 'temp-folders',
        phase: 'started',
        elevated: true,
        durationMs: null,
        evidence: null,
      },
    },
    { type: 'SCAN_FINISHED', session: record2503 },
  );
}

test('scan: live rows, progress of another scan ignored, skip admin checks remembered', () => {
  let s = run(
    initialState(),
    { type: 'CHOICE_SELECTED', choice: 'unsure' },
    { type: 'SYMPTOM_SUBMITTED' },
    { type: 'SCAN_CONFIRMED', allowElevation: false },
  );
  assert.equal(s.step, 'scanning');
  assert.equal(s.allowElevation, false);
  assert.equal(s.scan.rows.length, PROBE_IDS.length, 'one row per probe');
  assert.ok(isBusy(s));
  s = transition(s, {
    type: 'SCAN_PROGRESS',
    progress: { scanId: 'A', probe: 'elevation', phase: 'started', elevated: false, durationMs: null, evidence: null },
  });
  assert.equal(s.scan.scanId, 'A');
  assert.equal(s.scan.rows.find((r) => r.probe === 'elevation')?.status, 'running');
  const ev = sampleEvidence('elevation');
  s = transition(s, {
    type: 'SCAN_PROGRESS',
    progress: { scanId: 'A', probe: 'elevation', phase: 'finished', elevated: false, durationMs: 12, evidence: ev },
  });
  const row = s.scan.rows.find((r) => r.probe === 'elevation');
  assert.equal(row?.status, 'done');
  assert.equal(row?.durationMs, 12);
  const other = transition(s, {
    type: 'SCAN_PROGRESS',
    progress: { scanId: 'B', probe: 'policies', phase: 'started', elevated: false, durationMs: null, evidence: null },
  });
  assert.equal(other, s);
  assert.equal(transition(s, { type: 'START_OVER' }), s, 'no start over in the middle of a scan');
});

test('scan: cancel returns to step 1 with a notice; a failure returns to the explanation with the error', () => {
  const scanning = run(
    initialState(),
    { type: 'CHOICE_SELECTED', choice: 'code-1603' },
    { type: 'SYMPTOM_SUBMITTED' },
    { type: 'SCAN_CONFIRMED', allowElevation: true },
  );
  const cancelled = run(
    scanning,
    { type: 'SCAN_CANCEL_REQUESTED' },
    { type: 'SCAN_FAILED', error: { code: 'cancelled', message: 'c' } },
  );
  assert.equal(cancelled.step, 'symptom');
  assert.equal(cancelled.notice, 'scan-cancelled');
  assert.equal(cancelled.draft.text, '1603', 'the symptom is kept');
  const failed = transition(scanning, { type: 'SCAN_FAILED', error: { code: 'internal', message: 'boom' } });
  assert.equal(failed.step, 'consent');
  assert.equal(failed.error?.message, 'boom');
});

test('repair queue: in the diagnosis order, safest first, no duplicates; the next skips what the session tried', () => {
  const q = repairQueue(scan2503).map((x) => x.repair);
  assert.deepEqual(q, [
    'restore-windows-temp-acl',
    'retry-install-elevated-logged',
    'restart-computer',
    'remove-always-install-elevated',
  ]);
  const plan = samplePlan('restore-windows-temp-acl');
  const tried = ran(record2503, plan, sampleOutcome(plan));
  assert.deepEqual(nextRepair(tried), { cause: 'installer-folders-access', repair: 'retry-install-elevated-logged' });
});

test('fix: plan preview, run with progress and countdown, result, undo', () => {
  let s = toFindings();
  assert.equal(s.step, 'findings');
  assert.equal(
    transition(s, { type: 'REPAIR_CHOSEN', cause: 'installer-folders-access', repair: 'enable-msiserver' }),
    s,
    'a repair not offered for that cause is refused',
  );
  s = transition(s, { type: 'REPAIR_CHOSEN', cause: 'installer-folders-access', repair: 'restore-windows-temp-acl' });
  assert.equal(s.fix?.phase, 'planning');
  assert.equal(
    transition(s, { type: 'PLAN_READY', plan: samplePlan('restart-computer') }),
    s,
    'a plan for another repair is ignored',
  );
  const plan = samplePlan('restore-windows-temp-acl');
  s = run(s, { type: 'PLAN_READY', plan }, { type: 'REPAIR_CONFIRMED' });
  assert.equal(s.fix?.phase, 'running');
  s = transition(s, {
    type: 'REPAIR_PROGRESS',
    progress: { planId: plan.planId, stepId: 'wait', phase: 'started', countdownSeconds: 30 },
  });
  assert.equal(s.fix?.countdown, 30);
  s = transition(s, {
    type: 'REPAIR_PROGRESS',
    progress: { planId: plan.planId, stepId: 'wait', phase: 'started', countdownSeconds: 29 },
  });
  assert.equal(s.fix?.progress.length, 1);
  assert.equal(s.fix?.countdown, 29);
  s = transition(s, {
    type: 'REPAIR_PROGRESS',
    progress: { planId: plan.planId, stepId: 'wait', phase: 'finished', status: 'succeeded' },
  });
  assert.equal(s.fix?.countdown, null);
  // The main process's record says how the run ended; the step follows it.
  const done = ran(record2503, plan, sampleOutcome(plan));
  s = run(s, { type: 'SESSION_UPDATED', session: done }, { type: 'REPAIR_FINISHED', outcome: sampleOutcome(plan) });
  assert.equal(s.fix?.phase, 'done');
  assert.equal(sessionStory(s.session!).state, 'fixed');
  s = transition(s, { type: 'UNDO_REQUESTED' });
  assert.equal(s.fix?.phase, 'undoing');
  const undone = withUndo(done, plan.planId, sampleOutcome(plan), at())!;
  s = run(s, { type: 'SESSION_UPDATED', session: undone }, { type: 'UNDO_FINISHED', outcome: sampleOutcome(plan) });
  assert.equal(s.fix?.phase, 'done');
  assert.equal(sessionStory(s.session!).state, 'undone', 'one state: undone, never still "verified"');
  assert.equal(transition(s, { type: 'UNDO_REQUESTED' }), s, 'an undone run is not undone twice');
});

test('a fix that failed or timed out: the session state asks for the next fix', () => {
  const plan = samplePlan('restore-windows-temp-acl');
  const failed = ran(record2503, plan, sampleOutcome(plan, 'failed', false));
  assert.equal(sessionStory(failed).state, 'fix-failed');
  const cancelled = ran(record2503, plan, sampleOutcome(plan, 'cancelled', null));
  assert.equal(sessionStory(cancelled).state, 'fix-failed');
  const s = run(
    toFindings(),
    { type: 'REPAIR_CHOSEN', cause: 'installer-folders-access', repair: 'restore-windows-temp-acl' },
    { type: 'PLAN_READY', plan },
    { type: 'REPAIR_CONFIRMED' },
    { type: 'SESSION_UPDATED', session: failed },
  );
  assert.equal(s.fix?.phase, 'done', 'the record ending the run ends the running step');
  const next = transition(s, { type: 'NEXT_FIX_REQUESTED' });
  assert.equal(next.fix?.repair, 'retry-install-elevated-logged');
});

test('reload mid-fix: the running repair of the session is shown with its state; start over asks first', () => {
  const plan = samplePlan('restore-windows-temp-acl');
  const running = withRepairStarted(
    record2503,
    { sessionId: 'session-1', cause: 'installer-folders-access', purpose: 'fix', plan },
    at(),
  );
  const s = transition(initialState(), { type: 'SESSION_RESTORED', session: running, resumed: false });
  assert.equal(s.step, 'fix');
  assert.equal(s.fix?.phase, 'running');
  assert.equal(s.fix?.plan?.planId, plan.planId);
  const finished = withRepairFinished(running, plan.planId, { ...sampleOutcome(plan), journalId: plan.planId }, at())!;
  const after = transition(s, { type: 'SESSION_UPDATED', session: finished });
  assert.equal(after.fix?.phase, 'done');
  const asked = transition(after, { type: 'START_OVER_REQUESTED' });
  assert.deepEqual(asked.overlay, { kind: 'confirm-start-over' });
  assert.deepEqual(transition(asked, { type: 'START_OVER' }), initialState());
  assert.deepEqual(
    transition(toFindings(), { type: 'START_OVER_REQUESTED' }),
    initialState(),
    'nothing ran: no question',
  );
});

test('fix: a failed run returns to the preview with the error; a failed plan returns to findings', () => {
  const planning = transition(toFindings(), {
    type: 'REPAIR_CHOSEN',
    cause: 'installer-folders-access',
    repair: 'restore-windows-temp-acl',
  });
  const back = transition(planning, { type: 'OPERATION_FAILED', error: { code: 'forbidden', message: 'no' } });
  assert.equal(back.step, 'findings');
  assert.equal(back.error?.code, 'forbidden');
  const running = run(
    planning,
    { type: 'PLAN_READY', plan: samplePlan('restore-windows-temp-acl') },
    { type: 'REPAIR_CONFIRMED' },
  );
  const failed = transition(running, { type: 'OPERATION_FAILED', error: { code: 'internal', message: 'x' } });
  assert.equal(failed.fix?.phase, 'preview');
});

test('"try the next fix" walks the queue and ends on findings when nothing is left', () => {
  let s = toFindings();
  let record = record2503;
  for (const repair of repairQueue(scan2503).map((q) => q.repair)) {
    s = transition(s, { type: 'NEXT_FIX_REQUESTED' });
    assert.equal(s.fix?.repair, repair);
    const plan = samplePlan(repair);
    record = ran(record, plan, sampleOutcome(plan, 'succeeded', false));
    s = run(
      s,
      { type: 'PLAN_READY', plan },
      { type: 'REPAIR_CONFIRMED' },
      { type: 'SESSION_UPDATED', session: record },
    );
    assert.equal(s.fix?.phase, 'done');
  }
  s = transition(s, { type: 'NEXT_FIX_REQUESTED' });
  assert.equal(s.step, 'findings');
  assert.equal(s.notice, 'no-more-fixes');
});

test('verify with an .msi: the planned retry; a failure with a log diagnoses that log in the session', () => {
  const plan = samplePlan('restore-windows-temp-acl');
  const opened = run(
    toFindings(true, true),
    { type: 'REPAIR_CHOSEN', cause: 'installer-folders-access', repair: 'restore-windows-temp-acl' },
    { type: 'PLAN_READY', plan },
    { type: 'REPAIR_CONFIRMED' },
    { type: 'SESSION_UPDATED', session: ran(record2503, plan, sampleOutcome(plan)) },
    { type: 'VERIFY_OPENED' },
  );
  assert.equal(opened.verify?.phase, 'planning');
  const retry = samplePlan('retry-install-elevated-logged');
  const running = run(
    opened,
    { type: 'VERIFY_PLANNED', verification: { mode: 'retry-install', plan: retry } },
    { type: 'VERIFY_CONFIRMED' },
  );
  assert.equal(running.verify?.phase, 'running');
  const passed = transition(running, { type: 'VERIFY_INSTALL_FINISHED', outcome: sampleOutcome(retry) });
  assert.equal(passed.verify?.phase, 'done');
  const log = { path: 'C:\\retry.log', exitCode: 1603, analysis: null, error: null };
  const failed = transition(running, {
    type: 'VERIFY_INSTALL_FINISHED',
    outcome: { ...sampleOutcome(retry, 'failed', false), installLog: log },
  });
  assert.equal(failed.verify?.phase, 'rescanning');
  assert.equal(failed.scanPurpose, 'new-log');
  const noLog = transition(running, {
    type: 'VERIFY_INSTALL_FINISHED',
    outcome: sampleOutcome(retry, 'failed', false),
  });
  assert.equal(noLog.verify?.phase, 'done');
});

test('verify without an .msi: a rescan of the session; the fixed cause gone passes, still there returns to findings', () => {
  const plan = samplePlan('restore-windows-temp-acl');
  const fixedRecord = ran(record2503, plan, sampleOutcome(plan, 'succeeded', null));
  const s = run(
    toFindings(),
    { type: 'SESSION_UPDATED', session: fixedRecord },
    { type: 'VERIFY_OPENED' },
    { type: 'VERIFY_PLANNED', verification: { mode: 'rescan' } },
    { type: 'VERIFY_STARTED' },
  );
  assert.equal(s.verify?.phase, 'rescanning');
  assert.equal(s.scanPurpose, 'verify');
  // Another possible cause stays open: the check is about the cause that was fixed.
  const after = sampleScan([
    sampleFinding('not-elevated', 0.68, ['restart-computer']),
    sampleFinding('installer-folders-access', 0.2, []),
  ]);
  const passed = transition(s, { type: 'SCAN_FINISHED', session: checked(fixedRecord, after) });
  assert.equal(passed.verify?.phase, 'done');
  assert.equal(sessionStory(passed.session!).state, 'fixed');
  assert.equal(sessionStory(passed.session!).found?.cause, 'installer-folders-access', 'what was found stays frozen');
  const still = transition(s, { type: 'SCAN_FINISHED', session: checked(fixedRecord, scan2503) });
  assert.equal(still.step, 'findings');
  assert.equal(sessionStory(still.session!).state, 'still-there');
});

test('report: options, export, copy; history and session loading; start over', () => {
  let s = run(toFindings(), { type: 'REPORT_OPENED' });
  assert.equal(s.step, 'report');
  s = run(s, { type: 'REPORT_OPTIONS_CHANGED', format: 'json', redact: false }, { type: 'EXPORT_STARTED' });
  assert.equal(s.report.exporting, true);
  assert.equal(transition(s, { type: 'REPORT_OPTIONS_CHANGED', format: 'zip' }), s);
  s = run(s, { type: 'EXPORT_FINISHED', exported: { location: '/r.json', bytes: 5 } }, { type: 'SUMMARY_COPIED' });
  assert.equal(s.report.format, 'json');
  assert.equal(s.report.redact, false);
  assert.equal(s.report.exported?.location, '/r.json');
  assert.equal(s.report.copied, true);
  const old = newRecord('old', sampleScan([], { scanId: 'old-scan', input: '1618' }), SYMPTOM, at());
  s = run(
    s,
    { type: 'HISTORY_OPENED' },
    {
      type: 'HISTORY_LOADED',
      sessions: [{ sessionId: 'old', startedAt: 'x', symptom: SYMPTOM, found: null, did: [], state: 'no-problem' }],
    },
  );
  assert.equal(s.overlay?.kind, 'history');
  s = transition(s, { type: 'SESSION_LOADED', session: old });
  assert.equal(s.step, 'findings');
  assert.equal(s.overlay, null);
  assert.equal(s.session?.sessionId, 'old');
  assert.equal(s.readOnly, true, 'a past session is shown, never acted on');
  assert.equal(
    transition(s, { type: 'REPAIR_CHOSEN', cause: 'installer-folders-access', repair: 'restore-windows-temp-acl' }),
    s,
  );
  s = run(s, { type: 'LOG_VIEWER_OPENED', path: 'x.log', line: 10 });
  assert.deepEqual(s.overlay, { kind: 'log', path: 'x.log', line: 10 });
  s = run(s, { type: 'OVERLAY_CLOSED' }, { type: 'START_OVER_REQUESTED' });
  assert.deepEqual(s, initialState());
});

test('a log found on the machine is added from the findings and the scan runs again with it', () => {
  const s = toFindings();
  const file = { path: 'C:\\Temp\\MSI1.LOG', name: 'MSI1.LOG' };
  const rescanning = transition(s, { type: 'FOUND_LOG_ADDED', file });
  assert.equal(rescanning.step, 'scanning');
  assert.deepEqual(rescanning.draft.logs, [{ ...file, status: 'usable', reason: null }]);
  assert.equal(rescanning.session, record2503, 'the session is refined, not replaced');
  const again = transition(transition(rescanning, { type: 'SCAN_FINISHED', session: record2503 }), {
    type: 'FOUND_LOG_ADDED',
    file,
  });
  assert.equal(again.step, 'findings', 'the same log is not added twice');
});

test('a cancelled restart: "try the next fix" offers the restart again (now), then the other causes\' fixes', () => {
  const scanReboot = sampleScan([
    sampleFinding('pending-reboot', 0.8, ['restart-computer']),
    sampleFinding('custom-action-failed', 0.5, ['retry-install-elevated-logged']),
  ]);
  const record = newRecord('session-1', scanReboot, SYMPTOM, at());
  const plan = { ...samplePlan('restart-computer'), restart: { minutes: 15 } };
  const scheduled = ran(record, plan, sampleOutcome(plan));
  const cancelled = withUndo(scheduled, plan.planId, sampleOutcome(plan), at())!;
  assert.equal(sessionStory(cancelled).state, 'undone');
  // The computer never restarted: restarting is still the first fix, then the other cause's fix.
  assert.deepEqual(nextRepair(cancelled), { cause: 'pending-reboot', repair: 'restart-computer' });
  const s = run(
    initialState(),
    { type: 'SESSION_RESTORED', session: cancelled, resumed: false },
    { type: 'NEXT_FIX_REQUESTED' },
  );
  assert.equal(s.step, 'fix');
  assert.equal(s.fix?.repair, 'restart-computer');
  assert.notEqual(s.notice, 'no-more-fixes');
  // Once the restart ran (the session resumed after it), it counts as tried: the next fix is the other cause's.
  const now = { ...samplePlan('restart-computer', 'plan-now'), restart: { minutes: 0 } };
  const restarted = ran(cancelled, now, sampleOutcome(now));
  assert.deepEqual(nextRepair(restarted), { cause: 'custom-action-failed', repair: 'retry-install-elevated-logged' });
  // Any other undone fix stays tried (the user undid it on purpose).
  const acl = samplePlan('restore-windows-temp-acl');
  const undoneAcl = withUndo(ran(record2503, acl, sampleOutcome(acl)), acl.planId, sampleOutcome(acl), at())!;
  assert.deepEqual(nextRepair(undoneAcl), {
    cause: 'installer-folders-access',
    repair: 'retry-install-elevated-logged',
  });
});
