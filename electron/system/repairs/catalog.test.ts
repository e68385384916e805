// Tests: each catalog repair's plan (exact argv, elevation, backups, undo, confirmations), params validation, hostile paths, texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPAIR_IDS, type RepairId } from '../../../shared/contract/ids.ts';
import type { CommandSpec } from '../run/command-runner.ts';
import type { TextRef } from '../../../shared/contract/evidence.ts';
import { REPAIR_TEXTS } from '../../../shared/knowledge/texts/repairs.ts';
import { WORD_TEXTS } from '../../../shared/knowledge/texts/words.ts';
import type { TextTable } from '../../../shared/knowledge/local-text.ts';
import { joinWindowsArgv, parseWindowsCommandLine, quotePowerShellLiteral } from '../run/quoting.ts';
import { batchPaths, buildElevatedScript } from '../run/elevated-script.ts';
import { scriptOfSpec } from '../run/powershell.ts';
import { REPAIR_CATALOG } from './catalog.ts';
import { renderCommandLine } from './command-builder.ts';
import { validateRepairParams } from './params.ts';
import { RepairRefusal, recordableData, type BuiltPlan, type UndoContext } from './repair-definition.ts';
import {
  context,
  fullEvidence,
  installLock,
  installerService,
  installedProducts,
  policies,
  tempFolders,
  PROFILE,
  USER_SID,
} from './repair-fixtures.test-support.ts';

const MSI = 'C:\\Users\\zhang.wei\\Downloads\\tool-1.0.msi';
const HOSTILE = [
  'C:\\Users\\张伟\\Downloads\\go1.23 (x64) & more.msi',
  "C:\\Temp\\it's 100% ^fun^ | a&b !bang!.msi",
  'D:\\Łódź\\setup v2 (final)\\Ünïcødé %PATH% setup.msp',
  'C:\\Program Files (x86)\\Vendor\\a  two  spaces.msi',
];

function specs(plan: BuiltPlan) {
  return plan.steps.flatMap((s) => (s.spec ? [s.spec] : []));
}

const SYS = 'C:\\Windows\\System32\\';
/** [program base name, ...args]: the program itself is an absolute System32 path (checked once in the guard tests). */
function argvOf(spec: CommandSpec): string[] {
  assert.ok(spec.file.startsWith(SYS), spec.file);
  return [spec.file.slice(SYS.length), ...spec.args];
}

/** The undo commands the catalog rebuilds for `stepId` from the plan's recorded data (what `undo` would run). */
function undoOf(id: RepairId, plan: BuiltPlan, stepId: string, over: Partial<UndoContext> = {}): CommandSpec[] {
  const actions = REPAIR_CATALOG[id].undo!({
    data: REPAIR_CATALOG[id].dataSchema.parse(plan.data) as Record<string, unknown>,
    user: { sid: USER_SID, profile: PROFILE },
    windowsDir: 'C:\\Windows',
    backupDir: 'C:\\ProgramData\\MSI Doctor\\backups\\j1',
    ...over,
  });
  return actions.filter((a) => a.stepIds.includes(stepId)).flatMap((a) => a.specs);
}

test('the catalog has exactly the 12 repair ids', () => {
  assert.deepEqual(Object.keys(REPAIR_CATALOG).sort(), [...REPAIR_IDS].sort());
  for (const id of REPAIR_IDS) assert.equal(REPAIR_CATALOG[id].id, id);
});

test('retry-install-elevated-logged: msiexec /i "<msi>" /L*v "<log>" /passive /norestart, elevated, log under our folder', () => {
  const plan = REPAIR_CATALOG['retry-install-elevated-logged'].build(context({ msiPath: MSI }));
  assert.equal(plan.steps.length, 1);
  const step = plan.steps[0]!;
  assert.equal(step.step.elevated, true);
  assert.deepEqual(step.okExitCodes, [0, 3010, 1641]);
  assert.equal(step.spec!.file, 'C:\\Windows\\System32\\msiexec.exe');
  assert.deepEqual(step.spec!.args.slice(0, 3), ['/i', MSI, '/L*v']);
  assert.ok(step.spec!.args[3]!.startsWith('C:\\ProgramData\\MSI Doctor\\logs\\install-'));
  assert.deepEqual(step.spec!.args.slice(4), ['/passive', '/norestart']);
  assert.deepEqual(plan.installLog, { stepId: 'run-install', path: step.spec!.args[3] });
  assert.equal(plan.reversible, false);
  const full = REPAIR_CATALOG['retry-install-elevated-logged'].build(context({ msiPath: MSI, uiLevel: 'full' }));
  assert.deepEqual(full.steps[0]!.spec!.args.slice(4), ['/norestart']);
  assert.throws(() => REPAIR_CATALOG['retry-install-elevated-logged'].build(context({})), RepairRefusal);
});

