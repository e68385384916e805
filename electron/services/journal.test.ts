// Tests of the journal files: append order, a torn last line after a crash, state and undo bookkeeping, listing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RepairPlan } from '../../shared/contract/repair.ts';
import { createJournal, listJournals, newJournalId, pendingUndo, readJournal, type JournalStep } from './journal.ts';

const plan = (planId: string, reversible = true): RepairPlan => ({
  planId,
  repair: 'enable-msiserver',
  title: { key: 'repair.enable-msiserver.title', params: {} },
  description: { key: 'repair.enable-msiserver.description', params: {} },
  risk: 'low',
  reversible,
  needsElevation: true,
  steps: [],
  backups: [],
  warnings: [],
  confirmations: [],
  targets: ['installer-service-disabled'],
  params: {},
});
const spec = { file: 'sc.exe', args: ['config', 'msiserver', 'start=', 'disabled'], encoding: 'oem' as const };
const steps: JournalStep[] = [
  { id: 'backup-key', kind: 'backup', elevated: true, spec, okExitCodes: [0], undo: [] },
  { id: 'set-manual', kind: 'change', elevated: true, spec, okExitCodes: [0], undo: [spec] },
  { id: 'set-other', kind: 'change', elevated: true, spec, okExitCodes: [0], undo: [spec] },
];

test('journal ids are safe file names; unknown or path-like ids read as null', () => {
  const id = newJournalId('enable-msiserver', new Date('2026-11-21T12:34:56.789Z'));
  assert.match(id, /^20261121T123456Z-enable-msiserver-[a-z0-9]+$/);
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-journal-'));
  try {
    assert.equal(readJournal(dir, '../x'), null);
    assert.equal(readJournal(dir, 'missing'), null);
    assert.deepEqual(listJournals(join(dir, 'nothing-here')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a crash mid-run: unfinished, the started-but-unended change is owed an undo, a torn last line is skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-journal-'));
  try {
    const journal = createJournal(dir, 'j-crash');
    journal.append({
      type: 'plan',
      at: '2026-11-21T10:00:00.000Z',
      journalId: 'j-crash',
      plan: plan('j-crash'),
      steps,
      data: {},
      environment: 'simulated:test',
    });
    journal.append({ type: 'step-start', at: 't', stepId: 'backup-key' });
    journal.append({
      type: 'step-end',
      at: 't',
      stepId: 'backup-key',
      status: 'succeeded',
      exitCode: 0,
      output: '',
      durationMs: 1,
    });
    journal.append({ type: 'step-start', at: 't', stepId: 'set-manual' });
    appendFileSync(journal.path, '{"type":"step-end","stepId":"set-man'); // the write the crash cut short
    const record = readJournal(dir, 'j-crash')!;
    assert.equal(record.state, 'unfinished');
    assert.equal(record.damagedLines, 1);
    assert.deepEqual(
      pendingUndo(record).map((s) => s.id),
      ['set-manual'],
    );
    const [summary] = listJournals(dir);
    assert.deepEqual(summary, {
      journalId: 'j-crash',
      repair: 'enable-msiserver',
      startedAt: '2026-11-21T10:00:00.000Z',
      state: 'unfinished',
      undoAvailable: true,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('finished, then undone; undo order is newest first; listing is newest first; a failed undo keeps it undoable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-journal-'));
  try {
    for (const [id, at] of [
      ['j-old', '2026-11-20T10:00:00.000Z'],
      ['j-new', '2026-11-21T10:00:00.000Z'],
    ] as const) {
      const j = createJournal(dir, id);
      j.append({ type: 'plan', at, journalId: id, plan: plan(id), steps, data: {}, environment: 'real' });
      for (const s of steps) {
        j.append({ type: 'step-start', at, stepId: s.id });
        j.append({ type: 'step-end', at, stepId: s.id, status: 'succeeded', exitCode: 0, output: 'ok', durationMs: 1 });
      }
      j.append({ type: 'finish', at, status: 'succeeded', verified: true, rebootRequired: false });
    }
    assert.deepEqual(
      listJournals(dir).map((j) => j.journalId),
      ['j-new', 'j-old'],
    );
    const record = readJournal(dir, 'j-old')!;
    assert.equal(record.state, 'finished');
    assert.deepEqual(
      pendingUndo(record).map((s) => s.id),
      ['set-other', 'set-manual'],
    );
    const j = createJournal(dir, 'j-old');
    j.append({ type: 'undo-start', at: 't', stepIds: ['set-other', 'set-manual'] });
    j.append({ type: 'undo-finish', at: 't', status: 'failed' });
    assert.equal(readJournal(dir, 'j-old')!.state, 'finished');
    j.append({ type: 'undo-finish', at: 't', status: 'succeeded' });
    assert.equal(readJournal(dir, 'j-old')!.state, 'undone');
    assert.deepEqual(pendingUndo(readJournal(dir, 'j-old')!), []);
    assert.equal(listJournals(dir).find((x) => x.journalId === 'j-old')!.undoAvailable, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
