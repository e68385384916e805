// The real test packages (built at test time with wixl + msibuild): each package finding has one package that
// triggers it and one that must not; others cover code pages, long string references, signatures and every
// documented custom action type. `expected` lists the finding ids each package must produce (no more, no less).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PackageFindingId } from '../../../shared/contract/msi-package.ts';
import { buildTestPackage, type TestPackageSpec } from './build-test-package.ts';
import { msiToolsSkip } from './msi-tools.ts';

export interface TestPackage {
  spec: TestPackageSpec;
  /** Finding ids the package alone (no installed products) must produce. */
  expected: PackageFindingId[];
  /** What it shows, in a few words. */
  about: string;
}

const NOT_INSTALLED = 'NOT Installed';
const UNINSTALL_ONLY = 'REMOVE~="ALL" AND NOT UPGRADINGPRODUCTCODE';

/** Custom action types as documented (base type + source + options), one row each in the all-types package. */
export const DOCUMENTED_TYPES: { type: number; extendedType?: number; source?: string; target?: string }[] = [
  { type: 1, source: 'CaDll', target: 'Entry' }, // DLL in Binary
  { type: 2, source: 'CaDll', target: '/quiet' }, // EXE in Binary
  { type: 5, source: 'CaDll', target: 'Main' }, // JScript in Binary
  { type: 6, source: 'CaDll', target: 'Main' }, // VBScript in Binary
  { type: 7, source: 'Nested', target: 'PROP=1' }, // nested install (substorage)
  { type: 17, source: 'F1', target: 'Entry' }, // DLL installed with the product
  { type: 18, source: 'F1', target: '/quiet' }, // EXE installed with the product
  { type: 19, target: 'Stop: [ProductName] is not supported here.' }, // display error and terminate
  { type: 21, source: 'F1', target: 'Main' }, // JScript file installed with the product
  { type: 22, source: 'F1', target: 'Main' }, // VBScript file installed with the product
  { type: 23, source: 'sub\\nested.msi', target: 'PROP=1' }, // nested install, source-relative
  { type: 34, source: 'INSTALLDIR', target: 'tool.exe /x' }, // EXE with a working directory
  { type: 35, source: 'INSTALLDIR', target: '[ProgramFilesFolder]X' }, // set a directory
  { type: 37, target: 'var x = 1;' }, // JScript text
  { type: 38, target: 'x = 1' }, // VBScript text
  { type: 39, source: '{11111111-2222-3333-4444-555555555555}', target: 'PROP=1' }, // nested, advertised
  { type: 50, source: 'TOOLPATH', target: '/x' }, // EXE whose path is in a property
  { type: 51, source: 'MYPROP', target: '[INSTALLDIR]' }, // set a property
  { type: 53, source: 'SCRIPTPROP', target: 'Main' }, // JScript text in a property
  { type: 54, source: 'SCRIPTPROP', target: 'Main' }, // VBScript text in a property
  { type: 1 + 0x40, source: 'CaDll', target: 'Entry' }, // return ignored
  { type: 2 + 0x80, source: 'CaDll', target: '' }, // async, wait at end of sequence
  { type: 2 + 0xc0, source: 'CaDll', target: '' }, // async, no wait
  { type: 1 + 0x100, source: 'CaDll', target: 'Entry' }, // first sequence
  { type: 1 + 0x200, source: 'CaDll', target: 'Entry' }, // once per process
  { type: 1 + 0x300, source: 'CaDll', target: 'Entry' }, // client repeat
  { type: 1 + 1024, source: 'CaDll', target: 'Entry' }, // deferred
  { type: 1 + 1280, source: 'CaDll', target: 'Entry' }, // rollback
  { type: 1 + 1536, source: 'CaDll', target: 'Entry' }, // commit
  { type: 1 + 3072, source: 'CaDll', target: 'Entry' }, // deferred, no impersonation
  { type: 1 + 3328, source: 'CaDll', target: 'Entry' }, // rollback, no impersonation
  { type: 1 + 3584, source: 'CaDll', target: 'Entry' }, // commit, no impersonation
  { type: 1 + 17408, source: 'CaDll', target: 'Entry' }, // deferred, terminal-server aware
  { type: 1 + 17664, source: 'CaDll', target: 'Entry' }, // rollback, terminal-server aware
  { type: 1 + 17920, source: 'CaDll', target: 'Entry' }, // commit, terminal-server aware
  { type: 6 + 0x1000 + 1024, source: 'CaDll', target: 'Main' }, // 64-bit VBScript, deferred
  { type: 1 + 0x2000 + 3072, source: 'CaDll', target: 'Entry' }, // hidden target
  { type: 1 + 1024, extendedType: 0x8000, source: 'CaDll', target: 'Entry' }, // patch uninstall
];

