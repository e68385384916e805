// Install attempts -> the log-analysis@1 object: the deployments in file order, the attempt that matters most (the
// latest problem of any application, else the latest decided attempt) and the top-level fields it implies.
import type { LogAnalysis } from '../contract/log-analysis.ts';
import type { CauseId } from '../contract/ids.ts';
import type { DeployTool, Deployment } from '../contract/deployment.ts';
import type { InputProblem } from '../msilog/input-problem.ts';
import type { DeploymentDraft, EvidenceLine } from './deployment-draft.ts';

const MAX_EVIDENCE = 20;

export interface SummaryInput {
  file: string;
  encoding: string;
  familyCounts: Record<DeployTool, number>;
  drafts: DeploymentDraft[];
  dropped: number;
  lineCount: number;
  byteCount: number;
}

export function isProblem(d: Pick<Deployment, 'outcome'>): boolean {
  return d.outcome === 'failure' || d.outcome === 'retry' || d.outcome === 'not-detected';
}

/** Index of the attempt the log is about: the latest problem among each application's latest attempt. */
export function primaryIndex(deployments: readonly Deployment[]): number | null {
  if (deployments.length === 0) return null;
  const latest = new Map<string, number>();
  deployments.forEach((d, i) => latest.set(`${d.tool}|${d.source}|${d.appId ?? d.application ?? i}`, i));
  const last = [...latest.values()].sort((a, b) => a - b);
  const problem = last.filter((i) => isProblem(deployments[i]!)).at(-1);
  if (problem !== undefined) return problem;
  return last.filter((i) => deployments[i]!.outcome !== 'unknown').at(-1) ?? last.at(-1)!;
}

/** What the attempt itself says about the cause (the MSI log, when joined, says more). */
export function deploymentCauses(d: Deployment): CauseId[] {
  const causes: CauseId[] = [];
  if (d.outcome === 'not-detected') causes.push('detection-rule-mismatch');
  if (d.stage === 'download' || d.stage === 'content-hash') causes.push('content-unavailable');
  if (d.stage === 'requirements') causes.push('requirement-not-met');
  if (d.stage === 'dependency') causes.push('dependency-failed');
  if (d.facts.includes('user-deferred')) causes.push('deployment-deferred');
  if (d.facts.includes('mutex-timeout') || d.installerExitCode === 1618 || d.exitCode === 1618)
    causes.push('another-install-in-progress');
  if (
    d.tool === 'psadt' &&
    d.outcome === 'failure' &&
    causes.length === 0 &&
    d.facts.includes('script-error') &&
    (d.installerExitCode === null || d.installerExitCode === 0)
  )
    causes.push('deployment-script-failed');
  if (d.outcome === 'success') causes.push(d.restart ? 'reboot-required-to-finish' : 'no-problem-found');
  return causes;
}

function topOutcome(d: Deployment | undefined): LogAnalysis['outcome'] {
  if (!d) return 'incomplete';
  switch (d.outcome) {
    case 'success':
      return d.restart ? 'reboot-required' : 'success';
    case 'failure':
    case 'not-detected':
      return 'failure';
    case 'retry':
      if (d.facts.includes('user-deferred')) return 'cancelled';
      return d.exitCode !== null ? 'failure' : 'incomplete';
    default:
      return 'incomplete';
  }
}

function pickEvidence(lines: readonly EvidenceLine[]): EvidenceLine[] {
  if (lines.length <= MAX_EVIDENCE) return [...lines];
  return [...lines.slice(0, 6), ...lines.slice(lines.length - (MAX_EVIDENCE - 6))];
}

function formatOf(counts: Record<DeployTool, number>): LogAnalysis['format'] {
  let best: DeployTool | null = null;
  for (const tool of ['configmgr', 'intune', 'psadt'] as const)
    if (counts[tool] > 0 && (best === null || counts[tool] > counts[best])) best = tool;
  return best ?? 'unknown';
}

/** The fields of log-analysis@1 that describe the primary attempt (outcome, exit code, product, causes). */
function topLevel(
  deployments: Deployment[],
  primary: number | null,
  evidence: EvidenceLine[],
): Pick<LogAnalysis, 'operation' | 'product' | 'outcome' | 'exitCode' | 'causes' | 'evidence'> {
  const main = primary === null ? undefined : deployments[primary];
  const causeLines = evidence.map((e) => e.line).slice(-5);
  return {
    operation: main?.deploymentType ?? 'unknown',
    product: { name: main?.application ?? null, version: null, productCode: null },
    outcome: topOutcome(main),
    exitCode: main?.exitCode ?? null,
    causes: main
      ? deploymentCauses(main).map((id, i) => ({ id, confidence: i === 0 ? 0.9 : 0.6, lines: causeLines }))
      : [],
    evidence,
  };
}

export function summarizeDeployments(input: SummaryInput): LogAnalysis {
  const drafts = [...input.drafts].sort((a, b) => a.firstLine - b.firstLine);
  const deployments = drafts.map((d) => d.toDeployment());
  const primary = primaryIndex(deployments);
  const evidence = primary === null ? [] : pickEvidence(drafts[primary]!.evidence);
  return {
    schema: 'msi-doctor/log-analysis@1',
    file: input.file,
    format: formatOf(input.familyCounts),
    encoding: input.encoding,
    ...topLevel(deployments, primary, evidence),
    failedAction: null,
    errors: [],
    primaryError: null,
    installerVersion: null,
    processes: [],
    sessions: deployments.length + input.dropped,
    lineCount: input.lineCount,
    byteCount: input.byteCount,
    burn: null,
    deployments,
    primaryDeployment: primary,
  };
}

/**
 * The same analysis about fewer attempts (a scan keeps the recent failures and those matching the user's code):
 * the primary attempt and the top-level fields follow; evidence lines of dropped attempts go.
 */
export function keepAttempts(analysis: LogAnalysis, keep: (d: Deployment) => boolean): LogAnalysis {
  const deployments = (analysis.deployments ?? []).filter(keep);
  const primary = primaryIndex(deployments);
  const lines = new Set(primary === null ? [] : deployments[primary]!.evidence);
  const evidence = analysis.evidence.filter((e) => lines.has(e.line));
  return { ...analysis, ...topLevel(deployments, primary, evidence), deployments, primaryDeployment: primary };
}

export function otherToolProblem(): InputProblem {
  return {
    kind: 'not-a-log',
    detail: null,
    message: {
      en: 'this CMTrace log is not from Configuration Manager, Intune or PSAppDeployToolkit, and not an MSI log',
      'zh-CN': '这个 CMTrace 日志不是 Configuration Manager、Intune 或 PSAppDeployToolkit 写的，也不是 MSI 日志',
    },
  };
}
