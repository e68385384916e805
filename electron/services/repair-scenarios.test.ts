// End to end on the simulated machine, for every built-in scenario: scan -> recommended repair -> verified -> rescan shows
// the cause gone; undo restores the model exactly (reversible repairs); what ran is exactly the plan, in one elevated batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandSpec, ElevatedRunner, CommandRunner } from '../system/run/command-runner.ts';
import { listScenarios } from '../system/simulated/index.ts';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { repairOutcomeSchema } from '../../shared/contract/repair.ts';
import type { ScanRequest } from '../../shared/contract/scan.ts';
import { runScan } from './scan-service.ts';
import { createSystem, type SystemHandle } from './system-factory.ts';
import { createRepairServiceFor } from './repair-system.ts';

/** A cause is gone when the diagnosis no longer leads with it (h4's lead threshold is 0.3). */
const LEAD = 0.3;

/**
 * Records what the runners execute once the first plan step starts (precondition re-checks before it are read-only
 * probes), leaving out the wait step's own polling of the install-in-progress probe.
 */
function recording(system: SystemHandle) {
  const ran: CommandSpec[] = [];
  const batches: CommandSpec[][] = [];
  let started = false;
  let waiting = false;
  const runner: CommandRunner = {
    kind: system.runner.kind,
    run: (spec, o) => {
      if (started && !waiting) ran.push(spec);
      return system.runner.run(spec, o);
    },
  };
  const elevatedRunner: ElevatedRunner = {
    kind: system.elevatedRunner.kind,
    runBatch: (specs, o) => {
      if (started) {
        batches.push(specs);
        ran.push(...specs);
      }
      return system.elevatedRunner.runBatch(specs, o);
    },
  };
  const hooks = {
    beforeStep: (id: string) => {
      started = true;
      waiting = id === 'wait-lock';
    },
    afterStep: () => {
      waiting = false;
    },
  };
  return { system: { ...system, runner, elevatedRunner }, ran, batches, hooks };
}

async function scan(system: SystemHandle, request: Partial<ScanRequest>) {
  return runScan(request, {
    runner: system.runner,
    elevatedRunner: system.elevatedRunner,
    probes: system.probes,
    parseSymptom,
    environment: system.environment,
    user: system.user,
    processElevated: system.processElevated,
    analyzeLog: system.analyzeLog,
    diagnose,
  });
}

for (const name of listScenarios()) {
  test(`scenario ${name}: scan -> recommended repair -> verified, cause gone on rescan, undo restores the model`, async (t) => {
    const base = createSystem({ simulate: name });
    const scenario = base.simulation!.loaded.scenario;
    const repair = scenario.expect.recommendedRepair;
    if (!repair) {
      t.skip(`${name} recommends no automated repair (expect.recommendedRepair is null)`);
      return;
    }
    const request = {
      symptom: scenario.expect.symptom ?? '',
      msiPath: scenario.msiPath ?? null,
      logPaths: scenario.logPaths ?? [],
    };
    const first = await scan(base, request);
    assert.equal(
      first.findings.some((f) => f.cause === scenario.expect.topCause && f.confidence >= LEAD),
      true,
      `the scan finds ${scenario.expect.topCause}`,
    );
    const dataDir = mkdtempSync(join(tmpdir(), 'msi-doctor-repair-'));
    try {
      const { system, ran, batches, hooks } = recording(base);
      const service = createRepairServiceFor(system, dataDir, { hooks });
      const machine = base.simulation!.machine;
      const plan = await service.plan(repair, request.msiPath ? { msiPath: request.msiPath } : {}, {
        evidence: first.evidence,
      });
      const planned = service.planSpecs(plan.planId)!;
      const before = JSON.stringify(machine.state);
      const outcome = await service.run(plan.planId, { confirmations: plan.confirmations });
      repairOutcomeSchema.parse(outcome);
      assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.steps));
      assert.equal(outcome.verified, true);
      // What ran is exactly the plan.
      assert.deepEqual(ran, planned);
      assert.ok(batches.length <= 1, `one elevated batch at most, got ${batches.length}`);
      assert.equal(batches.length, plan.needsElevation ? 1 : 0);
      // Rescan: with the new install log (retry) as the new symptom source, otherwise the same request.
      const again = outcome.installLog
        ? { symptom: '', msiPath: request.msiPath, logPaths: [outcome.installLog.path] }
        : request;
      const second = await scan(base, again);
      const left = second.findings.find((f) => f.cause === scenario.expect.topCause);
      assert.ok(!left || left.confidence < LEAD, `${scenario.expect.topCause} still leads at ${left?.confidence}`);
      if (plan.reversible) {
        const undone = await service.undo(outcome.journalId);
        assert.equal(undone.status, 'succeeded', JSON.stringify(undone.steps));
        assert.equal(JSON.stringify(machine.state), before, 'undo restores the serialized model');
        const journals = await service.listJournals();
        assert.equal(journals.find((j) => j.journalId === outcome.journalId)?.state, 'undone');
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
