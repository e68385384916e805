// The renderer cannot make the facade read, scan or install a file the user never chose and the app never found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../shared/contract/result.ts';
import { dispatchApi } from './api-dispatch.ts';
import { createAppServices } from './app-services.ts';
import { ReadablePaths } from './readable-paths.ts';

function value<T>(result: Result<T>): T {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

test('ReadablePaths: case- and separator-insensitive like Windows; unknown paths are forbidden', () => {
  const paths = new ReadablePaths();
  paths.grant('C:\\Users\\zhang.wei\\AppData\\Local\\Temp\\MSI1.LOG', null, undefined);
  assert.ok(paths.has('c:/users/ZHANG.WEI/appdata/local/temp/msi1.log'));
  assert.throws(() => paths.check('C:\\Windows\\System32\\config\\SAM'), { name: 'ServiceError' });
});

test('the facade refuses paths the user never opened, and allows imported files, scenario files and what a scan found', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'msi-doctor-readable-'));
  const services = createAppServices({ platform: 'linux', dataDir, emit: () => {}, appVersion: '0.1.0' });
  for (const [name, request] of [
    ['analyzeLog', { path: '/etc/passwd' }],
    ['getLogLines', { path: '/etc/passwd', from: 0, count: 10 }],
    ['searchLog', { path: '/etc/passwd', query: 'root', limit: 5 }],
    ['startScan', { symptom: '', logPaths: ['/etc/passwd'], msiPath: null, allowElevation: false }],
    // The install retry's .msi comes from the scan (plans take no path from the renderer): the scan refuses it.
    ['startScan', { symptom: '1603', logPaths: [], msiPath: 'C:\\evil.msi', allowElevation: false }],
  ] as const) {
    const result = await dispatchApi(services, name, request);
    assert.equal(result.ok, false, name);
    if (!result.ok) assert.equal(result.error.code, 'forbidden', name);
  }

  const imported = value(
    await dispatchApi(services, 'importFile', {
      name: 'a.log',
      base64: Buffer.from('=== Verbose logging started: 1/1/2026 ===\r\n').toString('base64'),
    }),
  );
  assert.equal(value(await dispatchApi(services, 'getLogLines', { path: imported.path, from: 0, count: 5 })).from, 0);

  const scenarios = value(await dispatchApi(services, 'listScenarios', {}));
  const withLog = scenarios.find((s) => s.name === '1603-custom-action')!;
  value(await dispatchApi(services, 'selectScenario', { name: withLog.name }));
  const scan = value(
    await dispatchApi(services, 'startScan', {
      symptom: '1603',
      logPaths: [],
      msiPath: withLog.msiPath ?? null,
      allowElevation: true,
    }),
  );
  // A log the scan found in %TEMP% can be opened in the viewer afterwards.
  const found = scan.latest.logs[0]!.file;
  assert.ok(value(await dispatchApi(services, 'getLogLines', { path: found, from: 0, count: 5 })).lines.length > 0);
});
