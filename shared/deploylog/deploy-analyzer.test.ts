// The deployment-log analyzer on the repo's own fixtures (one per family) and on small inline logs for each rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeAnyBytes } from './any-log-analyzer.ts';
import { logAnalysisSchema, type LogAnalysis } from '../contract/log-analysis.ts';
import type { Deployment } from '../contract/deployment.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

function analyze(bytes: Uint8Array | string, name = 'x.log'): LogAnalysis {
  const { analysis, problem } = analyzeAnyBytes(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, name);
  assert.equal(problem, null);
  return logAnalysisSchema.parse(analysis);
}

function deployments(a: LogAnalysis): Deployment[] {
  return a.deployments ?? [];
}

const rec = (msg: string, component: string, extra = '', time = '10:00:00.000+000', date = '01-02-2026') =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="${date}" component="${component}" context="${extra}" type="1" thread="7" file="">`;

test('ConfigMgr AppEnforce fixture: four enforcements, a record cut by rotation, each outcome by its exit-code line', () => {
  const a = analyze(fixture('configmgr-appenforce.log'), 'AppEnforce.log');
  assert.equal(a.format, 'configmgr');
  const [litware, tailspin, northwind, adatum] = deployments(a);
  assert.equal(deployments(a).length, 4);
  assert.equal(litware!.outcome, 'failure');
  assert.equal(litware!.exitCode, 1603);
  assert.equal(litware!.mapping, 'unmatched');
  assert.equal(litware!.reportedCode, '0x80070643');
  assert.equal(litware!.msiLogPath, 'LitwareAgent-install.log');
  assert.equal(litware!.workingDirectory, 'C:\\WINDOWS\\ccmcache\\9');
  assert.equal(litware!.detectionProductCode, '{AAAA1111-2222-4333-8444-555566667777}');
  assert.equal(litware!.started, '2026-07-02T07:00:01.100+02:00', 'bias -120 is UTC+2');
  assert.deepEqual(litware!.facts, ['unmatched-exit-code']);
  assert.equal(tailspin!.outcome, 'success');
  assert.equal(tailspin!.context, 'user');
  assert.ok(tailspin!.facts.includes('already-installed'));
  assert.equal(northwind!.outcome, 'success');
  assert.equal(northwind!.restart, 'hard');
  assert.equal(northwind!.msiLogPath, 'C:\\Windows\\Temp\\NorthwindSync3.log');
  assert.equal(adatum!.outcome, 'failure');
  assert.equal(adatum!.reportedCode, '0x87D01106');
  // The latest problem is what the log is about.
  assert.equal(a.primaryDeployment, 3);
  assert.equal(a.outcome, 'failure');
});

test('Intune fixture: three 1618 retries then Error = retries exhausted; user-context timeout; hash failure', () => {
  const a = analyze(fixture('intune-appworkload.log'), 'AppWorkload.log');
  assert.equal(a.format, 'intune');
  const list = deployments(a);
  assert.equal(list.length, 5);
  assert.deepEqual(
    list.slice(0, 3).map((d) => d.outcome),
    ['retry', 'retry', 'failure'],
  );
  const last = list[2]!;
  assert.ok(last.facts.includes('retries-exhausted'));
  assert.equal(last.reportedCode, '0x80070652');
  assert.equal(last.application, 'Contoso Capture 9');
  assert.equal(last.started, '2026-06-09T08:10:36.000', 'IME times carry no offset: local time only');
  const viewer = list[3]!;
  assert.equal(viewer.context, 'user');
  assert.equal(viewer.outcome, 'failure');
  assert.ok(viewer.facts.includes('installer-timeout'));
  const paint = list[4]!;
  assert.equal(paint.stage, 'content-hash');
  assert.equal(a.causes[0]?.id, 'content-unavailable');
});

test('PSADT 3 Legacy text fixture: multi-line error record, an installer failure masked by a final exit code 0', () => {
  const a = analyze(fixture('psadt3-legacy-text.log'), 'Tailspin_Toolbox_PSAppDeployToolkit_Install.log');
  assert.equal(a.format, 'psadt');
  const [d] = deployments(a);
  assert.equal(d!.application, 'Tailspin_Toolbox_2.1_EN_01');
  assert.equal(d!.context, 'system');
  assert.equal(d!.outcome, 'failure');
  assert.equal(d!.exitCode, 1603);
  assert.ok(d!.facts.includes('installer-failure-masked'));
  assert.ok(d!.facts.includes('script-error'));
  assert.equal(d!.msiLogPath, 'C:\\Windows\\Logs\\Software\\TailspinToolbox_2.1_Install.log');
  assert.match(
    d!.commandLine ?? '',
    /TailspinToolbox\.msi/,
    'the failing execution is the one reported, not the vcredist',
  );
});

test('ConfigMgr execmgr: FailureRetry is a retry; admin context is SYSTEM', () => {
  const log = [
    rec(
      'Execution Request for advert XYZ20001 package XYZ00042 program Install Widget state change from WaitingContent to Ready',
      'execmgr',
    ),
    rec('Executing program msiexec /i widget.msi /qn in Admin context', 'execmgr'),
    rec('Program exit code 1618', 'execmgr'),
    rec(
      'Execution is complete for program Install Widget. The exit code is 1618, the execution status is FailureRetry',
      'execmgr',
    ),
  ].join('\n');
  const [d] = deployments(analyze(log));
  assert.equal(d!.application, 'Install Widget');
  assert.equal(d!.context, 'system');
  assert.equal(d!.outcome, 'retry');
  assert.equal(d!.exitCode, 1618);
});

test('ConfigMgr content: a hash mismatch is the content-hash stage', () => {
  const id = 'Content_01234567-89ab-4cde-8f01-23456789abcd.2';
  const log = [
    rec(`Requesting content ${id}, size(KB) 100, under context System with priority Low`, 'ContentAccess'),
    rec(`Hash verification failed for content ${id}`, 'ContentAccess'),
    rec(`Download failed for content ${id} under context System, error 0x80091007`, 'ContentAccess'),
  ].join('\n');
  const [d] = deployments(analyze(log));
  assert.equal(d!.outcome, 'failure');
  assert.equal(d!.stage, 'content-hash');
  assert.equal(d!.reportedCode, '0x80091007');
});

test('exit code without a mapping line: the tool default table decides (ConfigMgr 3010 soft reboot)', () => {
  const log = [
    rec(
      '+++ Starting Install enforcement for App DT "W" ApplicationDeliveryType - ScopeId_A/DeploymentType_B, Revision - 1, ContentPath - C:\\WINDOWS\\ccmcache\\1, Execution Context - System',
      'AppEnforce',
    ),
    rec(
      '    Executing Command line: "C:\\WINDOWS\\system32\\msiexec.exe" /i w.msi /qn with system context',
      'AppEnforce',
    ),
    rec('    Process 1 terminated with exitcode: 3010', 'AppEnforce'),
    rec(
      '++++++ App enforcement completed (1 seconds) for App DT "W" [ScopeId_A/DeploymentType_B], Revision: 1, User SID: ] ++++++',
      'AppEnforce',
    ),
  ].join('\n');
  const [d] = deployments(analyze(log));
  assert.equal(d!.mapping, 'default');
  assert.equal(d!.outcome, 'success');
  assert.equal(d!.restart, 'soft');
});

test('PSADT 4.1 text style (ISO time with offset) and 4.0 style; 1602 after a deferral is a retry', () => {
  const v41 = [
    '[2026-05-01T09:00:00.0000000+08:00] [Initialization] [Open-ADTSession] [Info] :: [Litware_Maps_3_EN_01] install started.',
    '[2026-05-01T09:00:05.0000000+08:00] [Pre-Install] [Show-ADTInstallationWelcome] [Info] :: Installation deferred by the user.',
    '[2026-05-01T09:00:06.0000000+08:00] [Finalization] [Close-ADTSession] [Warning] :: [Litware_Maps_3_EN_01] install completed in [6.1] seconds with exit code [1602].',
  ].join('\n');
  const [d] = deployments(analyze(v41));
  assert.equal(d!.outcome, 'retry');
  assert.equal(d!.exitMeaning, 'deferred');
  assert.equal(d!.started, '2026-05-01T09:00:00.000+08:00');
  const v40 = [
    '[2025-08-02 17:43:39.370] [Install] [Start-ADTMsiProcess] [Info] :: Executing MSI action [Install]...',
    '[2025-08-02 17:43:40.000] [Install] [Start-ADTProcess] [Info] :: Executing ["C:\\Windows\\system32\\msiexec.exe" /i "a.msi" /qn /log "C:\\Windows\\Logs\\Software\\a.log"]...',
    '[2025-08-02 17:44:00.000] [Install] [Start-ADTProcess] [Error] :: Execution failed with exit code [1603]: Fatal error during installation.',
  ].join('\n');
  const [e] = deployments(analyze(v40));
  assert.equal(e!.outcome, 'failure', 'no final line (an excerpt): the failed execution decides');
  assert.equal(e!.msiLogPath, 'C:\\Windows\\Logs\\Software\\a.log');
  assert.equal(e!.started, '2025-08-02T17:43:39.370');
});

test('CMTrace viewer copy (TAB-separated) is read like the log itself', () => {
  const copy = [
    '+++ Starting Install enforcement for App DT "Copy Test" ApplicationDeliveryType - ScopeId_A/DeploymentType_C, Revision - 1, ContentPath - C:\\WINDOWS\\ccmcache\\2, Execution Context - System\tAppEnforce\t09/10/2025 08:47:19\t4412 (0x113C)',
    '    Executing Command line: "C:\\WINDOWS\\system32\\msiexec.exe" /i c.msi /qn with system context\tAppEnforce\t09/10/2025 08:47:20\t4412 (0x113C)',
    '    Process 9 terminated with exitcode: 1603\tAppEnforce\t09/10/2025 08:48:00\t4412 (0x113C)',
    '    Unmatched exit code (1603) is considered an execution failure.\tAppEnforce\t09/10/2025 08:48:00\t4412 (0x113C)',
  ].join('\r\n');
  const a = analyze(copy);
  const [d] = deployments(a);
  assert.equal(a.format, 'configmgr');
  assert.equal(d!.application, 'Copy Test');
  assert.equal(d!.outcome, 'failure');
  assert.equal(d!.started, null, 'the viewer locale decides the date order: not guessed');
});

test('an MSI log still goes to the MSI analyzer; a CMTrace log of another program is refused in words', () => {
  const msi = analyze(
    '=== Verbose logging started: 1/2/2026  10:00:00  Build type: SHIP UNICODE 5.00.10011.00 ===\nAction start 10:00:00: INSTALL.\nAction ended 10:00:05: INSTALL. Return value 1.\n',
  );
  assert.equal(msi.format, 'msi-verbose');
  assert.equal(msi.deployments, undefined);
  const other = analyzeAnyBytes(Buffer.from(rec('Service started', 'MyAgent') + '\n'), 'agent.log');
  assert.equal(other.problem?.kind, 'not-a-log');
  assert.match(other.problem!.message.en, /not from Configuration Manager, Intune or PSAppDeployToolkit/);
  assert.match(other.problem!.message['zh-CN'], /不是/);
});

test('a record of a later family in the same file keeps its own time convention', () => {
  // PSADT 3 writes +120 without a sign; the same digits from ConfigMgr would be a bias.
  const psadt = rec(
    '[Install] :: Executing [msiexec /i a.msi]...',
    'Execute-Process',
    'NT AUTHORITY\\SYSTEM',
    '07:57:24.486120',
  );
  const [d] = deployments(analyze(psadt));
  assert.equal(d!.started, '2026-01-02T07:57:24.486+02:00');
  assert.equal(d!.context, 'system');
});

test('ConfigMgr AppDiscovery: each detection is read; "detected" is an installed app, "did not detect" no failure', () => {
  const log = [
    rec(
      '    Performing detection of app deployment type Foo 1.0 - Windows Installer (*.msi file)(ScopeId_A/DeploymentType_B, revision 3) for system.',
      'AppDiscovery',
    ),
    rec(
      '+++ MSI application not discovered [MSI Product Code: {11111111-2222-3333-4444-555555555555}, MSI Product version: ]',
      'AppDiscovery',
    ),
    rec(
      '+++ Did not detect app deployment type Foo 1.0 - Windows Installer (*.msi file)(ScopeId_A/DeploymentType_B, revision 3) for system.',
      'AppDiscovery',
    ),
    rec(
      '    Performing detection of app deployment type Bar(ScopeId_A/DeploymentType_C, revision 1) for user.',
      'AppDiscovery',
    ),
    rec('+++ Detected app deployment type Bar(ScopeId_A/DeploymentType_C, revision 1) for user.', 'AppDiscovery'),
  ].join('\n');
  const [foo, bar] = deployments(analyze(log));
  assert.equal(foo!.application, 'Foo 1.0 - Windows Installer (*.msi file)');
  assert.equal(foo!.outcome, 'unknown');
  assert.equal(foo!.detectionProductCode, '{11111111-2222-3333-4444-555555555555}');
  assert.equal(bar!.outcome, 'success');
  assert.equal(bar!.context, 'user');
});

test('ConfigMgr uninstall: still discovered after the uninstaller succeeded is a detection failure (0x87D00325)', () => {
  const log = [
    rec(
      '+++ Starting Uninstall enforcement for App DT "U" ApplicationDeliveryType - ScopeId_A/DeploymentType_U, Revision - 1, ContentPath - C:\\WINDOWS\\ccmcache\\u, Execution Context - System',
      'AppEnforce',
    ),
    rec(
      '    Executing Command line: "C:\\WINDOWS\\system32\\msiexec.exe" /x {11111111-2222-3333-4444-555555555555} /qn with system context',
      'AppEnforce',
    ),
    rec('    Process 3 terminated with exitcode: 0', 'AppEnforce'),
    rec('    Matched exit code 0 to a Success entry in exit codes table.', 'AppEnforce'),
    rec(
      '+++ MSI application discovered [MSI Product Code: {11111111-2222-3333-4444-555555555555}, MSI Product version: 1.0]',
      'AppEnforce',
    ),
    rec(
      '++++++ App enforcement completed (3 seconds) for App DT "U" [ScopeId_A/DeploymentType_U], Revision: 1, User SID: ] ++++++',
      'AppEnforce',
    ),
  ].join('\n');
  const [d] = deployments(analyze(log));
  assert.equal(d!.deploymentType, 'uninstall');
  assert.equal(d!.outcome, 'failure');
  assert.equal(d!.stage, 'detection');
  assert.equal(d!.reportedCode, '0x87D00325');
});
