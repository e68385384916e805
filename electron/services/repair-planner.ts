// Repair plan building: validated params + fresh facts -> the catalog's steps, the verifying probes as plan steps, one
// elevated run at most. Pure apart from re-running the plan's unelevated probes.
import type { Evidence, TextRef } from '../../shared/contract/evidence.ts';
import { escapeForDisplay } from '../../shared/knowledge/display-safe.ts';
import type { RepairId } from '../../shared/contract/ids.ts';
import type { PlanStep, RepairParams, RepairPlan } from '../../shared/contract/repair.ts';
import type { ParsedSymptom } from '../../shared/contract/symptom.ts';
import type { ProbeContext, ProbeDefinition } from '../system/probes/probe.ts';
import { evidenceMap, mergeEvidence, runProbe } from '../system/probes/run-probe.ts';
import type { CommandRunner, CommandSpec } from '../system/run/command-runner.ts';
import { renderCommandLine } from '../system/repairs/command-builder.ts';
import { text } from '../system/repairs/repair-helpers.ts';
import {
  RepairRefusal,
  recordableData,
  type BuiltPlan,
  type BuiltStep,
  type JournalLookup,
  type RepairDefinition,
} from '../system/repairs/repair-definition.ts';
import { listJournals, readJournal } from './journal.ts';
import { trimEndChars } from '../../shared/text/trim-end.ts';
import { nestedParam } from '../../shared/knowledge/text-render.ts';
import { probeName } from '../../shared/knowledge/words.ts';

/** A plan step with what runs it: the catalog's spec, or (verify steps) the probe it re-runs with all its commands. */
export interface PreparedStep extends BuiltStep {
  verify: { probe: ProbeDefinition; specs: CommandSpec[] } | null;
}

/**
 * The commands a step runs, in order. A verification is ONE step per probe however many commands the probe has
 * (pending-reboot has two: the registry markers, and ConfigMgr's flag in a process of its own), so a plan never lists
 * the same "Check again" twice.
 */
export function stepCommands(step: PreparedStep): CommandSpec[] {
  return step.verify ? step.verify.specs : step.spec ? [step.spec] : [];
}

/** Everything a run needs, kept by the repair service between plan() and run(). */
export interface PreparedPlan {
  plan: RepairPlan;
  definition: RepairDefinition;
  built: BuiltPlan;
  /** Plan steps in run order (catalog steps + verification probe steps). */
  steps: PreparedStep[];
  evidence: Evidence[];
  probeContext: ProbeContext;
  journalId: string;
  params: RepairParams;
  rawParams: unknown;
  sessionId: string | null;
}

export interface PlannerEnvironment {
  dataDir: string;
  /** Our data folder as the target machine names it (backups, install logs). */
  targetDataDir: string;
  runner: CommandRunner;
  probes: readonly ProbeDefinition[];
  user: { sid: string | null; profile: string | null; temp: string | null };
  windowsDir: string;
  /** MSI Doctor's own executable on the target machine, for the resume after a restart (null: none). */
  appPath?: string | null;
  symptom?: ParsedSymptom;
  now: () => Date;
  /** The account an earlier elevated batch ran as, when known (over-the-shoulder elevation when it is not the user). */
  elevatedSid: () => string | null;
}

/** Elevated steps must form ONE contiguous run, so they can go into one elevated batch (one UAC prompt). */
export function elevatedRuns(steps: Array<{ step: PlanStep }>): number {
  let runs = 0;
  let previous = false;
  for (const s of steps) {
    if (s.step.elevated && !previous) runs += 1;
    previous = s.step.elevated;
  }
  return runs;
}

/** Joins our data-dir parts in the target machine's separator style. */
export function joinTarget(base: string, ...parts: string[]): string {
  const sep = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  return [trimEndChars(base, '\\/'), ...parts].join(sep);
}

export function probeContext(env: PlannerEnvironment, msiPath: string | null): ProbeContext {
  return {
    symptom: env.symptom ?? { input: '', exitCodes: [], messageNumbers: [], sources: [], unknown: true, notes: [] },
    msiPath,
    logPaths: [],
    user: env.user,
    now: env.now(),
  };
}

/** The elevated account is known and is not the signed-in user. */
export function overTheShoulder(env: PlannerEnvironment): boolean {
  const elevated = env.elevatedSid();
  return elevated !== null && env.user.sid !== null && elevated.toUpperCase() !== env.user.sid.toUpperCase();
}

/**
 * Facts for a plan: the scan's evidence, overlaid by a fresh unelevated run of the repair's plan probes. A fresh result
 * replaces scan evidence only when that evidence was not taken elevated (an unelevated run would see less).
 */
export async function freshEvidence(
  env: PlannerEnvironment,
  definition: RepairDefinition,
  context: ProbeContext,
  given: Evidence[],
): Promise<Evidence[]> {
  const fresh: Evidence[] = [];
  for (const id of definition.planProbes) {
    const probe = env.probes.find((p) => p.id === id);
    if (!probe || probe.elevation === 'required') continue;
    if (given.find((e) => e.probe === id)?.elevated) continue;
    if (!probe.appliesTo(context)) continue;
    const evidence = await runProbe(probe, env.runner, context);
    if (evidence.status !== 'error' && evidence.status !== 'not-checked') fresh.push(evidence);
  }
  return mergeEvidence(given, fresh);
}

