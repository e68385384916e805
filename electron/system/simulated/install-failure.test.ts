// A scenario package's `msi.failure`: the emulated msiexec /i fails like Windows, with a log the real analyzer reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBytes } from '../../../shared/msilog/log-analyzer.ts';
import { msiexecInstall } from '../repairs/repair-helpers.ts';
import { createSimulation, parseScenario } from './index.ts';

const MSI = 'C:\\Users\\zhang.wei\\Downloads\\ContosoLedger-4.6.2-x64.msi';

/** The exact command the retry repair runs (msiexec /i MSI /L*v LOG /passive /norestart). */
const installSpec = (msi: string, log: string) => msiexecInstall(msi, log, {});

test('1603-custom-action: the elevated retry fails with 1603 and a verbose log the analyzer blames on the custom action', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-failure-'));
  try {
    const sim = createSimulation('1603-custom-action');
    const productsBefore = JSON.stringify(sim.machine.state.products);
    const eventsBefore = sim.machine.state.events.length;
    const log = join(dir, 'install.log');
    const batch = await sim.elevatedRunner.runBatch([installSpec(MSI, log)]);
    assert.equal(batch.status, 'ok');
    assert.equal(batch.outputs[0]?.exitCode, 1603);

    const bytes = new Uint8Array(readFileSync(log));
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'UTF-16LE with a BOM, like msiexec /l*v');
    const { analysis, problem } = analyzeBytes(bytes, 'install.log');
    assert.equal(problem, null);
    assert.equal(analysis.outcome, 'failure');
    assert.equal(analysis.exitCode, 1603);
    assert.equal(analysis.failedAction?.name, 'CA_RegisterLedgerService');
    assert.equal(analysis.failedAction?.sequenceAction, 'InstallFinalize');
    assert.equal(analysis.failedAction?.customAction, true);
    assert.equal(analysis.primaryError, 1722);
    assert.equal(analysis.causes[0]?.id, 'custom-action-failed');
    assert.equal(analysis.product.name, 'Contoso Ledger 4.6');
    const text = Buffer.from(bytes.subarray(2)).toString('utf16le');
    assert.match(text, /CreateService LedgerSvc failed: 0x80070431/, "the custom action's own lines are in the log");

    // Rolled back: nothing installed; the Application log has what a real failure leaves (1033 with 1603, 11708).
    assert.equal(JSON.stringify(sim.machine.state.products), productsBefore);
    const added = sim.machine.state.events.slice(0, sim.machine.state.events.length - eventsBefore);
    const status = added.find((e) => e.id === 1033);
    assert.equal(status?.data[3], '1603');
    assert.ok(added.some((e) => e.id === 11708 && /Installation failed/.test(e.data[0] ?? '')));
    assert.ok(added.some((e) => e.id === 11722 && /Error 1722\..*CA_RegisterLedgerService/.test(e.data[0] ?? '')));

    // The leftover service is still there: trying again fails again.
    const again = await sim.elevatedRunner.runBatch([installSpec(MSI, join(dir, 'again.log'))]);
    assert.equal(again.outputs[0]?.exitCode, 1603);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('msi.failure in a scenario file: defaults (1603, message 1722, entry point = action name), other messages, strict', () => {
  const base = {
    schema: 'msi-doctor/scenario@1',
    name: 'x',
    title: 'x',
    description: 'x',
    expect: { symptom: '1603', evidence: [], topCause: 'custom-action-failed', recommendedRepair: null },
  };
  const withFailure = (failure: unknown) => ({
    ...base,
    machine: {
      files: {
        'C:\\a.msi': {
          msi: {
            productCode: '{A}',
            upgradeCode: '{B}',
            productVersion: '1.0',
            productName: 'A',
            manufacturer: 'M',
            failure,
          },
        },
      },
    },
  });
  const parsed = parseScenario(withFailure({ customAction: 'CA_Do' }), 'test');
  assert.deepEqual(parsed.machine.files?.['C:\\a.msi']?.msi?.failure, {
    exitCode: 1603,
    customAction: 'CA_Do',
    message: 1722,
    entryPoint: 'CA_Do',
    detail: [],
  });
  const oneLine = parseScenario(withFailure({ customAction: 'CA_Do', detail: 'a\r\nb', message: 1723 }), 'test');
  assert.deepEqual(oneLine.machine.files?.['C:\\a.msi']?.msi?.failure?.detail, ['a', 'b']);
  assert.throws(() => parseScenario(withFailure({ customAction: 'CA_Do', extra: 1 }), 'test'), /scenario@1/);
  assert.throws(() => parseScenario(withFailure({ customAction: 'not an action' }), 'test'), /scenario@1/);
});

test('a package without msi.failure still installs (healthy retry of the same package)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-failure-'));
  try {
    const sim = createSimulation('1603-custom-action');
    const entry = sim.machine.entry(MSI);
    assert.ok(entry?.msi?.failure);
    delete entry.msi.failure;
    const log = join(dir, 'install.log');
    const batch = await sim.elevatedRunner.runBatch([installSpec(MSI, log)]);
    assert.equal(batch.outputs[0]?.exitCode, 0);
    const { analysis } = analyzeBytes(new Uint8Array(readFileSync(log)), 'install.log');
    assert.equal(analysis.outcome, 'success');
    assert.ok(sim.machine.state.products.some((p) => p.name === 'Contoso Ledger 4.6'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
