// Tests of the one runProbe/evidenceFrom: always schema-validated, an error's {reason} always
// filled, and the same function behind scans, repairs (plan facts, wait polling, verification) and the scenario checker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../../shared/knowledge/texts.ts';
import type { CommandOutput, CommandRunner } from '../run/command-runner.ts';
import type { ProbeContext, ProbeDefinition } from './probe.ts';
import { evidenceFrom, runProbe } from './run-probe.ts';
import { healthyData } from '../../../shared/diagnosis/testing/evidence-builders.ts';

const context: ProbeContext = {
  symptom: { input: '', exitCodes: [], messageNumbers: [], sources: [], unknown: true, notes: [] },
  msiPath: null,
  logPaths: [],
  user: { sid: null, profile: null, temp: null },
  now: new Date('2026-11-21T12:00:00Z'),
};
const spec = { file: 'C:\\Windows\\System32\\sc.exe', args: ['query'], encoding: 'oem' as const };
const out = (stdout: string): CommandOutput => ({
  spec,
  exitCode: 0,
  stdout,
  stderr: '',
  durationMs: 5,
  timedOut: false,
  error: null,
  elevated: false,
});
const probe = (parse: ProbeDefinition['parse']): ProbeDefinition => ({
  id: 'installer-service',
  elevation: 'never',
  timeoutMs: 1000,
  appliesTo: () => true,
  commands: () => [spec],
  parse,
});

test('an error verdict without a reason still reads as a sentence: {reason} is always filled', () => {
  const e = evidenceFrom(
    probe(() => ({ status: 'error', summary: { key: 'probe.error', params: {} }, data: null })),
    [{ ...out(''), error: 'access denied' }],
    context,
    false,
  );
  assert.equal(e.status, 'error');
  assert.doesNotMatch(translate(e.summary, 'en'), /\{reason\}/);
  assert.match(translate(e.summary, 'en'), /access denied/);
});

test('a throwing parser and an invalid verdict become error evidence (schema always checked)', () => {
  const thrown = evidenceFrom(
    probe(() => {
      throw new Error('boom');
    }),
    [out('x')],
    context,
    false,
  );
  assert.equal(thrown.status, 'error');
  assert.match(thrown.error ?? '', /parser failed: boom/);
  const invalid = evidenceFrom(
    probe(() => ({ status: 'nonsense' as never, summary: { key: 'x', params: {} }, data: null })),
    [out('x')],
    context,
    false,
  );
  assert.equal(invalid.status, 'error');
  assert.match(invalid.error ?? '', /invalid evidence/);
});

test("a verdict whose data are not its probe's (or an error with data) becomes error evidence with no data", () => {
  const verdictOf = (verdict: ReturnType<ProbeDefinition['parse']>) =>
    evidenceFrom(
      probe(() => verdict),
      [out('x')],
      context,
      false,
    );
  const empty = verdictOf({ status: 'ok', summary: { key: 'x', params: {} }, data: {} as never });
  assert.equal(empty.status, 'error');
  assert.equal(empty.data, null);
  assert.match(empty.error ?? '', /invalid evidence \(data\.state/);
  const otherProbe = verdictOf({
    status: 'ok',
    summary: { key: 'x', params: {} },
    data: healthyData().policies as never,
  });
  assert.equal(otherProbe.status, 'error');
  const errorWithData = verdictOf({
    status: 'error',
    summary: { key: 'probe.error', params: { reason: 'r' } },
    data: healthyData()['installer-service'] as never,
  });
  assert.equal(errorWithData.status, 'error');
  assert.equal(errorWithData.data, null);
  assert.match(errorWithData.error ?? '', /invalid evidence \(data/);
  const good = verdictOf({ status: 'ok', summary: { key: 'x', params: {} }, data: healthyData()['installer-service'] });
  assert.equal(good.probe === 'installer-service' && good.data?.state, 'stopped');
});

test('runProbe runs the commands in order through the runner and parses once', async () => {
  const seen: string[] = [];
  const runner: CommandRunner = {
    kind: 'simulated',
    run: async (s) => {
      seen.push(s.file);
      return out('{"ok":true}');
    },
  };
  const e = await runProbe(
    probe(() => ({
      status: 'ok',
      summary: { key: 'probe.installer-service.idle', params: {} },
      data: healthyData()['installer-service'],
    })),
    runner,
    context,
  );
  assert.deepEqual(seen, [spec.file]);
  assert.equal(e.status, 'ok');
});

test('scans, repairs and the scenario checker share this one conversion (no private copies left)', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const uses = (file: string) => readFileSync(join(root, file), 'utf8');
  for (const file of [
    'services/direct-phase.ts',
    'services/scan-service.ts',
    'services/repair-planner.ts',
    'services/repair-steps.ts',
    'services/repair-execution.ts',
    'system/simulated/scenario-check.ts',
  ]) {
    const text = uses(file);
    assert.match(text, /probe-execution\.ts|run-probe\.ts/, file);
    assert.doesNotMatch(text, /probe\.parse\(/, `${file} parses probe output itself`);
  }
});