test('hostile .msi paths stay ONE argv item, and the shown command line parses back to the same argv', () => {
  for (const path of HOSTILE) {
    const plan = REPAIR_CATALOG['retry-install-elevated-logged'].build(context({ msiPath: path }));
    const step = plan.steps[0]!;
    assert.equal(step.spec!.args[1], path);
    const argv = parseWindowsCommandLine(step.step.commandLine);
    assert.deepEqual(argv, [step.spec!.file, ...step.spec!.args], step.step.commandLine);
    assert.ok(step.step.commandLine.includes(`"${path}"`), step.step.commandLine);
  }
});

test('hostile .msi paths survive the real elevated batch script: one PowerShell literal that parses back to the argv', () => {
  for (const path of HOSTILE) {
    const plan = REPAIR_CATALOG['retry-install-elevated-logged'].build(context({ msiPath: path }));
    const spec = plan.steps[0]!.spec!;
    const script = buildElevatedScript([spec], batchPaths('C:\\ProgramData\\MSI Doctor\\elev', 'feed01'));
    const literal = quotePowerShellLiteral(joinWindowsArgv(spec.args));
    assert.ok(script.includes(`arguments = ${literal};`), path);
    // Inside a single-quoted literal only '' is special: undo it and CommandLineToArgvW gives back the exact argv.
    assert.deepEqual(parseWindowsCommandLine(literal.slice(1, -1).replace(/''/g, "'")), spec.args);
  }
});

test('hostile paths inside PowerShell repair scripts travel as JSON in one single-quoted literal', () => {
  for (const profile of ["C:\\Users\\o'brien & co", 'C:\\Users\\张伟 (x) $env:windir `n']) {
    const plan = REPAIR_CATALOG['recreate-user-temp'].build(
      context(
        {},
        { 'temp-folders': tempFolders({ userTemp: { exists: false } }) },
        { user: { sid: USER_SID, profile } },
      ),
    );
    const create = plan.steps.find((s) => s.step.id === 'create-folder')!;
    const script = scriptOfSpec(create.spec!)!;
    const line = script.split('\n').find((l) => l.startsWith('$params = ConvertFrom-Json '))!;
    const literal = line.slice('$params = ConvertFrom-Json '.length);
    assert.ok(literal.startsWith("'") && literal.endsWith("'"));
    // PowerShell un-doubles '' inside a single-quoted literal; nothing else is special there.
    const json = JSON.parse(literal.slice(1, -1).replace(/''/g, "'")) as { path: string };
    assert.equal(json.path, `${profile}\\AppData\\Local\\Temp`);
    // The value appears nowhere else in the script: the body only reads $params.path.
    const body = script
      .split('\n')
      .filter((l) => l !== line)
      .join('\n');
    assert.ok(!body.includes(profile), 'path spliced into the script body');
    assert.match(create.step.commandLine, /-EncodedCommand <</);
  }
});