export const TEST_PACKAGES: TestPackage[] = [
  {
    about: 'a well-authored per-machine package: deferred actions run as SYSTEM with rollbacks before them',
    expected: ['per-machine-needs-elevation'],
    spec: {
      name: 'good-per-machine',
      productName: 'Contoso Ledger',
      version: '4.6.2',
      scope: 'perMachine',
      binaries: ['CaDll'],
      launchConditions: [{ condition: 'VersionNT >= 601', message: 'Contoso Ledger needs Windows 7 or later.' }],
      upgrades: [{ minimum: '1.0.0', maximum: '4.6.2', property: 'WIX_UPGRADE_DETECTED' }],
      customActions: [
        { action: 'CheckLicense', type: 1, source: 'CaDll', target: 'CheckLicense' },
        { action: 'SetConfigureThingData', type: 51, source: 'ConfigureThing', target: '[INSTALLDIR]' },
        { action: 'RollbackConfigureThing', type: 3329, source: 'CaDll', target: 'RollbackConfigure' },
        { action: 'ConfigureThing', type: 3073, source: 'CaDll', target: 'ConfigureThing' },
        { action: 'RollbackUnconfigureThing', type: 3329, source: 'CaDll', target: 'RollbackUnconfigure' },
        { action: 'UnconfigureThing', type: 3073, source: 'CaDll', target: 'UnconfigureThing' },
      ],
      sequence: [
        { action: 'CheckLicense', condition: NOT_INSTALLED, sequence: 1001 },
        { action: 'SetConfigureThingData', condition: NOT_INSTALLED, sequence: 3999 },
        { action: 'RollbackConfigureThing', condition: NOT_INSTALLED, sequence: 4001 },
        { action: 'ConfigureThing', condition: NOT_INSTALLED, sequence: 4002 },
        { action: 'RollbackUnconfigureThing', condition: UNINSTALL_ONLY, sequence: 3400 },
        { action: 'UnconfigureThing', condition: UNINSTALL_ONLY, sequence: 3401 },
      ],
    },
  },
  {
    about: "the issue's case: a deferred registry link with no condition, its rollback sequenced after it",
    expected: [
      'per-machine-needs-elevation',
      'rollback-after-action',
      'deferred-without-rollback',
      'runs-on-install-and-uninstall',
    ],
    spec: {
      name: 'registry-link',
      productName: 'Contoso Link',
      scope: 'perMachine',
      customActions: [
        {
          action: 'CreateRegistryLink',
          type: 34 + 3072,
          source: 'INSTALLDIR',
          target: '"[SystemFolder]reg.exe" add HKLM\\Software\\Contoso\\Link /v Target /d "[INSTALLDIR]" /f',
        },
        {
          action: 'RollbackCreateRegistryLink',
          type: 34 + 3328,
          source: 'INSTALLDIR',
          target: '"[SystemFolder]reg.exe" delete HKLM\\Software\\Contoso\\Link /f',
        },
      ],
      sequence: [
        { action: 'CreateRegistryLink', sequence: 4005 },
        { action: 'RollbackCreateRegistryLink', sequence: 4006 },
      ],
    },
  },
  {
    about: 'a per-user uninstall clean-up that also runs when a newer version upgrades this one',
    expected: ['uninstall-action-on-upgrade'],
    spec: {
      name: 'uninstall-cleanup',
      productName: 'Contoso Notes',
      scope: 'perUser',
      binaries: ['CaDll'],
      customActions: [
        { action: 'RollbackCleanupUserData', type: 1281, source: 'CaDll', target: 'RestoreUserData' },
        { action: 'CleanupUserData', type: 1025, source: 'CaDll', target: 'CleanupUserData' },
      ],
      sequence: [
        { action: 'RollbackCleanupUserData', condition: 'REMOVE~="ALL"', sequence: 3400 },
        { action: 'CleanupUserData', condition: 'REMOVE~="ALL"', sequence: 3401 },
      ],
    },
  },
  {
    about: 'an immediate action that installs a driver from the execute sequence (and one harmless UI action)',
    expected: ['per-machine-needs-elevation', 'immediate-changes-system'],
    spec: {
      name: 'immediate-system',
      productName: 'Contoso Driver',
      scope: 'perMachine',
      customActions: [
        {
          action: 'InstallDriverNow',
          type: 34,
          source: 'INSTALLDIR',
          target: 'pnputil.exe /add-driver "[INSTALLDIR]driver.inf" /install',
        },
        { action: 'ShowReadme', type: 34, source: 'INSTALLDIR', target: 'notepad.exe readme.txt' },
      ],
      sequence: [
        { action: 'InstallDriverNow', condition: NOT_INSTALLED, sequence: 4010 },
        { table: 'InstallUISequence', action: 'ShowReadme', condition: NOT_INSTALLED, sequence: 1301 },
      ],
    },
  },
  {
    about: 'deferred actions that write HKLM while impersonating the user',
    expected: ['per-machine-needs-elevation', 'impersonated-deferred-needs-admin', 'impersonated-deferred-needs-admin'],
    spec: {
      name: 'impersonated-deferred',
      productName: 'Contoso Agent',
      scope: 'perMachine',
      customActions: [
        {
          action: 'RollbackWriteMachineSetting',
          type: 34 + 1280,
          source: 'INSTALLDIR',
          target: 'reg.exe delete HKLM\\Software\\Contoso\\Agent /f',
        },
        {
          action: 'WriteMachineSetting',
          type: 34 + 1024,
          source: 'INSTALLDIR',
          target: 'reg.exe add HKLM\\Software\\Contoso\\Agent /v Mode /d 1 /f',
        },
      ],
      sequence: [
        { action: 'RollbackWriteMachineSetting', condition: NOT_INSTALLED, sequence: 4019 },
        { action: 'WriteMachineSetting', condition: NOT_INSTALLED, sequence: 4020 },
      ],
    },
  },
  {
    about: 'a VBScript check in the UI sequence and an inline JScript action',
    expected: ['script-custom-action', 'script-custom-action'],
    spec: {
      name: 'scripts',
      productName: 'Contoso Scripts',
      scope: 'perUser',
      binaries: ['CheckScript'],
      customActions: [
        { action: 'CheckVersion', type: 6, source: 'CheckScript', target: 'Main' },
        { action: 'ComputePath', type: 37, target: 'Session.Property("X") = "1";' },
      ],
      sequence: [
        { table: 'InstallUISequence', action: 'CheckVersion', condition: NOT_INSTALLED, sequence: 1001 },
        { action: 'ComputePath', condition: NOT_INSTALLED, sequence: 1002 },
      ],
    },
  },
  {
    about: 'a dual-purpose x64 package with a Chinese name in code page 936 and the "elevation not required" flag',
    expected: [],
    spec: {
      name: 'dual-zh-cn',
      productName: '康桥报销 3.2',
      manufacturer: 'Contoso Ltd',
      scope: 'dual',
      elevationNotRequired: true,
      platform: 'x64',
      codepage: 936,
    },
  },
  {
    about: 'a per-machine package that claims elevation is not required: Windows will not ask for consent',
    expected: ['per-machine-needs-elevation'],
    spec: { name: 'per-machine-no-uac-prompt', scope: 'perMachine', elevationNotRequired: true },
  },
  {
    about: 'more than 65,535 strings (3-byte string references) and a value of 70,000 characters',
    expected: [],
    spec: { name: 'long-strings', scope: 'perUser', extraProperties: 66_000, longValue: 70_000 },
  },
  {
    about: 'a package with a digital signature stream and a 300 KB cabinet',
    expected: ['per-machine-needs-elevation'],
    spec: { name: 'signed', scope: 'perMachine', signed: true, payloadBytes: 300_000 },
  },
  {
    about: 'every documented custom action type, none sequenced',
    expected: [],
    spec: {
      name: 'all-types',
      scope: 'perUser',
      binaries: ['CaDll'],
      customActions: DOCUMENTED_TYPES.map((t, i) => ({ action: `Type${t.type}_${i}`, ...t })),
    },
  },
];

