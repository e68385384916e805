// Issue 19 on the simulated machine: the four "installed, but the terminal says otherwise" scenarios. The scan names
// the real state; the offered repair makes the version command print the installed version from a fresh
// environment; undo writes back the exact previous REG_EXPAND_SZ value; over the limit, adding is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import type { PathEnvironmentData } from '../../shared/contract/evidence-data.ts';
import type { RepairId } from '../../shared/contract/ids.ts';
import { runScan } from './scan-service.ts';
import { createSystem, type SystemHandle } from './system-factory.ts';
import { createRepairServiceFor } from './repair-system.ts';
import { MACHINE_ENVIRONMENT_KEY } from '../system/repairs/path-value.ts';
import { translate } from '../../shared/knowledge/texts.ts';
import { causeInfo } from '../../shared/knowledge/causes.ts';
import { parseOtherUserPath } from '../system/probes/other-user-path.ts';

async function scan(system: SystemHandle) {
  return runScan(
    { symptom: '' },
    {
      runner: system.runner,
      elevatedRunner: system.elevatedRunner,
      probes: system.probes,
      parseSymptom,
      environment: system.environment,
      user: system.user,
      processElevated: system.processElevated,
      analyzeLog: system.analyzeLog,
      diagnose,
    },
  );
}

function pathData(result: Awaited<ReturnType<typeof scan>>): PathEnvironmentData {
  const e = result.evidence.find((x) => x.probe === 'path-environment');
  assert.ok(e, 'path-environment ran');
  const data = e.data;
  assert.ok(data, `path-environment data: ${e.error ?? e.status}`);
  return data;
}

const product = (d: PathEnvironmentData, id: string) => {
  const p = d.products.find((x) => x.id === id);
  assert.ok(p, `${id} found`);
  return p;
};

