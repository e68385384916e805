// diagnose(): symptom + evidence + log analyses -> ranked findings (causes, security findings, or "no problem found").
import type { Finding } from '../contract/finding.ts';
import { keys } from '../knowledge/knowledge-texts.ts';
import { causeInfo } from '../knowledge/causes.ts';
import { createContext, type DiagnosisContext, type DiagnosisInput } from './context.ts';
import { combine } from './combine.ts';
import type { Signal } from './signal.ts';
import { symptomRule } from './rules/symptom-rule.ts';
import { serviceRule } from './rules/service-rule.ts';
import { inProgressRule } from './rules/in-progress-rule.ts';
import { rebootRule } from './rules/reboot-rule.ts';
import { tempRule } from './rules/temp-rule.ts';
import { elevationRule } from './rules/elevation-rule.ts';
import { policyRule } from './rules/policy-rule.ts';
import { eventsRule } from './rules/events-rule.ts';
import { productsRule } from './rules/products-rule.ts';
import { pathRule } from './rules/path-rule.ts';
import { packageRule } from './rules/package-rule.ts';
import { logRule } from './rules/log-rule.ts';
import { recentLogsRule } from './rules/recent-logs-rule.ts';
import { deployRule } from './rules/deploy-rule.ts';
import { notCheckedRule } from './rules/not-checked-rule.ts';

export type { DiagnosisInput } from './context.ts';

export const RULES: ReadonlyArray<(ctx: DiagnosisContext) => Signal[]> = [
  symptomRule,
  serviceRule,
  inProgressRule,
  rebootRule,
  tempRule,
  elevationRule,
  policyRule,
  eventsRule,
  productsRule,
  pathRule,
  packageRule,
  logRule,
  deployRule,
  recentLogsRule,
  notCheckedRule,
];

const RETRY = 'retry-install-elevated-logged';

/** Findings below this are dropped (they would only add noise to the list). */
const MIN_CONFIDENCE = 0.05;
/** A cause finding at or above this is "a real lead": no "no problem found" then. */
const LEAD_CONFIDENCE = 0.3;
const MAX_FINDINGS = 8;
/** Shown next to a strong lead only from this confidence up. */
const FAINT_CONFIDENCE = 0.15;

function rank(findings: Finding[]): Finding[] {
  // Strong causes first, then security findings (always shown), then the rest by confidence.
  const tier = (f: Finding) => (f.kind === 'cause' && f.confidence >= 0.5 ? 0 : f.kind === 'security' ? 1 : 2);
  return [...findings].sort((a, b) => tier(a) - tier(b) || b.confidence - a.confidence);
}

function infoFinding(ctx: DiagnosisContext, cause: 'no-problem-found' | 'unknown', confidence: number): Finding {
  const info = causeInfo(cause);
  const checked = ctx.input.evidence
    .filter((e) => e.status === 'ok')
    .map((e) => ({ kind: 'probe' as const, probe: e.probe }));
  return {
    cause,
    confidence,
    kind: info.kind,
    title: { key: keys.causeTitle(cause), params: {} },
    explanation: { key: keys.causeExplanation(cause), params: {} },
    reasons: [],
    supporting: checked,
    contradicting: [],
    // The logged, elevated retry captures the real cause, but only when there is something to retry.
    repairs: ctx.userGaveSomething ? [...info.repairs] : [],
    manualSteps: info.nextSteps.map((_, i) => ({ key: keys.causeNext(cause, i), params: {} })),
    myths: [...info.myths],
    repairParams: {},
  };
}

/** Pure and total: any input gives at least one finding; it never throws on odd evidence data. */
export function diagnose(input: DiagnosisInput): Finding[] {
  const ctx = createContext(input);
  const signals = RULES.flatMap((rule) => rule(ctx));
  const findings = combine(signals, ctx).filter((f) => f.kind === 'security' || f.confidence >= MIN_CONFIDENCE);
  const lead = findings.some(
    (f) => f.kind !== 'security' && f.cause !== 'reboot-required-to-finish' && f.confidence >= LEAD_CONFIDENCE,
  );
  const logFailed = input.logs.some((l) => l.outcome === 'failure');
  const probesOk = input.evidence.filter((e) => e.status === 'ok').length;
  const problems = input.evidence.filter((e) => e.status === 'problem').length;
  const logsSucceeded =
    input.logs.length > 0 && input.logs.every((l) => l.outcome === 'success' || l.outcome === 'reboot-required');
  if (!lead && !logFailed) {
    if (input.evidence.length > 0 && problems === 0) {
      // Calibrated by how much was actually checked: 8 clean probes say more than 2.
      findings.push(infoFinding(ctx, 'no-problem-found', Math.min(0.8, 0.3 + 0.06 * probesOk)));
    } else if (input.evidence.length === 0 && logsSucceeded) {
      // `analyze` of a successful log: say so, with the log as the evidence.
      const finding = infoFinding(ctx, 'no-problem-found', 0.6);
      for (const log of input.logs) {
        const file = log.file.split(/[\\/]/).pop() || log.file;
        finding.reasons.push({ key: 'fact.log-success', params: { file } });
        finding.supporting.push({ kind: 'log', file: log.file, line: log.lineCount });
      }
      finding.repairs = [];
      findings.push(finding);
    } else if (findings.filter((f) => f.kind !== 'security').length === 0) {
      findings.push(infoFinding(ctx, 'unknown', 0.1));
    }
  }
  // With a strong lead, faint findings (a generic code's other possible causes) only clutter the answer.
  const strong = findings.some((f) => f.kind === 'cause' && f.confidence >= 0.5);
  const shown = strong ? findings.filter((f) => f.kind === 'security' || f.confidence >= FAINT_CONFIDENCE) : findings;
  return rank(shown.map((f) => withInstallRetry(f, input.msiPath ?? null))).slice(0, MAX_FINDINGS);
}

/** The elevated, logged retry installs the user's .msi: offered with it as its parameter, and only when it is known. */
function withInstallRetry(finding: Finding, msiPath: string | null): Finding {
  if (!finding.repairs.includes(RETRY)) return finding;
  if (!msiPath) return { ...finding, repairs: finding.repairs.filter((r) => r !== RETRY) };
  return { ...finding, repairParams: { ...finding.repairParams, [RETRY]: { msiPath } } };
}