test('restore-windows-temp-acl: icacls /save first, default grants by SID (Users create-only), /restore undo, removals only confirmed', () => {
  const evidence = {
    'temp-folders': tempFolders({
      windowsTemp: {
        overPermissive: [{ sid: 'S-1-1-0', rights: 'FA', flags: 'OICI', type: 'allow', inherited: false }],
      },
    }),
  };
  const plan = REPAIR_CATALOG['restore-windows-temp-acl'].build(context({}, evidence));
  assert.deepEqual(
    plan.steps.map((s) => s.step.id),
    ['backup-acl', 'grant-defaults', 'remove-extra'],
  );
  assert.ok(plan.steps.every((s) => s.step.elevated));
  assert.deepEqual(plan.steps[0]!.spec!.args, [
    'C:\\Windows\\Temp',
    '/save',
    'C:\\ProgramData\\MSI Doctor\\backups\\j1\\windows-temp.acl',
  ]);
  assert.deepEqual(plan.steps[1]!.spec!.args, [
    'C:\\Windows\\Temp',
    '/inheritance:r',
    '/grant:r',
    '*S-1-5-18:(OI)(CI)F',
    '*S-1-5-32-544:(OI)(CI)F',
    '*S-1-5-32-545:(CI)(S,WD,AD,X)',
    '*S-1-3-0:(OI)(CI)(IO)F',
  ]);
  assert.deepEqual(undoOf('restore-windows-temp-acl', plan, 'grant-defaults')[0]!.args, [
    'C:\\Windows',
    '/restore',
    'C:\\ProgramData\\MSI Doctor\\backups\\j1\\windows-temp.acl',
  ]);
  assert.deepEqual(plan.steps[2]!.spec!.args, ['C:\\Windows\\Temp', '/remove:g', '*S-1-1-0']);
  assert.deepEqual(plan.confirmations, ['remove-over-permissive']);
  assert.equal(plan.backups.length, 1);
  assert.equal(plan.reversible, true);
  // The user may keep the extra entry: an empty removeSids list means no removal step and no confirmation.
  const keep = REPAIR_CATALOG['restore-windows-temp-acl'].build(context({ removeSids: [] }, evidence));
  assert.deepEqual(
    keep.steps.map((s) => s.step.id),
    ['backup-acl', 'grant-defaults'],
  );
  assert.deepEqual(keep.confirmations, []);
  // SYSTEM / Administrators are never removed.
  assert.throws(
    () => REPAIR_CATALOG['restore-windows-temp-acl'].build(context({ removeSids: ['S-1-5-18'] }, evidence)),
    RepairRefusal,
  );
});

test('recreate-user-temp: unelevated, reg export first, previous values restored by undo, folder removed on undo only if it was missing', () => {
  const evidence = {
    'temp-folders': tempFolders({
      userTemp: {
        registryValue: 'D:\\gone\\Temp',
        value: 'D:\\gone\\Temp',
        exists: false,
        isDirectory: false,
        writable: null,
      },
      userTmp: { exists: false, isDirectory: false, writable: null },
    }),
  };
  const plan = REPAIR_CATALOG['recreate-user-temp'].build(context({}, evidence));
  assert.deepEqual(
    plan.steps.map((s) => s.step.id),
    ['backup-environment', 'create-folder', 'reset-temp', 'broadcast-environment'],
  );
  assert.ok(plan.steps.every((s) => !s.step.elevated));
  assert.deepEqual(plan.steps[0]!.spec!.args, [
    'export',
    'HKCU\\Environment',
    'C:\\ProgramData\\MSI Doctor\\backups\\j1\\environment.reg',
    '/y',
  ]);
  assert.deepEqual(plan.steps[2]!.spec!.args, [
    'add',
    'HKCU\\Environment',
    '/v',
    'TEMP',
    '/t',
    'REG_EXPAND_SZ',
    '/d',
    '%USERPROFILE%\\AppData\\Local\\Temp',
    '/f',
  ]);
  assert.deepEqual(undoOf('recreate-user-temp', plan, 'reset-temp')[0]!.args, [
    'add',
    'HKCU\\Environment',
    '/v',
    'TEMP',
    '/t',
    'REG_EXPAND_SZ',
    '/d',
    'D:\\gone\\Temp',
    '/f',
  ]);
  // TMP already pointed at the (missing) default folder: it was missing, so undo removes the folder if still empty.
  assert.equal(undoOf('recreate-user-temp', plan, 'create-folder').length, 1);
  const existing = REPAIR_CATALOG['recreate-user-temp'].build(
    context({}, { 'temp-folders': tempFolders({ userTemp: { registryValue: null } }) }),
  );
  assert.equal(undoOf('recreate-user-temp', existing, 'create-folder').length, 0);
  assert.equal(undoOf('recreate-user-temp', existing, 'reset-temp')[0]!.args[1], 'HKCU\\Environment');
  assert.deepEqual(undoOf('recreate-user-temp', existing, 'reset-temp')[0]!.args.slice(0, 4), [
    'delete',
    'HKCU\\Environment',
    '/v',
    'TEMP',
  ]);
});

