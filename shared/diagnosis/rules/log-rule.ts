// Rule: analyzed logs are the strongest evidence: their ranked causes, the failing action, the primary error and its message.
import type { DiagnosisContext } from '../context.ts';
import type { LogAnalysis } from '../../contract/log-analysis.ts';
import type { EvidenceRef, TextRef } from '../../contract/evidence.ts';
import { lookupErrorCode } from '../../knowledge/error-codes.ts';
import { causeInfo } from '../../knowledge/causes.ts';
import { reportedCodeCauses } from './symptom-rule.ts';
import { forCause, reason, type Signal } from '../signal.ts';
import { isDeployAnalysis } from '../../deploylog/chain.ts';
import { matchFailurePattern } from '../failure-pattern.ts';
import { failurePatternKeys } from '../../knowledge/failure-patterns.ts';
import type { RepairId } from '../../contract/ids.ts';

/**
 * A failed custom action named in one sentence, in plain words when its own lines show a known pattern (service
 * exists, access denied, file in use, missing prerequisite), with the next step and repairs that match it.
 */
function customActionAnswer(
  log: LogAnalysis,
  reasonText: string | undefined,
): { headline: TextRef; step: TextRef | null; stepFirst: boolean; repairs: RepairId[] | null } | null {
  if (!log.failedAction?.customAction) return null;
  const action = log.failedAction.name;
  const match = matchFailurePattern({
    texts: [...(reasonText ? [reasonText] : []), ...log.errors.map((e) => e.text)],
    msiErrors: log.errors.map((e) => e.code),
  });
  if (!match)
    return {
      headline: { key: failurePatternKeys.customAction, params: { action } },
      step: null,
      stepFirst: false,
      repairs: null,
    };
  const id = match.pattern.id;
  return {
    headline: { key: failurePatternKeys.headline(id), params: { action } },
    step: { key: failurePatternKeys.step(id), params: {} },
    stepFirst: match.pattern.stepFirst,
    repairs: [...match.pattern.repairs],
  };
}

/** The analyzer's confidence is about the log; as evidence about the machine it is slightly discounted. */
const LOG_FACTOR = 0.95;

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function lineText(log: LogAnalysis, line: number): string | undefined {
  return log.evidence.find((e) => e.line === line)?.text ?? log.errors.find((e) => e.line === line)?.text;
}

/** Manual checks from the catalog for the errors the log shows (product-specific advice: services, access denied...). */
function errorSteps(log: LogAnalysis): TextRef[] {
  const steps: TextRef[] = [];
  for (const code of new Set(log.errors.map((e) => e.code))) {
    const info = lookupErrorCode(code);
    if (!info || info.noise) continue;
    info.check.forEach((_, i) => steps.push({ key: `error.${code}.check.${i}`, params: {} }));
  }
  return steps.slice(0, 4);
}

function logSignals(log: LogAnalysis): Signal[] {
  const file = fileName(log.file);
  const signals: Signal[] = [];
  const steps = errorSteps(log);
  log.causes.forEach((cause, rank) => {
    const firstLine = cause.reason?.line ?? cause.lines[0] ?? log.failedAction?.line ?? 0;
    const ref: EvidenceRef = {
      kind: 'log',
      file: log.file,
      line: firstLine,
      text: cause.reason?.text ?? lineText(log, firstLine),
    };
    const reasons: TextRef[] = [];
    // The failure in the culprit's own words comes first (a custom action's output, the process holding files...).
    if (cause.reason) reasons.push(reason('log-reason', { file, line: cause.reason.line, text: cause.reason.text }));
    reasons.push(reason('log-cause', { file, line: firstLine }));
    if (rank === 0 && log.oldProduct && cause.id === 'source-missing') {
      const product = [log.oldProduct.name, log.oldProduct.productCode].filter(Boolean).join(' ') || '?';
      reasons.push(reason('log-old-product', { product }));
    }
    if (rank === 0) {
      if (log.failedAction)
        reasons.push(reason('log-failed-action', { action: log.failedAction.name, file, line: log.failedAction.line }));
      const primary = log.errors.find((e) => e.code === log.primaryError);
      if (primary) reasons.push(reason('log-error-line', { line: primary.line, text: primary.text }));
      if (log.burn?.failingPackage)
        reasons.push(reason('log-burn-package', { package: log.burn.failingPackage, file }));
    }
    const answer = rank === 0 ? customActionAnswer(log, cause.reason?.text) : null;
    // We already have the log: a logged retry would only capture it again, unless running elevated is the fix or a
    // known pattern's step comes first (then it is "install again" after that step).
    const repairs =
      answer?.repairs ??
      causeInfo(cause.id).repairs.filter((r) => r !== 'retry-install-elevated-logged' || cause.id === 'not-elevated');
    const causeSteps = answer?.step ? [answer.step, ...steps] : steps;
    reasons.forEach((r, i) =>
      signals.push(
        forCause(cause.id, i === 0 ? cause.confidence * LOG_FACTOR : 0, ref, {
          reason: r,
          alwaysRelevant: true,
          repairs,
          manualSteps: rank === 0 ? causeSteps : undefined,
          ...(i === 0 && answer ? { headline: answer.headline } : {}),
          ...(i === 0 && answer?.stepFirst && answer.step ? { nextStep: answer.step } : {}),
        }),
      ),
    );
  });
  // A failed log whose analyzer found no cause still has an exit code / primary error to go on.
  if (log.causes.length === 0 && log.outcome === 'failure') {
    for (const [code, asMessage] of [
      [log.primaryError, true],
      [log.exitCode, false],
    ] as const) {
      if (code === null) continue;
      const info = lookupErrorCode(code);
      if (!info || info.noise || info.success) continue;
      const ref: EvidenceRef = { kind: 'log', file: log.file, line: log.failedAction?.line ?? 0 };
      reportedCodeCauses(code, asMessage).forEach(({ id: c, weight }) =>
        signals.push(
          forCause(c, weight, ref, {
            reason: reason('log-exit-code', { file, code }),
            alwaysRelevant: true,
          }),
        ),
      );
    }
  }
  if (log.outcome === 'reboot-required') {
    signals.push(
      forCause(
        'reboot-required-to-finish',
        0.8,
        { kind: 'log', file: log.file, line: 0 },
        { reason: reason('log-exit-code', { file, code: log.exitCode ?? 3010 }), alwaysRelevant: true },
      ),
    );
  }
  return signals;
}

export function logRule(ctx: DiagnosisContext): Signal[] {
  // Deployment-tool logs are read by deploy-rule.ts, joined with the MSI logs they name.
  return ctx.input.logs.filter((log) => !isDeployAnalysis(log)).flatMap(logSignals);
}
