// Tests of scan orchestration with fake probes and runners: parallelism, timeouts, one elevated batch, decline, cancel, progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanResultSchema, type ScanProgress } from '../../shared/contract/scan.ts';
import { LOG_ANALYSIS_SCHEMA, type LogAnalysis } from '../../shared/contract/log-analysis.ts';
import type { ParsedSymptom } from '../../shared/contract/symptom.ts';
import type { ProbeId } from '../../shared/contract/ids.ts';
import type { Evidence } from '../../shared/contract/evidence.ts';
import { healthyData } from '../../shared/diagnosis/testing/evidence-builders.ts';
import type { ElevationNeed, ProbeDefinition } from '../system/probes/probe.ts';
import type {
  CommandOutput,
  CommandRunner,
  CommandSpec,
  ElevatedBatchResult,
  ElevatedRunner,
} from '../system/run/command-runner.ts';
import { ScanCancelledError, runScan, type ScanServiceOptions } from './scan-service.ts';
import { probeScriptSpec } from '../system/probes/probe-kit.ts';
import { scriptOfSpec } from '../system/run/powershell.ts';

const symptom = (text: string): ParsedSymptom => ({
  input: text,
  exitCodes: (text.match(/\d{4}/g) ?? []).map(Number),
  messageNumbers: [],
  sources: [],
  unknown: !/\d{4}/.test(text),
  notes: [],
});

/** A fake probe: runs `echo <id>` commands (the fake runner answers "out:<args>") and reports what it saw. */
/** What the fake parser saw (its outputs, elevated or not), read back from the evidence. */
function seen(e: Evidence | undefined): { seen: string[]; elevated: boolean } {
  const params = e?.summary.params ?? {};
  return { seen: String(params.seen ?? '').split('|'), elevated: params.elevated === 'true' };
}

function probe(id: ProbeId, elevation: ElevationNeed, extra: Partial<ProbeDefinition> = {}): ProbeDefinition {
  return {
    id,
    elevation,
    timeoutMs: 2000,
    appliesTo: () => true,
    commands: () => [{ file: 'echo', args: [id], encoding: 'utf8' }],
    // Valid data of the probe (the evidence is schema-checked); what the parser saw rides in the summary's params.
    parse: (outputs, _context, elevated) => ({
      status: 'ok',
      summary: {
        key: `probe.${id}.ok`,
        params: { seen: outputs.map((o) => o.stdout).join('|'), elevated: `${elevated}` },
      },
      data: healthyData()[id],
    }),
    ...extra,
  };
}

class FakeRunner implements CommandRunner {
  readonly kind = 'simulated' as const;
  active = 0;
  maxActive = 0;
  calls: CommandSpec[] = [];
  constructor(
    private readonly delayMs = 30,
    private readonly hang: string[] = [],
  ) {}
  async run(spec: CommandSpec, options: { signal?: AbortSignal } = {}): Promise<CommandOutput> {
    this.calls.push(spec);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      if (this.hang.includes(spec.args[0] ?? '')) await new Promise(() => {}); // ignores cancel on purpose
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.delayMs);
        // A very long delay stands for "never": it must not keep the test process alive once the test is over.
        if (this.delayMs >= 60_000) t.unref();
        options.signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
      });
      return {
        spec,
        exitCode: 0,
        stdout: `out:${spec.args.join(' ')}`,
        stderr: '',
        durationMs: this.delayMs,
        timedOut: false,
        error: null,
        elevated: false,
      };
    } finally {
      this.active--;
    }
  }
}

class FakeElevated implements ElevatedRunner {
  readonly kind = 'simulated' as const;
  batches: CommandSpec[][] = [];
  constructor(private readonly status: ElevatedBatchResult['status'] = 'ok') {}
  async runBatch(specs: CommandSpec[]): Promise<ElevatedBatchResult> {
    this.batches.push(specs);
    if (this.status !== 'ok')
      return { status: this.status, outputs: [], message: this.status === 'failed' ? 'PowerShell crashed' : null };
    return {
      status: 'ok',
      message: null,
      outputs: specs.map((spec) => ({
        spec,
        exitCode: 0,
        stdout: `elev:${spec.args.join(' ')}`,
        stderr: '',
        durationMs: 7,
        timedOut: false,
        error: null,
        elevated: true,
      })),
    };
  }
}

const environment = {
  kind: 'simulated' as const,
  scenario: 'test',
  windowsVersion: null,
  windowsLanguage: null,
  computerName: null,
  userName: null,
  elevated: false,
};
const options = (over: Partial<ScanServiceOptions>): ScanServiceOptions => ({
  runner: new FakeRunner(),
  elevatedRunner: new FakeElevated(),
  probes: [],
  parseSymptom: symptom,
  environment,
  ...over,
});

