// Issue 15 #10 on the simulated machine: a C:\Windows\Temp recreated by the repair gets exactly its default entries
// (protected, nothing inherited from C:\Windows), so users can create files there but never list or read them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPAIR_CATALOG } from '../repairs/catalog.ts';
import { context, tempFolders } from '../repairs/repair-fixtures.test-support.ts';
import { parseSddl } from '../probes/sddl.ts';
import { SID } from '../well-known-sids.ts';
import { createSimulation } from './index.ts';
import { tokenView } from './token-view.ts';

test('restore-windows-temp-acl (issue 15 #10): a recreated C:\\Windows\\Temp keeps none of C:\\Windows\\ inherited entries', () => {
  const sim = createSimulation('healthy', { approve: true });
  const m = sim.machine;
  const temp = 'C:\\Windows\\Temp';
  for (const key of Object.keys(m.state.files))
    if (key.toLowerCase().startsWith(temp.toLowerCase())) m.removeEntry(key);
  assert.equal(m.exists(temp), false);

  const plan = REPAIR_CATALOG['restore-windows-temp-acl'].build(
    context({}, { 'temp-folders': tempFolders({ windowsTemp: { exists: false, isDirectory: false } }) }),
  );
  assert.deepEqual(
    plan.steps.map((s) => s.step.id),
    ['create-folder', 'grant-defaults'],
  );
  // Without the grant step, the new folder would inherit C:\Windows' entries: Users may read, app packages too.
  const created = sim.emulator.run(plan.steps[0]!.spec!, { machine: m, elevated: true });
  assert.equal(created.exitCode, 0);
  const inherited = parseSddl(m.effectiveSddl(temp))!;
  assert.ok(
    inherited.dacl.some((a) => a.sid === SID.allApplicationPackages),
    'the folder inherits from C:\\Windows first',
  );
  assert.equal(tokenView(m, { elevated: false }).canList(temp), true, 'and users could list it');

  const granted = sim.emulator.run(plan.steps[1]!.spec!, { machine: m, elevated: true });
  assert.equal(granted.exitCode, 0, Buffer.from(granted.stderr).toString());
  const sd = parseSddl(m.effectiveSddl(temp))!;
  assert.match(sd.daclFlags, /P/, 'protected: no longer inherits');
  assert.deepEqual(
    sd.dacl.filter((a) => a.flags.includes('ID')),
    [],
    'no inherited entry left',
  );
  assert.deepEqual(
    [...new Set(sd.dacl.map((a) => a.sid))].sort(),
    [SID.system, SID.administrators, SID.users, SID.creatorOwner].sort(),
  );
  const user = tokenView(m, { elevated: false });
  assert.equal(user.canList(temp), false, 'users cannot list C:\\Windows\\Temp');
  assert.equal(user.canCreateFile(temp), true, 'but can create their files there');
});
