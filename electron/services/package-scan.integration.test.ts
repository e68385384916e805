// The .msi reader in the product: scans of simulated machines whose packages are real .msi files built with wixl.
// installed-products takes the package half from the reader; the diagnosis shows the failing custom action in plain
// words, the per-machine package behind a 2503, the installed version behind a 1638, and why a package is unreadable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../shared/contract/finding.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { translate } from '../../shared/knowledge/texts.ts';
import { msiToolsSkip } from '../system/msi-packages/msi-tools.ts';
import { cachedTestPackage, testPackage } from '../system/msi-packages/test-packages.ts';
import { runScan } from './scan-service.ts';
import { createSystem, systemScanOptions } from './system-factory.ts';

const SKIP = msiToolsSkip();
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'package-scan-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function scan(
  system: ReturnType<typeof createSystem>,
  request: { symptom: string; logPaths: string[]; msiPath: string | null },
) {
  const result = await runScan(
    { ...request, allowElevation: true },
    {
      ...(await systemScanOptions(system)),
      parseSymptom,
      diagnose: (input) => diagnose({ ...input, msiPath: request.msiPath }),
    },
  );
  const evidence = result.evidence.find((e) => e.probe === 'installed-products')!;
  return { result, evidence, data: evidence.data! };
}

const reasons = (f: Finding | undefined, lang: 'en' | 'zh-CN' = 'en') =>
  (f?.reasons ?? []).map((r) => translate(r, lang));

test(
  '1603: the failing custom action is described from the real package (deferred, as SYSTEM, no rollback)',
  { skip: SKIP },
  async () => {
    const system = createSystem({ simulate: '1603-custom-action' });
    const s = system.simulation!.loaded.scenario;
    const { result, data } = await scan(system, { symptom: '1603', logPaths: s.logPaths, msiPath: s.msiPath });
    // Read from the real file: the recorded facts have no custom actions.
    assert.ok(data.packageReport?.customActions.some((c) => c.name === 'CA_RegisterLedgerService'));
    assert.equal(data.package?.productCode, '{6E2B7F0A-4C1D-4E8B-9F3A-2D7C51B0A946}');
    const finding = result.findings.find((f) => f.cause === 'custom-action-failed');
    assert.ok(finding, result.findings.map((f) => f.cause).join());
    const en = reasons(finding).join('\n');
    assert.match(
      en,
      /In the package, CA_RegisterLedgerService is: deferred, as SYSTEM, no rollback, a DLL function RegisterService from LedgerCa\./,
    );
    assert.match(
      en,
      /The package itself: Custom action CA_RegisterLedgerService changes the system but has no rollback\./,
    );
    assert.match(
      reasons(finding, 'zh-CN').join('\n'),
      /在安装包中，CA_RegisterLedgerService 是：延迟执行，以 SYSTEM 身份，没有回滚，来自 LedgerCa 的 DLL 函数 RegisterService。/,
    );
  },
);

test(
  '2503 on a per-machine package run unelevated points to the elevated, logged install',
  { skip: SKIP },
  async () => {
    const system = createSystem({ simulate: '2502-not-elevated' });
    const s = system.simulation!.loaded.scenario;
    const { result, data } = await scan(system, { symptom: '2503', logPaths: [], msiPath: s.msiPath });
    assert.equal(data.packageReport?.scope, 'per-machine');
    assert.equal(data.packageReport?.platform, 'x64');
    assert.ok(data.packageReport?.findings.some((f) => f.id === 'per-machine-needs-elevation'));
    const finding = result.findings.find((f) => f.cause === 'not-elevated')!;
    assert.ok(reasons(finding).some((r) => /Contoso Expense Reporter 3\.2 installs for all users/.test(r)));
    assert.equal(finding.repairs[0], 'retry-install-elevated-logged');
  },
);

function scenarioFile(name: string, machine: object): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      schema: 'msi-doctor/scenario@1',
      name,
      title: name,
      description: name,
      msiPath: 'C:\\Users\\zhang.wei\\Downloads\\package.msi',
      machine,
      expect: { symptom: '', evidence: [], topCause: 'unknown', recommendedRepair: null },
    }),
  );
  return path;
}

test('1638: the same package already installed is named with its installed version', { skip: SKIP }, async () => {
  const spec = testPackage('contoso-expense').spec;
  const file = scenarioFile('installed', {
    files: {
      'C:\\Users\\zhang.wei\\Downloads\\package.msi': {
        msi: {
          productCode: spec.productCode,
          upgradeCode: spec.upgradeCode,
          productVersion: spec.version,
          productName: spec.productName,
          manufacturer: spec.manufacturer,
          package: 'contoso-expense',
        },
      },
    },
    products: [
      {
        productCode: spec.productCode,
        upgradeCode: spec.upgradeCode,
        name: spec.productName,
        version: '3.2.0',
        scope: 'machine',
      },
    ],
  });
  const system = createSystem({ scenarioFile: file });
  const { result, data } = await scan(system, {
    symptom: '1638',
    logPaths: [],
    msiPath: 'C:\\Users\\zhang.wei\\Downloads\\package.msi',
  });
  const already = data.packageReport?.findings.find((f) => f.id === 'already-installed');
  assert.equal(already?.params.installed, '3.2.0');
  const finding = result.findings.find((f) => f.cause === 'other-version-installed');
  assert.ok(
    reasons(finding).some((r) => r === 'Contoso Expense Reporter 3.2 3.2.0 is already installed.'),
    reasons(finding).join(),
  );
});

test(
  'an incomplete package on the machine: installed-products says why, in the user\u2019s language',
  { skip: SKIP },
  async () => {
    const real = readFileSync(cachedTestPackage('contoso-expense')!);
    const cut = join(dir, 'cut.msi');
    writeFileSync(cut, real.subarray(0, real.length - 1024));
    const system = createSystem({ simulate: 'healthy' });
    const { evidence, data } = await scan(system, { symptom: '', logPaths: [], msiPath: cut });
    assert.equal(evidence.status, 'warning');
    assert.equal(data.package?.readable, false);
    assert.equal(data.packageReport, null);
    assert.match(translate(evidence.summary, 'en'), /incomplete \(cut short/);
    assert.match(translate(evidence.summary, 'zh-CN'), /安装包不完整/);
  },
);