test('unelevated probes run in parallel within the concurrency limit; evidence in probe-list order; result validates', async () => {
  const runner = new FakeRunner(60);
  const probes = [
    probe('installer-service', 'never'),
    probe('pending-reboot', 'never'),
    probe('policies', 'never'),
    probe('elevation', 'never'),
  ];
  const result = await runScan({ symptom: '2503' }, options({ runner, probes, concurrency: 3 }));
  assert.equal(runner.maxActive, 3);
  assert.deepEqual(
    result.evidence.map((e) => e.probe),
    ['installer-service', 'pending-reboot', 'policies', 'elevation'],
  );
  assert.deepEqual(seen(result.evidence[0]!), { seen: ['out:installer-service'], elevated: false });
  assert.equal(result.evidence[0]!.raw[0]!.command, 'echo installer-service');
  assert.equal(result.elevation, 'not-needed');
  assert.deepEqual(result.symptom.exitCodes, [2503]);
  assert.deepEqual(result.findings, []);
  scanResultSchema.parse(result);
});

test(
  'a hanging, throwing or invalid probe becomes error evidence and the scan goes on',
  { timeout: 60_000 },
  async () => {
    const runner = new FakeRunner(10, ['install-in-progress']);
    const probes = [
      probe('install-in-progress', 'never', { timeoutMs: 100 }),
      probe('pending-reboot', 'never', {
        parse: () => {
          throw new Error('unexpected token');
        },
      }),
      probe('policies', 'never', {
        parse: () => ({
          status: 'ok',
          summary: { key: 'x', params: {} },
          data: 'nope' as never, // not the probe's data: the evidence check turns it into an error
        }),
      }),
      probe('temp-folders', 'never', {
        commands: () => {
          throw new Error('no profile path');
        },
      }),
      probe('elevation', 'never'),
    ];
    // The hanging probe never answers: finishing at all proves the scan stopped waiting for it (the test's timeout
    // catches the opposite without a wall-clock bar a loaded machine could miss).
    const result = await runScan({}, options({ runner, probes }));
    const byId = Object.fromEntries(result.evidence.map((e) => [e.probe, e]));
    assert.equal(byId['install-in-progress']!.status, 'error');
    assert.match(byId['install-in-progress']!.error ?? '', /timed out after 100 ms/);
    assert.equal(byId['pending-reboot']!.status, 'error');
    assert.match(byId['pending-reboot']!.error ?? '', /parser failed: unexpected token/);
    assert.equal(byId['pending-reboot']!.raw[0]!.stdout, 'out:pending-reboot', 'raw output kept for the report');
    assert.match(byId['policies']!.error ?? '', /invalid evidence/);
    assert.match(byId['temp-folders']!.error ?? '', /no profile path/);
    assert.equal(byId['elevation']!.status, 'ok');
    scanResultSchema.parse(result);
  },
);

test('privileged probes share ONE elevated batch; outputs are split back per probe; better probes get upgraded', async () => {
  const elevatedRunner = new FakeElevated();
  const twoCommands = probe('temp-folders', 'required', {
    commands: () => [
      { file: 'icacls', args: ['a'], encoding: 'oem' },
      { file: 'icacls', args: ['b'], encoding: 'oem', timeoutMs: 5 },
    ],
  });
  const probes = [
    probe('installer-service', 'never'),
    twoCommands,
    probe('install-in-progress', 'better'),
    probe('policies', 'required'),
  ];
  const events: ScanProgress[] = [];
  const result = await runScan({}, options({ elevatedRunner, probes }), { onProgress: (e) => events.push(e) });
  assert.equal(elevatedRunner.batches.length, 1);
  assert.deepEqual(
    elevatedRunner.batches[0]!.map((s) => s.args[0]),
    ['a', 'b', 'install-in-progress', 'policies'],
  );
  assert.equal(elevatedRunner.batches[0]![0]!.timeoutMs, 2000, 'probe timeout applied to commands without one');
  assert.equal(elevatedRunner.batches[0]![1]!.timeoutMs, 5);
  const byId = Object.fromEntries(result.evidence.map((e) => [e.probe, e]));
  assert.deepEqual(seen(byId['temp-folders']!), { seen: ['elev:a', 'elev:b'], elevated: true });
  assert.deepEqual(seen(byId['policies']!), { seen: ['elev:policies'], elevated: true });
  assert.deepEqual(seen(byId['install-in-progress']!), { seen: ['elev:install-in-progress'], elevated: true });
  assert.equal(byId['install-in-progress']!.elevated, true);
  assert.equal(result.elevation, 'granted');
  // The better probe reported twice: unelevated first, then the elevated answer.
  const better = events.filter((e) => e.probe === 'install-in-progress' && e.phase === 'finished');
  assert.deepEqual(
    better.map((e) => e.elevated),
    [false, true],
  );
  scanResultSchema.parse(result);
});