/** The simulated machine's packages: same identity as the built-in scenarios' recorded facts. */
TEST_PACKAGES.push(
  {
    about: "the 1603-custom-action scenario's package: a deferred DLL action as SYSTEM without rollback",
    expected: ['per-machine-needs-elevation', 'deferred-without-rollback'],
    spec: {
      name: 'contoso-ledger',
      productName: 'Contoso Ledger 4.6',
      manufacturer: 'Contoso Ltd.',
      version: '4.6.2',
      productCode: '{6E2B7F0A-4C1D-4E8B-9F3A-2D7C51B0A946}',
      upgradeCode: '{2F4C8B1D-9A3E-4C7B-8D6F-0E1A2B3C4D5E}',
      scope: 'perMachine',
      platform: 'x64',
      binaries: ['LedgerCa'],
      upgrades: [{ minimum: '1.0.0', maximum: '4.6.2', property: 'WIX_UPGRADE_DETECTED' }],
      customActions: [
        { action: 'CA_SetRegisterLedgerService', type: 51, source: 'CA_RegisterLedgerService', target: '[INSTALLDIR]' },
        { action: 'CA_RegisterLedgerService', type: 3073, source: 'LedgerCa', target: 'RegisterService' },
      ],
      sequence: [
        { action: 'CA_SetRegisterLedgerService', condition: NOT_INSTALLED, sequence: 4049 },
        { action: 'CA_RegisterLedgerService', condition: NOT_INSTALLED, sequence: 4050 },
      ],
    },
  },
  {
    about: "the 2503/2502 scenarios' package: a plain per-machine x64 package",
    expected: ['per-machine-needs-elevation'],
    spec: {
      name: 'contoso-expense',
      productName: 'Contoso Expense Reporter 3.2',
      manufacturer: 'Contoso Ltd.',
      version: '3.2.0',
      productCode: '{0B6F1E6C-58C2-4F0D-A0E4-6C86E0B7D3A1}',
      upgradeCode: '{8C1E2A77-3B0F-4E55-9C6D-1F2E3A4B5C6D}',
      scope: 'perMachine',
      platform: 'x64',
    },
  },
);