test('recreate-user-temp (issue 15 #5): after reg add, the change is broadcast (WM_SETTINGCHANGE), in the plan and in undo', () => {
  const broken = {
    registryValue: 'D:\\gone\\Temp',
    value: 'D:\\gone\\Temp',
    exists: false,
    isDirectory: false,
    writable: null,
  };
  const plan = REPAIR_CATALOG['recreate-user-temp'].build(
    context({}, { 'temp-folders': tempFolders({ userTemp: broken, userTmp: broken }) }),
  );
  const ids = plan.steps.map((s) => s.step.id);
  assert.ok(ids.indexOf('broadcast-environment') > ids.lastIndexOf('reset-tmp'), ids.join(', '));
  const broadcast = plan.steps.find((s) => s.step.id === 'broadcast-environment')!;
  assert.equal(broadcast.step.elevated, false, "as the user: it is the user's Explorer that must hear it");
  assert.match(scriptOfSpec(broadcast.spec!)!, /Send-MdEnvironmentChange/);
  assert.match(scriptOfSpec(broadcast.spec!)!, /SetEnvironmentVariable\('MSIDOCTOR_REFRESH', '1', 'User'\)/);
  // Undo writes the old value back and broadcasts again.
  const undo = undoOf('recreate-user-temp', plan, 'reset-temp');
  assert.equal(undo.length, 2);
  assert.match(scriptOfSpec(undo[1]!)!, /Send-MdEnvironmentChange/);
  // Nothing in the registry changes (only the folder is recreated): nothing to broadcast.
  const folderOnly = REPAIR_CATALOG['recreate-user-temp'].build(
    context({}, { 'temp-folders': tempFolders({ userTemp: { exists: false, isDirectory: false, writable: null } }) }),
  );
  assert.ok(!folderOnly.steps.some((s) => s.step.id === 'broadcast-environment'));
});

test('recreate-user-temp (issue 15 #4): TEMP in 8.3 form (C:\\Users\\JOHNSM~1\\...) is still the default folder', () => {
  const profile = 'C:\\Users\\John Smith';
  const short = 'C:\\Users\\JOHNSM~1\\AppData\\Local\\Temp';
  const over = { user: { sid: USER_SID, profile } };
  // Not writable: the user's own entry is given back (the branch the long-path comparison never reached).
  const locked = {
    value: short,
    registryValue: '%USERPROFILE%\\AppData\\Local\\Temp',
    exists: true,
    isDirectory: true,
    writable: false,
  };
  const plan = REPAIR_CATALOG['recreate-user-temp'].build(
    context({}, { 'temp-folders': tempFolders({ userTemp: locked, userTmp: locked }) }, over),
  );
  assert.deepEqual(
    plan.steps.map((s) => s.step.id),
    ['backup-environment', 'backup-acl', 'create-folder', 'grant-user'],
  );
  assert.deepEqual(plan.steps.at(-1)!.spec!.args, [
    `${profile}\\AppData\\Local\\Temp`,
    '/grant',
    `*${USER_SID}:(OI)(CI)F`,
  ]);
  // Only the probe's long-path resolution ties a literal 8.3 value to the profile.
  const literal = { ...locked, registryValue: short, longValue: `${profile}\\AppData\\Local\\Temp` };
  const viaLong = REPAIR_CATALOG['recreate-user-temp'].build(
    context({}, { 'temp-folders': tempFolders({ userTemp: literal, userTmp: literal }) }, over),
  );
  assert.ok(viaLong.steps.some((s) => s.step.id === 'grant-user'));
  // TEMP is a file, not a folder: refused, whatever form the path takes.
  const file = { ...locked, isDirectory: false, writable: null };
  assert.throws(
    () =>
      REPAIR_CATALOG['recreate-user-temp'].build(
        context({}, { 'temp-folders': tempFolders({ userTemp: file }) }, over),
      ),
    (e: unknown) => e instanceof RepairRefusal && e.reason.key === 'repair.refusal.user-temp-is-file',
  );
});

