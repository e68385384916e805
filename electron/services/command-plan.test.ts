// Tests of the command plan: marked probe scripts share a process, other commands stay alone, outputs route back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandOutput, CommandSpec } from '../system/run/command-runner.ts';
import { probeScriptSpec } from '../system/probes/probe-kit.ts';
import { scriptOfSpec } from '../system/run/powershell.ts';
import { planCommands, routeOutput, slotsOf } from './command-plan.ts';

const script = (probe: 'policies' | 'pending-reboot' | 'temp-folders', body: string): CommandSpec =>
  probeScriptSpec(probe, body, {}, 10_000);
const native = (file: string): CommandSpec => ({ file, args: [], encoding: 'oem' });
const out = (spec: CommandSpec, stdout: string): CommandOutput => ({
  spec,
  exitCode: 0,
  stdout,
  stderr: '',
  durationMs: 40,
  timedOut: false,
  error: null,
  elevated: false,
});

/** What the batch script prints: one JSON object keyed by part, as script-batch.ts documents. */
function fakeBatchStdout(spec: CommandSpec): string {
  const keys = [...(scriptOfSpec(spec) ?? '').matchAll(/# msi-doctor:part=(\S+)/g)].map((m) => m[1]!);
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, { stdout: `{"part":"${k}"}`, stderr: null, ms: 12 }])));
}

test('three probes with scripts and native tools: one PowerShell for the scripts, natives alone', () => {
  const specs = [
    [script('policies', "'a'"), native('reg.exe')],
    [native('sc.exe')],
    [script('pending-reboot', "'b'"), script('temp-folders', "'c'")],
  ];
  const units = planCommands(specs);
  assert.deepEqual(
    units.map((u) => u.kind),
    ['batch', 'single', 'single'],
  );
  const batch = units[0]!;
  assert.deepEqual(slotsOf(batch), [
    { probe: 0, command: 0 },
    { probe: 2, command: 0 },
    { probe: 2, command: 1 },
  ]);
  assert.match(scriptOfSpec(batch.spec) ?? '', /# msi-doctor:batch=probes/);
  const routed = routeOutput(batch, out(batch.spec, fakeBatchStdout(batch.spec)));
  assert.deepEqual(
    routed.map((r) => [r.slot.probe, r.slot.command, r.output.stdout, r.output.durationMs]),
    [
      [0, 0, '{"part":"p0c0"}', 12],
      [2, 0, '{"part":"p2c0"}', 12],
      [2, 1, '{"part":"p2c1"}', 12],
    ],
  );
  assert.equal(routed[0]!.output.spec, specs[0]![0], 'each part keeps its own spec for the report');
});

test('a single script is not wrapped; batching can be turned off', () => {
  const one = planCommands([[script('policies', "'a'")], [native('sc.exe')]]);
  assert.deepEqual(
    one.map((u) => u.kind),
    ['single', 'single'],
  );
  const off = planCommands([[script('policies', "'a'")], [script('pending-reboot', "'b'")]], { batch: false });
  assert.deepEqual(
    off.map((u) => u.kind),
    ['single', 'single'],
  );
});

test('a failed batch gives its failure to every part', () => {
  const [batch] = planCommands([[script('policies', "'a'")], [script('pending-reboot', "'b'")]]);
  const failed = { ...out(batch!.spec, ''), exitCode: null, timedOut: true, error: 'timed out after 20000 ms' };
  const routed = routeOutput(batch!, failed);
  assert.equal(routed.length, 2);
  assert.ok(routed.every((r) => r.output.error !== null && r.output.stdout === ''));
});
