// Batching probe scripts into few PowerShell processes gives the same evidence as running them one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_COMMAND_LINE } from '../run/quoting.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import { createSimulation } from '../simulated/index.ts';
import { contextFor } from '../simulated/scenario-check.ts';
import { ALL_PROBES } from './index.ts';
import { batchScripts, isBatchable, splitBatchOutput, type BatchPart } from './script-batch.ts';

for (const name of ['zh-CN-1618-stuck-client-install', '2503-windows-temp-acl', '1603-custom-action']) {
  test(`batched probe scripts (${name}): same verdicts as one process per script, far fewer processes`, async () => {
    const sim = createSimulation(name);
    const context = contextFor(sim);
    const probes = ALL_PROBES.filter((p) => p.appliesTo(context));
    const parts: BatchPart[] = [];
    for (const p of probes)
      p.commands(context).forEach((spec, i) => isBatchable(spec) && parts.push({ key: `${p.id}#${i}`, spec }));
    assert.equal(parts.length, probes.length, 'every probe has one script that may share a process');
    const batches = batchScripts(parts);
    // 12 scripts, each with the prelude functions it calls; path-environment's (the version commands with a fresh
    // environment) nearly fills a command line alone.
    assert.ok(batches.length <= 5, `${batches.length} PowerShell processes instead of ${parts.length}`);
    for (const b of batches) assert.ok(b.spec.file.length + 3 + b.spec.args.join(' ').length <= MAX_COMMAND_LINE);
    const split = new Map<string, CommandOutput>();
    for (const b of batches) for (const [k, v] of splitBatchOutput(b, await sim.runner.run(b.spec))) split.set(k, v);
    for (const p of probes) {
      const specs = p.commands(context);
      const alone = await Promise.all(specs.map((s) => sim.runner.run(s)));
      const batched = await Promise.all(
        specs.map(async (s, i) => split.get(`${p.id}#${i}`) ?? (await sim.runner.run(s))),
      );
      const [a, b] = [p.parse(alone, context, false), p.parse(batched, context, false)];
      assert.notEqual(b.status, 'error', `${p.id}: ${JSON.stringify(b.summary)}`);
      assert.deepEqual(b, a, p.id);
    }
  });
}

test('a failed or unreadable batch becomes an error on every part, never a wrong answer', () => {
  const sim = createSimulation('healthy');
  const context = contextFor(sim);
  const parts: BatchPart[] = ALL_PROBES.slice(0, 3).map((p) => ({
    key: p.id,
    spec: p.commands(context).find(isBatchable)!,
  }));
  const [batch] = batchScripts(parts);
  const base: CommandOutput = {
    spec: batch!.spec,
    exitCode: null,
    stdout: '',
    stderr: '',
    durationMs: 60_000,
    timedOut: true,
    error: 'timed out after 60000 ms',
    elevated: false,
  };
  for (const out of splitBatchOutput(batch!, base).values()) assert.match(out.error ?? '', /timed out/);
  const garbage = splitBatchOutput(batch!, {
    ...base,
    timedOut: false,
    error: null,
    exitCode: 0,
    stdout: 'Access is denied.',
  });
  for (const out of garbage.values()) assert.match(out.error ?? '', /unreadable/);
  const partial = splitBatchOutput(batch!, {
    ...base,
    timedOut: false,
    error: null,
    exitCode: 0,
    stdout: JSON.stringify({ [parts[0]!.key]: { stdout: '{}', stderr: null, ms: 12 } }),
  });
  assert.equal(partial.get(parts[0]!.key)?.durationMs, 12);
  assert.match(partial.get(parts[1]!.key)?.error ?? '', /missing/);
});
