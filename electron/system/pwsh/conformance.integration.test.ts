// PowerShell check 3 (issue 15): every probe script RUNS in the real PowerShell against the stub layer (the prelude's
// Windows primitives answering from the simulated machine), for every scenario and both tokens (the app's process and
// the elevated batch), alone and inside the batch wrapper. Its JSON must satisfy the probe's schema and parse() must
// give the emulator's verdict and data. The repairs' PowerShell parts must have the emulator's effects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePowerShellJson } from '../run/powershell.ts';
import type { CommandOutput, CommandSpec } from '../run/command-runner.ts';
import { ALL_PROBES } from '../probes/index.ts';
import { commandsOf } from '../probes/run-probe.ts';
import type { ProbeContext, ProbeDefinition } from '../probes/probe.ts';
import { batchScripts, isBatchable, splitBatchOutput, type BatchPart } from '../probes/script-batch.ts';
import { logReadCommand, parseLogRead } from '../probes/recent-logs.ts';
import { pathEnvironmentProbe, pathEnvironmentProbeAsking } from '../probes/path-environment.ts';
import { createSimulation, listScenarios, type Simulation } from '../simulated/index.ts';
import { contextFor } from '../simulated/scenario-check.ts';
import { packageFromProperties } from '../../../shared/msi-package/index.ts';
import { runDriver, skipReason, type DriverJob, type RunResult } from './powershell-host.test-support.ts';
import { stubSnapshot } from './stub-snapshot.test-support.ts';
import {
  emulatedOutput,
  outputOfRun,
  preludeStubMismatch,
  PROBE_OUTPUT_SCHEMAS,
  stubScriptOf,
  tokensOf,
  withStubs,
  AWAITING_PRELUDE,
} from './stub-layer.test-support.ts';
import { outcomeOf, repairScriptCases, type RepairScriptCase } from './repair-scripts.test-support.ts';

const skip = skipReason();

interface ProbeCase {
  id: string;
  scenario: string;
  token: 'unelevated' | 'elevated';
  probe: ProbeDefinition;
  context: ProbeContext;
  specs: CommandSpec[];
  emulated: CommandOutput[];
  /** Job id per command (null = native tool: the emulator's output is used). */
  jobs: Array<string | null>;
}

/** The contexts a scan gives the probes: the .msi read by the app's reader, or not read (COM opens it). */
function contexts(sim: Simulation): Array<{ label: string; context: ProbeContext }> {
  const base = contextFor(sim);
  const out = [{ label: 'com', context: base }];
  const msi = base.msiPath ? sim.machine.entry(base.msiPath)?.msi : undefined;
  if (msi)
    out.push({
      label: 'reader',
      context: { ...base, msiPackage: { ok: true, package: packageFromProperties(msi, base.msiPath!) } },
    });
  return out;
}

function strip(v: ReturnType<ProbeDefinition['parse']>): unknown {
  return JSON.parse(JSON.stringify(v));
}

test("the stub layer defines exactly the prelude's functions", () => {
  assert.deepEqual(preludeStubMismatch(), { missingStubs: [], unknownStubs: [] });
});

