// Hostile journals and a crash before the first backup: a journal is data, never code.
// Each test makes a real run on the simulated machine, tampers its journal as a same-user process could, then undoes
// it and checks what the runners received: only commands rebuilt from the catalog, never anything from the journal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandRunner, CommandSpec, ElevatedRunner } from '../system/run/command-runner.ts';
import { createSystem, type SystemHandle } from './system-factory.ts';
import { createRepairServiceFor } from './repair-system.ts';
import { RepairError } from './repair-service.ts';
import { tamperPlan } from './journal-tamper.test-support.ts';

const RUN_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';
/** Commands a same-user attacker would like to see run as administrator. */
const EVIL: Record<string, CommandSpec> = {
  'program outside System32': {
    file: 'C:\\Users\\Public\\Downloads\\reg.exe',
    args: ['query', 'HKLM\\SOFTWARE'],
    encoding: 'oem',
  },
  'Run key through reg.exe': {
    file: 'reg.exe',
    args: ['add', RUN_KEY, '/v', 'x', '/d', 'C:\\Users\\Public\\evil.exe', '/f'],
    encoding: 'oem',
  },
  'System32 ACL through icacls': {
    file: 'C:\\Windows\\System32\\icacls.exe',
    args: ['C:\\Windows\\System32', '/grant', 'zhang.wei:(OI)(CI)F'],
    encoding: 'oem',
  },
  'service binPath through sc.exe': {
    file: 'sc.exe',
    args: ['config', 'msiserver', 'binPath=', 'cmd /c net localgroup administrators zhang.wei /add'],
    encoding: 'oem',
  },
  'a command of another repair': {
    file: 'icacls.exe',
    args: ['C:\\Windows', '/restore', 'C:\\Users\\Public\\planted.acl'],
    encoding: 'oem',
  },
};

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'msi-doctor-hostile-'));
}

/** The system with runners that record every command once recording is on. */
function recording(base: SystemHandle) {
  const ran: CommandSpec[] = [];
  let on = false;
  const runner: CommandRunner = {
    kind: base.runner.kind,
    run: (spec, o) => {
      if (on) ran.push(spec);
      return base.runner.run(spec, o);
    },
  };
  const elevatedRunner: ElevatedRunner = {
    kind: base.elevatedRunner.kind,
    runBatch: (specs, o) => {
      if (on) ran.push(...specs);
      return base.elevatedRunner.runBatch(specs, o);
    },
  };
  return { system: { ...base, runner, elevatedRunner }, ran, record: () => (on = true) };
}

/** Puts `evil` as the undo command of every step, in the shape journals used to carry commands. */
function injectUndo(evil: CommandSpec) {
  return (plan: Record<string, unknown>) => {
    for (const step of plan.steps as Array<Record<string, unknown>>) step.undo = [evil];
  };
}

const argvText = (specs: CommandSpec[]): string => specs.map((s) => [s.file, ...s.args].join(' ')).join('\n');

