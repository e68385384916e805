// The failures real logs show and the analyzer must understand (fixtures written after real logs): an upgrade whose
// removal of the old version fails, Burn HRESULTs, retries and false conditions, WiX exec custom actions, cabinets and
// sources, 2755 + 1632, 1310 from a per-user unelevated install, authoring errors, files in use; each with its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFixture, analyzeIn, assertReason } from './fixture.test-support.ts';

test('RemoveExistingProducts: the nested install fails first, 1714 with system error 1612 -> source-missing, old product named', () => {
  const a = analyzeFixture('rep-nested-1714.log.txt');
  assert.equal(a.outcome, 'failure');
  assert.equal(a.exitCode, 1603);
  assert.equal(a.failedAction?.name, 'RemoveExistingProducts', "not the nested install's CostInitialize");
  assert.equal(a.primaryError, 1714);
  assert.equal(a.causes[0]?.id, 'source-missing');
  assert.deepEqual(a.oldProduct, {
    name: 'Northwind Notes 5.1',
    productCode: '{0C1D2E3F-4A5B-6C7D-8E9F-A0B1C2D3E4F5}',
  });
  assertReason(a, 21, 'The older version of Northwind Notes 5.1 cannot be removed', 'System Error 1612');
  // The product itself is the new version, not the one being removed.
  assert.equal(a.product.version, '6.0.0');
});

test('RemoveExistingProducts with another system error stays with the catalog (not source-missing)', () => {
  const log = [
    'Action start 9:12:05: RemoveExistingProducts.',
    'Error 1714. The older version of Northwind Notes 5.1 cannot be removed. Contact your technical support group. System Error 1603.',
    'Action ended 9:12:06: RemoveExistingProducts. Return value 3.',
  ].join('\n');
  const a = analyzeIn(Buffer.from(log), 1 << 20);
  assert.equal(a.failedAction?.name, 'RemoveExistingProducts');
  assert.notEqual(a.causes[0]?.id, 'source-missing');
  assert.equal(a.causes[0]?.id, 'other-version-installed');
});

test('Burn: 0x80070652 is 1618 everywhere (exit code and cause); the retry before the failure is counted', () => {
  const a = analyzeFixture('burn-hresult-retry.log.txt');
  assert.equal(a.format, 'burn');
  assert.equal(a.outcome, 'failure');
  assert.equal(a.exitCode, 1618);
  assert.equal(a.causes[0]?.id, 'another-install-in-progress');
  assert.equal(a.burn?.failingPackage, 'AdatumCore');
  const pkg = a.burn?.packages.find((p) => p.id === 'AdatumCore');
  assert.deepEqual([pkg?.exitCode, pkg?.hresult, pkg?.retries], [1618, '0x80070652', 1]);
  assert.equal(pkg?.logPath, 'C:\\Users\\ann\\AppData\\Local\\Temp\\Adatum_Suite_AdatumCore.log');
  assertReason(a, 8, 'Error 0x80070652');
});

test("Burn: 0x80070643 is 1603; the bundle condition that is false is launch-condition-failed, in the author's words", () => {
  const a = analyzeFixture('burn-condition-false.log.txt');
  assert.equal(a.exitCode, 1);
  assert.equal(a.outcome, 'failure');
  assert.equal(a.causes[0]?.id, 'launch-condition-failed');
  assertReason(a, 4, 'Tailspin Studio needs Windows 10 or later.');
  const failed = analyzeIn(
    Buffer.from(
      [
        "[0A2C:1F44][2024-01-01T10:00:00]i301: Applying execute package: Core, action: Install, path: C:\\x.msi, arguments: ''",
        '[0A2C:1F44][2024-01-01T10:00:05]e000: Error 0x80070643: Failed to install MSI package.',
        '[0A2C:1F44][2024-01-01T10:00:05]i319: Applied execute package: Core, result: 0x80070643, restart: None',
        '[0A2C:1F44][2024-01-01T10:00:06]i399: Apply complete, result: 0x80070643, restart: None, ba requested restart:  No',
      ].join('\r\n'),
    ),
    1 << 20,
  );
  assert.deepEqual([failed.exitCode, failed.burn?.packages[0]?.exitCode], [1603, 1603]);
});

