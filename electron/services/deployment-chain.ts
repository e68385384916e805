// Scan step after the probes: reads the deployment-tool logs the deployment-logs probe found (through the runner, so
// real and simulated machines alike), keeps the failed attempts of the last 7 days or those matching the user's code,
// and follows each to the MSI log its command line names. Diagnosis then joins them (shared/diagnosis deploy-rule).
import { findEvidence, type Evidence } from '../../shared/contract/evidence.ts';
import type { DeploymentLog } from '../../shared/contract/evidence-data.ts';
import type { ProbeId } from '../../shared/contract/ids.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import type { Deployment } from '../../shared/contract/deployment.ts';
import type { ParsedSymptom } from '../../shared/contract/symptom.ts';
import { linkDeployments } from '../../shared/deploylog/chain.ts';
import { isProblem, keepAttempts } from '../../shared/deploylog/summarize.ts';
import { logReadCommand, parseLogRead } from '../system/probes/recent-logs.ts';
import { DEPLOY_LOG_DAYS } from '../system/probes/deployment-logs.ts';
import type { CommandRunner } from '../system/run/command-runner.ts';
import { analyzeLogOffThread } from './log-analysis-thread.ts';
import { LogInputError } from './log-file-analyzer.ts';

/** Tool logs read per scan (newest first): a busy client has dozens; the recent ones hold the failures asked about. */
const MAX_DEPLOY_LOGS = 12;
/** MSI logs read to follow failed attempts. */
const MAX_MSI_LOGS = 6;

export interface DeploymentChain {
  /** Deployment-log analyses (restricted to the attempts that matter) and the MSI logs they led to. */
  logs: LogAnalysis[];
  errors: Array<{ file: string; message: string }>;
}

/** The user's code, console code or app name appears in what they told us. */
export function matchesSymptom(d: Deployment, symptom: ParsedSymptom): boolean {
  const codes = new Set([...symptom.exitCodes, ...symptom.messageNumbers]);
  if (
    (d.exitCode !== null && codes.has(d.exitCode)) ||
    (d.installerExitCode !== null && codes.has(d.installerExitCode))
  )
    return true;
  const input = symptom.input.toLowerCase();
  if (d.reportedCode && input.includes(d.reportedCode.toLowerCase().slice(2))) return true;
  return Boolean(d.application && d.application.length >= 4 && input.includes(d.application.toLowerCase()));
}

/** Started within the window before `now`; an attempt whose time cannot be read is kept (the file itself is recent). */
export function isRecent(d: Deployment, now: Date, days = DEPLOY_LOG_DAYS): boolean {
  const when = d.started ?? d.ended;
  const time = when ? Date.parse(when) : NaN;
  if (Number.isNaN(time)) return true;
  // Local times without an offset are read as UTC: a day of slack covers every time zone.
  return now.getTime() - time <= (days + 1) * 86_400_000;
}

async function readAndAnalyze(
  runner: CommandRunner,
  path: string,
): Promise<{ analysis: LogAnalysis } | { error: string }> {
  try {
    const read = parseLogRead(await runner.run(logReadCommand(path)));
    if (!read.ok) return { error: read.error };
    // Off the main thread, like every log the app reads: a huge or hostile log never stalls the window.
    return { analysis: await analyzeLogOffThread({ path, bytes: read.value.bytes }) };
  } catch (error) {
    if (error instanceof LogInputError) return { error: error.text.en };
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function failuresOf(a: LogAnalysis): NonNullable<DeploymentLog['failures']> {
  return (a.deployments ?? []).filter(isProblem).map((d) => ({
    application: d.application,
    outcome: d.outcome,
    exitCode: d.exitCode,
    started: d.started,
    msiLogPath: d.msiLogPath,
  }));
}

/** Never throws: a log that cannot be read becomes an error entry, and its finding says where the file is. */
export async function followDeploymentLogs(
  evidence: Map<ProbeId, Evidence>,
  runner: CommandRunner,
  now: Date,
  symptom: ParsedSymptom,
  known: readonly LogAnalysis[],
): Promise<DeploymentChain> {
  const item = findEvidence([...evidence.values()], 'deployment-logs');
  if (!item || item.data === null) return { logs: [], errors: [] };
  const data = item.data;
  const errors: DeploymentChain['errors'] = [];
  const logs: LogAnalysis[] = [];
  const knownFiles = new Set(known.map((l) => l.file.toLowerCase()));
  const failures = new Map<string, DeploymentLog['failures']>();
  const keep = (d: Deployment) => isProblem(d) && (isRecent(d, now) || matchesSymptom(d, symptom));

  for (const log of data.logs.filter((l) => l.kind === 'deploy').slice(0, MAX_DEPLOY_LOGS)) {
    if (knownFiles.has(log.path.toLowerCase())) continue;
    const read = await readAndAnalyze(runner, log.path);
    if ('error' in read) {
      errors.push({ file: log.path, message: read.error });
      continue;
    }
    const relevant = keepAttempts(read.analysis, keep);
    failures.set(log.path, failuresOf(relevant));
    if ((relevant.deployments ?? []).length > 0) logs.push(relevant);
  }

  // Follow each failed attempt to its MSI log: the one the user gave, one the scan already read, or read it now.
  const listedMsi = data.logs.filter((l) => l.kind === 'msi');
  let msiReads = 0;
  for (const link of linkDeployments([...logs, ...known])) {
    // Install failures: the MSI log says why; detection failures: it says what was really installed.
    const stage = link.deployment.stage;
    if (link.msiLog || !link.expectedPath || (stage !== 'install' && stage !== 'detection') || msiReads >= MAX_MSI_LOGS)
      continue;
    const name = link.expectedPath.split('\\').pop()!.toLowerCase();
    const candidates = [
      link.expectedPath,
      ...listedMsi.map((l) => l.path).filter((p) => p.toLowerCase().endsWith('\\' + name) && p !== link.expectedPath),
    ];
    for (const path of candidates) {
      if (logs.some((l) => l.file.toLowerCase() === path.toLowerCase())) break;
      msiReads++;
      const read = await readAndAnalyze(runner, path);
      if ('analysis' in read) {
        logs.push(read.analysis);
        break;
      }
      if (path === candidates.at(-1)) errors.push({ file: path, message: read.error });
    }
  }

  evidence.set('deployment-logs', {
    ...item,
    data: {
      ...data,
      logs: data.logs.map((l) => (failures.has(l.path) ? { ...l, failures: failures.get(l.path)! } : l)),
    },
  });
  return { logs, errors };
}
