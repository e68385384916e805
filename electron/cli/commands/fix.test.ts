// Tests of `msi-doctor fix` / `undo` on the simulated machine: dry run, confirmation rules, JSON outcome, state kept
// between processes, undo in a "new process", the unfinished-journal notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliUsageError } from '../cli-types.ts';
import { fakeIo, withDataDir, type FakeIo } from '../cli-test-io.test-support.ts';
import { repairOutcomeSchema } from '../../../shared/contract/repair.ts';
import { createSystem } from '../../services/system-factory.ts';
import { createRepairServiceFor, simulatedStatePath } from '../../services/repair-system.ts';
import { fixCommand } from './fix.ts';
import { undoCommand } from './undo.ts';

/** Streams for fix/undo: the answers typed on stdin, which claims to be a terminal when `tty`. */
function io(input: string[] = [], tty = false): FakeIo {
  return fakeIo({ stdin: input.map((l) => `${l}\n`).join(''), stdinIsTTY: tty });
}

test('fix --dry-run prints the plan with exact commands and changes nothing', async () => {
  await withDataDir(async (dir) => {
    const s = io();
    assert.equal(await fixCommand(['recommended', '--simulate', '2503-windows-temp-acl', '--dry-run'], s.io), 0);
    assert.match(s.out(), /icacls\.exe C:\\Windows\\Temp \/save /);
    assert.match(s.out(), /\*S-1-5-32-545:\(CI\)\(S,WD,AD,X\)/);
    assert.match(s.out(), /can be undone/);
    assert.equal(existsSync(join(dir, 'journals')), false);
    assert.equal(existsSync(simulatedStatePath(dir, '2503-windows-temp-acl')), false);
  });
});

test('fix refuses to run without confirmation when stdin is not a terminal (exit 2 via CliUsageError)', async () => {
  await withDataDir(async () => {
    await assert.rejects(
      fixCommand(['enable-msiserver', '--simulate', 'msiserver-disabled'], io().io),
      (e: unknown) => e instanceof CliUsageError && /--yes/.test(e.message),
    );
  });
});

test('fix on a terminal asks each confirmation; "n" runs nothing, all "y" runs', async () => {
  await withDataDir(async (dir) => {
    const no = io(['y', 'n'], true);
    assert.equal(await fixCommand(['end-stuck-client-install', '--simulate', '1618-stuck-client-install'], no.io), 1);
    assert.match(no.err(), /half-installed/);
    assert.match(no.err(), /Nothing was changed/);
    assert.equal(existsSync(join(dir, 'journals')), false);
    const yes = io(['y', 'y', 'yes'], true);
    assert.equal(await fixCommand(['end-stuck-client-install', '--simulate', '1618-stuck-client-install'], yes.io), 0);
    assert.match(yes.out(), /Verified: yes/);
  });
});

test('fix --yes --json prints msi-doctor/repair@1; the simulated machine persists; undo in a new run restores it', async () => {
  await withDataDir(async (dir) => {
    const original = JSON.stringify(createSystem({ simulate: '2503-windows-temp-acl' }).simulation!.machine.state);
    const s = io();
    assert.equal(await fixCommand(['recommended', '--simulate', '2503-windows-temp-acl', '--yes', '--json'], s.io), 0);
    const outcome = repairOutcomeSchema.parse(JSON.parse(s.out()));
    assert.equal(outcome.plan.repair, 'restore-windows-temp-acl');
    assert.equal(outcome.verified, true);
    const saved = readFileSync(simulatedStatePath(dir, '2503-windows-temp-acl'), 'utf8');
    assert.notEqual(JSON.stringify(JSON.parse(saved)), original);
    assert.ok(existsSync(join(dir, 'backups', outcome.journalId, 'windows-temp.acl')), 'icacls /save wrote the backup');
    // A new run scans the kept state: the cause is gone, so the ACL repair is no longer what it recommends.
    const again = io();
    await fixCommand(['recommended', '--simulate', '2503-windows-temp-acl', '--dry-run'], again.io).catch(() => 2);
    assert.doesNotMatch(again.err(), /recommended: restore-windows-temp-acl/);
    const u = io();
    assert.equal(await undoCommand([outcome.journalId, '--json'], u.io), 0);
    assert.equal(repairOutcomeSchema.parse(JSON.parse(u.out())).status, 'succeeded');
    assert.equal(
      JSON.stringify(JSON.parse(readFileSync(simulatedStatePath(dir, '2503-windows-temp-acl'), 'utf8'))),
      original,
    );
    await assert.rejects(undoCommand([outcome.journalId], io().io), CliUsageError);
    await assert.rejects(undoCommand(['no-such-journal'], io().io), CliUsageError);
  });
});

test('an unfinished journal is reported on the next start, with undo offered', async () => {
  await withDataDir(async (dir) => {
    const system = createSystem({ simulate: 'msiserver-disabled' });
    const crashing = createRepairServiceFor(system, dir, {
      hooks: {
        afterStep: () => {
          throw new Error('simulated crash');
        },
      },
    });
    const plan = await crashing.plan('enable-msiserver', {});
    await assert.rejects(crashing.run(plan.planId, { confirmations: [] }));
    const s = io();
    await fixCommand(['enable-msiserver', '--simulate', 'msiserver-disabled', '--dry-run', '--lang', 'zh-CN'], s.io);
    assert.match(s.err(), new RegExp(`有一个修复没有完成.*${plan.planId}`));
    assert.match(s.err(), new RegExp(`msi-doctor undo ${plan.planId}`));
  });
});

test('bad input: unknown repair, two machines, non-numeric options, an .msi that does not exist', async () => {
  await withDataDir(async () => {
    await assert.rejects(fixCommand(['format-disk'], io().io), CliUsageError);
    await assert.rejects(
      fixCommand(['recommended', '--simulate', 'healthy', '--scenario', 'x.json'], io().io),
      CliUsageError,
    );
    await assert.rejects(
      fixCommand(['restart-computer', '--simulate', 'healthy', '--restart-in', 'soon'], io().io),
      CliUsageError,
    );
    await assert.rejects(
      fixCommand(
        ['retry-install-elevated-logged', '--simulate', 'healthy', '--msi', 'C:\\nope\\x.msi', '--yes'],
        io().io,
      ),
      CliUsageError,
    );
    await assert.rejects(fixCommand([], io().io), CliUsageError);
  });
});