export function testPackage(name: string): TestPackage {
  const found = TEST_PACKAGES.find((p) => p.spec.name === name);
  if (!found) throw new Error(`no test package ${name}`);
  return found;
}

/** Builds every test package into `dir` (or only the named ones); returns name -> path. */
export function buildTestPackages(dir: string, names?: string[]): Map<string, string> {
  mkdirSync(dir, { recursive: true });
  const built = new Map<string, string>();
  for (const p of TEST_PACKAGES)
    if (!names || names.includes(p.spec.name)) built.set(p.spec.name, buildTestPackage(p.spec, dir));
  return built;
}

/**
 * The named test package, built once per spec into the system temp folder and reused (the simulated machine's
 * packages). Null when wixl/msitools are absent (or processes cannot be started, as in unit tests).
 */
export function cachedTestPackage(name: string): string | null {
  if (msiToolsSkip()) return null;
  const { spec } = testPackage(name);
  const key = createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'msi-doctor-test-packages');
  const path = join(dir, `${name}-${key}.msi`);
  if (existsSync(path)) return path;
  const work = mkdtempSync(join(tmpdir(), 'msi-doctor-build-'));
  try {
    const built = buildTestPackage(spec, work);
    mkdirSync(dir, { recursive: true });
    renameSync(built, path); // atomic: a concurrent builder of the same spec writes the same bytes
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return path;
}