test(
  "PowerShell check 3: every probe script, run against the simulated machine, gives the emulator's verdict and data (every scenario, both tokens, alone and batched)",
  { skip },
  () => {
    const jobs: DriverJob[] = [];
    const cases: ProbeCase[] = [];
    const batches: Array<{
      scenario: string;
      token: string;
      batch: ReturnType<typeof batchScripts>[number];
      job: string;
      slots: Map<string, ProbeCase>;
    }> = [];
    for (const scenario of listScenarios()) {
      for (const { label, context: baseContext } of contexts(createSimulation(scenario))) {
        for (const token of tokensOf(createSimulation(scenario))) {
          const sim = createSimulation(scenario, { approve: true });
          const snapshot = `${scenario}|${token.name}|${label}`;
          jobs.push({ kind: 'snapshot', id: snapshot, value: stubSnapshot(sim.machine, token.source) });
          const env = { ...sim.machine.state.env };
          const parts: BatchPart[] = [];
          const slots = new Map<string, ProbeCase>();
          for (const probe of ALL_PROBES) {
            if (!probe.appliesTo(baseContext) || AWAITING_PRELUDE.includes(probe.id)) continue;
            if (label === 'reader' && probe.id !== 'installed-products') continue;
            const specs = commandsOf(probe, baseContext);
            const c: ProbeCase = {
              id: `${snapshot}|${probe.id}`,
              scenario,
              token: token.name,
              probe,
              context: baseContext,
              specs,
              emulated: specs.map((s) => emulatedOutput(sim, s, token.source)),
              jobs: specs.map((spec, i) => {
                const script = stubScriptOf(spec);
                if (script === null) return null;
                const id = `${snapshot}|${probe.id}#${i}`;
                jobs.push({ kind: 'run', id, script, snapshot, env });
                if (isBatchable(spec)) {
                  parts.push({ key: `${probe.id}#${i}`, spec });
                }
                return id;
              }),
            };
            cases.push(c);
            slots.set(probe.id, c);
          }
          batchScripts(parts).forEach((batch, i) => {
            const job = `${snapshot}|batch#${i}`;
            jobs.push({ kind: 'run', id: job, script: stubScriptOf(batch.spec)!, snapshot, env });
            batches.push({ scenario, token: token.name, batch, job, slots });
          });
        }
      }
    }

    const results = new Map(runDriver(jobs).map((r) => [r.id, r as RunResult]));
    const problems: string[] = [];
    let executed = 0;
    let conformant = 0;
    const runOf = (id: string): RunResult => {
      const r = results.get(id);
      if (!r) throw new Error(`no result for ${id}`);
      return r;
    };
    const hygiene = (id: string, r: RunResult): void => {
      if (r.failure) problems.push(`${id}: the script failed: ${r.failure}`);
      if (r.warnings.length) problems.push(`${id}: warnings would be printed on stdout: ${r.warnings.join(' | ')}`);
      if (r.errors.length) problems.push(`${id}: errors on the error stream: ${r.errors.join(' | ')}`);
      if (r.facts.includes('json-datetime'))
        problems.push(`${id}: a DateTime reaches ConvertTo-Json (Windows PowerShell 5.1 writes "\\/Date(…)\\/")`);
    };

    for (const c of cases) {
      const schemas = PROBE_OUTPUT_SCHEMAS[c.probe.id];
      if (!schemas) {
        problems.push(`${c.probe.id}: no output schema listed in PROBE_OUTPUT_SCHEMAS`);
        continue;
      }
      const outputs = c.specs.map((spec, i) => {
        const job = c.jobs[i];
        if (!job) return c.emulated[i]!;
        const run = runOf(job);
        executed += 1;
        hygiene(job, run);
        const out = outputOfRun(spec, run, c.token === 'elevated');
        const schema = schemas[i];
        const json = parsePowerShellJson(out.stdout);
        if (!schema) problems.push(`${c.id}#${i}: no schema for this PowerShell command`);
        else if (!json.ok) problems.push(`${c.id}#${i}: no JSON object: ${json.error} (${out.stdout.slice(0, 200)})`);
        else {
          const checked = schema.safeParse(json.value);
          if (!checked.success)
            problems.push(`${c.id}#${i}: output does not match the schema: ${JSON.stringify(checked.error.issues[0])}`);
        }
        return out;
      });
      const elevated = c.token === 'elevated';
      const real = strip(c.probe.parse(outputs, c.context, elevated));
      const emulated = strip(c.probe.parse(c.emulated, c.context, elevated));
      try {
        assert.deepEqual(real, emulated);
        conformant += c.jobs.filter(Boolean).length;
      } catch (error) {
        problems.push(`${c.id}: real script and emulator differ:\n${(error as Error).message.slice(0, 2500)}`);
      }
    }

    let batchedParts = 0;
    for (const b of batches) {
      const run = runOf(b.job);
      executed += 1;
      hygiene(b.job, run);
      const split = splitBatchOutput(b.batch, outputOfRun(b.batch.spec, run, b.token === 'elevated'));
      for (const part of b.batch.parts) {
        const [probeId, index] = part.key.split('#') as [string, string];
        const c = b.slots.get(probeId)!;
        const outputs = c.specs.map((spec, i) =>
          i === Number(index)
            ? split.get(part.key)!
            : i < c.emulated.length
              ? c.jobs[i]
                ? outputOfRun(spec, runOf(c.jobs[i]!), c.token === 'elevated')
                : c.emulated[i]!
              : c.emulated[i]!,
        );
        const elevated = c.token === 'elevated';
        try {
          assert.deepEqual(
            strip(c.probe.parse(outputs, c.context, elevated)),
            strip(c.probe.parse(c.emulated, c.context, elevated)),
          );
          batchedParts += 1;
        } catch (error) {
          problems.push(
            `${b.job} ${part.key}: batched run differs from the emulator:\n${(error as Error).message.slice(0, 1500)}`,
          );
        }
      }
    }
    console.log(
      `PowerShell check 3: ${executed} script runs (${cases.length} probe runs over ${listScenarios().length} scenarios x 2 tokens, ${batches.length} batch wrappers); ${conformant} probe scripts and ${batchedParts} batched parts conformant`,
    );
    assert.deepEqual(problems, []);
    assert.ok(conformant > 0 && batchedParts > 0);
  },
);

