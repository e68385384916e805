// Fleet summary: result files read or refused (with the reason), the "issue" rule, one row per machine (the latest
// result), causes / products / machines to act on first, and the CSV / HTML outputs safe against hostile names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readResultFile } from './result-file.ts';
import { FleetAccumulator, summarizeFleet } from './summarize.ts';
import { csvField, renderFleetCsv, renderFleetHtml, renderFleetText } from './render.ts';
import { isIssue } from './issues.ts';
import { sampleFinding, sampleScan } from '../wizard/sample-data.ts';
import type { ScanResult } from '../contract/scan.ts';
import type { LogAnalysis } from '../contract/log-analysis.ts';
import { translate } from '../knowledge/texts.ts';

function scanOf(machine: string, startedAt: string, findings: ScanResult['findings'], logs: LogAnalysis[] = []) {
  const scan = sampleScan(findings);
  return { ...scan, startedAt, logs, environment: { ...scan.environment, computerName: machine } };
}

const failedMsi = (name: string): LogAnalysis =>
  ({ outcome: 'failure', product: { name, version: null, productCode: null } }) as unknown as LogAnalysis;
const deployLog = (application: string, outcome: string): LogAnalysis =>
  ({
    outcome: 'failure',
    product: { name: application, version: null, productCode: null },
    deployments: [{ application, appId: null, outcome }],
  }) as unknown as LogAnalysis;

const read = (file: string, value: unknown) =>
  readResultFile(file, typeof value === 'string' ? value : JSON.stringify(value));

test('what counts as an issue: security always, causes from 0.5, never info or "no problem found"', () => {
  assert.ok(isIssue({ kind: 'security', cause: 'always-install-elevated', confidence: 0.2 }));
  assert.ok(isIssue({ kind: 'cause', cause: 'custom-action-failed', confidence: 0.5 }));
  assert.ok(!isIssue({ kind: 'cause', cause: 'custom-action-failed', confidence: 0.49 }));
  assert.ok(!isIssue({ kind: 'info', cause: 'reboot-required-to-finish', confidence: 0.8 }));
  assert.ok(!isIssue({ kind: 'cause', cause: 'no-problem-found', confidence: 0.8 }));
});

