// Tests the whole analyzer on the repo's own fixtures (fixtures/*.log.txt), in several encodings and chunk sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { analyzeBytes, createLogAnalyzer } from './log-analyzer.ts';
import { logAnalysisSchema, type LogAnalysis } from '../contract/log-analysis.ts';

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}
function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}
function analyze(bytes: Uint8Array, chunk = 1 << 20): LogAnalysis {
  const a = createLogAnalyzer({ fileName: 'fixture.log' });
  for (let i = 0; i < bytes.length; i += chunk) a.push(bytes.subarray(i, i + chunk));
  const result = a.finish();
  assert.equal(a.problem(), null);
  logAnalysisSchema.parse(result); // the output always satisfies the published schema
  return result;
}

test('UTF-16LE verbose log: deferred custom action is the culprit inside InstallFinalize', () => {
  const text = fixture('verbose-deferred-ca.log.txt');
  for (const chunk of [7, 1000, 1 << 20]) {
    const a = analyze(utf16le(text), chunk);
    assert.equal(a.format, 'msi-verbose');
    assert.equal(a.encoding, 'utf-16le');
    assert.equal(a.outcome, 'failure');
    assert.equal(a.exitCode, 1603);
    assert.equal(a.operation, 'install');
    assert.deepEqual(a.failedAction, {
      name: 'ConfigureDatabase',
      sequenceAction: 'InstallFinalize',
      line: 32,
      customAction: true,
    });
    assert.equal(a.primaryError, 1722);
    assert.equal(a.causes[0]?.id, 'custom-action-failed');
    assert.ok(a.causes[0]!.confidence > 0.8, 'several agreeing signals');
    assert.deepEqual(a.product, {
      name: 'Contoso Agent',
      version: '2.5.1',
      productCode: '{11111111-2222-3333-4444-555555555555}',
    });
    assert.equal(a.installerVersion, '5.00.10011.00');
  }
});

test('noise, continue-marked CAs, Info 1603 and rollback errors are not the primary error', () => {
  const a = analyze(utf16le(fixture('verbose-deferred-ca.log.txt')));
  const codes = a.errors.map((e) => e.code);
  for (const noise of [2203, 2205, 2228, 1402, 2318, 2911, 1603])
    assert.ok(!codes.includes(noise), `${noise} is noise`);
  assert.notEqual(a.failedAction?.name, 'WixRemoveFoldersEx');
  // 1923 appears during rollback: listed, but neither primary nor top cause.
  assert.ok(codes.includes(1923));
  assert.ok(a.causes.findIndex((c) => c.id === 'service-install-failed') > 0);
  assert.ok(a.causes.some((c) => c.id === 'files-in-use'));
});

test('evidence: 5-20 lines with line numbers, around the failure, secrets redacted', () => {
  const a = analyze(utf16le(fixture('verbose-deferred-ca.log.txt')));
  assert.ok(a.evidence.length >= 5 && a.evidence.length <= 20);
  const lines = a.evidence.map((e) => e.line);
  assert.ok(lines.includes(32) && lines.includes(31) && lines.includes(30));
  assert.deepEqual(
    [...lines].sort((x, y) => x - y),
    lines,
  );
  const all = JSON.stringify(a);
  assert.ok(!all.includes('Hunter2'), 'DB_PASSWORD value redacted');
  assert.ok(all.includes('DB_PASSWORD=**********'));
});

test('Chinese-localized log, in UTF-8, UTF-16LE and GBK', () => {
  const text = fixture('zh-localized.log.txt');
  for (const [bytes, enc] of [
    [Buffer.from(text, 'utf8'), 'utf-8'],
    [utf16le(text, false), 'utf-16le'],
    [iconv.encode(text, 'gbk'), 'gbk'],
  ] as const) {
    const a = analyze(bytes, 5);
    assert.equal(a.encoding, enc);
    assert.equal(a.outcome, 'failure');
    assert.equal(a.exitCode, 1603);
    assert.equal(a.failedAction?.name, 'StartServices');
    assert.equal(a.failedAction?.customAction, false);
    assert.equal(a.primaryError, 1920);
    assert.equal(a.causes[0]?.id, 'service-start-failed');
    assert.equal(a.product.name, '示例软件');
    assert.equal(a.product.productCode, '{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}');
  }
});

