// Tests of the journal files: validated lines, a torn last line after a crash, damaged files listed with a reason,
// state bookkeeping, sequence numbers and session ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RepairPlan } from '../../shared/contract/repair.ts';
import { journalSummarySchema } from '../../shared/contract/repair.ts';
import { createJournal, listJournals, newJournalId, nextSequence, readJournal, startedChanges } from './journal.ts';
import type { JournalStep } from './journal-schema.ts';

const plan = (planId: string, reversible = true): RepairPlan => ({
  planId,
  repair: 'enable-msiserver',
  title: { key: 'repair.enable-msiserver.title', params: {} },
  description: { key: 'repair.enable-msiserver.description', params: {} },
  risk: 'low',
  reversible,
  needsElevation: true,
  steps: steps.map((s) => ({
    id: s.id,
    kind: s.kind,
    description: { key: 'x', params: {} },
    commandLine: 'shown only',
    elevated: true,
  })),
  backups: [],
  warnings: [],
  confirmations: [],
  targets: ['installer-service-disabled'],
  params: {},
});
const steps: JournalStep[] = [
  { id: 'backup-key', kind: 'backup', elevated: true, backupFile: 'msiserver.reg' },
  { id: 'set-manual', kind: 'change', elevated: true },
];

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-journal-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function planLine(id: string, at = '2026-11-21T10:00:00.000Z', seq = 1) {
  return {
    type: 'plan' as const,
    at,
    journalId: id,
    seq,
    sessionId: 'scan-1',
    plan: plan(id),
    params: {},
    steps,
    data: { previousStartType: 'disabled' },
    environment: 'simulated:msiserver-disabled',
  };
}

test('journal ids are random safe file names; unknown or path-like ids read as null', () => {
  const id = newJournalId('enable-msiserver', new Date('2026-11-21T12:34:56.789Z'));
  assert.match(id, /^20261121T123456Z-enable-msiserver-[0-9a-f]{8}$/);
  withDir((dir) => {
    assert.equal(readJournal(dir, '../x'), null);
    assert.equal(readJournal(dir, 'missing'), null);
    assert.deepEqual(listJournals(join(dir, 'nothing-here')), []);
    // A journal id is never reused: the file is created exclusively.
    createJournal(dir, 'j-once');
    assert.throws(() => createJournal(dir, 'j-once'));
  });
});

test('a crash mid-run: unfinished, the started change is owed, a torn last line is skipped (not damage)', () => {
  withDir((dir) => {
    const journal = createJournal(dir, 'j-crash');
    journal.append(planLine('j-crash'));
    journal.append({ type: 'step-start', at: 't', stepId: 'backup-key' });
    journal.append({ type: 'step-start', at: 't', stepId: 'set-manual' });
    appendFileSync(journal.path, '{"type":"step-end","stepId":"set-man'); // the write the crash cut short
    const record = readJournal(dir, 'j-crash')!;
    assert.equal(record.state, 'unfinished');
    assert.equal(record.tornLines, 1);
    assert.equal(record.problem, null);
    assert.deepEqual(startedChanges(record), ['set-manual']);
    const [summary] = listJournals(dir);
    assert.deepEqual(journalSummarySchema.parse(summary), {
      journalId: 'j-crash',
      repair: 'enable-msiserver',
      startedAt: '2026-11-21T10:00:00.000Z',
      state: 'unfinished',
      undoAvailable: true,
      seq: 1,
      sessionId: 'scan-1',
    });
  });
});