test('enable-msiserver: sc config msiserver start= demand, undo to the previous start type', () => {
  const plan = REPAIR_CATALOG['enable-msiserver'].build(
    context({}, { 'installer-service': installerService({ startType: 'disabled' }) }),
  );
  assert.deepEqual(specs(plan).map(argvOf), [
    [
      'reg.exe',
      'export',
      'HKLM\\SYSTEM\\CurrentControlSet\\Services\\msiserver',
      'C:\\ProgramData\\MSI Doctor\\backups\\j1\\msiserver.reg',
      '/y',
    ],
    ['sc.exe', 'config', 'msiserver', 'start=', 'demand'],
  ]);
  assert.deepEqual(undoOf('enable-msiserver', plan, 'set-manual')[0]!.args, [
    'config',
    'msiserver',
    'start=',
    'disabled',
  ]);
  assert.throws(
    () =>
      REPAIR_CATALOG['enable-msiserver'].build(
        context({}, { 'installer-service': installerService({ startType: 'manual' }) }),
      ),
    RepairRefusal,
  );
});

test('repair-msiserver-registration: ImagePath restored after reg export; /regserver only when the service is missing', () => {
  const wrong = REPAIR_CATALOG['repair-msiserver-registration'].build(
    context(
      {},
      {
        'installer-service': installerService({
          startType: 'manual',
          imagePath: 'C:\\x\\msiexec.exe',
          imagePathOk: false,
        }),
      },
    ),
  );
  assert.deepEqual(
    wrong.steps.map((s) => s.step.id),
    ['backup-key', 'set-image-path'],
  );
  assert.deepEqual(wrong.steps[1]!.spec!.args, [
    'add',
    'HKLM\\SYSTEM\\CurrentControlSet\\Services\\msiserver',
    '/v',
    'ImagePath',
    '/t',
    'REG_EXPAND_SZ',
    '/d',
    '%systemroot%\\system32\\msiexec.exe /V',
    '/f',
  ]);
  // A previous ImagePath outside Windows Installer's own program is never written back as administrator.
  assert.equal(wrong.reversible, false);
  assert.throws(() => undoOf('repair-msiserver-registration', wrong, 'set-image-path'), RepairRefusal);
  const wow = REPAIR_CATALOG['repair-msiserver-registration'].build(
    context(
      {},
      {
        'installer-service': installerService({
          startType: 'manual',
          imagePath: 'C:\\WINDOWS\\SysWOW64\\msiexec.exe /V',
          imagePathOk: false,
        }),
      },
    ),
  );
  assert.equal(wow.reversible, true);
  assert.equal(
    undoOf('repair-msiserver-registration', wow, 'set-image-path')[0]!.args[7],
    'C:\\WINDOWS\\SysWOW64\\msiexec.exe /V',
  );
  const missing = REPAIR_CATALOG['repair-msiserver-registration'].build(
    context({}, { 'installer-service': installerService({ registrationMissing: true }) }),
  );
  assert.deepEqual(specs(missing).map(argvOf), [['msiexec.exe', '/regserver']]);
  assert.equal(missing.reversible, false);
});

test('end-stuck-client-install: one client by PID; partial-install-risk, plus active-progress while the lock is active; never the service', () => {
  const plan = REPAIR_CATALOG['end-stuck-client-install'].build(context({}, { 'install-in-progress': installLock() }));
  assert.deepEqual(specs(plan).map(argvOf), [['taskkill.exe', '/PID', '4242', '/F']]);
  assert.deepEqual(plan.confirmations, ['partial-install-risk', 'active-progress']);
  assert.equal(plan.reversible, false);
  const quiet = REPAIR_CATALOG['end-stuck-client-install'].build(
    context({ pid: 4242 }, { 'install-in-progress': installLock({ mutex: 'free', serviceBusy: false }) }),
  );
  assert.deepEqual(quiet.confirmations, ['partial-install-risk']);
  for (const pid of [812, 5150]) {
    assert.throws(
      () =>
        REPAIR_CATALOG['end-stuck-client-install'].build(context({ pid }, { 'install-in-progress': installLock() })),
      (e: unknown) => e instanceof RepairRefusal && e.code === 'forbidden',
    );
  }
  assert.throws(
    () =>
      REPAIR_CATALOG['end-stuck-client-install'].build(
        context({ pid: 9999 }, { 'install-in-progress': installLock() }),
      ),
    RepairRefusal,
  );
  assert.throws(() => REPAIR_CATALOG['end-stuck-client-install'].build(context({ pid: 4242 }, {})), RepairRefusal);
});

