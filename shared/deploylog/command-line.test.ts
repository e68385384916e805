// Command lines (MSI log paths, packages, the /l*v to add), record times in the three offset conventions, and the
// tools' exit-code table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loggingAdvice, msiLogPathOf, msiPackageOf, resolveOnMachine, isMsiexec } from './command-line.ts';
import { recordTime } from './log-time.ts';
import {
  defaultMeaning,
  hexCode,
  hresultOfExitCode,
  toolExitCode,
  TOOL_EXIT_CODES,
} from '../knowledge/deploy-exit-codes.ts';
import type { DeployRecord } from './record-reader.ts';

test('MSI log paths: /l*v, /L*V, /lv, /l*vx, /log, quoted and not; a bare /l only for msiexec', () => {
  assert.equal(msiLogPathOf('msiexec /i a.msi /l*v "C:\\Windows\\Temp\\a b.log" /qn'), 'C:\\Windows\\Temp\\a b.log');
  assert.equal(msiLogPathOf('"C:\\WINDOWS\\system32\\msiexec.exe" /i a.msi /L*V C:\\x.log'), 'C:\\x.log');
  assert.equal(msiLogPathOf('msiexec.exe /i a.msi /lv c.log'), 'c.log');
  assert.equal(msiLogPathOf('msiexec /i a.msi /l*vx+ d.log'), 'd.log');
  assert.equal(msiLogPathOf('msiexec /package a.msi /log "e.log"'), 'e.log');
  assert.equal(msiLogPathOf('msiexec /i a.msi /l f.log'), 'f.log');
  assert.equal(msiLogPathOf('setup.exe /s /v"/qn" /l g.txt'), null, "a wrapper's bare /l is not a log switch");
  assert.equal(msiLogPathOf('setup.exe /s /l*v "h.log"'), 'h.log');
  assert.equal(msiLogPathOf('msiexec /i a.msi /qn'), null);
  assert.equal(msiLogPathOf('msiexec /i a.msi /l*v'), null, 'a switch without a path');
});

test('package names and msiexec detection', () => {
  assert.equal(msiPackageOf('msiexec /i "C:\\cache\\Foo Bar-1.2.msi" /qn'), 'Foo Bar-1.2.msi');
  assert.ok(isMsiexec('"C:\\WINDOWS\\system32\\msiexec.exe" /i a.msi'));
  assert.ok(!isMsiexec('cmd.exe /c install.cmd'));
});

test("where a named log really is: working folder for relative paths, SYSTEM's variables", () => {
  assert.equal(resolveOnMachine('app.log', 'C:\\Windows\\IMECache\\id_1\\'), 'C:\\Windows\\IMECache\\id_1\\app.log');
  assert.equal(resolveOnMachine('%TEMP%\\app.log', null), 'C:\\Windows\\Temp\\app.log');
  assert.equal(resolveOnMachine('%TEMP%\\app.log', null, 'user'), '%TEMP%\\app.log');
  assert.equal(resolveOnMachine('\\\\srv\\logs\\app.log', 'C:\\x'), '\\\\srv\\logs\\app.log');
});

test('the /l*v to add: per tool folder, ready to paste onto an msiexec command', () => {
  const advice = loggingAdvice('configmgr', 'msiexec /i "Contoso App.msi" /qn', 'Contoso');
  assert.equal(advice.path, 'C:\\Windows\\CCM\\Logs\\Contoso_App_install.log');
  assert.equal(
    advice.commandLine,
    'msiexec /i "Contoso App.msi" /qn /l*v "C:\\Windows\\CCM\\Logs\\Contoso_App_install.log"',
  );
  assert.equal(loggingAdvice('intune', 'setup.exe /s', 'My App').commandLine, null);
  assert.match(
    loggingAdvice('intune', 'setup.exe /s', 'My App').path,
    /IntuneManagementExtension\\Logs\\My_App_install\.log$/,
  );
});

const at = (time: string, date: string): DeployRecord => ({
  line: 1,
  shape: 'cmtrace',
  message: '',
  component: '',
  context: '',
  type: 1,
  time,
  date,
  thread: '',
  file: '',
  section: null,
});

test('time offsets: ConfigMgr bias (UTC = local + bias), PSADT minutes east (v3 without "+"), IME none', () => {
  assert.equal(recordTime(at('09:41:07.059+300', '01-14-2026'), 'configmgr'), '2026-01-14T09:41:07.059-05:00');
  assert.equal(recordTime(at('15:12:30.059-60', '11-05-2025'), 'configmgr'), '2025-11-05T15:12:30.059+01:00');
  assert.equal(recordTime(at('09:52:30.118-300', '01-14-2026'), 'psadt'), '2026-01-14T09:52:30.118-05:00');
  assert.equal(recordTime(at('07:57:24.486120', '10-15-2019'), 'psadt'), '2019-10-15T07:57:24.486+02:00');
  assert.equal(recordTime(at('18:22:38.724+600', '6-05-2026'), 'psadt'), '2026-06-05T18:22:38.724+10:00');
  assert.equal(recordTime(at('11:54:37.7047024', '3-24-2026'), 'intune'), '2026-03-24T11:54:37.704');
  assert.equal(recordTime(at('25:00:00.000', '1-1-2026'), 'intune'), null);
  assert.equal(
    recordTime(at('10:00:00.000+9999', '1-1-2026'), 'configmgr'),
    '2026-01-01T10:00:00.000',
    'absurd offset dropped',
  );
});

test('exit-code table: tool defaults, PSADT codes, Windows meaning underneath, console codes', () => {
  assert.equal(defaultMeaning('configmgr', 1618), 'retry');
  assert.equal(defaultMeaning('configmgr', 1603), 'failure');
  assert.equal(defaultMeaning('configmgr', 42), 'failure', 'a code missing from the table fails');
  assert.equal(defaultMeaning('intune', 1707), 'success');
  assert.equal(defaultMeaning('psadt', 60012), 'deferred');
  assert.equal(defaultMeaning('psadt', 60001), 'failure');
  assert.equal(defaultMeaning('psadt', 3010), 'soft-reboot');
  assert.equal(defaultMeaning('psadt', 1603), 'failure');
  assert.equal(hexCode(-2016345060), '0x87D1041C');
  assert.equal(hresultOfExitCode(1603), '0x80070643');
  assert.equal(hresultOfExitCode(3221225794), '0xC0000142');
  assert.ok(toolExitCode('psadt', 60001)!.text['zh-CN'].length > 0);
  for (const entry of TOOL_EXIT_CODES)
    assert.match(entry.text['zh-CN'], /[\u4e00-\u9fff]/, `${entry.tool} ${entry.code}`);
});
