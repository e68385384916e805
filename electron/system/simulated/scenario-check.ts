// Runs probes directly against a simulation (commands -> simulated runner -> parse) and checks a scenario's `expect`.
// Not the scan service: a small, dependency-free harness for table-driven tests of probes, diagnosis and repairs.
import type { Evidence } from '../../../shared/contract/evidence.ts';
import type { ParsedSymptom } from '../../../shared/contract/symptom.ts';
import { ALL_PROBES } from '../probes/index.ts';
import type { ProbeContext } from '../probes/probe.ts';
import { combineElevated, evidenceFrom, runProbe } from '../probes/run-probe.ts';
import type { Simulation } from './index.ts';
import type { ScenarioExpect } from './scenario-schema.ts';

/** A symptom with just the input text (the symptom parser belongs to another module; probes do not read it). */
export function plainSymptom(text: string): ParsedSymptom {
  const codes = [...text.matchAll(/\b(\d{4,5})\b/g)].map((m) => Number(m[1]));
  return {
    input: text,
    exitCodes: codes.filter((c) => c >= 1600 && c < 1700),
    messageNumbers: codes.filter((c) => c >= 2000),
    sources: [],
    unknown: codes.length === 0,
    notes: [],
  };
}

export function contextFor(sim: Simulation, symptom = sim.loaded.scenario.expect.symptom): ProbeContext {
  const m = sim.machine;
  return {
    symptom: plainSymptom(symptom),
    msiPath: sim.loaded.scenario.msiPath,
    logPaths: sim.loaded.scenario.logPaths,
    user: { sid: m.state.identity.userSid, profile: m.state.identity.profile, temp: m.envVar('TEMP') },
    now: m.now(),
  };
}

export interface ProbeRun {
  unelevated: Map<string, Evidence>;
  elevated: Map<string, Evidence>;
  /** The best evidence per probe, as the scan keeps it: the elevated one combined with the unelevated one (combineElevated). */
  best: Map<string, Evidence>;
  elevation: 'granted' | 'declined' | 'not-needed';
}

/** Unelevated probes one by one, then every 'better'/'required' probe in ONE elevated batch (if allowed). */
export async function runAllProbes(
  sim: Simulation,
  options: { allowElevation?: boolean; context?: ProbeContext } = {},
): Promise<ProbeRun> {
  const context = options.context ?? contextFor(sim);
  const probes = ALL_PROBES.filter((p) => p.appliesTo(context));
  const unelevated = new Map<string, Evidence>();
  for (const probe of probes.filter((p) => p.elevation !== 'required'))
    unelevated.set(probe.id, await runProbe(probe, sim.runner, context));
  const elevated = new Map<string, Evidence>();
  const privileged = probes.filter((p) => p.elevation !== 'never');
  let elevation: ProbeRun['elevation'] = privileged.length ? 'declined' : 'not-needed';
  if (privileged.length && options.allowElevation !== false) {
    const specs = privileged.map((p) => p.commands(context));
    const batch = await sim.elevatedRunner.runBatch(specs.flat(), { name: 'msi doctor scan' });
    if (batch.status === 'ok') {
      elevation = 'granted';
      let at = 0;
      privileged.forEach((probe, i) => {
        const n = specs[i]!.length;
        elevated.set(probe.id, evidenceFrom(probe, batch.outputs.slice(at, at + n), context, true));
        at += n;
      });
    }
  }
  const best = new Map(unelevated);
  for (const probe of probes) {
    const e = elevated.get(probe.id);
    if (e) best.set(probe.id, combineElevated(probe, unelevated.get(probe.id), e, context));
  }
  return { unelevated, elevated, best, elevation };
}

/** Reads a dotted path ('windowsTemp.usersCanCreate', 'clients.0.kind') from evidence data. */
export function factAt(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Mismatches between what the scenario was built to show and the evidence (empty = as expected). */
export function checkExpectedEvidence(expect: ScenarioExpect, run: ProbeRun): string[] {
  const problems: string[] = [];
  for (const want of expect.evidence) {
    const got = (want.elevated ? run.elevated : run.best).get(want.probe);
    if (!got) {
      problems.push(`${want.probe}: no evidence${want.elevated ? ' from the elevated batch' : ''}`);
      continue;
    }
    if (got.status !== want.status)
      problems.push(
        `${want.probe}: status ${got.status} (${got.summary.key}${got.error ? `: ${got.error}` : ''}), expected ${want.status}`,
      );
    for (const [path, value] of Object.entries(want.facts ?? {})) {
      const actual = factAt(got.data, path);
      if (JSON.stringify(actual) !== JSON.stringify(value))
        problems.push(`${want.probe}: ${path} = ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`);
    }
  }
  return problems;
}