test('German log in CP1252: LaunchConditions failure', () => {
  const a = analyze(iconv.encode(fixture('de-localized.log.txt'), 'win1252'));
  assert.equal(a.encoding, 'windows-1252');
  assert.equal(a.format, 'msi-verbose');
  assert.equal(a.failedAction?.name, 'LaunchConditions');
  assert.equal(a.causes[0]?.id, 'launch-condition-failed');
  assert.equal(a.exitCode, 1603);
});

test('/L+ log with two sessions reports the last one and counts both', () => {
  const a = analyze(Buffer.from(fixture('two-sessions.log.txt')));
  assert.equal(a.sessions, 2);
  assert.equal(a.outcome, 'success');
  assert.equal(a.exitCode, 0);
  assert.equal(a.product.name, 'Fabrikam Tool');
  assert.equal(a.errors.length, 0, 'the first session’s 1618 belongs to the first session');
});

test('the first session alone is a 1618: another install in progress', () => {
  const text = fixture('two-sessions.log.txt').split('\n').slice(0, 7).join('\n');
  const a = analyze(Buffer.from(text));
  assert.equal(a.exitCode, 1618);
  assert.equal(a.causes[0]?.id, 'another-install-in-progress');
  assert.equal(a.primaryError, 1618);
});

test('WiX Burn bundle log: failing package, HRESULT -> 1603, its MSI log path, secrets redacted', () => {
  const a = analyze(utf16le(fixture('burn-bundle.log.txt')));
  assert.equal(a.format, 'burn');
  assert.equal(a.outcome, 'failure');
  assert.equal(a.exitCode, 1603);
  assert.equal(a.operation, 'install');
  assert.equal(a.burn?.failingPackage, 'FabrikamMsi');
  assert.equal(a.burn?.hresult, '0x80070643');
  const pkg = a.burn?.packages.find((p) => p.id === 'FabrikamMsi');
  assert.equal(pkg?.exitCode, 1603);
  assert.equal(pkg?.logPath, 'C:\\Users\\me\\AppData\\Local\\Temp\\Fabrikam_20230131123450_000_FabrikamMsi.log');
  assert.ok(!JSON.stringify(a).includes('s3cret'));
});

test('basic (non-verbose) log cancelled by the user', () => {
  const a = analyze(Buffer.from(fixture('basic-cancelled.log.txt')));
  assert.equal(a.format, 'msi-basic');
  assert.equal(a.outcome, 'cancelled');
  assert.equal(a.exitCode, 1602);
  assert.equal(a.causes[0]?.id, 'user-cancelled');
  assert.equal(a.failedAction, null);
});

test('Hijri dates, 2503 follow-on error: the folder access problem comes first', () => {
  const a = analyze(utf16le(fixture('hijri-2503.log.txt')));
  assert.equal(a.format, 'msi-verbose');
  assert.equal(a.outcome, 'failure');
  assert.equal(a.primaryError, 1310, 'not the follow-on 2503');
  assert.equal(a.causes[0]?.id, 'installer-folders-access');
});

test('analyzeBytes gives the same verdict as streaming in tiny chunks', () => {
  const bytes = utf16le(fixture('verbose-deferred-ca.log.txt'));
  const whole = analyzeBytes(bytes).analysis;
  const tiny = analyze(bytes, 3);
  assert.deepEqual({ ...tiny, file: whole.file }, whole);
});

test('downgrade blocked: the newer installed version is the cause, not just "a launch condition"', () => {
  const a = analyze(utf16le(fixture('downgrade-blocked.log.txt')));
  assert.equal(a.outcome, 'failure');
  assert.equal(a.failedAction?.name, 'LaunchConditions');
  assert.equal(a.causes[0]?.id, 'newer-version-installed');
  assert.ok(a.causes.some((c) => c.id === 'launch-condition-failed'));
  assert.ok(a.evidence.some((e) => e.text.includes('A newer version of Tailspin Toys')));
});

test('a deferred standard action (StartServices) failing inside InstallFinalize; an earlier debug note is not the culprit', () => {
  const a = analyze(utf16le(fixture('deferred-service-1920.log.txt')));
  assert.deepEqual(a.failedAction, {
    name: 'StartServices',
    sequenceAction: 'InstallFinalize',
    line: 9,
    customAction: false,
  });
  assert.equal(a.primaryError, 1920);
  assert.equal(a.causes[0]?.id, 'service-start-failed');
});
