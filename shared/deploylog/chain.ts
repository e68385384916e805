// Following the chain: a deployment attempt -> the MSI log its command line names (or where it should be, or the
// /l*v to add) -> what that MSI log says failed. Pure: the analyses are given; nothing is read here.
import type { Deployment } from '../contract/deployment.ts';
import type { LogAnalysis } from '../contract/log-analysis.ts';
import { loggingAdvice, msiLogPathOf, resolveOnMachine, type LoggingAdvice } from './command-line.ts';
import { isProblem } from './summarize.ts';

export const DEPLOY_FORMATS: ReadonlySet<LogAnalysis['format']> = new Set(['configmgr', 'intune', 'psadt']);

export function isDeployAnalysis(log: LogAnalysis): boolean {
  return DEPLOY_FORMATS.has(log.format) && Array.isArray(log.deployments);
}

export interface DeploymentLink {
  /** The deployment-tool log the attempt was read from. */
  log: LogAnalysis;
  deployment: Deployment;
  index: number;
  /** Where the MSI log is on the machine (relative paths resolved, %VARIABLES% as SYSTEM sees them), or null. */
  expectedPath: string | null;
  /** The analysis of that MSI log, when it was available. */
  msiLog: LogAnalysis | null;
  /** How the MSI log was matched: its path, its file name (a copy), or given together with the attempt. */
  matchedBy: 'path' | 'file-name' | 'given-together' | null;
  /** The command names no MSI log: the switch to add (null when it names one). */
  advice: LoggingAdvice | null;
}

function normalize(path: string): string {
  return path.trim().replace(/\//g, '\\').replace(/^"|"$/g, '').toLowerCase();
}

function fileName(path: string): string {
  const n = normalize(path);
  return n.slice(n.lastIndexOf('\\') + 1);
}

/** The attempts worth explaining in a deployment log: each application's latest problem, else the primary one. */
export function attemptsToExplain(log: LogAnalysis): number[] {
  const list = log.deployments ?? [];
  const latest = new Map<string, number>();
  list.forEach((d, i) => latest.set(`${d.tool}|${d.source}|${d.appId ?? d.application ?? i}`, i));
  const problems = [...latest.values()].filter((i) => isProblem(list[i]!)).sort((a, b) => a - b);
  if (problems.length > 0) return problems;
  return log.primaryDeployment === null || log.primaryDeployment === undefined ? [] : [log.primaryDeployment];
}

/** Links every attempt worth explaining to its MSI log among `logs` (MSI analyses the user added or a scan read). */
export function linkDeployments(logs: readonly LogAnalysis[]): DeploymentLink[] {
  const msiLogs = logs.filter((l) => !DEPLOY_FORMATS.has(l.format));
  const used = new Set<LogAnalysis>();
  const links: DeploymentLink[] = [];
  for (const log of logs.filter(isDeployAnalysis)) {
    for (const index of attemptsToExplain(log)) {
      const deployment = log.deployments![index]!;
      const named = deployment.msiLogPath ?? (deployment.commandLine ? msiLogPathOf(deployment.commandLine) : null);
      const expectedPath = named ? resolveOnMachine(named, deployment.workingDirectory, deployment.context) : null;
      let msiLog: LogAnalysis | null = null;
      let matchedBy: DeploymentLink['matchedBy'] = null;
      if (expectedPath) {
        msiLog = msiLogs.find((m) => normalize(m.file) === normalize(expectedPath)) ?? null;
        if (msiLog) matchedBy = 'path';
        else {
          msiLog = msiLogs.find((m) => fileName(m.file) === fileName(expectedPath)) ?? null;
          if (msiLog) matchedBy = 'file-name';
        }
      }
      links.push({
        log,
        deployment,
        index,
        expectedPath,
        msiLog,
        matchedBy,
        advice:
          named || !deployment.commandLine
            ? null
            : loggingAdvice(deployment.tool, deployment.commandLine, deployment.application),
      });
      if (msiLog) used.add(msiLog);
    }
  }
  // One failed attempt and one MSI log given together, the command naming none: the user means them to go together.
  const unmatched = links.filter((l) => !l.msiLog && isProblem(l.deployment) && l.deployment.stage === 'install');
  const spare = msiLogs.filter((m) => !used.has(m));
  if (unmatched.length === 1 && spare.length === 1) {
    unmatched[0]!.msiLog = spare[0]!;
    unmatched[0]!.matchedBy = 'given-together';
  }
  return links;
}

export interface MsiFailure {
  /** The failing action (a custom action when customAction is true). */
  action: string | null;
  customAction: boolean;
  /** What the failing step printed, or the error line that explains it. */
  output: string | null;
  line: number | null;
}

const ENGINE_LINE =
  /^(MSI \(|Action (start|ended)|CustomAction \S+ returned|Error \d|DEBUG: Error|Note: 1:|Info \d|=== )/;
const HOT = /error|fail|exception|denied|cannot|unable|not found|invalid|refused|timeout|timed out/i;

/** What the MSI log says failed, in one line: the culprit action and its own output (or the explaining error). */
export function msiFailure(msi: LogAnalysis): MsiFailure {
  const top = msi.causes[0] as
    (LogAnalysis['causes'][number] & { reason?: { text: string; line: number } }) | undefined;
  const failed = msi.failedAction;
  // The analyzer's own reading of the decisive line, when it gives one (cause.reason).
  if (top?.reason?.text)
    return {
      action: failed?.name ?? null,
      customAction: failed?.customAction ?? false,
      output: top.reason.text,
      line: top.reason.line,
    };
  const limit = failed?.line ?? Number.MAX_SAFE_INTEGER;
  const output = [...msi.evidence]
    .reverse()
    .find((e) => e.line < limit && !ENGINE_LINE.test(e.text.trim()) && HOT.test(e.text));
  const error = msi.errors.find((e) => e.code === msi.primaryError);
  const chosen = output ?? (error ? { line: error.line, text: error.text } : null);
  return {
    action: failed?.name ?? null,
    customAction: failed?.customAction ?? false,
    output: chosen ? chosen.text.trim() : null,
    line: chosen ? chosen.line : null,
  };
}
