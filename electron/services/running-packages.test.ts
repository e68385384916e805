// The running installs' packages are read by name: a local .msi gives its product, a share or an unreadable file keeps
// the file name (nothing read), other probes' evidence passes through untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataOf, type Evidence } from '../../shared/contract/evidence.ts';
import type { MsiClient } from '../../shared/contract/evidence-data.ts';
import { packageFromProperties, MsiReadError } from '../../shared/msi-package/index.ts';
import { machine } from '../../shared/diagnosis/testing/evidence-builders.ts';
import { nameRunningPackages } from './running-packages.ts';

const LOCAL = 'C:\\Users\\ana\\Downloads\\FinanceSuite-5.1.msi';

function client(pid: number, packagePath: string | null): MsiClient {
  return {
    pid,
    parentPid: 1,
    sessionId: 1,
    packagePath,
    commandLine: null,
    startedAt: null,
    ageMinutes: 190,
    kind: 'install',
  };
}

function running(clients: MsiClient[]): Evidence {
  const e = machine({ 'install-in-progress': { mutex: 'busy', mutexDefinitive: true, clients } }).find(
    (x) => x.probe === 'install-in-progress',
  );
  assert.ok(e);
  return e;
}

test('a local .msi of a running install: its ProductName and ProductVersion; a share, an unreadable file: not read', async () => {
  const read: string[] = [];
  const evidence = running([
    client(1, LOCAL),
    client(2, '\\\\fs01\\apps\\Agent.msi'),
    client(3, 'C:\\Temp\\gone.msi'),
    client(4, '{6E2B7F0A-4C1D-4E8B-9F3A-2D7C51B0A946}'),
  ]);
  const named = await nameRunningPackages(evidence, async (path) => {
    read.push(path);
    if (path !== LOCAL) throw new MsiReadError('not-found');
    const props = { productCode: '{1}', upgradeCode: '{2}', manufacturer: 'Contoso', allUsers: '1' };
    return packageFromProperties({ ...props, productName: 'Contoso Finance Suite', productVersion: '5.1.0' }, path);
  });
  assert.deepEqual(read, [LOCAL, 'C:\\Temp\\gone.msi'], 'local .msi files only (no share, no product code)');
  const clients = dataOf(named, 'install-in-progress')!.clients;
  assert.deepEqual(clients[0]!.product, { name: 'Contoso Finance Suite', version: '5.1.0' });
  assert.equal(clients[1]!.product, undefined);
  assert.equal(clients[2]!.product, null, 'read and failed: the file name stays the answer');
  assert.equal(clients[3]!.product, undefined);
});

test('evidence of another probe, or with no client, is returned as it is (nothing read)', async () => {
  const never = async (): Promise<never> => assert.fail('nothing to read');
  const other = machine({}).find((e) => e.probe === 'pending-reboot')!;
  assert.equal(await nameRunningPackages(other, never), other);
  const idle = running([]);
  assert.equal(await nameRunningPackages(idle, never), idle);
});