test('restart-computer: now (not undoable) or in N minutes (shutdown /a undo)', () => {
  const now = REPAIR_CATALOG['restart-computer'].build(context({}));
  assert.deepEqual(specs(now)[0]!.args, ['/r', '/t', '0']);
  assert.equal(now.reversible, false);
  const later = REPAIR_CATALOG['restart-computer'].build(context({ restartInMinutes: 15 }));
  assert.deepEqual(specs(later)[0]!.args, ['/r', '/t', '900']);
  assert.deepEqual(undoOf('restart-computer', later, 'restart-later')[0]!.args, ['/a']);
  assert.equal(later.reversible, true);
});

test('restart-computer: a one-time resume of the app for this user (HKCU RunOnce) before the restart, only from a valid absolute app path; cancelling removes it', () => {
  const app = 'C:\\Program Files\\MSI Doctor\\MSI Doctor.exe';
  const later = REPAIR_CATALOG['restart-computer'].build(context({ restartInMinutes: 10 }, {}, { appPath: app }));
  const [register, restart] = specs(later);
  assert.equal(register!.file, 'C:\\Windows\\System32\\reg.exe');
  assert.deepEqual(register!.args, [
    'add',
    'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
    '/v',
    'MSI Doctor resume',
    '/t',
    'REG_SZ',
    '/d',
    `"${app}" --resume-after-restart`,
    '/f',
  ]);
  assert.equal(later.steps[0]!.step.elevated, false, 'per user: no administrator prompt');
  assert.deepEqual(restart!.args, ['/r', '/t', '600']);
  const undo = undoOf('restart-computer', later, 'restart-later');
  assert.deepEqual(
    undo.map((u) => [u.file, ...u.args]),
    [
      ['C:\\Windows\\System32\\shutdown.exe', '/a'],
      [
        'C:\\Windows\\System32\\reg.exe',
        'delete',
        'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
        '/v',
        'MSI Doctor resume',
        '/f',
      ],
    ],
  );
  // Anything that is not a plain absolute .exe path (a quote, a relative or UNC path, a variable) registers nothing.
  for (const bad of [
    'MSI Doctor.exe',
    '\\\\server\\share\\a.exe',
    'C:\\a" & calc.exe',
    'C:\\%TEMP%\\a.exe',
    'C:\\a.cmd',
    'C:\\a\nb.exe',
    null,
  ]) {
    const plan = REPAIR_CATALOG['restart-computer'].build(context({}, {}, { appPath: bad }));
    assert.deepEqual(
      plan.steps.map((s) => s.step.id),
      ['restart-now'],
      String(bad),
    );
  }
});

