// Following the chain to the MSI log and the findings it gives: one joined finding with the custom action's output,
// where a missing MSI log should be (or the /l*v to add), detection and content failures with no MSI repairs,
// SYSTEM-only pitfalls, and every sentence complete in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeAnyBytes } from './any-log-analyzer.ts';
import { linkDeployments, msiFailure } from './chain.ts';
import type { LogAnalysis } from '../contract/log-analysis.ts';
import type { Finding } from '../contract/finding.ts';
import { diagnose } from '../diagnosis/diagnose.ts';
import { parseSymptom } from '../diagnosis/symptom.ts';
import { translate } from '../knowledge/texts.ts';
import { localTime } from '../knowledge/local-time.ts';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)));
const analyze = (bytes: Uint8Array | string, file: string): LogAnalysis =>
  analyzeAnyBytes(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, file).analysis;
/** The repo's failed verbose MSI log (deferred custom action), as if read from `file`. */
const failedMsiLog = (file: string) => analyze(read('../msilog/fixtures/verbose-deferred-ca.log.txt'), file);

const rec = (msg: string, component = 'AppEnforce', time = '10:42:00.000+000') =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="03-04-2026" component="${component}" context="" type="1" thread="9" file="x.cpp:1">`;

function enforcement(command: string, exit: number, extra: string[] = []): string {
  return [
    rec(
      '+++ Starting Install enforcement for App DT "Contoso Agent" ApplicationDeliveryType - ScopeId_A/DeploymentType_B, Revision - 1, ContentPath - C:\\WINDOWS\\ccmcache\\7, Execution Context - System',
    ),
    rec(`    Executing Command line: ${command} with system context`),
    rec(`    Process 42 terminated with exitcode: ${exit}`),
    ...extra,
    rec(
      '++++++ App enforcement completed (9 seconds) for App DT "Contoso Agent" [ScopeId_A/DeploymentType_B], Revision: 1, User SID: ] ++++++',
    ),
  ].join('\n');
}

function allText(findings: Finding[], lang: 'en' | 'zh-CN'): string {
  return findings
    .flatMap((f) => [f.title, f.explanation, ...f.reasons, ...f.manualSteps])
    .map((r) => translate(r, lang))
    .join('\n');
}

function assertComplete(findings: Finding[]): void {
  for (const lang of ['en', 'zh-CN'] as const) {
    const text = allText(findings, lang);
    assert.doesNotMatch(text, /\{\w+\}/, `placeholder left (${lang})`);
    assert.doesNotMatch(text, /@[a-z]+\.[a-z]/, `nested key left (${lang})`);
    assert.doesNotMatch(text, /\b(fact|deploy|cause)\.[a-z-]+\.?[a-z]/, `raw key shown (${lang})`);
  }
}

test('the MSI log named on the command line is found by path, by file name (a copy), or given together', () => {
  const deploy = analyze(
    enforcement('msiexec /i a.msi /qn /l*v "C:\\Windows\\Temp\\contoso.log"', 1603),
    'AppEnforce.log',
  );
  const byPath = linkDeployments([deploy, failedMsiLog('C:\\Windows\\Temp\\contoso.log')]);
  assert.equal(byPath[0]!.matchedBy, 'path');
  const byName = linkDeployments([deploy, failedMsiLog('/home/admin/Downloads/contoso.log')]);
  assert.equal(byName[0]!.matchedBy, 'file-name');
  const unnamed = analyze(enforcement('msiexec /i a.msi /qn', 1603), 'AppEnforce.log');
  const together = linkDeployments([unnamed, failedMsiLog('MSI3f2a1.LOG')]);
  assert.equal(together[0]!.matchedBy, 'given-together');
  // A relative path is where the command ran (ccmcache).
  const relative = analyze(enforcement('msiexec /i a.msi /qn /l*v a.log', 1603), 'AppEnforce.log');
  assert.equal(linkDeployments([relative])[0]!.expectedPath, 'C:\\WINDOWS\\ccmcache\\7\\a.log');
});

test('one joined finding: the tool ran X as SYSTEM at T, it returned 1603 because custom action Y failed: its output', () => {
  const deploy = analyze(
    enforcement('msiexec /i a.msi /qn /l*v "C:\\Windows\\Temp\\contoso.log"', 1603),
    'AppEnforce.log',
  );
  const msi = failedMsiLog('C:\\Windows\\Temp\\contoso.log');
  const failure = msiFailure(msi);
  assert.equal(failure.action, 'ConfigureDatabase');
  assert.ok(failure.output && !/^MSI \(/.test(failure.output), `the custom action's own output: ${failure.output}`);
  const findings = diagnose({ symptom: parseSymptom('0x80070643'), evidence: [], logs: [deploy, msi] });
  const top = findings[0]!;
  assert.equal(top.cause, 'custom-action-failed');
  assert.equal(findings.filter((f) => f.cause === 'custom-action-failed').length, 1, 'one finding, not two');
  const first = translate(top.reasons[0]!, 'en');
  assert.match(
    first,
    /^Configuration Manager ran `msiexec \/i a\.msi \/qn \/l\*v "C:\\Windows\\Temp\\contoso\.log"` as SYSTEM at [^;]+; it returned 1603 because custom action ConfigureDatabase failed: "/,
  );
  assert.ok(first.includes(failure.output!.slice(0, 20)));
  assert.ok(first.includes(` at ${localTime('2026-03-04T10:42:00.000Z', 'en')};`), first);
  assert.ok(top.supporting.some((r) => r.kind === 'log' && r.file === 'AppEnforce.log'));
  assert.ok(top.supporting.some((r) => r.kind === 'log' && r.file === msi.file));
  assert.ok(!top.repairs.includes('retry-install-elevated-logged'), 'the log is already there');
  assertComplete(findings);
});