test(
  "PowerShell check 3: the repairs' PowerShell parts and the log reader have the emulator's effects on every scenario",
  { skip },
  () => {
    const jobs: DriverJob[] = [];
    const cases: Array<RepairScriptCase & { job: string }> = [];
    const reads: Array<{ id: string; spec: CommandSpec; expected: CommandOutput }> = [];
    for (const scenario of listScenarios()) {
      for (const token of tokensOf(createSimulation(scenario))) {
        const sim = createSimulation(scenario, { approve: true });
        const snapshot = `${scenario}|${token.name}`;
        jobs.push({ kind: 'snapshot', id: snapshot, value: stubSnapshot(sim.machine, token.source) });
        const env = { ...sim.machine.state.env };
        for (const c of repairScriptCases(sim, token.source)) {
          const job = `${snapshot}|${c.label}`;
          jobs.push({ kind: 'run', id: job, script: stubScriptOf(c.spec)!, snapshot, env });
          cases.push({ ...c, job });
        }
        for (const log of sim.loaded.scenario.logPaths.length
          ? sim.loaded.scenario.logPaths
          : ['C:\\Windows\\Temp\\missing.log']) {
          for (const max of [64, 8 * 1024 * 1024]) {
            const spec = logReadCommand(log, max);
            const id = `${snapshot}|read ${log} ${max}`;
            jobs.push({ kind: 'run', id, script: stubScriptOf(spec)!, snapshot, env });
            reads.push({ id, spec, expected: emulatedOutput(sim, spec, token.source) });
          }
        }
      }
    }
    const results = new Map(runDriver(jobs).map((r) => [r.id, r as RunResult]));
    const problems: string[] = [];
    for (const c of cases) {
      const r = results.get(c.job)!;
      try {
        assert.deepEqual(
          { outcome: outcomeOf(r.exitCode, r.failure !== null), effects: c.normalize(r.effects) },
          c.expected,
        );
      } catch (error) {
        problems.push(`${c.job}: ${(error as Error).message.slice(0, 1200)} ${r.failure ?? ''}`);
      }
    }
    for (const read of reads) {
      const r = results.get(read.id)!;
      const real = parseLogRead(outputOfRun(read.spec, r, false));
      const emulated = parseLogRead(read.expected);
      try {
        assert.deepEqual(real, emulated);
      } catch (error) {
        problems.push(`${read.id}: ${(error as Error).message.slice(0, 800)}`);
      }
    }
    console.log(
      `PowerShell check 3 (repairs): ${cases.length} repair script runs and ${reads.length} log reads conformant-checked`,
    );
    assert.deepEqual(problems, []);
    assert.ok(cases.length > 0);
  },
);

