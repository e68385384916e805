// Scan orchestration: choose probes, run unelevated ones in parallel, privileged ones in ONE elevated batch, report progress.
import { randomUUID } from 'node:crypto';
import type { Evidence } from '../../shared/contract/evidence.ts';
import type { Finding } from '../../shared/contract/finding.ts';
import type { ProbeId } from '../../shared/contract/ids.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import {
  SCAN_SCHEMA,
  scanRequestSchema,
  type EnvironmentInfo,
  type ScanProgress,
  type ScanRequest,
  type ScanResult,
} from '../../shared/contract/scan.ts';
import type { ParsedSymptom } from '../../shared/contract/symptom.ts';
import type { ProbeContext, ProbeDefinition } from '../system/probes/probe.ts';
import type { CommandRunner, ElevatedRunner } from '../system/run/command-runner.ts';
import { notRun } from '../system/run/elevated-script.ts';
import {
  ScanCancelledError,
  combineElevated,
  commandsOf,
  errorEvidence,
  evidenceFrom,
  notCheckedEvidence,
} from './probe-execution.ts';
import { planCommands, routeOutput } from './command-plan.ts';
import { POWERSHELL_CONSTRAINED } from '../system/probes/run-probe.ts';
import { runDirect } from './direct-phase.ts';
import { analyzeDiscoveredLogs } from './discovered-logs.ts';
import type { MsiPackage } from '../../shared/contract/msi-package.ts';
import type { MsiPackageRead } from '../system/probes/probe.ts';
import { MsiReadError } from '../../shared/msi-package/msi-read-error.ts';
import { followDeploymentLogs } from './deployment-chain.ts';
import { nameRunningPackages } from './running-packages.ts';

export { ScanCancelledError } from './probe-execution.ts';

export interface DiagnosisInput {
  symptom: ParsedSymptom;
  evidence: Evidence[];
  logs: LogAnalysis[];
  notChecked: ScanResult['notChecked'];
}

export interface ScanServiceOptions {
  runner: CommandRunner;
  elevatedRunner: ElevatedRunner;
  probes: readonly ProbeDefinition[];
  parseSymptom: (text: string) => ParsedSymptom;
  environment: EnvironmentInfo;
  /** The real user (the elevated batch may run as another admin account). */
  user?: ProbeContext['user'];
  /** The app already runs elevated: privileged probes run directly, no prompt. */
  processElevated?: boolean;
  diagnose?: (input: DiagnosisInput) => Finding[] | Promise<Finding[]>;
  analyzeLog?: (path: string) => Promise<LogAnalysis>;
  /** Reads the .msi with the pure reader (its facts feed installed-products and the package findings). */
  readPackage?: (path: string) => Promise<MsiPackage>;
  /** How many processes run at once in the unelevated phase (each PowerShell costs CPU at start-up: keep it small). */
  concurrency?: number;
  /** Analyze the newest MSI logs the recent-logs probe found (default true): a failed one usually names the cause. */
  analyzeDiscoveredLogs?: boolean;
  /** Share one powershell.exe between the probes' marked scripts (default true). */
  batchScripts?: boolean;
  /** Whole elevated batch, UAC prompt included; default: 2 minutes for the prompt + the probes' timeouts. */
  elevatedBatchTimeoutMs?: number;
  /** The machine's clock (the simulated machine has its own): ProbeContext.now and startedAt. Durations use the wall clock. */
  now?: () => Date;
  newId?: () => string;
}

export interface ScanCallbacks {
  onProgress?: (event: ScanProgress) => void;
  signal?: AbortSignal;
}