test('MSI log not available: say exactly where it should be; no /l*v on the command: the exact switch to add', () => {
  const named = analyze(
    enforcement('msiexec /i a.msi /qn /l*v "C:\\Windows\\Temp\\contoso.log"', 1603),
    'AppEnforce.log',
  );
  const f1 = diagnose({ symptom: parseSymptom(''), evidence: [], logs: [named] });
  assert.equal(f1[0]!.cause, 'unknown');
  assert.match(allText(f1, 'en'), /should be at C:\\Windows\\Temp\\contoso\.log/);
  const bare = analyze(
    enforcement('"C:\\WINDOWS\\system32\\msiexec.exe" /i "Contoso Agent.msi" /qn', 1603),
    'AppEnforce.log',
  );
  const f2 = diagnose({ symptom: parseSymptom(''), evidence: [], logs: [bare] });
  const text = allText(f2, 'en');
  assert.match(
    text,
    /Add \/l\*v "C:\\Windows\\CCM\\Logs\\Contoso_Agent_install\.log" to the deployment type's command line/,
  );
  assert.match(
    text,
    /Change the command line to: "C:\\WINDOWS\\system32\\msiexec\.exe" \/i "Contoso Agent\.msi" \/qn \/l\*v "C:\\Windows\\CCM\\Logs\\Contoso_Agent_install\.log"/,
  );
  assertComplete([...f1, ...f2]);
});

test('detection failure after a successful install: a detection-rule finding, no MSI repairs, the product codes compared', () => {
  const deploy = analyze(
    enforcement('msiexec /i a.msi /qn /l*v "C:\\Windows\\Temp\\ok.log"', 0, [
      rec('    Matched exit code 0 to a Success entry in exit codes table.'),
      rec(
        '    Performing detection of app deployment type Contoso Agent(ScopeId_A/DeploymentType_B, revision 1) for system.',
      ),
      rec(
        '+++ MSI application not discovered [MSI Product Code: {11111111-2222-3333-4444-555555555555}, MSI Product version: ]',
      ),
    ]),
    'AppEnforce.log',
  );
  const ok = analyze(
    [
      '=== Verbose logging started: 3/4/2026  10:42:01  Build type: SHIP UNICODE 5.00.10011.00 ===',
      'Action start 10:42:01: INSTALL.',
      'MSI (s) (10:20) [10:42:01:100]: Product Code: {99999999-8888-7777-6666-555555555555}',
      'Property(S): ProductCode = {99999999-8888-7777-6666-555555555555}',
      'Property(S): ProductName = Contoso Agent',
      'MSI (s) (10:20) [10:42:05:000]: Windows Installer installed the product. Product Name: Contoso Agent. Product Version: 1.0. Product Language: 1033. Manufacturer: Contoso. Installation success or error status: 0.',
      'Action ended 10:42:05: INSTALL. Return value 1.',
      'MSI (s) (10:20) [10:42:05:100]: MainEngineThread is returning 0',
      '=== Verbose logging stopped: 3/4/2026  10:42:05 ===',
    ].join('\n'),
    'C:\\Windows\\Temp\\ok.log',
  );
  const findings = diagnose({ symptom: parseSymptom('0x87D00324'), evidence: [], logs: [deploy, ok] });
  const top = findings[0]!;
  assert.equal(top.cause, 'detection-rule-mismatch');
  assert.deepEqual(top.repairs, []);
  const text = allText([top], 'en');
  assert.match(text, /not Windows Installer/);
  assert.match(text, /shows the installation itself succeeded/);
  assert.match(
    text,
    /looks for product code \{11111111-2222-3333-4444-555555555555\}.*\{99999999-8888-7777-6666-555555555555\}/,
  );
  for (const f of findings) if (f.kind === 'cause') assert.deepEqual(f.repairs, [], `${f.cause} offers MSI repairs`);
  assertComplete(findings);
});

