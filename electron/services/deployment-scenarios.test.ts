// The four company-deployment machines, scanned end to end (probes -> deployment logs -> MSI logs -> diagnosis):
// each finding names the deployment, then the MSI cause (or why it is not an MSI problem).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSystem, systemScanOptions } from './system-factory.ts';
import { runScan } from './scan-service.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { localTime } from '../../shared/knowledge/local-time.ts';
import { translate } from '../../shared/knowledge/texts.ts';
import { probeData } from '../../shared/contract/evidence.ts';
import type { Finding } from '../../shared/contract/finding.ts';

async function scan(name: string, symptom: string) {
  const system = createSystem({ simulate: name });
  const result = await runScan(
    { symptom },
    {
      ...(await systemScanOptions(system)),
      parseSymptom,
      diagnose: (input) => diagnose(input),
    },
  );
  return result;
}

const words = (f: Finding, lang: 'en' | 'zh-CN' = 'en') =>
  [...f.reasons, ...f.manualSteps].map((r) => translate(r, lang)).join('\n');

test('ConfigMgr 1603: the deployment type, then the custom action and its own output from the MSI log', async () => {
  const result = await scan('configmgr-1603-custom-action', '0x80070643');
  const top = result.findings[0]!;
  assert.equal(top.cause, 'custom-action-failed');
  assert.match(
    translate(top.reasons[0]!, 'en'),
    /^Configuration Manager ran `"C:\\WINDOWS\\system32\\msiexec\.exe" \/i "ContosoLedger-4\.6\.2-x64\.msi" .*` as SYSTEM at [^;]+; it returned 1603 because custom action CA_RegisterLedgerService failed: "RegisterService: CreateService LedgerSvc failed: 0x80070431/,
  );
  assert.match(translate(top.reasons[0]!, 'zh-CN'), /因为自定义操作 CA_RegisterLedgerService 失败了/);
  // The log's time (09:11 at UTC+8) as a local readable time of the reader, in each language.
  for (const lang of ['en', 'zh-CN'] as const)
    assert.ok(translate(top.reasons[0]!, lang).includes(localTime('2026-11-18T09:11:58.402+08:00', lang)), lang);
  assert.match(
    words(top),
    /Tell your IT administrator: "Contoso Ledger 4\.6 - Windows Installer \(\*\.msi file\)" \(Configuration Manager\)/,
  );
  assert.ok(
    result.logs.some((l) => l.file === 'C:\\Windows\\Temp\\ContosoLedger-4.6.2_install.log'),
    'the MSI log was followed',
  );
  const data = probeData(result.evidence, 'deployment-logs')!;
  const current = data.logs.find((l) => l.path === 'C:\\Windows\\CCM\\Logs\\AppEnforce.log')!;
  assert.equal(current.failures?.[0]?.exitCode, 1603);
  const rotated = data.logs.find((l) => l.rotated)!;
  assert.deepEqual(rotated.failures, [], 'the rotated part was read; its old success is not a failure');
});

test('Intune 1618: three retries then failed; the MSI log and the machine name what held the lock', async () => {
  const result = await scan('intune-1618-retried-then-failed', '0x80070652');
  const top = result.findings[0]!;
  assert.equal(top.cause, 'another-install-in-progress');
  const text = words(top);
  assert.match(
    text,
    /^Intune ran `msiexec \/i "AdatumCapture-8\.4\.2\.msi" .*` as SYSTEM at [^;]+; it returned 1618\. Its MSI log AdatumCapture_install\.log says why: Another installation is running\./m,
  );
  assert.match(text, /Intune tried "Adatum Capture 8\.4" 3 times; each attempt returned 1618/);
  assert.match(text, /LegacyScanAgent\.msi/);
  assert.ok(!top.repairs.includes('end-stuck-client-install'), 'a company install is waited for, never ended');
});

test('PSADT mutex timeout: the toolkit session, the install that held the lock, still running', async () => {
  const result = await scan('psadt-mutex-timeout', '');
  const top = result.findings[0]!;
  assert.equal(top.cause, 'another-install-in-progress');
  const text = words(top);
  assert.match(
    text,
    /PSAppDeployToolkit waited for the Windows Installer lock, held by `"C:\\WINDOWS\\system32\\msiexec\.exe" \/i "C:\\WINDOWS\\ccmcache\\12\\LegacyScanAgent\.msi" \/qn`, then gave up with exit code 60001/,
  );
  assert.match(text, /"Fabrikam_Designer_12\.1_x64_EN_01" \(PSAppDeployToolkit\)/);
  assert.match(words(top, 'zh-CN'), /PSAppDeployToolkit 等待 Windows Installer 锁/);
});

test('detection failure after a successful install: the rule, not Windows Installer; no MSI repairs anywhere', async () => {
  const result = await scan('configmgr-detection-after-success', '0x87D00324');
  const top = result.findings[0]!;
  assert.equal(top.cause, 'detection-rule-mismatch');
  const text = words(top);
  assert.match(text, /did not find "Tailspin Time Clock 2\.4 - Windows Installer \(\*\.msi file\)"/);
  assert.match(text, /Its MSI log TailspinTimeClock-2\.4\.msi\.log shows the installation itself succeeded/);
  assert.match(
    text,
    /looks for product code \{3F1A9C20-5B7D-4E8F-A123-456789ABCDEF\}, but the MSI log shows the package installed product code \{8C2D4E6F-1A3B-4C5D-9E7F-0A1B2C3D4E5F\}/,
  );
  for (const f of result.findings) assert.deepEqual(f.repairs, [], `${f.cause} must not offer a repair`);
});