test('declined elevation: required probes are not-checked with a reason; better probes keep their unelevated answer', async () => {
  const probes = [
    probe('installer-service', 'never'),
    probe('temp-folders', 'required'),
    probe('install-in-progress', 'better'),
  ];
  const result = await runScan({}, options({ elevatedRunner: new FakeElevated('declined'), probes }));
  assert.equal(result.elevation, 'declined');
  const byId = Object.fromEntries(result.evidence.map((e) => [e.probe, e]));
  assert.equal(byId['temp-folders']!.status, 'not-checked');
  assert.deepEqual(byId['temp-folders']!.summary, {
    key: 'probe.not-checked',
    params: { probe: 'temp-folders', reason: 'elevation-declined' },
  });
  assert.equal(byId['install-in-progress']!.status, 'ok');
  assert.equal(byId['install-in-progress']!.elevated, false);
  assert.deepEqual(result.notChecked, [
    { probe: 'temp-folders', reason: 'elevation-declined' },
    { probe: 'install-in-progress', reason: 'elevation-declined-partial' },
  ]);
  scanResultSchema.parse(result);
});

test('elevation skipped by the user: no prompt at all; failed elevation: error evidence with the message', async () => {
  const elevatedRunner = new FakeElevated();
  const probes = [probe('temp-folders', 'required')];
  const skipped = await runScan({ allowElevation: false }, options({ elevatedRunner, probes }));
  assert.equal(elevatedRunner.batches.length, 0);
  assert.equal(skipped.elevation, 'skipped');
  assert.deepEqual(skipped.notChecked, [{ probe: 'temp-folders', reason: 'elevation-skipped' }]);
  assert.equal(skipped.evidence[0]!.status, 'not-checked');
  const failed = await runScan({}, options({ elevatedRunner: new FakeElevated('failed'), probes }));
  assert.equal(failed.elevation, 'failed');
  assert.equal(failed.evidence[0]!.status, 'error');
  assert.match(failed.evidence[0]!.error ?? '', /PowerShell crashed/);
  assert.deepEqual(failed.notChecked, [{ probe: 'temp-folders', reason: 'elevation-failed' }]);
});

test('an app already running elevated runs privileged probes directly, without a prompt', async () => {
  const elevatedRunner = new FakeElevated();
  const result = await runScan(
    {},
    options({
      elevatedRunner,
      probes: [probe('temp-folders', 'required'), probe('install-in-progress', 'better')],
      processElevated: true,
    }),
  );
  assert.equal(elevatedRunner.batches.length, 0);
  assert.equal(result.elevation, 'not-needed');
  assert.ok(result.evidence.every((e) => e.elevated && e.status === 'ok'));
});

test('progress: every probe queued before any starts; started before finished; durations on finished', async () => {
  const probes = [
    probe('installer-service', 'never'),
    probe('pending-reboot', 'never'),
    probe('temp-folders', 'required'),
  ];
  const events: ScanProgress[] = [];
  await runScan({}, options({ probes, newId: () => 'scan-1' }), { onProgress: (e) => events.push(e) });
  const firstStart = events.findIndex((e) => e.phase === 'started');
  assert.deepEqual(
    events.slice(0, firstStart).map((e) => [e.probe, e.phase]),
    probes.map((p) => [p.id, 'queued']),
  );
  for (const p of probes) {
    const phases = events.filter((e) => e.probe === p.id).map((e) => e.phase);
    assert.deepEqual(phases, ['queued', 'started', 'finished'], p.id);
  }
  const finished = events.filter((e) => e.phase === 'finished');
  assert.ok(finished.every((e) => e.evidence !== null && typeof e.durationMs === 'number' && e.scanId === 'scan-1'));
});

test('cancel: the scan stops with ScanCancelledError', { timeout: 60_000 }, async () => {
  const controller = new AbortController();
  // Each probe would take an hour: the scan can end only by being cancelled.
  const runner = new FakeRunner(3_600_000);
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(
    runScan({}, options({ runner, probes: [probe('installer-service', 'never'), probe('temp-folders', 'required')] }), {
      signal: controller.signal,
    }),
    ScanCancelledError,
  );
  await assert.rejects(
    runScan({}, options({ probes: [probe('policies', 'never')] }), { signal: AbortSignal.abort() }),
    ScanCancelledError,
  );
});

