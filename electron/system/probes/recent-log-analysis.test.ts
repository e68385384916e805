// recent-logs + the log analyzer over the simulated disk: the UTF-16LE verbose log of 1603-custom-action is understood.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recentLogsDataSchema, type RecentLogsData } from '../../../shared/contract/evidence-data.ts';
import { probeData } from '../../../shared/contract/evidence.ts';
import { createSimulation } from '../simulated/index.ts';
import { runAllProbes } from '../simulated/scenario-check.ts';
import { analyzeRecentLogs } from './recent-log-analysis.ts';

test('1603-custom-action: the newest log is analyzed as a 1603 failure with its custom action', async () => {
  const sim = createSimulation('1603-custom-action');
  const run = await runAllProbes(sim);
  const data = probeData([...run.best.values()], 'recent-logs')!;
  const result = await analyzeRecentLogs(data, (spec) => sim.runner.run(spec));
  assert.deepEqual(result.errors, []);
  assert.ok(recentLogsDataSchema.safeParse(result.data).success);
  const a = result.data.logs[0]!.analysis!;
  assert.equal(a.outcome, 'failure');
  assert.equal(a.exitCode, 1603);
  assert.equal(result.analyses[0]!.failedAction?.name, 'CA_RegisterLedgerService');
  assert.ok(a.causes.includes('custom-action-failed'), JSON.stringify(a.causes));
});

test('2503 log: the analyzer sees 2503; a missing file becomes an error entry, not an exception', async () => {
  const sim = createSimulation('2503-windows-temp-acl');
  const run = await runAllProbes(sim);
  const data = probeData([...run.best.values()], 'recent-logs')!;
  const gone: RecentLogsData = {
    ...data,
    logs: [
      {
        path: 'C:\\Windows\\Temp\\MSIgone.LOG',
        folder: 'windows-temp',
        size: 1,
        modified: data.logs[0]!.modified,
        analysis: null,
      },
      ...data.logs,
    ],
  };
  const result = await analyzeRecentLogs(gone, (spec) => sim.runner.run(spec));
  assert.equal(result.errors.length, 1);
  assert.equal(result.data.logs[0]!.analysis, null);
  const errors = result.analyses[0]!.errors.map((e) => e.code);
  assert.ok(errors.includes(2503), JSON.stringify(errors));
});
