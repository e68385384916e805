// Over-the-shoulder elevation (another administrator approves the prompt) is detected from the SID the
// elevated batch reports; per-user repairs are refused (plan and batch), others warned; a mapped drive becomes its UNC path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { createSystem, systemScanOptions } from './system-factory.ts';
import { createRepairServiceFor } from './repair-system.ts';
import { RepairError } from './repair-service.ts';
import { runScan } from './scan-service.ts';

const ADMIN = 'S-1-5-21-1004336348-1177238915-682003330-500';
const MSI = 'C:\\Users\\zhang.wei\\Downloads\\tool-1.0.msi';

function withDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-ots-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** The 2502 machine, where an administrator other than the user approves the prompt; a per-user .msi on its disk. */
function otherAdminMachine(allUsers: string) {
  const system = createSystem({ simulate: '2502-not-elevated' });
  const machine = system.simulation!.machine;
  machine.state.elevation.adminSid = ADMIN;
  machine.writeFile(MSI, new Uint8Array([0xd0, 0xcf]));
  machine.state.files[MSI]!.msi = {
    productCode: '{0B6F1E6C-58C2-4F0D-A0E4-6C86E0B7D3A1}',
    upgradeCode: '{8C1E2A77-3B0F-4E55-9C6D-1F2E3A4B5C6D}',
    productVersion: '1.0.0',
    productName: 'Tool',
    manufacturer: 'Contoso',
    allUsers,
  };
  return system;
}

async function scan(system: ReturnType<typeof createSystem>) {
  return runScan(
    { symptom: '2502', logPaths: [], msiPath: MSI, allowElevation: true },
    { ...(await systemScanOptions(system)), parseSymptom },
  );
}

test("the scan's elevated batch reveals another administrator: a per-user install is refused with a clear reason", async () => {
  await withDir(async (dir) => {
    const system = otherAdminMachine('');
    const result = await scan(system);
    assert.equal(result.elevation, 'granted');
    assert.equal(system.elevatedSid, ADMIN, 'the batch reported the account it ran as');
    const service = createRepairServiceFor(system, dir);
    await assert.rejects(
      service.plan('retry-install-elevated-logged', { msiPath: MSI }, { evidence: result.evidence }),
      (e: unknown) => e instanceof RepairError && e.reason.key === 'repair.refusal.other-admin-per-user',
    );
  });
});

test('a per-machine package may still be installed as the other administrator, with a warning in the plan', async () => {
  await withDir(async (dir) => {
    const system = otherAdminMachine('1');
    const result = await scan(system);
    const plan = await createRepairServiceFor(system, dir).plan(
      'retry-install-elevated-logged',
      { msiPath: MSI },
      { evidence: result.evidence },
    );
    assert.ok(plan.warnings.some((w) => w.key === 'repair.warning.other-admin'));
  });
});

test('when nothing told us before the prompt, the elevated batch itself refuses the per-user step', async () => {
  await withDir(async (dir) => {
    const system = otherAdminMachine('');
    const service = createRepairServiceFor(system, dir);
    const plan = await service.plan('retry-install-elevated-logged', { msiPath: MSI });
    const before = JSON.stringify(system.simulation!.machine.state.products);
    const outcome = await service.run(plan.planId, { confirmations: [] });
    assert.equal(outcome.status, 'failed');
    assert.match(outcome.steps[0]!.output, /administrator account is not the signed-in user/);
    assert.equal(
      JSON.stringify(system.simulation!.machine.state.products),
      before,
      'nothing installed into the wrong account',
    );
    assert.equal(system.elevatedSid, ADMIN);
  });
});

test('a mapped drive (Z:) is replaced by its UNC path in the elevated install, with a warning', async () => {
  await withDir(async (dir) => {
    const system = createSystem({ simulate: '2502-not-elevated' });
    const machine = system.simulation!.machine;
    machine.setValue('HKCU\\Network\\Z', 'RemotePath', { type: 'REG_SZ', data: '\\\\fileserver\\installers' });
    machine.writeFile('Z:\\apps\\tool-1.0.msi', new Uint8Array([0xd0, 0xcf]));
    const service = createRepairServiceFor(system, dir);
    const plan = await service.plan('retry-install-elevated-logged', { msiPath: 'Z:\\apps\\tool-1.0.msi' });
    const [spec] = service.planSpecs(plan.planId)!;
    assert.equal(spec!.args[1], '\\\\fileserver\\installers\\apps\\tool-1.0.msi');
    assert.ok(plan.warnings.some((w) => w.key === 'repair.warning.mapped-drive'));
    // A local drive is left alone.
    machine.writeFile(MSI, new Uint8Array([0xd0, 0xcf]));
    const local = await service.plan('retry-install-elevated-logged', { msiPath: MSI });
    assert.equal(service.planSpecs(local.planId)![0]!.args[1], MSI);
  });
});
