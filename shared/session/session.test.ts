// Tests of the session record and its story: the first diagnosis frozen, each repair with its outcome and check, one
// state, what is still worth knowing; and the report built from a record (only its own repairs, its story on top).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RepairOutcome, RepairPlan } from '../contract/repair.ts';
import type { SessionRecord } from '../contract/session.ts';
import { sampleFinding, sampleOutcome, samplePlan, sampleScan } from '../wizard/sample-data.ts';
import {
  newRecord,
  repairAwaitingRestart,
  withRepairAborted,
  withRepairFinished,
  withRepairStarted,
  withResume,
  withScan,
  withUndo,
} from './session-record.ts';
import { NEXT_FIX_STATES, sessionStory, sessionSummary } from './session-story.ts';
import { buildReportModel } from '../report/build-report.ts';
import { renderReportHtml } from '../report/html/render-report.ts';
import { reportSchema } from '../report/report-schema.ts';
import { translate } from '../knowledge/texts.ts';

const SYMPTOM = { choice: 'code-2503', input: '2503', logFiles: [], msiPath: null };
let tick = 0;
const at = () => new Date(Date.parse('2026-03-01T08:00:00.000Z') + ++tick * 60_000).toISOString();

// 2503: the Windows\Temp permissions (checked on this machine) first; "not elevated" (a general fact) behind.
const first = sampleScan(
  [
    sampleFinding('installer-folders-access', 0.9, ['restore-windows-temp-acl']),
    sampleFinding('not-elevated', 0.45, ['restart-computer']),
  ],
  { scanId: 'scan-1' },
);
// After the fix the rescan ranks what is left: the fixed cause is gone, "not elevated" now tops the list.
const afterFix = sampleScan([sampleFinding('not-elevated', 0.76, ['restart-computer'])], { scanId: 'scan-2' });

function ran(record: SessionRecord, plan: RepairPlan, outcome: RepairOutcome): SessionRecord {
  const planned = {
    sessionId: record.sessionId,
    cause: 'installer-folders-access' as const,
    purpose: 'fix' as const,
    plan,
  };
  const started = withRepairStarted(record, planned, at());
  return withRepairFinished(started, plan.planId, { ...outcome, journalId: plan.planId }, at())!;
}

test('the first diagnosis is refined before a repair and frozen after it; the check is about the fixed cause', () => {
  let record = newRecord('s-1', first, SYMPTOM, at());
  const refined = sampleScan(first.findings, { scanId: 'scan-1b' });
  record = withScan(record, refined, { purpose: 'diagnose', symptom: SYMPTOM }, at());
  assert.equal(record.initial.scanId, 'scan-1b', 'a found log added before any repair refines the diagnosis');
  const plan = samplePlan('restore-windows-temp-acl', 'journal-1');
  record = ran(record, plan, sampleOutcome(plan, 'succeeded', null));
  record = withScan(record, afterFix, { purpose: 'verify', symptom: SYMPTOM }, at());
  const story = sessionStory(record);
  assert.equal(record.initial.scanId, 'scan-1b', 'frozen: the rescan never rewrites what was found');
  assert.equal(story.found?.cause, 'installer-folders-access');
  assert.equal(story.state, 'fixed');
  assert.deepEqual(
    record.checks.map((c) => [c.target, c.passed]),
    [['installer-folders-access', true]],
  );
  assert.deepEqual(
    story.stillWorthKnowing.map((f) => f.cause),
    ['not-elevated'],
    'what remains, told separately',
  );
  assert.deepEqual(sessionSummary(record).did, [{ repair: 'restore-windows-temp-acl', result: 'unverified' }]);
});

test('one state per session: failed, cancelled, undone, interrupted, still there', () => {
  const base = newRecord('s-2', first, SYMPTOM, at());
  const plan = samplePlan('restore-windows-temp-acl', 'journal-2');
  assert.equal(sessionStory(base).state, 'diagnosed');
  const failed = ran(base, plan, sampleOutcome(plan, 'failed', false));
  assert.equal(sessionStory(failed).state, 'fix-failed');
  assert.equal(sessionStory(ran(base, plan, sampleOutcome(plan, 'cancelled', null))).state, 'fix-failed');
  const fixed = ran(base, plan, sampleOutcome(plan));
  assert.equal(sessionStory(fixed).state, 'fixed');
  const undone = withUndo(fixed, 'journal-2', sampleOutcome(plan), at())!;
  assert.equal(sessionStory(undone).state, 'undone', 'never "verified" after an undo');
  const still = withScan(fixed, first, { purpose: 'verify', symptom: SYMPTOM }, at());
  assert.equal(sessionStory(still).state, 'still-there', 'a later check that finds the cause again wins');
  const started = withRepairStarted(base, { sessionId: 's-2', cause: null, purpose: 'fix', plan }, at());
  assert.equal(sessionStory(started).state, 'running');
  assert.equal(sessionStory(withRepairAborted(started, 'journal-2', true, at())!).state, 'interrupted');
  assert.equal(withRepairAborted(started, 'journal-2', false, at())!.repairs.length, 0, 'refused before any step');
  for (const state of ['fix-failed', 'undone', 'still-there', 'interrupted'] as const)
    assert.ok(NEXT_FIX_STATES.includes(state), state);
});

test('a restart repair waits for the restart, then the resumed session records its verification', () => {
  const base = newRecord('s-3', first, SYMPTOM, at());
  const plan = { ...samplePlan('restart-computer', 'journal-3'), restart: { minutes: 5 } };
  const scheduled = ran(base, plan, sampleOutcome(plan, 'succeeded', null));
  assert.equal(sessionStory(scheduled).state, 'awaiting-restart');
  assert.equal(repairAwaitingRestart(scheduled)?.journalId, 'journal-3');
  const resumed = withResume(scheduled, 'journal-3', { verified: true, evidence: [] }, at())!;
  assert.equal(sessionStory(resumed).state, 'fixed');
  assert.equal(repairAwaitingRestart(resumed), null);
});

test('the report tells the session: its repairs only, what was found first, the verdict, what is still worth knowing', () => {
  let record = newRecord('s-4', first, SYMPTOM, at());
  const plan = samplePlan('restore-windows-temp-acl', 'journal-4');
  record = ran(record, plan, sampleOutcome(plan));
  record = withScan(record, afterFix, { purpose: 'verify', symptom: SYMPTOM }, at());
  const other = { journalId: 'journal-of-another-session', entries: [{ type: 'plan' }] };
  const model = buildReportModel({
    scan: record.initial,
    session: record,
    appVersion: '0.1.0',
    generatedAt: '2026-03-01T09:00:00.000Z',
    lang: 'en',
    journals: [other, { journalId: 'journal-4', entries: [{ type: 'plan' }] }],
  });
  reportSchema.parse(model);
  const ranRepairs = model.repairs.filter((r) => r.state !== 'proposed');
  assert.deepEqual(
    ranRepairs.map((r) => r.journalId),
    ['journal-4'],
    "another session's journal never gets in",
  );
  assert.equal(model.findings[0]!.cause, 'installer-folders-access', 'found: the first diagnosis, not the rescan');
  assert.equal(model.session?.state, 'fixed');
  const html = renderReportHtml(model, { translate });
  const summary = html.slice(0, html.indexOf('id="s-next"'));
  assert.match(summary, /Verified: the cause is gone\./);
  assert.match(summary, /Still worth knowing/);
  assert.ok(!/journal-of-another-session/.test(html));
});
