// Tests of the repair service: confirmations, re-checked preconditions, declined elevation, crash + undo from the journal
// in a new service instance, the wait countdown (injected clock), cancel, install exit codes and the new log's analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandOutput, CommandSpec } from '../system/run/command-runner.ts';
import { ALL_PROBES } from '../system/probes/index.ts';
import { createSystem } from './system-factory.ts';
import { createRepairServiceFor } from './repair-system.ts';
import { RepairError, RepairService, type RepairClock, type RepairProgress } from './repair-service.ts';
import { readJournal } from './journal.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'msi-doctor-repair-'));
}

class Crash extends Error {}

test('a crash between steps leaves a journal; a new service instance reports it and undo restores the model', async () => {
  const dataDir = tempDir();
  try {
    const system = createSystem({ simulate: 'msiserver-disabled' });
    const machine = system.simulation!.machine;
    const before = JSON.stringify(machine.state);
    const crashing = createRepairServiceFor(system, dataDir, {
      hooks: {
        afterStep: (id) => {
          if (id === 'backup-key') throw new Crash('simulated crash after the backup step');
        },
      },
    });
    const plan = await crashing.plan('enable-msiserver', {});
    await assert.rejects(crashing.run(plan.planId, { confirmations: [] }), Crash);
    assert.notEqual(JSON.stringify(machine.state), before, 'the change ran inside the elevated batch before the crash');
    // "Next start": a fresh service over the same data folder knows nothing but the journal.
    const restarted = createRepairServiceFor(system, dataDir);
    const unfinished = restarted.unfinishedJournals();
    assert.equal(unfinished.length, 1);
    assert.equal(unfinished[0]!.repair, 'enable-msiserver');
    assert.equal(unfinished[0]!.undoAvailable, true);
    const record = readJournal(dataDir, unfinished[0]!.journalId)!;
    assert.deepEqual(record.startedSteps.slice(0, 2), ['backup-key', 'set-manual']);
    assert.equal(record.endedSteps.has('set-manual'), false, 'the crash hid the end of set-manual');
    const undone = await restarted.undo(unfinished[0]!.journalId);
    assert.equal(undone.status, 'succeeded');
    assert.equal(JSON.stringify(machine.state), before);
    assert.equal(restarted.unfinishedJournals().length, 0);
    assert.equal((await restarted.listJournals())[0]!.state, 'undone');
    await assert.rejects(
      restarted.undo(unfinished[0]!.journalId),
      (e: unknown) => e instanceof RepairError && e.reason.key === 'repair.refusal.already-undone',
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a crash in an unelevated repair: undo removes only what the started steps did', async () => {
  const dataDir = tempDir();
  try {
    const system = createSystem({ simulate: '2503-user-temp-missing' });
    const machine = system.simulation!.machine;
    const before = JSON.stringify(machine.state);
    const service = createRepairServiceFor(system, dataDir, {
      hooks: {
        afterStep: (id) => {
          if (id === 'create-folder') throw new Crash('crash');
        },
      },
    });
    const plan = await service.plan('recreate-user-temp', {});
    await assert.rejects(service.run(plan.planId, { confirmations: [] }), Crash);
    assert.equal(machine.isDirectory('C:\\Users\\zhang.wei\\AppData\\Local\\Temp'), true);
    const [journal] = createRepairServiceFor(system, dataDir).unfinishedJournals();
    await createRepairServiceFor(system, dataDir).undo(journal!.journalId);
    assert.equal(JSON.stringify(machine.state), before);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('journal: JSON lines in order (plan, starts, ends, finish), with outputs, exit codes and the plan', async () => {
  const dataDir = tempDir();
  try {
    const system = createSystem({ simulate: 'msiserver-disabled' });
    const service = createRepairServiceFor(system, dataDir);
    const plan = await service.plan('enable-msiserver', {});
    const outcome = await service.run(plan.planId, { confirmations: [] });
    const lines = readFileSync(join(dataDir, 'journals', `${outcome.journalId}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; stepId?: string; exitCode?: number; output?: string });
    assert.equal(lines[0]!.type, 'plan');
    assert.equal(lines.at(-1)!.type, 'finish');
    const ends = lines.filter((l) => l.type === 'step-end');
    assert.deepEqual(
      ends.map((l) => l.stepId),
      plan.steps.map((s) => s.id),
    );
    assert.equal(ends[1]!.exitCode, 0);
    assert.match(ends[1]!.output!, /ChangeServiceConfig SUCCESS/);
    // Each step's start is written before its end.
    for (const s of plan.steps)
      assert.ok(
        lines.findIndex((l) => l.type === 'step-start' && l.stepId === s.id) <
          lines.findIndex((l) => l.type === 'step-end' && l.stepId === s.id),
      );
    assert.deepEqual(readJournal(dataDir, outcome.journalId)!.plan!.plan, plan);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('confirmations are required: end-stuck-client-install needs partial-install-risk and, with an active lock, active-progress', async () => {
  const dataDir = tempDir();
  try {
    const system = createSystem({ simulate: '1618-stuck-client-install' });
    const service = createRepairServiceFor(system, dataDir);
    const plan = await service.plan('end-stuck-client-install', {});
    assert.deepEqual(plan.confirmations, ['partial-install-risk', 'active-progress']);
    await assert.rejects(
      service.run(plan.planId, { confirmations: ['partial-install-risk'] }),
      (e: unknown) => e instanceof RepairError && e.code === 'invalid-input' && /active-progress/.test(e.message),
    );
    const outcome = await service.run(plan.planId, { confirmations: ['partial-install-risk', 'active-progress'] });
    assert.equal(outcome.status, 'succeeded');
    assert.equal(outcome.undoAvailable, false);
    await assert.rejects(
      service.undo(outcome.journalId),
      (e: unknown) => e instanceof RepairError && e.reason.key === 'repair.refusal.not-reversible',
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('preconditions are re-checked before running: a plan whose facts changed is refused', async () => {
  const dataDir = tempDir();
  try {
    const system = createSystem({ simulate: '1618-stuck-client-install' });
    const service = createRepairServiceFor(system, dataDir);
    const plan = await service.plan('end-stuck-client-install', {});
    const pid = Number(plan.steps[0]!.commandLine.match(/\/PID (\d+)/)![1]);
    system.simulation!.machine.killProcess(pid);
    await assert.rejects(
      service.run(plan.planId, { confirmations: plan.confirmations }),
      (e: unknown) => e instanceof RepairError && e.reason.key === 'repair.refusal.no-client-install',
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('declined elevation: status elevation-declined, nothing changed, nothing to undo', async () => {
  const dataDir = tempDir();
  try {
    const system = createSystem({ simulate: 'msiserver-disabled', approveElevation: false });
    const before = JSON.stringify(system.simulation!.machine.state);
    const service = createRepairServiceFor(system, dataDir);
    const plan = await service.plan('enable-msiserver', {});
    const outcome = await service.run(plan.planId, { confirmations: [] });
    assert.equal(outcome.status, 'elevation-declined');
    assert.equal(outcome.message?.key, 'repair.message.elevation-declined');
    assert.equal(outcome.undoAvailable, false);
    assert.equal(outcome.verified, null);
    assert.equal(JSON.stringify(system.simulation!.machine.state), before);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A clock that never waits: sleeping only moves time forward. */
function fakeClock(start = Date.parse('2026-11-21T12:00:00Z')): RepairClock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => new Date(now),
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

test('wait-for-installer: countdown events every 5 s, gives up at the limit with a clear message (no real waiting)', async () => {
  const dataDir = tempDir();
  try {
    const system = createSystem({ simulate: '1618-stuck-client-install' });
    const clock = fakeClock();
    const service = createRepairServiceFor(system, dataDir, { clock });
    const plan = await service.plan('wait-for-installer', { waitLimitSeconds: 30 });
    const events: RepairProgress[] = [];
    const outcome = await service.run(plan.planId, { confirmations: [], onProgress: (p) => events.push(p) });
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.message?.key, 'repair.message.wait-timeout');
    const countdown = events.filter((e) => e.countdownSeconds !== undefined).map((e) => e.countdownSeconds);
    assert.deepEqual(countdown, [30, 25, 20, 15, 10, 5]);
    assert.deepEqual(clock.slept, [5000, 5000, 5000, 5000, 5000, 5000]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('wait-for-installer: cancelable during the countdown; succeeds and retries the install once the lock is free', async () => {
  const dataDir = tempDir();
  try {
    const system = createSystem({ simulate: '1618-stuck-client-install' });
    const service = createRepairServiceFor(system, dataDir, { clock: fakeClock() });
    const plan = await service.plan('wait-for-installer', {});
    const outcome = await service.run(plan.planId, {
      confirmations: [],
      onProgress: (p) => {
        if (p.countdownSeconds !== undefined) service.cancel(plan.planId);
      },
    });
    assert.equal(outcome.status, 'cancelled');
    assert.equal(outcome.steps[0]!.status, 'cancelled');

    // Now the other install finishes after 12 simulated seconds: the wait ends and the user's .msi is installed.
    const machine = system.simulation!.machine;
    const msi = 'C:\\Users\\zhang.wei\\Downloads\\ContosoExpense-3.2.0-x64.msi';
    machine.writeFile(msi, new Uint8Array([0xd0, 0xcf]));
    machine.state.files[msi]!.msi = {
      productCode: '{0B6F1E6C-58C2-4F0D-A0E4-6C86E0B7D3A1}',
      upgradeCode: '{8C1E2A77-3B0F-4E55-9C6D-1F2E3A4B5C6D}',
      productVersion: '3.2.0',
      productName: 'Contoso Expense Reporter 3.2',
      manufacturer: 'Contoso Ltd.',
      allUsers: '1',
    };
    const clients = machine.processes('msiexec.exe').filter((p) => / \/i /i.test(p.commandLine));
    let slept = 0;
    const clock: RepairClock = {
      now: () => machine.now(),
      sleep: async (ms) => {
        machine.advance(ms);
        slept += ms;
        if (slept >= 12_000) for (const c of clients) machine.killProcess(c.pid);
      },
    };
    const waiting = createRepairServiceFor(system, dataDir, { clock });
    const plan2 = await waiting.plan('wait-for-installer', { msiPath: msi });
    const done = await waiting.run(plan2.planId, { confirmations: [] });
    assert.equal(done.status, 'succeeded', JSON.stringify(done.steps));
    assert.deepEqual(done.steps.map((s) => [s.id, s.status]).slice(0, 2), [
      ['wait-lock', 'succeeded'],
      ['run-install', 'succeeded'],
    ]);
    assert.equal(done.verified, true);
    assert.equal(done.installLog?.analysis?.outcome, 'success');
    assert.ok(machine.state.products.some((p) => p.productCode === '{0B6F1E6C-58C2-4F0D-A0E4-6C86E0B7D3A1}'));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('retry-install-elevated-logged with a hostile path: exact argv, the new log is ours and analyzed at once', async () => {
  const dataDir = tempDir();
  try {
    const system = createSystem({ simulate: '2502-not-elevated' });
    const machine = system.simulation!.machine;
    const msi = 'C:\\Users\\张伟\\Downloads\\go1.23 (x64) & more!%PATH%^.msi';
    machine.writeFile(msi, new Uint8Array([0xd0, 0xcf]));
    const service = createRepairServiceFor(system, dataDir);
    const plan = await service.plan('retry-install-elevated-logged', { msiPath: msi });
    const [spec] = service.planSpecs(plan.planId)!;
    assert.equal(spec!.args[1], msi);
    assert.ok(spec!.args[3]!.startsWith(join(dataDir, 'logs')));
    const outcome = await service.run(plan.planId, { confirmations: [] });
    assert.equal(outcome.status, 'succeeded');
    assert.equal(outcome.installLog?.path, spec!.args[3]);
    assert.equal(outcome.installLog?.exitCode, 0);
    assert.equal(outcome.installLog?.analysis?.outcome, 'success');
    assert.equal(outcome.installLog?.analysis?.exitCode, 0);
    await assert.rejects(
      service.plan('retry-install-elevated-logged', { msiPath: 'C:\\Users\\zhang.wei\\Downloads\\missing.msi' }),
      (e: unknown) => e instanceof RepairError && e.code === 'not-found',
    );
    await assert.rejects(
      service.plan('retry-install-elevated-logged', { msiPath: 'C:\\Windows\\notepad.exe' }),
      (e: unknown) => e instanceof RepairError && e.code === 'invalid-input',
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('install exit codes: 3010 and 1641 are success needing a restart; 1603 fails with the log analyzed', async () => {
  for (const [code, status, reboot] of [
    [3010, 'succeeded', true],
    [1641, 'succeeded', true],
    [1603, 'failed', false],
  ] as const) {
    const dataDir = tempDir();
    try {
      const analyzed: string[] = [];
      const out = (spec: CommandSpec, exitCode: number): CommandOutput => ({
        spec,
        exitCode,
        stdout: '',
        stderr: '',
        durationMs: 1,
        timedOut: false,
        error: null,
        elevated: true,
      });
      const service = new RepairService({
        dataDir,
        runner: { kind: 'simulated', run: async (spec) => out(spec, 0) },
        elevatedRunner: {
          kind: 'simulated',
          runBatch: async (specs) => ({ status: 'ok', outputs: specs.map((s) => out(s, code)), message: null }),
        },
        probes: ALL_PROBES,
        user: { sid: null, profile: null, temp: null },
        statPath: async () => 'file',
        analyzeLog: async (path) => {
          analyzed.push(path);
          throw new Error('no log in this fake');
        },
      });
      const plan = await service.plan('retry-install-elevated-logged', { msiPath: 'C:\\a\\b.msi' });
      const outcome = await service.run(plan.planId, { confirmations: [] });
      assert.equal(outcome.status, status);
      assert.equal(outcome.rebootRequired, reboot);
      assert.equal(outcome.verified, status === 'succeeded' ? true : null);
      assert.equal(outcome.message?.key, reboot ? 'repair.message.restart-needed' : 'repair.message.install-failed');
      assert.deepEqual(analyzed, [outcome.installLog!.path]);
      assert.equal(outcome.installLog!.error, 'no log in this fake');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
});

test('bad input gives a clear RepairError, never a stack trace: unknown repair, bad params, unknown plan/journal', async () => {
  const dataDir = tempDir();
  try {
    const service = createRepairServiceFor(createSystem({ simulate: 'healthy' }), dataDir);
    await assert.rejects(
      service.plan('format-c-drive', {}),
      (e: unknown) => e instanceof RepairError && e.code === 'invalid-input' && /not a repair/.test(e.message),
    );
    await assert.rejects(
      service.plan('restart-computer', { restartInMinutes: -3 }),
      (e: unknown) => e instanceof RepairError && e.code === 'invalid-input',
    );
    await assert.rejects(
      service.run('nope', { confirmations: [] }),
      (e: unknown) => e instanceof RepairError && e.code === 'not-found',
    );
    await assert.rejects(
      service.undo('../../etc/passwd'),
      (e: unknown) => e instanceof RepairError && e.code === 'not-found',
    );
    await assert.rejects(
      service.plan('enable-msiserver', {}),
      (e: unknown) => e instanceof RepairError && e.reason.key === 'repair.refusal.nothing-to-do',
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a failed backup stops the elevated batch: the change never runs (simulated batch + the real batch script)', async () => {
  const dataDir = tempDir();
  try {
    // Make the backup impossible: the backup folder disappears right before the batch, so icacls /save fails.
    const system = createSystem({ simulate: '2503-windows-temp-acl' });
    const before = JSON.stringify(system.simulation!.machine.state);
    const service = createRepairServiceFor(system, dataDir, {
      hooks: {
        beforeStep: (id) => {
          if (id === 'backup-acl') rmSync(join(dataDir, 'backups'), { recursive: true, force: true });
        },
      },
    });
    const plan = await service.plan('restore-windows-temp-acl', { removeSids: [] });
    const outcome = await service.run(plan.planId, { confirmations: plan.confirmations });
    assert.equal(outcome.status, 'failed');
    assert.deepEqual(
      outcome.steps.slice(0, 2).map((s) => [s.id, s.status]),
      [
        ['backup-acl', 'failed'],
        ['grant-defaults', 'skipped'],
      ],
    );
    assert.equal(outcome.undoAvailable, false);
    assert.equal(JSON.stringify(system.simulation!.machine.state), before, 'nothing changed');
    // The real elevated batch script carries the same rule.
    const { buildElevatedScript, batchPaths } = await import('../system/run/elevated-script.ts');
    const script = buildElevatedScript(
      service.planSpecs(plan.planId) ??
        (await service.plan('restore-windows-temp-acl', { removeSids: [] }).then((p) => service.planSpecs(p.planId)!)),
      batchPaths('C:\\ProgramData\\MSI Doctor\\elev', 'abc123'),
    );
    assert.match(script, /\$okCodes = @\('0', '0'/);
    assert.match(script, /-notcontains \[string\]\$r\.exitCode\)\) \{ break \}/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an unwritable data folder refuses the run before anything changes (no journal, no backups = not safe)', async () => {
  const dataDir = tempDir();
  try {
    writeFileSync(join(dataDir, 'journals'), 'a file where the journals folder should be');
    const system = createSystem({ simulate: 'msiserver-disabled' });
    const before = JSON.stringify(system.simulation!.machine.state);
    const service = createRepairServiceFor(system, dataDir);
    const plan = await service.plan('enable-msiserver', {});
    await assert.rejects(
      service.run(plan.planId, { confirmations: [] }),
      (e: unknown) => e instanceof RepairError && e.code === 'unavailable',
    );
    assert.equal(JSON.stringify(system.simulation!.machine.state), before);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("issue 15 #6: an elevated batch gets its steps' own timeouts plus the prompt, never the runner's 10-minute default", async () => {
  const dataDir = tempDir();
  try {
    const system = createSystem({ simulate: '2502-not-elevated' });
    const msi = 'C:\\Users\\zhang.wei\\Downloads\\go1.23.msi';
    system.simulation!.machine.writeFile(msi, new Uint8Array([0xd0, 0xcf]));
    const runner = system.elevatedRunner;
    const seen: Array<{ specs: CommandSpec[]; timeoutMs: number | undefined }> = [];
    system.elevatedRunner = {
      kind: runner.kind,
      runBatch: (specs, options) => {
        seen.push({ specs, timeoutMs: options?.timeoutMs });
        return runner.runBatch(specs, options);
      },
    };
    const service = createRepairServiceFor(system, dataDir);
    const plan = await service.plan('retry-install-elevated-logged', { msiPath: msi });
    const outcome = await service.run(plan.planId, { confirmations: [] });
    assert.equal(outcome.status, 'succeeded');
    assert.equal(seen.length, 1);
    const steps = seen[0]!.specs.reduce((sum, s) => sum + (s.timeoutMs ?? 0), 0);
    assert.ok(steps >= 3 * 60 * 60_000, 'msiexec may run for hours');
    assert.ok(
      seen[0]!.timeoutMs! >= steps + 60_000,
      `${seen[0]!.timeoutMs} ms for ${steps} ms of steps plus the prompt`,
    );
    // Undo's elevated batch too.
    const enable = createSystem({ simulate: 'msiserver-disabled' });
    const inner = enable.elevatedRunner;
    const undoSeen: Array<number | undefined> = [];
    enable.elevatedRunner = {
      kind: inner.kind,
      runBatch: (specs, options) => {
        undoSeen.push(options?.timeoutMs);
        return inner.runBatch(specs, options);
      },
    };
    const other = createRepairServiceFor(enable, join(dataDir, 'enable'));
    const done = await other.run((await other.plan('enable-msiserver', {})).planId, { confirmations: [] });
    await other.undo(done.journalId);
    assert.equal(undoSeen.length, 2);
    assert.ok(
      undoSeen.every((t) => typeof t === 'number' && t > 60_000),
      String(undoSeen),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