async function withService<T>(
  system: SystemHandle,
  body: (s: ReturnType<typeof createRepairServiceFor>) => Promise<T>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-path-'));
  try {
    return await body(createRepairServiceFor(system, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('go-new-terminal: installed and on the machine PATH; the open terminal is stale, a new one prints go1.21.5', async () => {
  const system = createSystem({ simulate: 'go-new-terminal' });
  const result = await scan(system);
  const go = product(pathData(result), 'go');
  assert.equal(go.state, 'new-terminal');
  assert.equal(go.inOpenProcessPath, false, "the app's own (old) PATH does not find go");
  assert.equal(go.runs[0]!.program, 'C:\\Program Files\\Go\\bin\\go.exe');
  assert.match(go.runs[0]!.stdout, /^go version go1\.21\.5 windows\/amd64/);
  assert.equal(go.runs[1]!.read, 'C:\\Program Files\\Go', 'go env GOROOT');
  assert.equal(result.findings[0]?.cause, 'no-problem-found', 'nothing to repair: open a new terminal');
});

const REPAIRED: Array<{
  scenario: string;
  product: string;
  state: string;
  cause: string;
  repair: RepairId;
  elevated: boolean;
  before: RegExp | null;
  after: RegExp;
}> = [
  {
    scenario: 'go-per-user-admin-hive',
    product: 'go',
    state: 'not-on-path',
    cause: 'program-not-on-path',
    repair: 'add-to-path',
    elevated: false,
    before: null,
    after: /^go version go1\.21\.5 windows\/amd64/,
  },
  {
    scenario: 'go-old-shadows-new',
    product: 'go',
    state: 'shadowed',
    cause: 'older-program-on-path',
    repair: 'remove-stale-path-entry',
    elevated: true,
    before: /^go version go1\.19\.13 /,
    after: /^go version go1\.21\.5 windows\/amd64/,
  },
  {
    scenario: 'nodejs-path-over-limit',
    product: 'nodejs',
    state: 'past-limit',
    cause: 'program-not-on-path',
    repair: 'remove-stale-path-entry',
    elevated: true,
    before: null,
    after: /^v20\.11\.1/,
  },
];

for (const c of REPAIRED) {
  test(`${c.scenario}: scan says ${c.state} (${c.cause}); ${c.repair} makes the version command answer from a fresh environment; undo restores Path exactly`, async () => {
    const system = createSystem({ simulate: c.scenario });
    const machine = system.simulation!.machine;
    const first = await scan(system);
    const before = product(pathData(first), c.product);
    assert.equal(before.state, c.state);
    if (c.before) assert.match(before.runs[0]!.stdout, c.before);
    else assert.equal(before.runs[0]!.ran, false, 'not found before the repair');
    const finding = first.findings[0]!;
    assert.equal(finding.cause, c.cause);
    assert.equal(finding.repairs[0], c.repair, 'the offered repair');
    const scope = c.elevated ? MACHINE_ENVIRONMENT_KEY : 'HKCU\\Environment';
    const previous = structuredClone(machine.getValue(scope, 'Path'));
    const otherScope = structuredClone(
      machine.getValue(c.elevated ? 'HKCU\\Environment' : MACHINE_ENVIRONMENT_KEY, 'Path'),
    );
    await withService(system, async (service) => {
      const plan = await service.plan(c.repair, {}, { evidence: first.evidence });
      assert.equal(plan.needsElevation, c.elevated);
      const outcome = await service.run(plan.planId, { confirmations: plan.confirmations });
      assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome.steps));
      assert.equal(outcome.verified, true);
      const written = machine.getValue(scope, 'Path')!;
      assert.equal(written.type, 'REG_EXPAND_SZ');
      // Never reordered, never another entry dropped: the kept entries are the old ones, in the old order.
      const oldEntries = String(previous?.data ?? '').split(';');
      const newEntries = String(written.data).split(';');
      assert.deepEqual(
        newEntries.filter((e) => oldEntries.includes(e)),
        oldEntries.filter((e) => newEntries.includes(e)),
      );
      assert.deepEqual(
        machine.getValue(c.elevated ? 'HKCU\\Environment' : MACHINE_ENVIRONMENT_KEY, 'Path'),
        otherScope,
      );
      const after = product(pathData(await scan(system)), c.product);
      assert.ok(after.state === 'works' || after.state === 'new-terminal', after.state);
      assert.equal(after.runs[0]!.ran, true);
      assert.match(after.runs[0]!.stdout, c.after);
      const undone = await service.undo(outcome.journalId);
      assert.equal(undone.status, 'succeeded', JSON.stringify(undone.steps));
      assert.deepEqual(machine.getValue(scope, 'Path'), previous, 'the exact previous REG_EXPAND_SZ value');
    });
  });
}

test("go-per-user-admin-hive: the elevated check names the administrator hive; the fix goes to the user's own PATH, unelevated", async () => {
  const system = createSystem({ simulate: 'go-per-user-admin-hive' });
  const result = await scan(system);
  const other = result.evidence.find((e) => e.probe === 'other-user-path')!;
  assert.equal(other.status, 'warning');
  assert.equal(other.elevated, true);
  const data = other.data!;
  assert.equal(data.hives[0]!.profile, 'C:\\Users\\it.admin');
  assert.ok(result.findings[0]!.reasons.some((r) => r.key === 'fact.path-other-account'));
  const admin = 'HKU\\S-1-5-21-1004336348-1177238915-682003330-1001\\Environment';
  const adminPath = structuredClone(system.simulation!.machine.getValue(admin, 'Path'));
  await withService(system, async (service) => {
    const plan = await service.plan('add-to-path', {}, { evidence: result.evidence });
    assert.ok(
      plan.steps.every((s) => !s.elevated),
      'no administrator needed',
    );
    await service.run(plan.planId, { confirmations: [] });
  });
  assert.deepEqual(
    system.simulation!.machine.getValue(admin, 'Path'),
    adminPath,
    "the administrator's PATH is not touched",
  );
});

test('nodejs-path-over-limit: adding to PATH is refused while it would pass the limit', async () => {
  const system = createSystem({ simulate: 'nodejs-path-over-limit' });
  const result = await scan(system);
  const d = pathData(result);
  assert.equal(d.overLimit, true);
  assert.ok(d.freshLength > d.limit);
  // Make node's folder "not on PATH" by removing its entry: adding it back would still pass the limit.
  const machine = system.simulation!.machine;
  const value = machine.getValue(MACHINE_ENVIRONMENT_KEY, 'Path')!;
  value.data = String(value.data).replace(';C:\\Program Files\\nodejs\\', '');
  const again = await scan(system);
  assert.equal(product(pathData(again), 'nodejs').state, 'not-on-path');
  await withService(system, async (service) => {
    await assert.rejects(service.plan('add-to-path', { product: 'nodejs' }, { evidence: again.evidence }), (e: Error) =>
      /path-too-long/.test(String((e as { reason?: { key?: string } }).reason?.key ?? e.message)),
    );
  });
});

test('a Path changed between plan and run is never overwritten (compare-and-swap)', async () => {
  const system = createSystem({ simulate: 'go-old-shadows-new' });
  const result = await scan(system);
  const machine = system.simulation!.machine;
  await withService(system, async (service) => {
    const plan = await service.plan('remove-stale-path-entry', {}, { evidence: result.evidence });
    // Another installer appends its folder after the plan was made (the run's own re-check sees it: refused or failed).
    const value = machine.getValue(MACHINE_ENVIRONMENT_KEY, 'Path')!;
    value.data = `${String(value.data)};C:\\Tools\\bin`;
    const changed = String(value.data);
    const outcome = await service.run(plan.planId, { confirmations: plan.confirmations }).catch((e: Error) => e);
    if (!(outcome instanceof Error)) assert.notEqual(outcome.status, 'succeeded');
    assert.equal(machine.getValue(MACHINE_ENVIRONMENT_KEY, 'Path')!.data, changed);
  });
});

test('version commands never run as administrator: the app running elevated reports them as not run', async () => {
  const system = createSystem({ simulate: 'go-new-terminal' });
  system.simulation!.machine.state.elevation.processElevated = true;
  const go = product(pathData(await scan({ ...system, processElevated: true })), 'go');
  assert.equal(go.runs[0]!.ran, false);
  assert.equal(go.runs[0]!.notRun, 'elevated');
});

test('counts in the PATH texts agree with their number ("1 entry", "2 entries"; "1 other account") in English and Chinese', async () => {
  const system = createSystem({ simulate: 'go-old-shadows-new' });
  const result = await scan(system);
  await withService(system, async (service) => {
    const plan = await service.plan('remove-stale-path-entry', {}, { evidence: result.evidence });
    const removal = plan.steps.find((s) => s.description.key.endsWith('.step.remove-machine'));
    assert.ok(removal, 'the plan removes from the machine PATH');
    assert.match(translate(removal.description, 'en'), /^Remove 1 entry from the computer's PATH: C:\\Go\\bin;/);
    assert.match(translate(removal.description, 'zh-CN'), /删除 1 个条目：/);
  });
  const many = {
    key: 'repair.remove-stale-path-entry.step.remove-user',
    params: {
      entries: 'a; b',
      count: 2, // a plural family: key_one / key_other chosen by {count}
    },
  };
  assert.match(translate(many, 'en'), /^Remove 2 entries from your PATH/);
  const none = (hives: number) =>
    parseOtherUserPath([
      {
        spec: { file: 'powershell.exe', args: [], encoding: 'utf8' },
        exitCode: 0,
        stdout: JSON.stringify({
          elevated: true,
          hives: Array.from({ length: hives }, (_, i) => ({
            sid: `S-1-5-21-1-2-3-${1000 + i}`,
            profile: null,
            path: null,
            entries: [],
          })),
          denied: 0,
        }),
        stderr: '',
        durationMs: 1,
        timedOut: false,
        error: null,
        elevated: true,
      },
    ]).summary;
  assert.match(translate(none(1), 'en'), /\(1 other account checked\)/);
  assert.match(translate(none(3), 'en'), /\(3 other accounts checked\)/);
  assert.match(translate(none(3), 'zh-CN'), /检查了 3 个其他账户/);
});

test("python-store-alias: the Microsoft Store's placeholder python.exe answers first; its own state, cause and fix in English and Chinese", async () => {
  const system = createSystem({ simulate: 'python-store-alias' });
  const result = await scan(system);
  const python = product(pathData(result), 'python');
  assert.equal(python.state, 'store-alias');
  assert.equal(python.resolved?.folder, 'C:\\Users\\zhang.wei\\AppData\\Local\\Microsoft\\WindowsApps');
  assert.equal(python.binFolder, 'C:\\Users\\zhang.wei\\AppData\\Local\\Programs\\Python\\Python312');
  assert.equal(result.findings[0]?.cause, 'store-alias-on-path');
  assert.deepEqual(result.findings[0]?.repairs ?? [], [], 'no automatic repair: the alias is a Windows setting');
  const evidence = result.evidence.find((e) => e.probe === 'path-environment')!;
  assert.match(translate(evidence.summary, 'en'), /placeholder python\.exe .*App execution aliases/);
  assert.match(translate(evidence.summary, 'zh-CN'), /应用执行别名/);
  const cause = causeInfo('store-alias-on-path');
  assert.match(cause.nextSteps.map((s) => s.en).join(' '), /App execution aliases.*python\.exe/);
  assert.match(cause.nextSteps.map((s) => s['zh-CN']).join(' '), /应用执行别名/);
  // The user turns the aliases off (Windows removes the placeholders): a fresh check runs the installed Python.
  system.simulation!.machine.removeEntry('C:\\Users\\zhang.wei\\AppData\\Local\\Microsoft\\WindowsApps\\python.exe');
  const after = product(pathData(await scan(system)), 'python');
  assert.notEqual(after.state, 'store-alias');
  assert.equal(after.runs[0]!.read, '3.12.1');
});

test('the Store placeholder alone (Python not installed) is not reported as a Python that fails', async () => {
  const system = createSystem({ simulate: 'python-store-alias' });
  const m = system.simulation!.machine;
  m.state.products = [];
  m.removeEntry('C:\\Users\\zhang.wei\\AppData\\Local\\Programs\\Python\\Python312\\python.exe');
  const data = pathData(await scan(system));
  assert.equal(
    data.products.find((p) => p.id === 'python'),
    undefined,
  );
});

test('registered: Windows Installer has the recognised product installed (ProductState 5) and its key file is found under the ARP InstallLocation', async () => {
  const system = createSystem({ simulate: 'go-old-shadows-new' });
  const go = product(pathData(await scan(system)), 'go');
  assert.deepEqual(
    go.installed.map((a) => [a.scope, a.productCode, a.productState]),
    [['machine', '{5F4B4E3B-8E24-4B0B-9E1F-3C6E2F1A0B21}', 5]],
  );
  assert.equal(go.binFolder, 'C:\\Program Files\\Go\\bin');

  // Go installed to a folder of the user's choice: found through InstallLocation, not the default folders.
  const custom = createSystem({ simulate: 'go-new-terminal' });
  const m = custom.simulation!.machine;
  const exe = m.state.files['C:\\Program Files\\Go\\bin\\go.exe']!;
  m.removeEntry('C:\\Program Files\\Go\\bin\\go.exe');
  m.state.files['D:\\Tools\\Go\\bin\\go.exe'] = exe;
  m.state.products.find((p) => p.name.startsWith('Go '))!.installLocation = 'D:\\Tools\\Go\\';
  const path = m.getValue(MACHINE_ENVIRONMENT_KEY, 'Path')!;
  path.data = String(path.data).replace('C:\\Program Files\\Go\\bin', 'D:\\Tools\\Go\\bin');
  const moved = product(pathData(await scan(custom)), 'go');
  assert.equal(moved.binFolder, 'D:\\Tools\\Go\\bin');
  assert.equal(moved.state, 'new-terminal');
  assert.equal(moved.runs[0]!.read, '1.21.5');
});

test('not registered: an Add/Remove Programs entry Windows Installer does not have installed is its own state, en + zh-CN', async () => {
  const system = createSystem({ simulate: 'go-new-terminal' });
  system.simulation!.machine.state.products.find((p) => p.name.startsWith('Go '))!.msiState = 2;
  const result = await scan(system);
  const go = product(pathData(result), 'go');
  assert.equal(go.installed[0]!.productState, 2);
  assert.equal(go.state, 'not-registered');
  const evidence = result.evidence.find((e) => e.probe === 'path-environment')!;
  assert.equal(evidence.status, 'problem');
  assert.match(translate(evidence.summary, 'en'), /Windows Installer does not have it installed/);
  assert.match(translate(evidence.summary, 'zh-CN'), /Windows Installer 中并没有安装它/);
});

test("go-path-not-broadcast: the registry's PATH has Go, Explorer's does not; broadcast-environment-change (no administrator, nothing written) makes Explorer hand out the new PATH", async () => {
  const system = createSystem({ simulate: 'go-path-not-broadcast' });
  const result = await scan(system);
  const data = pathData(result);
  const go = product(data, 'go');
  assert.equal(data.shellPathRead, true);
  assert.equal(go.inShellPath, false);
  assert.equal(go.state, 'not-broadcast');
  assert.equal(go.runs[0]!.read, '1.21.5', 'a process built from the registry finds it');
  assert.equal(result.findings[0]?.cause, 'path-change-not-broadcast');
  const evidence = result.evidence.find((e) => e.probe === 'path-environment')!;
  assert.match(
    translate(evidence.summary, 'en'),
    /without telling Windows.*announce the change \(no administrator needed\)/,
  );
  assert.match(translate(evidence.summary, 'zh-CN'), /没有通知 Windows/);
  const machine = system.simulation!.machine;
  const registryBefore = JSON.stringify(machine.state.registry);
  await withService(system, async (service) => {
    const plan = await service.plan('broadcast-environment-change', {}, { evidence: result.evidence });
    const broadcast = plan.steps.find(
      (s) => s.description.key === 'repair.broadcast-environment-change.step.broadcast',
    );
    assert.ok(broadcast);
    assert.ok(
      plan.steps.every((s) => !s.elevated),
      'no administrator',
    );
    assert.equal(plan.reversible, false);
    assert.match(translate(broadcast.description, 'en'), /Announce the environment change/);
    const run = await service.run(plan.planId, { confirmations: plan.confirmations });
    assert.equal(run.status, 'succeeded');
    assert.equal(run.verified, true);
  });
  assert.equal(JSON.stringify(machine.state.registry), registryBefore, 'nothing written to the registry');
  const after = product(pathData(await scan(system)), 'go');
  assert.equal(after.inShellPath, true);
  assert.notEqual(after.state, 'not-broadcast');
  // Refused when there is nothing to announce.
  const again = await scan(system);
  await withService(system, async (service) => {
    await assert.rejects(service.plan('broadcast-environment-change', {}, { evidence: again.evidence }));
  });
});