test("content failures are the distribution point's or the network's: no MSI repairs", () => {
  const id = 'Content_01234567-89ab-4cde-8f01-23456789abcd.1';
  const log = [
    rec(`Requesting content ${id}, size(KB) 1, under context System with priority Low`, 'ContentAccess'),
    rec(
      `CCTMJob::UpdateLocations - Received empty location update for CTM Job {01234567-89ab-4cde-8f01-23456789abce}`,
      'ContentTransferManager',
    ),
    rec(`Download failed for content ${id} under context System, error 0x87d00215`, 'ContentAccess'),
  ].join('\n');
  const findings = diagnose({ symptom: parseSymptom(''), evidence: [], logs: [analyze(log, 'CAS.log')] });
  assert.equal(findings[0]!.cause, 'content-unavailable');
  assert.deepEqual(findings[0]!.repairs, []);
  assert.match(allText(findings, 'en'), /no distribution point offered the content/);
  assertComplete(findings);
});

test('SYSTEM context: a mapped drive, a share and a per-user path on the command line are explained', () => {
  const deploy = analyze(
    enforcement('msiexec /i H:\\packages\\a.msi /qn SOURCE=\\\\fs01\\apps\\contoso CONFIG=%APPDATA%\\c.ini', 1603),
    'AppEnforce.log',
  );
  const findings = diagnose({ symptom: parseSymptom(''), evidence: [], logs: [deploy] });
  const system = findings.find((f) => f.cause === 'system-context-only');
  assert.ok(system, 'a SYSTEM-context finding');
  const text = allText([system], 'en');
  assert.match(text, /H:\\packages\\a\.msi: if that is a mapped network drive, SYSTEM does not have it/);
  assert.match(text, /\\\\fs01\\apps\\contoso: SYSTEM reaches network shares as the computer account/);
  assert.match(text, /%APPDATA%/);
  assert.deepEqual(system.repairs, []);
  assertComplete(findings);
});

test('PSADT mutex timeout: names the blocking installation; the deferral is not a failure', () => {
  const psadt = [
    rec(
      '[Install] :: Checking to see if mutex [Global\\_MSIExecute] is available. Wait up to [10 minute(s)] for the mutex to become available.',
      'Test-ADTMutexAvailability',
    ),
    rec(
      '[Install] :: Mutex [Global\\_MSIExecute] is not available for an exclusive lock because the following MSI installation is in progress ["C:\\WINDOWS\\system32\\msiexec.exe" /i "C:\\x\\Other.msi" /qn].',
      'Test-ADTMutexAvailability',
    ),
    rec(
      '[Install] :: Another MSI installation is already in progress and needs to be completed before proceeding with this installation.',
      'Start-ADTProcess',
    ),
    rec(
      '[Finalization] :: [Contoso_X_1_EN_01] install completed in [600.1] seconds with exit code [60001].',
      'Close-ADTSession',
    ),
  ].join('\n');
  const findings = diagnose({
    symptom: parseSymptom(''),
    evidence: [],
    logs: [analyze(psadt, 'Contoso_PSAppDeployToolkit_Install.log')],
  });
  assert.equal(findings[0]!.cause, 'another-install-in-progress');
  assert.match(allText(findings, 'en'), /held by `"C:\\WINDOWS\\system32\\msiexec\.exe" \/i "C:\\x\\Other\.msi" \/qn`/);
  assertComplete(findings);
});
