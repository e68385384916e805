// One repair run: the journal's plan line (data only), the steps, the install's new log, verification and the outcome.
import { mkdirSync } from 'node:fs';
import type { Evidence, TextRef } from '../../shared/contract/evidence.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import type { RepairOutcome } from '../../shared/contract/repair.ts';
import { evidenceFrom, evidenceMap } from '../system/probes/run-probe.ts';
import type { CommandOutput } from '../system/run/command-runner.ts';
import { REBOOT_CODES } from '../system/repairs/repair-helpers.ts';
import type { InstallResult } from '../system/repairs/repair-definition.ts';
import { createJournal, nextSequence, type Journal } from './journal.ts';
import { joinTarget, type PreparedPlan } from './repair-planner.ts';
import { RunRecorder, runSteps, type RepairProgress, type StepRunnerDeps } from './repair-steps.ts';

export interface ExecutionDeps extends StepRunnerDeps {
  /** 'real', 'simulated:<scenario>' or 'scenario-file[:<file in the data folder>]' (journal-schema ENVIRONMENT). */
  environment: string;
  analyzeLog?: (path: string) => Promise<LogAnalysis>;
}

/** Thrown before anything ran: the journal (our record and the backups' home) could not be created. */
export class DataFolderError extends Error {}

/** Creates the journal and our folders (reg export, icacls /save and msiexec /L*v do not create them). */
function openRun(prepared: PreparedPlan, deps: ExecutionDeps): Journal {
  try {
    const journal = createJournal(deps.dataDir, prepared.journalId);
    if (deps.targetDataDir === deps.dataDir) {
      mkdirSync(joinTarget(deps.targetDataDir, 'backups', prepared.journalId), { recursive: true });
      mkdirSync(joinTarget(deps.targetDataDir, 'logs'), { recursive: true });
    }
    return journal;
  } catch (error) {
    throw new DataFolderError((error as Error).message);
  }
}

/** Runs a prepared plan (call it holding the data-folder lock: the sequence number is taken here). */
export async function executePlan(
  prepared: PreparedPlan,
  deps: ExecutionDeps,
  signal: AbortSignal,
  onProgress: (p: RepairProgress) => void,
): Promise<RepairOutcome> {
  const { plan, steps, definition, built } = prepared;
  const journal = openRun(prepared, deps);
  // Data, never code: the repair id, validated parameters, recorded facts and step ids. Undo rebuilds its commands.
  journal.append({
    type: 'plan',
    at: deps.clock.now().toISOString(),
    journalId: journal.journalId,
    seq: nextSequence(deps.dataDir),
    sessionId: prepared.sessionId,
    plan,
    params: prepared.params,
    steps: steps.map((s) => ({
      id: s.step.id,
      kind: s.step.kind,
      elevated: s.step.elevated,
      ...(s.backupFile ? { backupFile: s.backupFile } : {}),
    })),
    data: built.data,
    environment: deps.environment,
  });
  const recorder = new RunRecorder(journal, prepared, deps, onProgress);
  const stop = await runSteps({ prepared, recorder, deps, signal, onProgress });
  const status = stop.status;
  let message = stop.message;

  // The install step the repair names (retry / uninstall): its exit code, restart need, and its new log analyzed at once.
  const installStep = built.installLog ? steps.find((s) => s.step.id === built.installLog!.stepId) : undefined;
  const installOutput = installStep ? recorder.outputs.get(installStep.step.id)?.[0] : undefined;
  const installExit = installOutput?.exitCode ?? null;
  const install: InstallResult | null =
    installStep && installOutput
      ? { exitCode: installExit, ok: installExit !== null && installStep.okExitCodes.includes(installExit) }
      : null;
  const rebootRequired = installExit !== null && REBOOT_CODES.includes(installExit);
  let installLog: RepairOutcome['installLog'] = null;
  if (built.installLog && installOutput) {
    let analysis: LogAnalysis | null = null;
    let error: string | null = null;
    if (deps.analyzeLog) {
      try {
        analysis = await deps.analyzeLog(built.installLog.path);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    installLog = { path: built.installLog.path, exitCode: installExit, analysis, error };
  }

  const verification = verificationEvidence(prepared, recorder.outputs);
  let verified: boolean | null = null;
  if (status === 'succeeded')
    verified = definition.verify(verification.length ? evidenceMap(verification) : {}, built.data, install);
  if (status === 'succeeded' && verified === false) message = { key: 'repair.message.not-verified', params: {} };
  if (status === 'succeeded' && verified === true && !message)
    message = definition.remains?.(evidenceMap(verification), built.data) ?? null;
  if (status === 'succeeded' && rebootRequired)
    message = { key: 'repair.message.restart-needed', params: { code: installExit ?? 0 } };
  if (status === 'failed' && !message && install && !install.ok && installExit !== null)
    message = { key: 'repair.message.install-failed', params: { code: installExit } };
  if (status === 'failed' && !message) message = { key: 'repair.message.failed', params: {} };
  journal.append({ type: 'finish', at: deps.clock.now().toISOString(), status, verified, rebootRequired });
  const changed = steps.some(
    (s) => s.step.kind === 'change' && ['succeeded', 'failed'].includes(recorder.outcomes.get(s.step.id)?.status ?? ''),
  );
  return {
    schema: 'msi-doctor/repair@1',
    journalId: journal.journalId,
    plan,
    status,
    steps: steps.map(
      (s) =>
        recorder.outcomes.get(s.step.id) ?? {
          id: s.step.id,
          status: 'skipped',
          exitCode: null,
          output: '',
          durationMs: 0,
        },
    ),
    verified,
    verification,
    rebootRequired,
    undoAvailable: plan.reversible && changed,
    message: message as TextRef | null,
    installLog,
  };
}

/** The verification probes ran as plan steps (one per probe): parse each whose every command produced output. */
function verificationEvidence(prepared: PreparedPlan, outputs: Map<string, CommandOutput[]>): Evidence[] {
  const evidence: Evidence[] = [];
  for (const s of prepared.steps) {
    const got = s.verify ? outputs.get(s.step.id) : undefined;
    if (s.verify && got && got.length === s.verify.specs.length)
      evidence.push(evidenceFrom(s.verify.probe, got, prepared.probeContext, s.step.elevated));
  }
  return evidence;
}