test('WiX exec custom actions: the culprit is the custom action that scheduled the command, its output quoted', () => {
  // WixQuietExec64 with a bad command line, two pasted blocks (the end line repeats before the output).
  const twoBlocks = [
    'Action ended 15:09:00: PublishProduct. Return value 1.',
    'Action ended 15:09:14: InstallFinalize. Return value 3.',
    '',
    "MSI (s) (2C:60) [15:09:14:124]: Hello, I'm your 32bit Elevated Non-remapped custom action server.",
    'WixQuietExec64:  Command string must begin with quoted application name.',
    'WixQuietExec64:  Error 0x80070057: invalid command line property value',
    'WixQuietExec64:  Error 0x80070057: Failed in ExecCommon method',
    'CustomAction InstallContosoSvc returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)',
    'Action ended 15:09:14: InstallFinalize. Return value 3.',
  ].join('\n');
  const a = analyzeIn(Buffer.from(twoBlocks), 1 << 20);
  assert.equal(a.failedAction?.name, 'InstallContosoSvc');
  assert.equal(a.failedAction?.sequenceAction, 'InstallFinalize');
  assert.equal(a.causes[0]?.id, 'custom-action-failed');
  assertReason(a, 5, 'Command string must begin with quoted application name.');
  // WixShellExec: the generic closing lines never count as the reason.
  const shell = [
    'Action start 10:00:00: LaunchHelper.',
    'WixShellExec:  Error 0x80070002: ShellExec failed with return code 2',
    'WixShellExec:  Error 0x80070002: failed to launch target',
    'CustomAction LaunchHelper returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)',
    'Action ended 10:00:00: LaunchHelper. Return value 3.',
  ].join('\n');
  const s = analyzeIn(Buffer.from(shell), 1 << 20);
  assert.equal(s.failedAction?.name, 'LaunchHelper');
  assertReason(s, 3, 'failed to launch target');
});

test('cabinet and source errors: by what the line shows (a missing external cabinet is source-missing)', () => {
  const a = analyzeFixture('cabinet-source.log.txt');
  assert.equal(a.primaryError, 1311);
  assert.equal(a.causes[0]?.id, 'source-missing');
  assertReason(a, 7, 'Source file not found(cabinet)');
  // A corrupt cabinet (1335, retried) is the package's problem; a file missing from a cabinet (1334) too.
  for (const [code, text] of [
    [1335, "Error 1335. The cabinet file 'Data1.cab' required for this installation is corrupt and cannot be used."],
    [
      1334,
      "Error 1334. The file 'app.dll' cannot be installed because the file cannot be found in cabinet file 'Data1.cab'.",
    ],
  ] as const) {
    const c = analyzeIn(Buffer.from(`${text}\nAction ended 1:00:00: InstallFiles. Return value 3.\n`), 1 << 20);
    assert.equal(c.primaryError, code);
    assert.equal(c.causes[0]?.id, 'package-invalid', String(code));
  }
  // 2203 on an installed product's cached package: its source is gone.
  const cached = analyzeIn(
    Buffer.from(
      'MSI (s) (E4:90) [09:12:05:310]: Note: 1: 2203 2: C:\\WINDOWS\\Installer\\5d7f3a.msi 3: -2147287038 \n' +
        'Action ended 9:12:06: RemoveExistingProducts. Return value 3.\n',
    ),
    1 << 20,
  );
  assert.equal(cached.causes[0]?.id, 'source-missing');
});

test('1310 writing to a per-machine folder from a per-user, unelevated install is not-elevated', () => {
  const a = analyzeFixture('per-user-unelevated-1310.log.txt');
  assert.equal(a.primaryError, 1310);
  assert.equal(a.failedAction?.name, 'InstallFiles');
  assert.equal(a.causes[0]?.id, 'not-elevated');
  assertReason(a, 9, 'Error writing to file: C:\\Program Files\\Proseware\\bin\\proseware.dll');
  // The same error from an elevated install is a permission problem, not elevation.
  const elevated = analyzeIn(
    Buffer.from(
      'MSI (s) (34:38) [15:40:10:502]: MSI_LUA: Setting MsiRunningElevated property to 1 because the install is already running elevated.\n' +
        'Error 1310. Error writing to file: C:\\Program Files\\Proseware\\bin\\proseware.dll.  System error 5.  Verify that you have access to that directory.\n' +
        'Action ended 15:40:12: InstallFiles. Return value 3.\n',
    ),
    1 << 20,
  );
  assert.equal(elevated.causes[0]?.id, 'insufficient-privileges');
});

test('2235 in PublishFeatures is an authoring error (package-invalid); the same number as a debug note is noise', () => {
  const a = analyzeFixture('authoring-2235.log.txt');
  assert.equal(a.failedAction?.name, 'PublishFeatures');
  assert.equal(a.primaryError, 2235);
  assert.equal(a.causes[0]?.id, 'package-invalid');
  assertReason(a, 6, "Column 'Attributes' not present or ambiguous in table 'Feature'");
  assert.ok(!a.errors.some((e) => e.line === 2), 'the earlier 2235 note is a harmless look-up');
});

test('files in use: the process holding them (name and PID) is the reason', () => {
  const a = analyzeFixture('files-in-use.log.txt');
  assert.equal(a.primaryError, 1306);
  assert.equal(a.causes[0]?.id, 'files-in-use');
  const reason = a.causes[0]?.reason;
  assert.ok(reason && (reason.text.includes('Name: WingtipBar, Id: 9120') || reason.text.includes("'WingtipBar.exe'")));
});