test('installer logging: enable records the previous value; disable restores exactly what enable found', () => {
  const absent = REPAIR_CATALOG['enable-installer-logging'].build(
    context({}, { policies: policies({ logging: null }) }),
  );
  assert.deepEqual(absent.steps[1]!.spec!.args.slice(-4), ['REG_SZ', '/d', 'voicewarmupx', '/f']);
  assert.deepEqual(undoOf('enable-installer-logging', absent, 'set-logging')[0]!.args, [
    'delete',
    'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer',
    '/v',
    'Logging',
    '/f',
  ]);
  assert.equal(absent.data.previousLogging, null);
  const had = REPAIR_CATALOG['enable-installer-logging'].build(context({}, { policies: policies({ logging: 'iwe' }) }));
  assert.equal(undoOf('enable-installer-logging', had, 'set-logging')[0]!.args[7], 'iwe');
  const journals = (data: Record<string, unknown>) => ({ latestFinished: () => ({ journalId: 'j0', data }) });
  const back = REPAIR_CATALOG['disable-installer-logging'].build(
    context(
      {},
      { policies: policies({ logging: 'voicewarmupx' }) },
      { journals: journals({ previousLogging: 'iwe' }) },
    ),
  );
  assert.deepEqual(back.steps[0]!.spec!.args.slice(0, 4), [
    'add',
    'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer',
    '/v',
    'Logging',
  ]);
  assert.equal(back.steps[0]!.spec!.args[7], 'iwe');
  const gone = REPAIR_CATALOG['disable-installer-logging'].build(
    context({}, { policies: policies({ logging: 'voicewarmupx' }) }, { journals: journals({ previousLogging: null }) }),
  );
  assert.equal(gone.steps[0]!.spec!.args[0], 'delete');
  assert.throws(
    () => REPAIR_CATALOG['disable-installer-logging'].build(context({}, { policies: policies({ logging: null }) })),
    RepairRefusal,
  );
});

test('remove-always-install-elevated: deletes both values (user hive by SID in the elevated batch), undo writes them back', () => {
  const plan = REPAIR_CATALOG['remove-always-install-elevated'].build(context({}, { policies: policies() }));
  assert.deepEqual(
    specs(plan).map((s) => s.args.slice(0, 2)),
    [
      ['delete', 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer'],
      ['delete', `HKU\\${USER_SID}\\Software\\Policies\\Microsoft\\Windows\\Installer`],
    ],
  );
  assert.deepEqual(undoOf('remove-always-install-elevated', plan, 'delete-machine-value')[0]!.args.slice(-4), [
    'REG_DWORD',
    '/d',
    '1',
    '/f',
  ]);
  // The user's value goes back to the same account only.
  assert.throws(
    () =>
      undoOf('remove-always-install-elevated', plan, 'delete-user-value', {
        user: { sid: 'S-1-5-21-1-2-3-1001', profile: null },
      }),
    RepairRefusal,
  );
});

test('remove-always-install-elevated (issue 15 #1): an Entra ID user (S-1-12-1-…) is addressed by its SID too, never HKCU', () => {
  const entra = 'S-1-12-1-3052331528-1141323512-2585452210-1792373591';
  const plan = REPAIR_CATALOG['remove-always-install-elevated'].build(
    context({}, { policies: policies() }, { user: { sid: entra, profile: 'C:\\Users\\zhangwei' } }),
  );
  assert.deepEqual(specs(plan)[1]!.args.slice(0, 2), [
    'delete',
    `HKU\\${entra}\\Software\\Policies\\Microsoft\\Windows\\Installer`,
  ]);
});

test('uninstall-other-version: msiexec /x {ProductCode} with our log, explicit confirmation, not reversible', () => {
  const plan = REPAIR_CATALOG['uninstall-other-version'].build(
    context({}, { 'installed-products': installedProducts() }),
  );
  const s = specs(plan)[0]!;
  assert.deepEqual(s.args.slice(0, 3), ['/x', '{11111111-2222-3333-4444-555555555555}', '/L*v']);
  assert.deepEqual(plan.confirmations, ['uninstall-product']);
  assert.equal(plan.reversible, false);
  assert.throws(
    () =>
      REPAIR_CATALOG['uninstall-other-version'].build(
        context(
          { productCode: '{99999999-2222-3333-4444-555555555555}' },
          { 'installed-products': installedProducts() },
        ),
      ),
    RepairRefusal,
  );
});

test('wait-for-installer: a wait step (no command), then the user install when an .msi is known', () => {
  const bare = REPAIR_CATALOG['wait-for-installer'].build(context({}));
  assert.deepEqual(
    bare.steps.map((s) => [s.step.kind, s.spec]),
    [['wait', null]],
  );
  assert.equal(bare.risk, 'none');
  const withMsi = REPAIR_CATALOG['wait-for-installer'].build(context({ msiPath: MSI, waitLimitSeconds: 60 }));
  assert.deepEqual(
    withMsi.steps.map((s) => s.step.kind),
    ['wait', 'run-install'],
  );
  assert.equal(withMsi.steps[0]!.step.description.params.seconds, 60);
});

test('validateRepairParams: schema, then the .msi must exist as a regular .msi/.msp file', async () => {
  const stat = async (p: string) =>
    (p.endsWith('dir.msi') ? 'directory' : p.includes('missing') ? 'missing' : 'file') as
      'file' | 'directory' | 'missing';
  assert.deepEqual(await validateRepairParams({ msiPath: HOSTILE[0] }, stat), { msiPath: HOSTILE[0] });
  for (const bad of [
    { msiPath: 'C:\\a\\setup.exe' },
    { msiPath: 'C:\\a\\missing.msi' },
    { msiPath: 'C:\\a\\dir.msi' },
    { msiPath: 'C:\\a\\b"c.msi' },
    { msiPath: 'C:\\a\\b.msi:stream.msi' },
    { msiPath: 'C:\\a\\b\n.msi' },
    { pid: -1 },
    { unknown: 1 },
    { productCode: 'rm -rf' },
  ]) {
    await assert.rejects(validateRepairParams(bad, stat), RepairRefusal, JSON.stringify(bad));
  }
});

test('every text key a plan emits exists in English and Chinese with the same placeholders', () => {
  const table: TextTable = { ...WORD_TEXTS, ...REPAIR_TEXTS };
  const refs: TextRef[] = [];
  const params: Record<string, object> = {
    'retry-install-elevated-logged': { msiPath: MSI },
    'wait-for-installer': { msiPath: MSI },
    'restart-computer': { restartInMinutes: 5 },
  };
  for (const id of REPAIR_IDS) {
    refs.push({ key: `repair.${id}.title`, params: {} }, { key: `repair.${id}.description`, params: {} });
    const plan = REPAIR_CATALOG[id].build(context(params[id] ?? {}, fullEvidence()));
    refs.push(...plan.steps.map((s) => s.step.description), ...plan.warnings);
    for (const c of plan.confirmations) refs.push({ key: `repair.confirmation.${c}`, params: {} });
  }
  for (const ref of refs) {
    const entry = table[ref.key] ?? table[`${ref.key}_other`]; // a plural family (key_one, key_other)
    assert.ok(entry, `missing text ${ref.key}`);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const name of placeholders(entry.en)) assert.ok(name! in ref.params, `${ref.key} needs param {${name}}`);
  }
  for (const [key, entry] of Object.entries(table)) {
    assert.ok(entry.en.trim() && entry['zh-CN'].trim(), key);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(placeholders(entry['zh-CN']), placeholders(entry.en), `placeholders of ${key}`);
    assert.match(entry['zh-CN'], /[\u4e00-\u9fff]/, `${key} has Chinese text`);
  }
});

