// The scan reads the failed install's log from %TEMP% on its own: tested on the 1603-custom-action simulated machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSystem, systemScanOptions } from './system-factory.ts';
import { runScan } from './scan-service.ts';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { probeData } from '../../shared/contract/evidence.ts';

async function scan(name: string, analyzeDiscoveredLogs: boolean) {
  const system = await createSystem({ simulate: name });
  const options = await systemScanOptions(system);
  return runScan({ symptom: '1603' }, { ...options, parseSymptom, analyzeDiscoveredLogs });
}

test('a failed MSI log found in %TEMP% is analyzed and its verdict written into the recent-logs evidence', async () => {
  const result = await scan('1603-custom-action', true);
  assert.ok(result.logs.length >= 1, 'the discovered failed log is among the analyses');
  assert.equal(result.logs[0]!.outcome, 'failure');
  assert.ok(result.logs[0]!.failedAction, 'the failed action is known from the discovered log');
  const data = probeData(result.evidence, 'recent-logs');
  assert.ok(data?.logs.some((log) => log.analysis?.outcome === 'failure'));
});

test('turning discovery off leaves only the logs the user gave', async () => {
  const result = await scan('1603-custom-action', false);
  assert.equal(result.logs.length, 0);
});

test('a machine without recent logs adds no analyses', async () => {
  const result = await scan('healthy', true);
  assert.equal(result.logs.length, 0);
});
