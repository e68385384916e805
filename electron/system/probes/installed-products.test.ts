// installed-products with the package half from the .msi reader: COM output only says what is installed; the
// verdict, the package facts and the package's installed-product findings come from the reader's package@1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandOutput } from '../run/command-runner.ts';
import { packageFromProperties } from '../../../shared/msi-package/index.ts';
import { installedProductsProbe, parseInstalledProducts } from './installed-products.ts';
import type { ProbeContext } from './probe.ts';

const PKG = packageFromProperties(
  {
    productCode: '{0B6F1E6C-58C2-4F0D-A0E4-6C86E0B7D3A1}',
    upgradeCode: '{8C1E2A77-3B0F-4E55-9C6D-1F2E3A4B5C6D}',
    productVersion: '3.2.0',
    productName: 'Contoso Expense Reporter 3.2',
    manufacturer: 'Contoso Ltd.',
    allUsers: '1',
  },
  'C:\\Users\\alex\\Downloads\\expense.msi',
);

function context(msiPackage: ProbeContext['msiPackage']): ProbeContext {
  return {
    symptom: { input: '', exitCodes: [], messageNumbers: [], sources: [], unknown: true, notes: [] },
    msiPath: PKG.file,
    ...(msiPackage ? { msiPackage } : {}),
    logPaths: [],
    user: { sid: null, profile: null, temp: null },
    now: new Date('2026-11-18T01:30:00Z'),
  };
}

function output(installed: object[]): CommandOutput {
  const stdout = JSON.stringify({
    msiPath: PKG.file,
    // What the script echoes back; the reader's facts must win over it.
    package: {
      readable: true,
      error: null,
      productCode: PKG.productCode,
      upgradeCode: PKG.upgradeCode,
      productVersion: 'x',
      productName: 'x',
      manufacturer: 'x',
      allUsers: 'x',
    },
    installed,
    sameName: [],
  });
  return {
    stdout,
    stderr: '',
    exitCode: 0,
    timedOut: false,
    durationMs: 5,
    command: 'powershell',
    error: null,
  } as unknown as CommandOutput;
}

test('the script gets the package identity from the reader and opens nothing itself', () => {
  const [spec] = installedProductsProbe.commands(context({ ok: true, package: PKG }));
  const script = Buffer.from(spec!.args.at(-1)!, 'base64').toString('utf16le');
  assert.match(script, /"productCode":"\{0B6F1E6C-58C2-4F0D-A0E4-6C86E0B7D3A1\}"/);
  assert.match(script, /"readWithCom":false/);
  // Without a reader result (a repair's verification) the script reads the package through COM itself.
  const [legacy] = installedProductsProbe.commands(context(undefined));
  assert.match(Buffer.from(legacy!.args.at(-1)!, 'base64').toString('utf16le'), /"readWithCom":true/);
});

test('same version installed: package facts from the reader, already-installed finding with the installed version', () => {
  const v = parseInstalledProducts(
    [
      output([
        {
          productCode: PKG.productCode,
          name: 'Contoso Expense Reporter 3.2',
          version: '3.2.0',
          assignment: 1,
          packageCode: null,
          viaUpgradeCode: false,
        },
      ]),
    ],
    context({ ok: true, package: PKG }),
  );
  assert.equal(v.status, 'warning');
  const data = v.data!;
  assert.equal(data.package?.productVersion, '3.2.0');
  const findings = data.packageReport?.findings ?? [];
  const found = findings.find((f) => f.id === 'already-installed');
  assert.deepEqual([found?.params.installed, found?.params.package], ['3.2.0', '3.2.0']);
  assert.ok(findings.some((f) => f.id === 'per-machine-needs-elevation'));
});

test('a newer version of the family and an unreadable package', () => {
  const newer = parseInstalledProducts(
    [
      output([
        {
          productCode: '{99999999-0000-4000-8000-000000000000}',
          name: 'Contoso Expense Reporter 4',
          version: '4.0.1',
          assignment: 1,
          viaUpgradeCode: true,
        },
      ]),
    ],
    context({ ok: true, package: PKG }),
  );
  assert.equal(newer.status, 'problem');
  assert.ok(newer.data?.packageReport?.findings.some((f) => f.id === 'newer-installed'));
  const bad = parseInstalledProducts(
    [output([])],
    context({ ok: false, code: 'patch', detail: '', message: 'this is a patch (.msp)' }),
  );
  assert.equal(bad.summary.key, 'probe.installed-products.package-unreadable');
  assert.equal(bad.summary.params.error, '@package.read-error.patch?detail=');
  assert.equal(bad.data?.packageReport, null);
});
