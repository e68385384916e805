// Turns signals into findings: noisy-OR of agreeing signals, discounted by contradicting ones and by relevance to the symptom.
import type { CauseId, RepairId } from '../contract/ids.ts';
import type { EvidenceRef, TextRef } from '../contract/evidence.ts';
import type { Finding } from '../contract/finding.ts';
import type { RepairParams } from '../contract/repair.ts';
import { causeInfo } from '../knowledge/causes.ts';
import { keys } from '../knowledge/knowledge-texts.ts';
import { factKey } from '../knowledge/facts.ts';
import { headlineForReason } from '../knowledge/headlines.ts';
import { linkedCauses } from '../knowledge/error-codes.ts';
import { mythInfo, type MythId } from '../knowledge/myths.ts';
import type { DiagnosisContext } from './context.ts';
import type { Signal } from './signal.ts';

/** A cause that does not explain any reported error keeps this share of its weight (it is a side finding). */
export const IRRELEVANT_FACTOR = 0.6;
/** A deployment joined with its MSI log: the reason that quotes the failure with its context (deploy-rule.ts). */
const JOINED_REASONS: ReadonlySet<string> = new Set([
  'fact.deploy-joined-ca',
  'fact.deploy-joined-action',
  'fact.deploy-joined-cause',
]);
/** Never claim certainty. */
const MAX_CONFIDENCE = 0.99;

/** Independent signals for the same cause: P = 1 - prod(1 - w). */
export function noisyOr(weights: number[]): number {
  return 1 - weights.reduce((acc, w) => acc * (1 - Math.min(Math.max(w, 0), 1)), 1);
}

/** Each contradicting signal keeps (1 - a) of the confidence. */
export function applyContradictions(confidence: number, strengths: number[]): number {
  return strengths.reduce((acc, a) => acc * (1 - Math.min(Math.max(a, 0), 1)), confidence);
}

function explainsSymptom(cause: CauseId, ctx: DiagnosisContext): boolean {
  if (ctx.failureCodes.length === 0) return true;
  return (
    ctx.failureCodes.some((code) => linkedCauses(code).includes(cause)) ||
    causeInfo(cause).codes.some((c) => ctx.failureCodes.includes(c))
  );
}

function refId(ref: EvidenceRef): string {
  return JSON.stringify(ref);
}

function uniqueBy<T>(items: T[], id: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = id(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function mythsForFinding(cause: CauseId, ctx: DiagnosisContext): string[] {
  const own: MythId[] = [...causeInfo(cause).myths];
  return uniqueBy(own, (m) => m).filter((m) => {
    const myth = mythInfo(m);
    // Warn on this path: the myth is about this cause, and (when codes were reported) about one of them or code-agnostic.
    return (
      ctx.failureCodes.length === 0 ||
      myth.codes.length === 0 ||
      myth.codes.some((c) => ctx.failureCodes.includes(c)) ||
      myth.causes.includes(cause)
    );
  });
}

export function buildFinding(cause: CauseId, signals: Signal[], ctx: DiagnosisContext): Finding | null {
  const pro = signals.filter((s) => s.polarity === 'for');
  if (pro.length === 0) return null;
  const con = signals.filter((s) => s.polarity === 'against');
  const relevant = pro.some((s) => s.alwaysRelevant) || explainsSymptom(cause, ctx);
  const weights = pro.map((s) => (relevant || s.alwaysRelevant ? s.weight : s.weight * IRRELEVANT_FACTOR));
  const confidence = Math.min(
    MAX_CONFIDENCE,
    applyContradictions(
      noisyOr(weights),
      con.map((s) => s.weight),
    ),
  );
  const info = causeInfo(cause);
  const strongestWithRepairs = [...pro].filter((s) => s.repairs).sort((a, b) => b.weight - a.weight)[0];
  const catalogRepairs: RepairId[] = strongestWithRepairs?.repairs
    ? [...strongestWithRepairs.repairs]
    : [...info.repairs];
  // Ending an install is offered only for a client install we can name (its PID), never blindly.
  const clientSeen = pro.some((s) => s.ref.kind === 'probe' && s.ref.fact === 'client-install-running');
  const repairs = catalogRepairs.filter((r) => r !== 'end-stuck-client-install' || clientSeen);
  const security = info.kind === 'security' || (pro.every((s) => s.security) && pro.length > 0);
  // Strongest first, but the failure in the culprit's own words always leads: a deployment joined with its MSI log
  // (which quotes it), else the log's own line.
  const lead = (r: TextRef) => (JOINED_REASONS.has(r.key) ? 0 : r.key === factKey('log-reason') ? 1 : 2);
  const reasons: TextRef[] = uniqueBy(
    [...pro].sort((a, b) => b.weight - a.weight).flatMap((s) => (s.reason ? [s.reason] : [])),
    (r) => `${r.key}|${JSON.stringify(r.params)}`,
  ).sort((a, b) => lead(a) - lead(b));
  const manualSteps: TextRef[] = uniqueBy(
    [
      ...pro.flatMap((s) => s.manualSteps ?? []),
      ...info.nextSteps.map((_, i) => ({ key: keys.causeNext(cause, i), params: {} })),
    ],
    (r) => r.key,
  );
  const strongest = (field: 'headline' | 'nextStep') =>
    [...pro].filter((s) => s[field]).sort((a, b) => b.weight - a.weight)[0]?.[field];
  // A rule's own sentence wins; else the strongest supporting fact that names something specific here gives it.
  const headline =
    strongest('headline') ??
    [...pro]
      .sort((a, b) => b.weight - a.weight)
      .map((s) => (s.reason ? headlineForReason(s.reason) : undefined))
      .find((h) => h !== undefined);
  const nextStep = strongest('nextStep');
  const repairParams: Finding['repairParams'] = {};
  for (const s of [...pro].sort((a, b) => b.weight - a.weight))
    for (const [repair, params] of Object.entries(s.repairParams ?? {}) as Array<[RepairId, RepairParams]>)
      if (repairs.includes(repair) && !repairParams[repair]) repairParams[repair] = params;
  return {
    cause,
    confidence: Math.round(confidence * 1000) / 1000,
    kind: security ? 'security' : info.kind,
    title: { key: keys.causeTitle(cause), params: {} },
    explanation: { key: keys.causeExplanation(cause), params: {} },
    ...(headline ? { headline } : {}),
    ...(nextStep ? { nextStep } : {}),
    reasons,
    supporting: uniqueBy(
      pro.map((s) => s.ref),
      refId,
    ),
    contradicting: uniqueBy(
      con.map((s) => s.ref),
      refId,
    ),
    repairs: uniqueBy(repairs, (r) => r),
    manualSteps,
    myths: mythsForFinding(cause, ctx),
    repairParams,
  };
}

/** Group signals by cause and build one finding per cause that has support. */
export function combine(signals: Signal[], ctx: DiagnosisContext): Finding[] {
  const byCause = new Map<CauseId, Signal[]>();
  for (const s of signals) byCause.set(s.cause, [...(byCause.get(s.cause) ?? []), s]);
  const findings: Finding[] = [];
  for (const [cause, group] of byCause) {
    const finding = buildFinding(cause, group, ctx);
    if (finding) findings.push(finding);
  }
  return findings;
}
