// Tests of createSystem: simulated machines by name or file, real runners on win32, clear errors for bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PROBES } from '../system/probes/index.ts';
import { SCENARIO_DIR } from '../system/simulated/index.ts';
import { NOT_WINDOWS_MESSAGE, SystemUnavailableError, builtinScenarios, createSystem } from './system-factory.ts';

test('off Windows without a scenario: the clear "not Windows" error', () => {
  assert.throws(
    () => createSystem({ platform: 'linux' }),
    (e: Error) => e instanceof SystemUnavailableError && e.message === NOT_WINDOWS_MESSAGE,
  );
  assert.equal(NOT_WINDOWS_MESSAGE, 'this is not Windows: pass --simulate NAME or --scenario FILE');
  assert.throws(() => createSystem({ simulate: 'healthy', scenarioFile: 'x.json' }), /not both/);
  assert.throws(
    () => createSystem({ simulate: 'nope' }),
    (e: Error) => e instanceof SystemUnavailableError && /Unknown scenario "nope"/.test(e.message),
  );
});

test('a built-in scenario: simulated runners, all probes, identity and clock from the machine', async () => {
  assert.ok(builtinScenarios().includes('2503-windows-temp-acl'));
  const system = createSystem({ simulate: '2503-windows-temp-acl', platform: 'win32' });
  assert.equal(system.runner.kind, 'simulated');
  assert.equal(system.elevatedRunner.kind, 'simulated');
  assert.equal(system.probes, ALL_PROBES);
  assert.equal(system.environment.kind, 'simulated');
  assert.equal(system.environment.scenario, '2503-windows-temp-acl');
  assert.equal(system.environment.computerName, 'WS-FIN-042');
  assert.equal(system.environment.userName, 'CONTOSO\\zhang.wei');
  const who = await system.identify();
  assert.match(who.user.sid ?? '', /^S-1-5-21-/);
  assert.equal(who.user.profile, 'C:\\Users\\zhang.wei');
  assert.equal(system.now().toISOString(), system.simulation!.machine.now().toISOString());
});

test('a scenario file by path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-scenario-'));
  const file = join(dir, 'my-machine.json');
  const healthy = JSON.parse(readFileSync(join(SCENARIO_DIR, 'healthy.json'), 'utf8'));
  writeFileSync(file, JSON.stringify({ ...healthy, name: 'my-machine' }));
  const system = createSystem({ scenarioFile: file, platform: 'linux' });
  assert.equal(system.environment.scenario, 'my-machine');
  assert.throws(() => createSystem({ scenarioFile: join(dir, 'missing.json') }), /Scenario file not found/);
  writeFileSync(join(dir, 'bad.json'), '{ nope');
  assert.throws(() => createSystem({ scenarioFile: join(dir, 'bad.json') }), /not valid JSON/);
});

test('win32 without a scenario: the real process and elevated runners (nothing runs until asked)', async () => {
  const system = createSystem({
    platform: 'win32',
    env: {
      USERNAME: 'zhang.wei',
      USERPROFILE: 'C:\\Users\\zhang.wei',
      TEMP: 'C:\\Users\\zhang.wei\\AppData\\Local\\Temp',
      COMPUTERNAME: 'WS-FIN-042',
    },
  });
  assert.equal(system.runner.kind, 'process');
  assert.equal(system.elevatedRunner.kind, 'elevated');
  assert.equal(system.environment.kind, 'real');
  assert.equal(system.environment.computerName, 'WS-FIN-042');
  assert.deepEqual(system.user, {
    sid: null,
    profile: 'C:\\Users\\zhang.wei',
    temp: 'C:\\Users\\zhang.wei\\AppData\\Local\\Temp',
  });
  if (process.platform !== 'win32') {
    // whoami.exe does not exist here: identify() degrades to "unknown" instead of failing the scan.
    const who = await system.identify();
    assert.equal(who.user.sid, null);
    assert.equal(who.processElevated, false);
    assert.equal(system.environment.elevated, null);
  }
});
