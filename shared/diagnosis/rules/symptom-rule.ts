// Rule: the codes the user reported point at their catalog causes (a prior: one code alone stays a weak-to-medium signal).
import type { DiagnosisContext } from '../context.ts';
import { causesOf, lookupErrorCode, type WeightedCause } from '../../knowledge/error-codes.ts';
import { nestedParam } from '../../knowledge/texts.ts';
import { forCause, reason, type Signal } from '../signal.ts';

/**
 * The catalog's causes of a reported number with their weights (how strongly the number alone points at each); the
 * exit-code meaning first, the message meaning for message numbers. Links of weight 0 (related only) give no signal.
 */
export function reportedCodeCauses(code: number, asMessage = false): WeightedCause[] {
  const causes = asMessage ? causesOf(code, 'message') : causesOf(code, 'exit-code');
  const found = causes.length > 0 ? causes : causesOf(code, asMessage ? 'exit-code' : 'message');
  return found.filter((c) => c.weight > 0 && c.id !== 'unknown');
}

export function symptomRule(ctx: DiagnosisContext): Signal[] {
  const signals: Signal[] = [];
  const { symptom } = ctx.input;
  for (const code of [...symptom.exitCodes, ...symptom.messageNumbers]) {
    const info = lookupErrorCode(code);
    if (!info) continue;
    const asMessage = symptom.messageNumbers.includes(code) && !symptom.exitCodes.includes(code);
    const noise = asMessage && info.asMessage ? info.asMessage.noise : info.noise;
    if (info.success) {
      if (info.causes.some((c) => c.id === 'reboot-required-to-finish')) {
        signals.push(
          forCause(
            'reboot-required-to-finish',
            0.8,
            { kind: 'symptom', code },
            { reason: reason('symptom-code', { code, title: nestedParam(`error.${code}.title`) }) },
          ),
        );
      }
      continue;
    }
    if (noise) continue;
    const titleKey = asMessage && info.asMessage ? `error.${code}.message.title` : `error.${code}.title`;
    reportedCodeCauses(code, asMessage).forEach(({ id: cause, weight }) => {
      signals.push(
        forCause(
          cause,
          weight,
          { kind: 'symptom', code },
          { reason: reason('symptom-code', { code, title: nestedParam(titleKey) }) },
        ),
      );
    });
  }
  // A dialog saying a newer version is installed has no code of its own.
  if (symptom.notes.some((n) => n.key === 'symptom.note.newer-version-text')) {
    signals.push(forCause('newer-version-installed', 0.5, { kind: 'symptom', code: 1603 }));
  }
  return signals;
}