test('malformed files are refused with the reason, never thrown', () => {
  const reasons = [
    read('a.json', ''),
    read('b.json', '{"schema": "msi-doctor/scan@1", '),
    read('c.json', [1, 2]),
    read('d.json', { hello: 1 }),
    read('e.json', { schema: 'msi-doctor/repair@1' }),
    read('f.json', { ...scanOf('PC', '2026-01-01T00:00:00Z', []), findings: 'none' }),
    read('g.json', { schema: 'msi-doctor/report@1', redacted: true, environment: null }),
  ].map((r) => (r.ok ? 'ok' : translate(r.reason, 'en')));
  assert.equal(reasons[0], 'the file is empty');
  assert.match(reasons[1]!, /^not JSON \(/);
  assert.doesNotMatch(reasons[1]!, /\n/);
  assert.equal(reasons[2], 'not an MSI Doctor scan or report (no "schema" field)');
  assert.equal(reasons[3], 'not an MSI Doctor scan or report (no "schema" field)');
  assert.equal(reasons[4], 'not an MSI Doctor scan or report (schema "msi-doctor/repair@1")');
  assert.match(reasons[5]!, /^an MSI Doctor scan file, but findings is wrong/);
  assert.match(reasons[6]!, /^an MSI Doctor report file, but environment is wrong/);
  const zh = read('a.json', '');
  assert.ok(!zh.ok && translate(zh.reason, 'zh-CN') === '文件是空的');
});

test('a scan and a report are read; a BOM and unknown newer causes are accepted', () => {
  const scan = read(
    'x/PC-1.json',
    '\ufeff' +
      JSON.stringify(
        scanOf('PC-1', '2026-01-02T10:00:00Z', [
          sampleFinding('custom-action-failed', 0.9, []),
          { ...sampleFinding('unknown', 0.7, []), cause: 'a-cause-of-version-9' as never },
          sampleFinding('pending-reboot', 0.2, []),
        ]),
      ),
  );
  assert.ok(scan.ok);
  assert.deepEqual(
    scan.result.issues.map((i) => i.cause),
    ['custom-action-failed', 'unknown'],
  );
  const report = read('r.json', {
    schema: 'msi-doctor/report@1',
    redacted: true,
    environment: { kind: 'real', computerName: '<computer-1>' },
    scan: { startedAt: '2026-01-03T08:00:00Z' },
    logs: [{ analysis: failedMsi('Contoso Ledger 4.6') }],
    findings: [sampleFinding('custom-action-failed', 0.8, [])],
  });
  assert.ok(report.ok);
  assert.equal(report.result.machine, 'r', 'a redacted report: the file name stands for the machine');
  assert.deepEqual(report.result.products, ['Contoso Ledger 4.6']);
});

test('one row per machine (its latest result), causes and products counted by machine, priorities', () => {
  const results = [
    scanOf('PC-1', '2026-01-01T10:00:00Z', [sampleFinding('pending-reboot', 0.9, [])]),
    scanOf(
      'PC-1',
      '2026-01-05T10:00:00Z',
      [sampleFinding('custom-action-failed', 0.95, [])],
      [failedMsi('Contoso Ledger 4.6'), deployLog('Contoso Ledger 4.6 - Windows Installer (*.msi file)', 'failure')],
    ),
    scanOf('pc-1', '2026-01-03T10:00:00Z', [sampleFinding('user-temp-broken', 0.9, [])]),
    scanOf(
      'PC-2',
      '2026-01-05T11:00:00Z',
      [sampleFinding('custom-action-failed', 0.6, []), sampleFinding('always-install-elevated', 0.9, [], 'security')],
      [deployLog('Contoso Ledger 4.6 - Windows Installer (*.msi file)', 'failure')],
    ),
    scanOf('PC-3', '2026-01-05T12:00:00Z', [sampleFinding('no-problem-found', 0.7, [], 'info')]),
  ].map((s, i) => {
    const r = read(`f${i}.json`, s);
    assert.ok(r.ok);
    return r.result;
  });
  const s = summarizeFleet(results, 2);
  assert.deepEqual(s.files, { read: 5, refused: 2 });
  assert.equal(s.machines, 3, 'PC-1 and pc-1 are the same machine');
  assert.equal(s.machinesWithIssues, 2);
  const pc1 = s.machineRows.find((r) => r.machine === 'PC-1')!;
  assert.equal(pc1.results, 3);
  assert.deepEqual(
    pc1.issues.map((i) => i.cause),
    ['custom-action-failed'],
    'the latest result counts',
  );
  assert.deepEqual(pc1.products, ['Contoso Ledger 4.6'], 'the deployment named after its MSI product is one product');
  assert.deepEqual(
    s.causes.map((c) => [c.cause, c.machines, c.asTop]),
    [
      ['custom-action-failed', 2, 2],
      ['always-install-elevated', 1, 0],
    ],
  );
  assert.deepEqual(
    s.actFirst.map((r) => r.machine),
    ['PC-2', 'PC-1'],
    'a security issue weighs more',
  );
  assert.deepEqual(
    s.products.map((p) => [p.product, p.machines]),
    [
      ['Contoso Ledger 4.6', 1],
      ['Contoso Ledger 4.6 - Windows Installer (*.msi file)', 1],
    ],
  );
  const text = renderFleetText(s, 'en');
  assert.match(text, /5 result files read \(2 refused\), 3 machines, 2 with an issue\./);
  assert.match(text, / 1\. PC-2 .*AlwaysInstallElevated|1\. PC-2 .*custom action/);
  assert.match(renderFleetText(s, 'zh-CN'), /已读取 5 个结果文件/);
});

test('CSV: quoted fields, formulas defused, Chinese titles with a BOM; HTML escapes what machines wrote', () => {
  assert.equal(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvField('+1'), "'+1");
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('plain'), 'plain');
  const acc = new FleetAccumulator();
  const hostile = read(
    'h.json',
    scanOf(
      '<script>alert(1)</script>',
      '2026-01-01T00:00:00Z',
      [sampleFinding('custom-action-failed', 0.9, [])],
      [failedMsi('=cmd|" /C calc"!A0')],
    ),
  );
  assert.ok(hostile.ok);
  acc.add(hostile.result);
  const s = acc.summary();
  const csv = renderFleetCsv(s, 'zh-CN');
  assert.ok(csv.machines.startsWith('\ufeff电脑,'));
  assert.match(csv.products, /"'=cmd\|"" \/C calc""!A0"/);
  const page = renderFleetHtml(s, 'en', {
    generatedAt: '2026-01-01T00:00:00Z',
    dir: '/r',
    refused: [{ file: '<b>x.json</b>', reason: 'not JSON' }],
    csvFiles: { machines: 'm.csv', products: 'p.csv' },
  });
  assert.ok(!page.includes('<script>alert'), 'machine names are escaped');
  assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(page.includes('&lt;b&gt;x.json&lt;/b&gt;'));
  assert.match(page, /Content-Security-Policy/);
  assert.doesNotMatch(page, /\bcause\.[a-z-]+\.title\b|fleet\.[a-z]/, 'no text key shown');
});
