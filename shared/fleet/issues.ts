// What counts as "an issue found" on a machine: one rule for `scan --issue-exit-code` (Intune Remediations detection)
// and for `fleet summarize` (which machines to act on).
import type { Finding } from '../contract/finding.ts';

/** A cause finding from this confidence up is a real lead (the diagnosis ranks those first). */
export const ISSUE_MIN_CONFIDENCE = 0.5;

/** Security weaknesses always count; causes when they are real leads; info findings (a restart to finish) never. */
export function isIssue(finding: Pick<Finding, 'kind' | 'cause' | 'confidence'>): boolean {
  if (finding.kind === 'security') return true;
  return finding.kind === 'cause' && finding.cause !== 'no-problem-found' && finding.confidence >= ISSUE_MIN_CONFIDENCE;
}

export function issuesOf<F extends Pick<Finding, 'kind' | 'cause' | 'confidence'>>(findings: readonly F[]): F[] {
  return findings.filter(isIssue);
}
