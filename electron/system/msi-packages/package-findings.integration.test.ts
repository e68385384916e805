// Each package finding on real packages built by wixl + msibuild: triggered by one package, absent from another;
// the installed-products findings against installed lists; every built package yields exactly its expected ids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PACKAGE_FINDING_IDS,
  type InstalledProductRef,
  type MsiPackage,
} from '../../../shared/contract/msi-package.ts';
import { msiToolsSkip } from './msi-tools.ts';
import { buildTestPackages, TEST_PACKAGES } from './test-packages.ts';
import { bytesSource } from '../../../shared/msi-package/byte-source.ts';
import { readMsiPackage, withInstalled } from '../../../shared/msi-package/index.ts';

const SKIP = msiToolsSkip();
let dir = '';
const packages = new Map<string, MsiPackage>();

before(async () => {
  if (SKIP) return;
  dir = mkdtempSync(join(tmpdir(), 'msi-findings-'));
  for (const [name, path] of buildTestPackages(dir))
    packages.set(name, await readMsiPackage(bytesSource(readFileSync(path)), path));
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ids = (p: MsiPackage) => p.findings.map((f) => f.id).sort();

test('every built package yields exactly its expected findings', { skip: SKIP }, () => {
  for (const t of TEST_PACKAGES) assert.deepEqual(ids(packages.get(t.spec.name)!), [...t.expected].sort(), t.spec.name);
});

test(
  'the issue\u2019s registry-link case: rollback after its action, no rollback before, runs on uninstall',
  { skip: SKIP },
  () => {
    const p = packages.get('registry-link')!;
    const late = p.findings.find((f) => f.id === 'rollback-after-action')!;
    assert.deepEqual(late.params, {
      rollback: 'RollbackCreateRegistryLink',
      rollbackSequence: 4006,
      action: 'CreateRegistryLink',
      sequence: 4005,
    });
    assert.ok(late.rows.some((r) => r.table === 'InstallExecuteSequence' && r.key === 'CreateRegistryLink'));
    const ca = p.customActions.find((c) => c.name === 'CreateRegistryLink')!;
    assert.deepEqual([ca.execution, ca.impersonate, ca.kind, ca.codeSource], ['deferred', false, 'exe', 'directory']);
  },
);

test(
  'installed products: already installed, other build of the same product, newer version, older one',
  { skip: SKIP },
  () => {
    const pkg = packages.get('good-per-machine')!;
    const product = (over: Partial<InstalledProductRef>): InstalledProductRef => ({
      productCode: pkg.productCode!,
      upgradeCode: pkg.upgradeCode,
      name: pkg.productName,
      version: pkg.productVersion,
      packageCode: pkg.packageCode,
      scope: 'machine',
      ...over,
    });
    const only = (installed: InstalledProductRef[]) =>
      withInstalled(pkg, installed)
        .findings.map((f) => f.id)
        .filter((id) => id !== 'per-machine-needs-elevation');
    assert.deepEqual(only([product({})]), ['already-installed']);
    assert.deepEqual(only([product({ version: '4.6.1' })]), ['same-product-other-package']);
    assert.deepEqual(only([product({ packageCode: '{00000000-0000-0000-0000-000000000001}' })]), [
      'same-product-other-package',
    ]);
    const other = '{11111111-1111-4111-8111-111111111111}';
    assert.deepEqual(only([product({ productCode: other, version: '5.0.0' })]), ['newer-installed']);
    assert.deepEqual(only([product({ productCode: other, version: '4.0.0' })]), []);
    assert.deepEqual(only([product({ productCode: other, upgradeCode: other, version: '9.0.0' })]), []);
    assert.deepEqual(only([]), []);
    const newer = withInstalled(pkg, [product({ productCode: other, version: '5.0.0' })]).findings[0]!;
    assert.deepEqual([newer.params.installed, newer.params.package], ['5.0.0', '4.6.2']);
  },
);

test(
  'every finding id is covered both ways by the built packages (or the installed lists above)',
  { skip: SKIP },
  () => {
    const installedIds = ['already-installed', 'newer-installed', 'same-product-other-package'];
    for (const id of PACKAGE_FINDING_IDS) {
      if (installedIds.includes(id)) continue;
      const triggers = TEST_PACKAGES.filter((t) => ids(packages.get(t.spec.name)!).includes(id));
      const clean = TEST_PACKAGES.filter((t) => !ids(packages.get(t.spec.name)!).includes(id));
      assert.ok(triggers.length > 0, `${id}: no package triggers it`);
      assert.ok(clean.length > 0, `${id}: every package triggers it`);
    }
  },
);
