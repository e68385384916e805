// Rule: the codes the user reported point at their catalog causes (a prior: one code alone stays a weak-to-medium signal).
import type { DiagnosisContext } from '../context.ts';
import { lookupErrorCode } from '../../knowledge/error-codes.ts';
import { nestedParam } from '../../knowledge/texts.ts';
import { forCause, reason, type Signal } from '../signal.ts';

/** Weight of the i-th cause of a code with n causes: specific codes say more than generic ones (1603 says little). */
export function codeWeight(i: number, n: number): number {
  if (n === 1) return 0.5;
  if (n === 2) return i === 0 ? 0.35 : 0.25;
  if (n === 3) return i === 0 ? 0.3 : 0.2;
  return i === 0 ? 0.12 : 0.08;
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
      if (info.causes.includes('reboot-required-to-finish')) {
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
    const causes = info.causes.filter((c) => c !== 'unknown');
    const titleKey = asMessage && info.asMessage ? `error.${code}.message.title` : `error.${code}.title`;
    causes.forEach((cause, i) => {
      signals.push(
        forCause(
          cause,
          codeWeight(i, causes.length),
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