test('the shown command line of a plain step is the CommandLineToArgvW form of its argv', () => {
  const plan = REPAIR_CATALOG['enable-msiserver'].build(context({}, { 'installer-service': installerService() }));
  for (const s of plan.steps)
    assert.deepEqual(parseWindowsCommandLine(renderCommandLine(s.spec!)), [s.spec!.file, ...s.spec!.args]);
});

test('a plan whose data the journal cannot record (a 4k-character profile) is refused before it runs, never left without undo', () => {
  const profile = `C:\\Users\\${'p'.repeat(4000)}`;
  const broken = {
    registryValue: 'D:\\gone\\Temp',
    value: 'D:\\gone\\Temp',
    exists: false,
    isDirectory: false,
    writable: null,
  };
  const definition = REPAIR_CATALOG['recreate-user-temp'];
  const built = definition.build(
    context(
      {},
      { 'temp-folders': tempFolders({ userTemp: broken, userTmp: broken }) },
      { user: { sid: USER_SID, profile } },
    ),
  );
  assert.throws(
    () => recordableData(definition, built.data),
    (e: unknown) => e instanceof RepairRefusal && e.reason.key === 'repair.refusal.unrecordable-plan',
  );
  const ordinary = definition.build(
    context({}, { 'temp-folders': tempFolders({ userTemp: broken, userTmp: broken }) }),
  );
  assert.match(String(recordableData(definition, ordinary.data).folder), /AppData\\Local\\Temp$/);
});