for (const [name, evil] of Object.entries(EVIL)) {
  test(`hostile journal (${name}): undo runs only the catalog's own undo, rebuilt from recorded data`, async () => {
    const dataDir = tempDir();
    try {
      const base = createSystem({ simulate: 'msiserver-disabled' });
      const before = JSON.stringify(base.simulation!.machine.state);
      const { system, ran, record } = recording(base);
      const service = createRepairServiceFor(system, dataDir);
      const plan = await service.plan('enable-msiserver', {});
      const outcome = await service.run(plan.planId, { confirmations: [] });
      assert.equal(outcome.status, 'succeeded');
      tamperPlan(dataDir, outcome.journalId, injectUndo(evil));
      record();
      const undone = await createRepairServiceFor(system, dataDir).undo(outcome.journalId);
      assert.equal(undone.status, 'succeeded');
      assert.equal(ran.length, 1, argvText(ran));
      assert.equal(ran[0]!.file, 'C:\\Windows\\System32\\sc.exe');
      assert.deepEqual(ran[0]!.args, ['config', 'msiserver', 'start=', 'disabled']);
      assert.doesNotMatch(argvText(ran), /Public|Run|binPath|\/grant|\/restore/);
      assert.equal(JSON.stringify(base.simulation!.machine.state), before, 'exactly the previous state, nothing more');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test('hostile journal (service binPath as the recorded previous ImagePath): never written back as administrator', async () => {
  const dataDir = tempDir();
  try {
    const base = createSystem({ simulate: 'healthy' });
    const machine = base.simulation!.machine;
    machine.setValue(machine.serviceKey('msiserver'), 'ImagePath', {
      type: 'REG_EXPAND_SZ',
      data: 'C:\\Windows\\SysWOW64\\msiexec.exe /V',
    });
    const { system, ran, record } = recording(base);
    const service = createRepairServiceFor(system, dataDir);
    const plan = await service.plan('repair-msiserver-registration', {});
    const outcome = await service.run(plan.planId, { confirmations: [] });
    assert.equal(outcome.status, 'succeeded');
    const after = JSON.stringify(machine.state);
    const binPath = 'cmd /c net localgroup administrators zhang.wei /add';
    tamperPlan(dataDir, outcome.journalId, (p) => {
      (p.data as Record<string, unknown>).previousImagePath = binPath;
      injectUndo({
        file: 'reg.exe',
        args: [
          'add',
          'HKLM\\SYSTEM\\CurrentControlSet\\Services\\msiserver',
          '/v',
          'ImagePath',
          '/t',
          'REG_EXPAND_SZ',
          '/d',
          binPath,
          '/f',
        ],
        encoding: 'oem',
      })(p);
    });
    record();
    await assert.rejects(
      createRepairServiceFor(system, dataDir).undo(outcome.journalId),
      (e: unknown) => e instanceof RepairError && e.code === 'forbidden',
    );
    assert.equal(ran.length, 0, argvText(ran));
    assert.equal(JSON.stringify(machine.state), after);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A valid `icacls /save` file (UTF-16LE) with one entry. */
function aclFile(name: string, sddl: string): Buffer {
  return Buffer.from(`${name}\r\n${sddl}\r\n`, 'utf16le');
}

for (const [name, content] of [
  ['another folder (System32, Everyone full control)', aclFile('System32', 'D:PAI(A;OICI;FA;;;WD)')],
  ['the same folder, other permissions', aclFile('Temp', 'D:PAI(A;OICI;FA;;;WD)(A;OICI;FA;;;SY)')],
  [
    'two entries',
    Buffer.concat([aclFile('Temp', 'D:PAI(A;OICI;FA;;;SY)'), aclFile('System32', 'D:PAI(A;OICI;FA;;;WD)')]),
  ],
] as const) {
  test(`swapped backup (${name}): not restored, the user is told why, nothing else runs`, async () => {
    const dataDir = tempDir();
    try {
      const base = createSystem({ simulate: '2503-windows-temp-acl' });
      const machine = base.simulation!.machine;
      const system32 = machine.entry('C:\\Windows\\System32')?.sddl ?? null;
      const { system, ran, record } = recording(base);
      const service = createRepairServiceFor(system, dataDir);
      const plan = await service.plan('restore-windows-temp-acl', { removeSids: [] });
      const outcome = await service.run(plan.planId, { confirmations: plan.confirmations });
      assert.equal(outcome.status, 'succeeded');
      const fixed = machine.entry('C:\\Windows\\Temp')!.sddl;
      writeFileSync(join(dataDir, 'backups', outcome.journalId, 'windows-temp.acl'), content);
      record();
      const undone = await createRepairServiceFor(system, dataDir).undo(outcome.journalId);
      assert.equal(undone.status, 'failed');
      assert.equal(undone.message?.key, 'repair.message.backup-not-restored');
      assert.match(String(undone.message?.params.reason), /backup/);
      assert.equal(ran.length, 0, argvText(ran));
      assert.equal(machine.entry('C:\\Windows\\Temp')!.sddl, fixed);
      assert.equal(machine.entry('C:\\Windows\\System32')?.sddl ?? null, system32);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test('kill -9 between the batch\'s step-start lines and the backup: "nothing to undo (no backup was taken)", then cleared', async () => {
  const dataDir = tempDir();
  try {
    const base = createSystem({ simulate: '2503-windows-temp-acl' });
    const machine = base.simulation!.machine;
    const before = JSON.stringify(machine.state);
    // The crash: every step-start of the elevated batch is on disk, the process dies before the prompt returns.
    const crashing = createRepairServiceFor(base, dataDir, {
      hooks: {
        beforeStep: (id) => {
          if (id === 'grant-defaults') throw new Error('killed');
        },
      },
    });
    const plan = await crashing.plan('restore-windows-temp-acl', { removeSids: [] });
    await assert.rejects(crashing.run(plan.planId, { confirmations: plan.confirmations }), /killed/);
    assert.equal(JSON.stringify(machine.state), before, 'the batch never ran');
    const { system, ran, record } = recording(base);
    const restarted = createRepairServiceFor(system, dataDir);
    const [unfinished] = restarted.unfinishedJournals();
    assert.ok(unfinished, 'reported on the next start');
    record();
    const undone = await restarted.undo(unfinished.journalId);
    assert.equal(undone.status, 'succeeded');
    assert.equal(undone.message?.key, 'repair.message.nothing-to-undo');
    assert.equal(ran.length, 0, argvText(ran));
    assert.deepEqual(restarted.unfinishedJournals(), [], 'cleared: it leaves the list');
    assert.equal(JSON.stringify(machine.state), before);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
