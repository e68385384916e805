// Numbers out of range: exit codes, HRESULTs and PIDs beyond 32 bits (or 2^53) become null with their text kept, so the
// analysis, and the saved scan that embeds it, always satisfy their schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeFromDigits, parseCode, pidFromHex } from './numbers.ts';
import { analyzeBytes } from './log-analyzer.ts';
import { logAnalysisSchema } from '../contract/log-analysis.ts';
import { scanResultSchema, SCAN_SCHEMA } from '../contract/scan.ts';
import { diagnose } from '../diagnosis/diagnose.ts';
import { parseSymptom } from '../diagnosis/symptom.ts';

test('codes keep signed and unsigned 32-bit values, nothing else', () => {
  assert.equal(codeFromDigits('1603'), 1603);
  assert.equal(codeFromDigits('-1978335226'), -1978335226);
  assert.equal(codeFromDigits('4294967295'), 4294967295);
  assert.equal(codeFromDigits('-2147483648'), -2147483648);
  assert.equal(codeFromDigits('4294967296'), null);
  assert.equal(codeFromDigits('-2147483649'), null);
  assert.equal(codeFromDigits('99999999999999999999'), null);
  assert.equal(codeFromDigits('12a'), null);
  assert.equal(parseCode('0x80070643'), 0x80070643);
  assert.equal(parseCode('0x0000000080070643'), 0x80070643);
  assert.equal(parseCode('0x180070643'), null);
  assert.equal(parseCode('0xZZ'), null);
  assert.equal(pidFromHex('D0'), 0xd0);
  assert.equal(pidFromHex('FFFFFFFFFF'), null);
});

const HUGE = [
  '=== Verbose logging started: 5/8/2024  10:11:12  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===',
  'MSI (s) (FFFFFFFFFFFF:A0) [10:11:12:001]: Resetting cached policy values',
  'MSI (s) (D0:A0) [10:11:12:002]: Created Custom Action Server with PID 123456789012345678901 (0x1).',
  'CustomAction Boom returned actual error code 99999999999999999999 (note this may not be 100% accurate if translation happened inside sandbox)',
  'Action ended 10:11:13: InstallFinalize. Return value 99999999999999999999.',
  'MSI (s) (D0:A0) [10:11:13:003]: Windows Installer installed the product. Product Name: Contoso. Product Version: 1.0. Product Language: 1033. Manufacturer: Contoso. Installation success or error status: 18446744073709551616.',
  'MSI (s) (D0:A0) [10:11:13:004]: MainEngineThread is returning 99999999999999999999',
  '=== Verbose logging stopped: 5/8/2024  10:11:13 ===',
].join('\r\n');

test('an exit code beyond 32 bits is null with its text kept; no huge PID is emitted; the schema holds', () => {
  const { analysis, problem } = analyzeBytes(Buffer.from(HUGE, 'utf8'), 'huge.log');
  assert.equal(problem, null);
  logAnalysisSchema.parse(analysis);
  assert.equal(analysis.exitCode, null);
  assert.equal(analysis.exitCodeText, '99999999999999999999');
  for (const p of analysis.processes) assert.ok(p.pid >= 0 && p.pid <= 0xffffffff, `pid ${p.pid}`);
  assert.ok(!analysis.processes.some((p) => p.role === 'custom-action'), 'the 21-digit CA server PID is dropped');
});

test('a Burn log with a 64-bit exit code still validates', () => {
  const burn = [
    '[0A2C:1F44][2024-05-08T10:11:12]i001: Burn v3.11.2.4516, Windows v10.0 (Build 19045: Service Pack 0), path: C:\\x.exe',
    '[0A2C:1F44][2024-05-08T10:11:12]i319: Applied execute package: Core, result: 0xFFFFFFFFFFFFFFFF, restart: None',
    '[0A2C:1F44][2024-05-08T10:11:13]i399: Apply complete, result: 0x180070643, restart: None, ba requested restart:  No',
    '[0A2C:1F44][2024-05-08T10:11:13]i007: Exit code: 0x123456789ABC, restarting: No',
  ].join('\r\n');
  const { analysis } = analyzeBytes(Buffer.from(burn, 'utf8'), 'bundle.log');
  logAnalysisSchema.parse(analysis);
  assert.equal(analysis.format, 'burn');
  assert.equal(analysis.exitCode, null);
});

test('the saved scan that embeds such an analysis validates, so it can be reloaded and exported', () => {
  const { analysis } = analyzeBytes(Buffer.from(HUGE, 'utf8'), 'huge.log');
  const findings = diagnose({ symptom: parseSymptom(''), evidence: [], logs: [analysis] });
  const scan = {
    schema: SCAN_SCHEMA,
    scanId: 'scan-1',
    startedAt: '2024-05-08T10:11:12.000Z',
    durationMs: 1,
    environment: {
      kind: 'simulated',
      scenario: null,
      windowsVersion: null,
      windowsLanguage: null,
      computerName: null,
      userName: null,
      elevated: null,
    },
    symptom: parseSymptom(''),
    evidence: [],
    logs: [analysis],
    findings,
    notChecked: [],
    elevation: 'not-needed',
  };
  const reloaded = scanResultSchema.parse(JSON.parse(JSON.stringify(scan)));
  assert.equal(reloaded.logs[0]!.exitCodeText, '99999999999999999999');
});