/** Earlier runs, read only through validated journals (disable-installer-logging reads what enable found). */
function journalLookup(dataDir: string): JournalLookup {
  return {
    latestFinished(repair: RepairId) {
      for (const summary of listJournals(dataDir)) {
        if (summary.repair !== repair || summary.state !== 'finished') continue;
        const record = readJournal(dataDir, summary.journalId);
        const finish = record?.entries.find((e) => e.type === 'finish');
        if (record?.plan && finish?.type === 'finish' && finish.status === 'succeeded')
          return { journalId: summary.journalId, data: record.plan.data };
      }
      return null;
    },
  };
}

/** The verification probes as plan steps (kind 'verify'): elevated ones join the repair's batch. */
function verifySteps(
  env: PlannerEnvironment,
  definition: RepairDefinition,
  context: ProbeContext,
  hasElevated: boolean,
): { elevated: PreparedStep[]; plain: PreparedStep[] } {
  const elevated: PreparedStep[] = [];
  const plain: PreparedStep[] = [];
  for (const id of definition.verifyProbes) {
    const probe = env.probes.find((p) => p.id === id);
    if (!probe || !probe.appliesTo(context)) continue;
    const runsElevated = probe.elevation === 'required' || (probe.elevation === 'better' && hasElevated);
    const specs = probe.commands(context);
    if (specs.length === 0) continue;
    (runsElevated ? elevated : plain).push({
      step: {
        id: `verify-${id}`,
        kind: 'verify',
        description: { key: 'repair.step.verify', params: { probe: nestedParam(probeName(id).key) } },
        // Every command the check runs, shown in full before it runs.
        commandLine: specs.map(renderCommandLine).join('\n'),
        elevated: runsElevated,
      },
      spec: null,
      okExitCodes: [0],
      verify: { probe, specs },
    });
  }
  return { elevated, plain };
}

export function buildPrepared(
  env: PlannerEnvironment,
  input: {
    definition: RepairDefinition;
    params: RepairParams;
    evidence: Evidence[];
    journalId: string;
    rawParams: unknown;
    sessionId: string | null;
    /** Warnings of the planning itself (a mapped drive replaced by its UNC path). */
    notes?: TextRef[];
  },
): PreparedPlan {
  const { definition, params, evidence, journalId } = input;
  const context = probeContext(env, params.msiPath ?? null);
  const built = definition.build({
    params,
    evidence: evidenceMap(evidence),
    user: { sid: env.user.sid, profile: env.user.profile },
    backupDir: joinTarget(env.targetDataDir, 'backups', journalId),
    logDir: joinTarget(env.targetDataDir, 'logs'),
    // As the target machine names it (shown in plans as where previous values are kept).
    journalPath: joinTarget(env.targetDataDir, 'journals', `${journalId}.jsonl`),
    windowsDir: env.windowsDir,
    appPath: env.appPath ?? null,
    journals: journalLookup(env.dataDir),
  });
  recordableData(definition, built.data);
  const steps: PreparedStep[] = built.steps.map((s) => ({ ...s, verify: null }));
  const warnings = [...(input.notes ?? []), ...built.warnings];
  if (overTheShoulder(env)) {
    // The administrator who approves the prompt is another account: its HKCU and profile are not the user's.
    if (steps.some((s) => s.spec?.requiresSignedInUser && s.step.elevated))
      throw new RepairRefusal(text('repair.refusal.other-admin-per-user'), 'forbidden');
    if (steps.some((s) => s.step.elevated)) warnings.push(text('repair.warning.other-admin'));
  }
  const verify = verifySteps(
    env,
    definition,
    context,
    steps.some((s) => s.step.elevated),
  );
  // Elevated verification goes right after the last elevated step (same batch); the rest at the end.
  const lastElevated = steps.map((s) => s.step.elevated).lastIndexOf(true);
  const ordered =
    lastElevated >= 0
      ? [...steps.slice(0, lastElevated + 1), ...verify.elevated, ...steps.slice(lastElevated + 1), ...verify.plain]
      : [...steps, ...verify.elevated, ...verify.plain];
  if (elevatedRuns(ordered) > 1)
    throw new Error(`catalog bug: ${definition.id} has elevated steps in more than one run`);
  const plan: RepairPlan = {
    planId: journalId,
    repair: definition.id,
    title: { key: `repair.${definition.id}.title`, params: {} },
    description: { key: `repair.${definition.id}.description`, params: {} },
    risk: built.risk,
    reversible: built.reversible && definition.undo !== undefined,
    needsElevation: ordered.some((s) => s.step.elevated),
    steps: ordered.map((s) => s.step),
    backups: built.backups.map((b) => ({
      what: typeof b.what === 'string' ? escapeForDisplay(b.what) : b.what,
      path: escapeForDisplay(b.path),
    })),
    warnings,
    confirmations: built.confirmations,
    targets: definition.targets,
    params: { ...params },
    installLog: built.installLog ? { path: built.installLog.path } : null,
    // One elevated batch is one administrator prompt (elevatedRuns is at most 1, checked above).
    elevationPrompts: elevatedRuns(ordered),
    restart: built.restart ?? null,
  };
  return {
    plan,
    definition,
    built,
    steps: ordered,
    evidence,
    probeContext: context,
    journalId,
    params,
    rawParams: input.rawParams,
    sessionId: input.sessionId,
  };
}
