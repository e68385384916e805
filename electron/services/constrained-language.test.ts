// Constrained Language: under Constrained Language (AppLocker/WDAC) every PowerShell probe says so instead of failing
// opaquely; probes with a native fallback (sc.exe, whoami) still answer. PowerShell here answers as real PowerShell does
// under Constrained Language (see elevated-bootstrap.integration.test.ts): the language line, exit 7, nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandOutput, CommandRunner, CommandSpec, ElevatedRunner } from '../system/run/command-runner.ts';
import { scriptOfSpec } from '../system/run/powershell.ts';
import { translate } from '../../shared/knowledge/texts.ts';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { createSystem } from './system-factory.ts';
import { runScan } from './scan-service.ts';

function constrained(spec: CommandSpec, elevated: boolean): CommandOutput {
  return {
    spec,
    exitCode: 7,
    stdout: 'msi-doctor:language=ConstrainedLanguage\r\n',
    stderr: '',
    durationMs: 300,
    timedOut: false,
    error: null,
    elevated,
  };
}

test('Constrained Language: "not checked: PowerShell is restricted" (en + zh-CN), sc.exe and whoami still answer', async () => {
  const system = createSystem({ simulate: 'msiserver-disabled' });
  const runner: CommandRunner = {
    kind: 'simulated',
    run: async (spec, o) => (scriptOfSpec(spec) !== null ? constrained(spec, false) : system.runner.run(spec, o)),
  };
  const elevatedRunner: ElevatedRunner = {
    kind: 'simulated',
    runBatch: async (specs) => ({ status: 'ok', outputs: specs.map((s) => constrained(s, true)), message: null }),
  };
  const scan = await runScan(
    { symptom: '1601', logPaths: [], msiPath: null, allowElevation: true },
    {
      runner,
      elevatedRunner,
      probes: system.probes,
      parseSymptom,
      environment: system.environment,
      user: system.user,
      now: system.now,
    },
  );
  const byProbe = new Map(scan.evidence.map((e) => [e.probe, e]));
  for (const id of ['temp-folders', 'install-in-progress'] as const) {
    const e = byProbe.get(id)!;
    assert.equal(e.status, 'not-checked', id);
    assert.equal(e.summary.key, 'probe.not-checked.powershell-constrained', id);
    assert.ok(
      scan.notChecked.some((n) => n.probe === id && n.reason === 'powershell-constrained'),
      id,
    );
  }
  assert.equal(
    translate(byProbe.get('temp-folders')!.summary, 'en'),
    'Not checked: PowerShell is restricted on this computer (Constrained Language).',
  );
  assert.match(translate(byProbe.get('temp-folders')!.summary, 'zh-CN'), /PowerShell 受到限制/);
  // reg.exe answers for the Installer policies, and says what it could not check.
  const policies = byProbe.get('policies')!;
  assert.equal(policies.summary.key, 'probe.policies.registry-only');
  assert.match(translate(policies.summary, 'en'), /AppLocker .* not checked/);
  // The native fallbacks: sc.exe still sees the service, whoami still sees the token.
  const service = byProbe.get('installer-service')!;
  assert.notEqual(service.status, 'not-checked');
  assert.notEqual(service.status, 'error');
  assert.equal(byProbe.get('elevation')!.status === 'error', false);
  // No evidence text is left with an unfilled placeholder.
  for (const e of scan.evidence) assert.doesNotMatch(translate(e.summary, 'en'), /\{\w+\}/, e.probe);
});
