// Every built-in simulated scenario, scanned through the real probes and simulated runners, then diagnosed: top cause and repair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSystem, builtinScenarios } from './system-factory.ts';
import { runScan } from './scan-service.ts';
import { probeData } from '../../shared/contract/evidence.ts';
import type { RepairId } from '../../shared/contract/ids.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { formatFindings } from '../../shared/diagnosis/format-findings.ts';

/**
 * The repair a scenario recommends is the first one that acts: 'wait-for-installer' first is the safe
 * opening move (the issue: "wait, then offer to end that client install"), so it is skipped when more follow.
 */
export function recommendedOf(repairs: readonly RepairId[]): RepairId | null {
  const acting = repairs[0] === 'wait-for-installer' && repairs.length > 1 ? repairs.slice(1) : repairs;
  return acting[0] ?? null;
}

async function scanScenario(name: string) {
  const system = createSystem({ simulate: name });
  const scenario = system.simulation!.loaded.scenario;
  const scan = await runScan(
    { symptom: scenario.expect.symptom ?? '', logPaths: scenario.logPaths ?? [], msiPath: scenario.msiPath ?? null },
    {
      runner: system.runner,
      elevatedRunner: system.elevatedRunner,
      probes: system.probes,
      parseSymptom,
      environment: system.environment,
      user: system.user,
      processElevated: system.processElevated,
      now: system.now,
      analyzeLog: system.analyzeLog,
      readPackage: system.readPackage,
      diagnose: (input) => diagnose({ ...input, msiPath: scenario.msiPath ?? null }),
    },
  );
  // The logs the scan discovered (policy logs in %TEMP%) are what a user opens next: analyze them too.
  const found = probeData(scan.evidence, 'recent-logs')?.logs ?? [];
  const extra: LogAnalysis[] = [];
  for (const log of found.slice(0, 3)) {
    if (scan.logs.some((l) => l.file === log.path)) continue;
    try {
      extra.push(await system.analyzeLog(log.path));
    } catch {
      // an unreadable log is simply not used
    }
  }
  const findings = diagnose({
    symptom: scan.symptom,
    evidence: scan.evidence,
    logs: [...scan.logs, ...extra],
    msiPath: scenario.msiPath ?? null,
  });
  return { scenario, scan, findings };
}

const names = builtinScenarios();

test('there are built-in scenarios to check', () => {
  assert.ok(names.length >= 10, names.join(', '));
});

for (const name of names) {
  test(`scenario ${name}: top cause and recommended repair`, async () => {
    const { scenario, scan, findings } = await scanScenario(name);
    const top = findings[0]!;
    const table = findings.map((f) => `${f.cause}=${f.confidence} [${f.repairs.join(',')}]`).join(' | ');
    assert.equal(top.cause, scenario.expect.topCause, table);
    // A step by hand that comes first (remove a leftover service) is the recommendation; the repairs only follow it.
    assert.equal(recommendedOf(top.nextStep ? [] : top.repairs), scenario.expect.recommendedRepair, table);
    // The scan's own diagnosis (without the discovered logs) must not contradict a probe-visible cause.
    assert.ok(scan.findings.length > 0);
    for (const lang of ['en', 'zh-CN'] as const) assert.ok(formatFindings(findings, lang).length > 2);
  });
}

test('scenario 1618-stuck-client-install: names the product (read from its package) and its age, ending that install first (waiting as the alternative), never the service', async () => {
  const { findings } = await scanScenario('1618-stuck-client-install');
  const top = findings[0]!;
  assert.deepEqual(top.repairs, ['end-stuck-client-install', 'restart-computer', 'wait-for-installer']);
  const text = formatFindings([top], 'en').join('\n');
  assert.match(text, /running Contoso Finance Suite 5\.1\.0 for 3 hours/);
  assert.doesNotMatch(text, /FinanceSuite-5\.1\.msi/, 'the file only when nothing better is known');
  assert.match(text, /8744/);
});

test('scenario 1603-pending-reboot: the probe summary and the finding count the same signs of a pending restart', async () => {
  const { scan, findings } = await scanScenario('1603-pending-reboot');
  const evidence = scan.evidence.find((e) => e.probe === 'pending-reboot');
  assert.equal(evidence?.summary.key, 'probe.pending-reboot.pending');
  const reason = findings[0]!.reasons.find((r) => r.key === 'fact.reboot-pending');
  assert.ok(reason, 'the finding names the markers');
  // Two markers (servicing, Windows Update); Windows Installer's file waiting for the restart is a reason of its own.
  assert.equal(reason.params.count, 2);
  assert.equal(evidence.summary.params.count, reason.params.count, 'one count in the summary and the finding');
  assert.equal(evidence.summary.params.marker, reason.params.marker);
  assert.deepEqual(findings[0]!.reasons.find((r) => r.key === 'fact.msi-file-renames')?.params, { count: 1 });
});