export async function runScan(
  input: Partial<ScanRequest>,
  options: ScanServiceOptions,
  callbacks: ScanCallbacks = {},
): Promise<ScanResult> {
  const request = scanRequestSchema.parse(input);
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const wallStart = Date.now();
  const scanId = (options.newId ?? randomUUID)();
  const signal = callbacks.signal;
  const checkCancel = (): void => {
    if (signal?.aborted) throw new ScanCancelledError();
  };
  const emit = (
    probe: ProbeId,
    phase: ScanProgress['phase'],
    elevated: boolean,
    evidence: Evidence | null = null,
  ): void => {
    callbacks.onProgress?.({
      scanId,
      probe,
      phase,
      elevated,
      durationMs: evidence ? evidence.durationMs : null,
      evidence,
    });
  };
  checkCancel();

  const symptom = options.parseSymptom(request.symptom);
  const msiPackage =
    request.msiPath && options.readPackage ? await readPackage(request.msiPath, options.readPackage) : undefined;
  const context: ProbeContext = {
    symptom,
    msiPath: request.msiPath,
    ...(msiPackage ? { msiPackage } : {}),
    logPaths: request.logPaths,
    user: options.user ?? { sid: null, profile: null, temp: null },
    now: startedAt,
  };

  const notChecked: ScanResult['notChecked'] = [];
  const applicable: ProbeDefinition[] = [];
  for (const probe of options.probes) {
    let applies: boolean;
    try {
      applies = probe.appliesTo(context);
    } catch {
      applies = true; // a broken appliesTo must not hide a probe: run it and let its evidence show the problem
    }
    if (applies) applicable.push(probe);
    else notChecked.push({ probe: probe.id, reason: 'not-applicable' });
  }
  for (const probe of applicable) emit(probe.id, 'queued', probe.elevation === 'required' && !options.processElevated);

  const direct = options.processElevated ? applicable : applicable.filter((p) => p.elevation !== 'required');
  const batch = options.processElevated ? [] : applicable.filter((p) => p.elevation !== 'never');
  const evidence = new Map<ProbeId, Evidence>();

  // Logs are read while the probes run: they are local files, independent of the commands.
  const logsPromise = analyzeLogs(request.logPaths, options.analyzeLog);

  const directElevated = Boolean(options.processElevated);
  for (const probe of direct) emit(probe.id, 'started', directElevated);
  await runDirect(direct, {
    context,
    runner: options.runner,
    concurrency: options.concurrency ?? 3,
    batchScripts: options.batchScripts !== false,
    elevated: directElevated,
    checkCancel,
    ...(signal ? { signal } : {}),
    onEvidence: (probe, item) => {
      evidence.set(probe.id, item);
      if (item.summary.params.reason === POWERSHELL_CONSTRAINED && item.status === 'not-checked')
        notChecked.push({ probe: probe.id, reason: POWERSHELL_CONSTRAINED });
      emit(probe.id, 'finished', item.elevated, item);
    },
  });
  checkCancel();

  let elevation: ScanResult['elevation'] = 'not-needed';
  if (batch.length > 0 && !request.allowElevation) {
    elevation = 'skipped';
    for (const probe of batch) markNotElevated(probe, 'elevation-skipped');
  } else if (batch.length > 0) {
    const started = Date.now();
    const specsByProbe = batch.map((probe) => {
      try {
        return commandsOf(probe, context);
      } catch {
        return [];
      }
    });
    for (const probe of batch) emit(probe.id, 'started', true);
    const units = planCommands(specsByProbe, { batch: options.batchScripts !== false });
    const timeoutMs = options.elevatedBatchTimeoutMs ?? 120_000 + batch.reduce((sum, p) => sum + p.timeoutMs, 0);
    const result = await options.elevatedRunner.runBatch(
      units.map((u) => u.spec),
      { ...(signal ? { signal } : {}), timeoutMs, name: 'MSI Doctor', userSid: context.user.sid },
    );
    if (result.status === 'cancelled' || signal?.aborted) throw new ScanCancelledError();
    const duration = Date.now() - started;
    if (result.status === 'ok') {
      elevation = 'granted';
      const outputs = specsByProbe.map((specs) =>
        specs.map((spec) => notRun(spec, 'not run: missing from the batch result')),
      );
      units.forEach((unit, i) => {
        const output = result.outputs[i];
        if (!output) return;
        for (const { slot, output: routed } of routeOutput(unit, output)) outputs[slot.probe]![slot.command] = routed;
      });
      batch.forEach((probe, i) => {
        const own = outputs[i]!.reduce((sum, o) => sum + o.durationMs, 0);
        const item = evidenceFrom(probe, outputs[i]!, context, true, own || duration);
        // A 'better' probe keeps its unelevated answer when the elevated run could not produce one, and keeps the
        // facts only the user's own token can give (temp-folders: is the user's TEMP writable by the user?).
        const chosen = combineElevated(probe, evidence.get(probe.id), item, context);
        evidence.set(probe.id, chosen);
        emit(probe.id, 'finished', chosen.elevated, chosen);
      });
    } else {
      elevation = result.status === 'declined' ? 'declined' : 'failed';
      const reason = result.status === 'declined' ? 'elevation-declined' : 'elevation-failed';
      for (const probe of batch) {
        markNotElevated(
          probe,
          reason,
          result.status === 'declined' ? null : (result.message ?? result.status),
          duration,
        );
      }
    }
  }

  function markNotElevated(probe: ProbeDefinition, reason: string, failure: string | null = null, duration = 0): void {
    const previous = evidence.get(probe.id);
    if (previous) {
      // 'better' probes already answered unelevated; say that the fuller check did not happen.
      notChecked.push({ probe: probe.id, reason: `${reason}-partial` });
      emit(probe.id, 'finished', previous.elevated, previous);
      return;
    }
    notChecked.push({ probe: probe.id, reason });
    const item = failure
      ? errorEvidence(probe, `elevated batch ${failure}`, [], duration, true)
      : notCheckedEvidence(probe, reason);
    evidence.set(probe.id, item);
    emit(probe.id, 'finished', item.elevated, item);
  }

  // The running installs' packages, by name: the answer says which product is stuck, not only which file.
  const running = evidence.get('install-in-progress');
  if (running && options.readPackage)
    evidence.set('install-in-progress', await nameRunningPackages(running, options.readPackage));
  const { logs, logErrors } = await logsPromise;
  checkCancel();
  if (options.analyzeDiscoveredLogs !== false) {
    const discovered = await analyzeDiscoveredLogs(evidence, options.runner, startedAt, request.logPaths);
    logs.push(...discovered.logs);
    logErrors.push(...discovered.errors);
    checkCancel();
    // Company deployments (ConfigMgr, Intune, PSADT): their failed attempts and the MSI logs they name.
    const deployed = await followDeploymentLogs(evidence, options.runner, startedAt, symptom, logs);
    logs.push(...deployed.logs);
    logErrors.push(...deployed.errors);
    checkCancel();
  }
  // Evidence in the order of the probe list, whatever order the probes finished in.
  const ordered = applicable.map((p) => evidence.get(p.id)).filter((e): e is Evidence => e !== undefined);
  const findings = options.diagnose ? await options.diagnose({ symptom, evidence: ordered, logs, notChecked }) : [];
  const result: ScanResult = {
    schema: SCAN_SCHEMA,
    scanId,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - wallStart,
    environment: options.environment,
    symptom,
    evidence: ordered,
    logs,
    findings,
    notChecked,
    elevation,
  };
  if (logErrors.length) result.logErrors = logErrors;
  return result;
}

/** The reader never throws past here: a bad package is a fact (installed-products says why), not a failed scan. */
async function readPackage(path: string, read: (path: string) => Promise<MsiPackage>): Promise<MsiPackageRead> {
  try {
    return { ok: true, package: await read(path) };
  } catch (error) {
    const e =
      error instanceof MsiReadError
        ? error
        : new MsiReadError('unreadable', (error as Error)?.message ?? String(error));
    return { ok: false, code: e.code, detail: e.detail, message: e.text.en };
  }
}

async function analyzeLogs(
  paths: readonly string[],
  analyzeLog: ScanServiceOptions['analyzeLog'],
): Promise<{ logs: LogAnalysis[]; logErrors: { file: string; message: string }[] }> {
  const logs: LogAnalysis[] = [];
  const logErrors: { file: string; message: string }[] = [];
  if (!analyzeLog) {
    for (const file of paths) logErrors.push({ file, message: 'log analysis is not available in this build' });
    return { logs, logErrors };
  }
  const settled = await Promise.allSettled(paths.map((path) => analyzeLog(path)));
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') logs.push(outcome.value);
    else logErrors.push({ file: paths[i]!, message: (outcome.reason as Error)?.message ?? String(outcome.reason) });
  });
  return { logs, logErrors };
}