test('the reason: how it failed beats that it failed; banners, empty labels and the wrapper closing lines never count', () => {
  // A .NET error report quoted by CAQuietExec: the innermost message says how it failed; the report's closing banner,
  // the empty "Inner Exception" label and the wrapper's "Command line returned an error" come later but say nothing.
  const report = [
    'Action start 18:58:28: InstallFinalize.',
    'CAQuietExec:  Setup started by user CONTOSO\\admin',
    'CAQuietExec:  ------------START OF ERROR REPORT------------',
    "CAQuietExec:  Error Message    : Error while creating new data store 'Jobs' .",
    "CAQuietExec:  Error Message    : Cannot create file 'D:\\Data\\Jobs.mdf' because it already exists.",
    'CAQuietExec:  Source           : Void Add(Interop.Database)',
    'CAQuietExec:  Inner Exception  : ',
    'CAQuietExec:  --------------END OF ERROR REPORT------------**********************',
    'CAQuietExec:  ******************************************************',
    'CAQuietExec:  Error 0x80070001: Command line returned an error.',
    'CAQuietExec:  Error 0x80070001: CAQuietExec Failed',
    'CustomAction CreateJobsStore returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)',
    'Action ended 18:58:30: InstallFinalize. Return value 3.',
  ].join('\n');
  assertReason(analyzeIn(Buffer.from(report), 1 << 20), 5, 'Cannot create file', 'already exists');
  // "System error 5 has occurred." then "Access is denied.": the second says how (and is a known signal line too).
  const netStart = [
    'Action start 4:42:03: StartContosoSvc.',
    'WixQuietExec:  "NET" START "ContosoSvc"',
    'WixQuietExec:  System error 5 has occurred.',
    'WixQuietExec:  ',
    'WixQuietExec:  Access is denied.',
    'WixQuietExec:  Error 0x80070002: Command line returned an error.',
    'CustomAction StartContosoSvc returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)',
    'Action ended 4:42:03: StartContosoSvc. Return value 3.',
  ].join('\n');
  assertReason(analyzeIn(Buffer.from(netStart), 1 << 20), 5, 'Access is denied.');
});

test('the reason when the culprit said nothing: the custom action result line; a launch condition: its message', () => {
  const silent = [
    'MSI (s) (D0:A0) [21:24:36:743]: Executing op: ActionStart(Name=FailWhenDeferred,,)',
    'MSI (s) (D0:A0) [21:24:36:744]: Executing op: CustomActionSchedule(Action=FailWhenDeferred,ActionType=1025,Source=BinaryData,Target=FailWhenDeferred,)',
    'MSI (s) (D0:9C) [21:24:36:747]: Invoking remote custom action. DLL: C:\\WINDOWS\\Installer\\MSI5291.tmp, Entrypoint: FailWhenDeferred',
    'CustomAction FailWhenDeferred returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)',
    'Action ended 21:24:37: InstallFinalize. Return value 3.',
    'MSI (s) (D0:A0) [21:24:37:300]: Product: Contoso Tools -- Installation failed.',
    'MSI (s) (D0:A0) [21:24:37:301]: Windows Installer installed the product. Product Name: Contoso Tools. Product Version: 1.0.0. Product Language: 1033. Manufacturer: Contoso. Installation success or error status: 1603.',
  ].join('\n');
  const a = analyzeIn(Buffer.from(silent), 1 << 20);
  assert.equal(a.causes[0]?.id, 'custom-action-failed');
  assertReason(a, 4, 'CustomAction FailWhenDeferred returned actual error code 1603');
  // The condition's message shown inside LaunchConditions stays the reason, though more messages follow it.
  const condition = [
    'Action start 14:07:26: LaunchConditions.',
    'MSI (c) (E8:DC) [14:07:27:808]: Product: Contoso Tools -- Sorry, you are not allowed to install the product.',
    '',
    'Action ended 14:07:27: LaunchConditions. Return value 3.',
    'Action ended 14:07:27: INSTALL. Return value 3.',
    'MSI (c) (E8:DC) [14:07:27:900]: Product: Contoso Tools -- Installation operation failed.',
    'MSI (c) (E8:DC) [14:07:27:901]: Windows Installer installed the product. Product Name: Contoso Tools. Product Version: 1.0.0. Product Language: 1033. Manufacturer: Contoso. Installation success or error status: 1603.',
  ].join('\n');
  const c = analyzeIn(Buffer.from(condition), 1 << 20);
  assert.equal(c.causes[0]?.id, 'launch-condition-failed');
  assertReason(c, 2, 'Sorry, you are not allowed to install the product.');
});
