// Every built-in scenario, run through all applicable probes on the simulated runners, shows the evidence it was built for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { evidenceSchema, probeData } from '../../../shared/contract/evidence.ts';
import { hasText } from '../../../shared/knowledge/texts.ts';
import { installerServiceProbe } from '../probes/installer-service.ts';
import { logReadCommand, parseLogRead } from '../probes/recent-logs.ts';
import { createSimulation, listScenarios, loadScenario, ScenarioError } from './index.ts';
import { checkExpectedEvidence, runAllProbes } from './scenario-check.ts';

const REQUIRED = [
  'healthy',
  '2503-windows-temp-acl',
  '2503-user-temp-missing',
  '2502-not-elevated',
  '1618-stuck-client-install',
  '1618-windows-update-busy',
  '1603-pending-reboot',
  '1603-custom-action',
  'msiserver-disabled',
  'policy-disable-msi',
  'always-install-elevated',
  'zh-CN-1618-stuck-client-install',
];

test('the required built-in scenarios are listed by name', () => {
  const names = listScenarios();
  for (const name of REQUIRED) assert.ok(names.includes(name), name);
});

for (const name of listScenarios()) {
  test(`scenario ${name}: probes show the expected evidence`, async () => {
    const sim = createSimulation(name);
    const id = sim.machine.state.identity;
    assert.deepEqual(
      [id.displayName, id.userName, id.profile, id.computerName, id.domain],
      ['张伟', 'zhang.wei', 'C:\\Users\\zhang.wei', 'WS-FIN-042', 'CONTOSO'],
    );
    const run = await runAllProbes(sim);
    assert.equal(run.elevation, 'granted');
    assert.equal(sim.elevatedRunner.prompts, 1, 'one UAC prompt per scan');
    assert.deepEqual(checkExpectedEvidence(sim.loaded.scenario.expect, run), []);
    for (const evidence of [...run.unelevated.values(), ...run.elevated.values()]) {
      // The evidence schema checks the data against the probe's own schema too.
      assert.ok(evidenceSchema.safeParse(evidence).success, `${evidence.probe} evidence schema`);
      assert.notEqual(evidence.status, 'error', `${evidence.probe}: ${evidence.error}`);
      assert.ok(hasText(evidence.summary.key), evidence.summary.key);
    }
  });
}

test('healthy: nothing is flagged anywhere, elevated or not', async () => {
  const run = await runAllProbes(createSimulation('healthy'));
  for (const e of [...run.unelevated.values(), ...run.elevated.values()])
    assert.equal(e.status, 'ok', `${e.probe} ${e.summary.key}`);
});

test('declined elevation: the ACL problem of 2503-windows-temp-acl stays invisible, and says why', async () => {
  const sim = createSimulation('2503-windows-temp-acl', { approve: false });
  const run = await runAllProbes(sim);
  assert.equal(run.elevation, 'declined');
  assert.equal(run.elevated.size, 0);
  const temp = run.best.get('temp-folders')!;
  assert.equal(temp.status, 'ok');
  assert.equal(temp.summary.key, 'probe.temp-folders.ok-acl-unchecked');
  assert.equal(probeData([temp], 'temp-folders')?.windowsTemp.aclChecked, false);
});

test('1618-windows-update-busy unelevated: the SYSTEM client is hidden, the busy service and Windows Update explain it', async () => {
  const run = await runAllProbes(createSimulation('1618-windows-update-busy'), { allowElevation: false });
  const e = run.best.get('install-in-progress')!;
  assert.equal(e.summary.key, 'probe.install-in-progress.busy-background');
  assert.equal(probeData([e], 'install-in-progress')?.hiddenProcesses, 1);
});

test('zh-CN machine: console tools emit CP936 bytes and the runner decodes them back', async () => {
  const sim = createSimulation('zh-CN-1618-stuck-client-install');
  const bytes = sim.emulator.run(
    { file: 'reg.exe', args: ['query', 'HKLM\\SOFTWARE\\Missing'], encoding: 'oem' },
    { machine: sim.machine, elevated: false },
  );
  assert.deepEqual([...bytes.stderr.subarray(0, 4)], [...iconv.encode('错误', 'cp936')]);
  const out = await sim.runner.run({ file: 'reg.exe', args: ['query', 'HKLM\\SOFTWARE\\Missing'], encoding: 'oem' });
  assert.equal(out.exitCode, 1);
  assert.match(out.stderr, /^错误: 系统找不到指定的注册表项或值。/);
  const events = await sim.runner.run({
    file: 'wevtutil.exe',
    args: ['qe', 'Application', "/q:*[System[Provider[@Name='MsiInstaller']]]", '/f:xml'],
    encoding: 'oem',
  });
  assert.match(events.stdout, /用友报表工具 3\.1/);
});

test('repairs change the model: ending the stuck client frees the installer (rescan is clean)', async () => {
  const sim = createSimulation('1618-stuck-client-install');
  assert.equal(sim.machine.killProcess(8744), true);
  sim.machine.deleteKey('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Installer\\InProgress');
  const run = await runAllProbes(sim);
  assert.equal(run.best.get('install-in-progress')!.status, 'ok');
  assert.equal(run.best.get('installer-service')!.status, 'ok');
});

test('a reboot clears pending-reboot indicators', async () => {
  const sim = createSimulation('1603-pending-reboot');
  sim.machine.reboot();
  const run = await runAllProbes(sim);
  assert.equal(run.best.get('pending-reboot')!.status, 'ok');
});