test(
  "issue 15 #14: the stub's RelatedProducts is a StringList that enumerates to itself, so only Count/Item indexing gives product codes",
  { skip },
  () => {
    const scenario = listScenarios().find((name) =>
      createSimulation(name).machine.state.products.some((p) => p.upgradeCode),
    )!;
    const sim = createSimulation(scenario);
    const upgradeCode = sim.machine.state.products.find((p) => p.upgradeCode)!.upgradeCode;
    const params = { upgradeCode };
    const body = (loop: string): string =>
      [
        '# msi-doctor:prelude',
        'function New-MdComObject {}',
        'function Invoke-MdComMember {}',
        '# msi-doctor:end-prelude',
        `$params = ConvertFrom-Json '${JSON.stringify(params)}'`,
        "$inst = New-MdComObject 'WindowsInstaller.Installer'",
        "$related = Invoke-MdComMember $inst 'RelatedProducts' 'GetProperty' @($params.upgradeCode)",
        loop,
      ].join('\n');
    const enumerated = 'foreach ($c in $related) { $c.GetType().Name }';
    const indexed =
      "$n = [int](Invoke-MdComMember $related 'Count' 'GetProperty' $null); for ($i = 0; $i -lt $n; $i++) { [string](Invoke-MdComMember $related 'Item' 'GetProperty' @($i)) }";
    const snapshot = `${scenario}|com`;
    const results = runDriver([
      { kind: 'snapshot', id: snapshot, value: stubSnapshot(sim.machine, { elevated: false }) },
      { kind: 'run', id: 'enumerated', script: withStubs(body(enumerated)), snapshot },
      { kind: 'run', id: 'indexed', script: withStubs(body(indexed)), snapshot },
    ]) as RunResult[];
    const [byEnumeration, byIndex] = results;
    assert.deepEqual(
      byEnumeration!.stdout,
      ['PSCustomObject'],
      'enumerating gives the list object, not a product code',
    );
    assert.ok(byIndex!.stdout.length >= 1);
    for (const code of byIndex!.stdout) assert.match(code, /^\{[0-9A-F-]{36}\}$/i);
  },
);

test(
  "PowerShell check 3: a key file the user asked to run (verify --run-key-file) gives the emulator's verdict and data, found or not",
  { skip },
  () => {
    const sim = createSimulation('python-store-alias', { approve: true });
    const context = contextFor(sim);
    const token = { elevated: false };
    const cases = [
      ['C:\\Users\\zhang.wei\\AppData\\Local\\Programs\\Python\\Python312\\python.exe', 'version'],
      ['C:\\Users\\zhang.wei\\AppData\\Local\\Programs\\Python\\Python312\\python.exe', 'help'],
      ['C:\\Tools\\nope.exe', 'version'],
    ] as const;
    const jobs: DriverJob[] = [{ kind: 'snapshot', id: 'asked', value: stubSnapshot(sim.machine, token) }];
    const specs = cases.map(([program, arg], i) => {
      const spec = commandsOf(pathEnvironmentProbeAsking(program, arg), context)[0]!;
      jobs.push({
        kind: 'run',
        id: `asked#${i}`,
        script: stubScriptOf(spec)!,
        snapshot: 'asked',
        env: { ...sim.machine.state.env },
      });
      return spec;
    });
    const results = new Map(runDriver(jobs).map((r) => [r.id, r as RunResult]));
    specs.forEach((spec, i) => {
      const real = pathEnvironmentProbe.parse([outputOfRun(spec, results.get(`asked#${i}`)!, false)], context, false);
      const emulated = pathEnvironmentProbe.parse([emulatedOutput(sim, spec, token)], context, false);
      assert.deepEqual(strip(real), strip(emulated), `case ${i}`);
      assert.ok(real.data?.asked, `case ${i} carries the asked run`);
    });
  },
);