test('every line is validated: null, wrong types, a second plan, unknown steps, bad data -> damaged with a one-line reason', () => {
  const valid = JSON.stringify(planLine('j'));
  const cases: Array<[string, string, RegExp]> = [
    ['null line', `${valid}\nnull\n`, /line 2 is not a journal entry/],
    [
      'wrong type',
      `${valid}\n{"type":"step-end","at":"t","stepId":"set-manual","status":"succeeded","exitCode":"zero","output":"","durationMs":1}\n`,
      /line 2 .*exitCode/,
    ],
    ['not JSON mid-file', `${valid}\n{oops\n{"type":"finish"}\n`, /line 2 is not JSON/],
    ['no plan', '{"type":"step-start","at":"t","stepId":"x"}\n', /no plan line/],
    ['truncated JSON only', '{"type":"plan","at":"2026', /no plan line/],
    ['unknown step', `${valid}\n{"type":"step-start","at":"t","stepId":"format-c"}\n`, /unknown step "format-c"/],
    ['plan of another journal', JSON.stringify(planLine('other')) + '\n', /another journal/],
    [
      'data of another repair',
      JSON.stringify({ ...planLine('j'), data: { path: 'C:\\Windows\\Temp', removeSids: [] } }) + '\n',
      /recorded data do not fit enable-msiserver/,
    ],
    [
      'environment outside the data folder',
      JSON.stringify({ ...planLine('j'), environment: 'scenario-file:../../evil.json' }) + '\n',
      /environment/,
    ],
    [
      'a path as the simulated machine',
      JSON.stringify({ ...planLine('j'), environment: 'simulated:C:\\Users\\Public\\evil.json' }) + '\n',
      /environment/,
    ],
  ];
  for (const [name, content, reason] of cases) {
    withDir((dir) => {
      mkdirSync(join(dir, 'journals'));
      writeFileSync(join(dir, 'journals', 'j.jsonl'), content);
      const record = readJournal(dir, 'j')!;
      assert.equal(record.state, 'damaged', name);
      assert.match(record.problem ?? '', reason, name);
      assert.ok(!record.problem!.includes('\n'), `${name}: one line`);
      const [summary] = listJournals(dir);
      assert.equal(summary!.state, 'damaged', name);
      assert.equal(summary!.undoAvailable, false, name);
      assert.match(summary!.problem ?? '', reason, name);
    });
  }
});

test('one damaged journal never hides the others; listing is newest first; undo-finish decides the state', () => {
  withDir((dir) => {
    for (const [id, at, seq] of [
      ['j-old', '2026-11-20T10:00:00.000Z', 1],
      ['j-new', '2026-11-21T10:00:00.000Z', 2],
    ] as const) {
      const j = createJournal(dir, id);
      j.append(planLine(id, at, seq));
      for (const s of steps) {
        j.append({ type: 'step-start', at, stepId: s.id });
        j.append({ type: 'step-end', at, stepId: s.id, status: 'succeeded', exitCode: 0, output: 'ok', durationMs: 1 });
      }
      j.append({ type: 'finish', at, status: 'succeeded', verified: true, rebootRequired: false });
    }
    writeFileSync(join(dir, 'journals', 'j-bad.jsonl'), 'null\n');
    writeFileSync(join(dir, 'journals', 'not a journal id!.jsonl'), 'ignored');
    assert.deepEqual(
      listJournals(dir)
        .filter((j) => j.state !== 'damaged')
        .map((j) => j.journalId),
      ['j-new', 'j-old'],
    );
    assert.equal(listJournals(dir).find((j) => j.journalId === 'j-bad')?.state, 'damaged');
    assert.equal(nextSequence(dir), 3);
    const j = createJournal(dir, 'j-mid');
    j.append({ ...planLine('j-mid'), seq: nextSequence(dir) });
    assert.equal(readJournal(dir, 'j-mid')!.plan!.seq, 3);
    const old = readJournal(dir, 'j-old')!;
    assert.equal(old.state, 'finished');
    const again = createJournal(dir, 'j-again');
    again.append(planLine('j-again'));
    again.append({ type: 'undo-start', at: 't', stepIds: ['set-manual'] });
    again.append({ type: 'undo-finish', at: 't', status: 'failed' });
    assert.equal(readJournal(dir, 'j-again')!.state, 'unfinished');
    again.append({ type: 'undo-finish', at: 't', status: 'nothing-to-undo' });
    assert.equal(readJournal(dir, 'j-again')!.state, 'cleared');
  });
});

test('append refuses an entry that is not valid journal data (nothing invalid is ever written)', () => {
  withDir((dir) => {
    const j = createJournal(dir, 'j-w');
    assert.throws(() => j.append({ type: 'step-start', at: 't', stepId: '../../x' }));
    assert.throws(() => j.append({ ...planLine('j-w'), environment: '/etc/passwd' }));
  });
});
