// Repair order, in process: journals carry a monotonic sequence number and a session id; undoing an older change
// that a newer one overlaps warns first; every state-changing call of the repair service holds the data-folder lock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSystem } from './system-factory.ts';
import { createRepairServiceFor } from './repair-system.ts';
import { RepairError } from './repair-service.ts';
import { listJournals, readJournal } from './journal.ts';

/** repair-service's UNDO_OVERLAP_CONFIRMATION, spelled out (the word a caller passes after showing the warning). */
const UNDO_OVERLAP_CONFIRMATION = 'undo-under-newer-change';

function withDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-order-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test('an older change undone under a newer overlapping one: refused with a warning unless confirmed', async () => {
  await withDir(async (dir) => {
    const system = createSystem({ simulate: 'healthy' });
    const service = createRepairServiceFor(system, dir, { sessionId: 'scan-20261121-abc' });
    const enable = await service.run((await service.plan('enable-installer-logging', {})).planId, {
      confirmations: [],
    });
    const disable = await service.run((await service.plan('disable-installer-logging', {})).planId, {
      confirmations: [],
    });
    assert.equal(enable.status, 'succeeded');
    assert.equal(disable.status, 'succeeded');
    assert.equal(readJournal(dir, enable.journalId)!.plan!.seq, 1);
    assert.equal(readJournal(dir, disable.journalId)!.plan!.seq, 2);
    assert.ok(listJournals(dir).every((j) => j.sessionId === 'scan-20261121-abc'));
    await assert.rejects(
      service.undo(enable.journalId),
      (e: unknown) =>
        e instanceof RepairError &&
        e.reason.key === 'repair.refusal.undo-overlap' &&
        String(e.reason.params.journals).includes(disable.journalId),
    );
    // The newer one has no newer overlapping change: no warning. Once it is undone, the older one is not overlapped.
    const other = createRepairServiceFor(system, dir);
    assert.equal((await other.undo(disable.journalId)).status, 'succeeded');
    assert.equal((await other.undo(enable.journalId)).status, 'succeeded');
    assert.equal(
      system.simulation!.machine.getValue('HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer', 'Logging'),
      null,
    );
  });
});

test('confirmed, the older undo runs anyway (the user was warned)', async () => {
  await withDir(async (dir) => {
    const system = createSystem({ simulate: 'healthy' });
    const service = createRepairServiceFor(system, dir);
    const older = await service.run((await service.plan('enable-installer-logging', {})).planId, { confirmations: [] });
    await service.run((await service.plan('disable-installer-logging', {})).planId, { confirmations: [] });
    await assert.rejects(service.undo(older.journalId), RepairError);
    const forced = await service.undo(older.journalId, { confirmations: [UNDO_OVERLAP_CONFIRMATION] });
    assert.deepEqual(
      forced.steps.map((s) => s.id),
      ['undo-set-logging'],
    );
  });
});

test("the app's repair service waits for the data-folder lock and refuses clearly when it stays busy", async () => {
  const { dataFolderLock, withDataLock } = await import('./data-lock.ts');
  await withDir(async (dir) => {
    const system = createSystem({ simulate: 'msiserver-disabled' });
    const service = createRepairServiceFor(system, dir, { lock: dataFolderLock(dir, { waitMs: 600 }) });
    const plan = await service.plan('enable-msiserver', {});
    let release: () => void = () => {};
    const held = withDataLock(dir, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((r) => setTimeout(r, 50));
    const before = JSON.stringify(system.simulation!.machine.state);
    await assert.rejects(
      service.run(plan.planId, { confirmations: [] }),
      (e: unknown) => e instanceof RepairError && e.reason.key === 'repair.refusal.data-folder-busy',
    );
    assert.equal(JSON.stringify(system.simulation!.machine.state), before, 'nothing ran without the lock');
    release();
    await held;
    const again = await service.plan('enable-msiserver', {});
    assert.equal((await service.run(again.planId, { confirmations: [] })).status, 'succeeded');
  });
});