test('recent-logs + logReadCommand: the UTF-16LE verbose log on the simulated disk comes back byte for byte', async () => {
  const sim = createSimulation('1603-custom-action');
  const run = await runAllProbes(sim);
  const path = probeData([...run.best.values()], 'recent-logs')!.logs[0]!.path;
  const read = parseLogRead(await sim.runner.run(logReadCommand(path)));
  assert.ok(read.ok);
  if (!read.ok) return;
  assert.deepEqual([read.value.bytes[0], read.value.bytes[1]], [0xff, 0xfe], 'UTF-16LE BOM');
  const text = Buffer.from(read.value.bytes).toString('utf16le');
  assert.match(text, /CustomAction CA_RegisterLedgerService returned actual error code 1603/);
  assert.match(text, /\r\n/);
  const tail = parseLogRead(await sim.runner.run(logReadCommand(path, 1000)));
  assert.ok(tail.ok && tail.value.bytes.length === 1000 && tail.value.offset === read.value.size - 1000);
  const odd = parseLogRead(await sim.runner.run(logReadCommand(path, 1001)));
  assert.ok(odd.ok && odd.value.offset % 2 === 0 && odd.value.bytes.length === 1000, 'UTF-16 alignment kept');
  const missing = parseLogRead(await sim.runner.run(logReadCommand('C:\\nope.log')));
  assert.equal(missing.ok, false);
});

test('registerCommandHandler: repairs can add commands; unknown commands fail like cmd.exe', async () => {
  const sim = createSimulation('msiserver-disabled');
  const { registerCommandHandler } = await import('./index.ts');
  const remove = registerCommandHandler(
    (c) => c.tool === 'sc' && c.args[0] === 'config',
    (c, { machine }) => {
      machine.setValue(machine.serviceKey(c.args[1]!), 'Start', { type: 'REG_DWORD', data: 3 });
      return { exitCode: 0, stdout: '[SC] ChangeServiceConfig SUCCESS\r\n' };
    },
  );
  try {
    const r = await sim.elevatedRunner.runBatch([
      { file: 'sc.exe', args: ['config', 'msiserver', 'start=', 'demand'], encoding: 'oem' },
    ]);
    assert.equal(r.status, 'ok');
    const ctx = {
      symptom: { input: '', exitCodes: [], messageNumbers: [], sources: [], unknown: true, notes: [] },
      msiPath: null,
      logPaths: [],
      user: { sid: null, profile: null, temp: null },
      now: sim.machine.now(),
    };
    const outputs = await Promise.all(installerServiceProbe.commands(ctx).map((s) => sim.runner.run(s)));
    assert.equal(installerServiceProbe.parse(outputs, ctx, false).status, 'ok');
  } finally {
    remove();
  }
  const unknown = await sim.runner.run({ file: 'frobnicate.exe', args: [], encoding: 'oem' });
  assert.equal(unknown.exitCode, 9009);
  assert.match(unknown.error ?? '', /not found/);
});

test('scenario files: loadable by path, bad ones rejected with a readable message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-scenario-'));
  const good = join(dir, 'mine.json');
  writeFileSync(
    good,
    JSON.stringify({
      schema: 'msi-doctor/scenario@1',
      name: 'mine',
      title: 't',
      description: 'd',
      machine: {
        registry: {
          'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer': { DisableMSI: { type: 'REG_DWORD', data: 2 } },
        },
      },
      expect: {
        symptom: '1625',
        evidence: [{ probe: 'policies', status: 'problem' }],
        topCause: 'policy-blocked',
        recommendedRepair: null,
      },
    }),
  );
  assert.equal(loadScenario(good).scenario.name, 'mine');
  assert.equal(
    createSimulation(good).machine.dword('HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer', 'DisableMSI'),
    2,
  );
  const bad = join(dir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({
      schema: 'msi-doctor/scenario@1',
      name: 'bad',
      title: 't',
      description: 'd',
      machine: { colour: 'blue' },
      expect: {},
    }),
  );
  assert.throws(
    () => loadScenario(bad),
    (e: unknown) => e instanceof ScenarioError && /does not match msi-doctor\/scenario@1/.test(e.message),
  );
  writeFileSync(bad, '{ not json');
  assert.throws(() => loadScenario(bad), /not valid JSON/);
  assert.throws(
    () => loadScenario('no-such-scenario'),
    /Unknown scenario "no-such-scenario". Built-in scenarios: .*healthy/,
  );
});

test('each simulation is independent: changes never leak into the next one', () => {
  const a = createSimulation('healthy');
  a.machine.setValue('HKLM\\SOFTWARE\\X', 'Y', { type: 'REG_SZ', data: 'z' });
  assert.equal(createSimulation('healthy').machine.keyExists('HKLM\\SOFTWARE\\X'), false);
});

test('every built-in scenario has its title and description in both languages (the preview picker, scan --list-scenarios)', () => {
  for (const name of listScenarios()) {
    const { scenario } = loadScenario(name);
    for (const field of ['title', 'description'] as const) {
      const text = scenario[field];
      assert.ok(text.en.trim(), `${name}: English ${field}`);
      assert.match(text['zh-CN'], /[\u4e00-\u9fff]/, `${name}: Chinese ${field}`);
      assert.doesNotMatch(text['zh-CN'], /你/, `${name}: ${field} speaks to the user as 您`);
    }
  }
});

test('a scenario file of the user may give its title as one English string', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-scenario-'));
  const file = join(dir, 'mine.json');
  const { scenario } = loadScenario('healthy');
  writeFileSync(file, JSON.stringify({ ...scenario, name: 'mine', title: 'Mine', description: 'My machine' }));
  const mine = loadScenario(file).scenario;
  assert.deepEqual(mine.title, { en: 'Mine', 'zh-CN': '' });
  assert.deepEqual(mine.description, { en: 'My machine', 'zh-CN': '' });
});