test('not applicable probes are listed; logs analyzed; diagnose receives the evidence', async () => {
  const analysis: LogAnalysis = {
    schema: LOG_ANALYSIS_SCHEMA,
    file: 'a.log',
    format: 'msi-verbose',
    encoding: 'utf-16le',
    operation: 'install',
    product: { name: 'App', version: '1.0', productCode: null },
    outcome: 'failure',
    exitCode: 1603,
    failedAction: null,
    errors: [],
    primaryError: 2503,
    causes: [],
    evidence: [],
    installerVersion: null,
    processes: [],
    sessions: 1,
    lineCount: 10,
    byteCount: 100,
    burn: null,
  };
  let diagnosed: unknown;
  const result = await runScan(
    { logPaths: ['a.log', 'missing.log'] },
    options({
      probes: [
        probe('installed-products', 'never', { appliesTo: (c) => c.msiPath !== null }),
        probe('policies', 'never'),
      ],
      analyzeLog: async (path) => {
        if (path === 'missing.log') throw new Error('file not found');
        return analysis;
      },
      diagnose: (input) => {
        diagnosed = input;
        return [];
      },
    }),
  );
  assert.deepEqual(result.notChecked, [{ probe: 'installed-products', reason: 'not-applicable' }]);
  assert.deepEqual(result.logs, [analysis]);
  assert.deepEqual(result.logErrors, [{ file: 'missing.log', message: 'file not found' }]);
  assert.deepEqual((diagnosed as { evidence: unknown[] }).evidence, result.evidence);
  scanResultSchema.parse(result);
});

test('marked PowerShell scripts of several probes share ONE process, unelevated and in the elevated batch', async () => {
  const scripted = (id: ProbeId, elevation: ElevationNeed): ProbeDefinition =>
    probe(id, elevation, { commands: () => [probeScriptSpec(id, `'${id}'`, {}, 5000)] });
  const specsRun: CommandSpec[] = [];
  /** Answers a batch script like powershell.exe would: one JSON object keyed by part. */
  const answer = (spec: CommandSpec, elevated: boolean): CommandOutput => {
    specsRun.push(spec);
    const keys = [...(scriptOfSpec(spec) ?? '').matchAll(/# msi-doctor:part=(\S+)/g)].map((m) => m[1]!);
    const stdout = JSON.stringify(
      Object.fromEntries(keys.map((k) => [k, { stdout: `${elevated ? 'elev' : 'out'}:${k}`, stderr: null, ms: 9 }])),
    );
    return { spec, exitCode: 0, stdout, stderr: '', durationMs: 300, timedOut: false, error: null, elevated };
  };
  const runner: CommandRunner = { kind: 'simulated', run: async (spec) => answer(spec, false) };
  const batches: CommandSpec[][] = [];
  const elevatedRunner: ElevatedRunner = {
    kind: 'simulated',
    runBatch: async (specs) => {
      batches.push(specs);
      return { status: 'ok', message: null, outputs: specs.map((s) => answer(s, true)) };
    },
  };
  const probes = [
    scripted('policies', 'never'),
    scripted('pending-reboot', 'never'),
    scripted('elevation', 'never'),
    scripted('temp-folders', 'required'),
    scripted('install-in-progress', 'required'),
  ];
  const result = await runScan({}, options({ runner, elevatedRunner, probes }));
  assert.equal(specsRun.length, 2, 'one process for the three unelevated scripts, one step for the two elevated ones');
  assert.equal(batches.length, 1);
  assert.equal(batches[0]!.length, 1);
  const byId = Object.fromEntries(result.evidence.map((e) => [e.probe, e]));
  assert.deepEqual(seen(byId['policies']!), { seen: ['out:p0c0'], elevated: false });
  assert.deepEqual(seen(byId['elevation']!), { seen: ['out:p2c0'], elevated: false });
  assert.deepEqual(seen(byId['install-in-progress']!), { seen: ['elev:p1c0'], elevated: true });
  assert.equal(byId['policies']!.durationMs, 9, "a probe's duration is its own script's time inside the batch");
  assert.match(byId['policies']!.raw[0]!.command, /^powershell\.exe .*-EncodedCommand <script, \d+ base64 chars>/);
  const unbatched: CommandSpec[] = [];
  await runScan(
    {},
    options({
      runner: { kind: 'simulated', run: async (spec) => (unbatched.push(spec), answer(spec, false)) },
      elevatedRunner,
      probes,
      batchScripts: false,
    }),
  );
  assert.equal(unbatched.length, 3);
});
