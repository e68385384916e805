// The short plain-text summary users copy into a chat or ticket, in the current language.
import type { TFunction } from 'i18next';
import type { TextRef } from '../../../shared/contract/evidence.ts';
import type { WizardState } from '../../../shared/wizard/wizard-state.ts';
import { rankFindings } from './finding-order.ts';

export function buildSummary(state: WizardState, t: TFunction, text: (ref: TextRef) => string): string {
  const result = state.result;
  const lines = [t('report.summaryTitle')];
  lines.push(
    t('report.summarySymptom', { symptom: state.draft.text.trim() || result?.symptom.input || t('report.noSymptom') }),
  );
  const top = result
    ? rankFindings(result.findings).find((f) => f.kind === 'cause' && f.cause !== 'no-problem-found')
    : undefined;
  lines.push(
    top
      ? t('report.summaryCause', { cause: text(top.title), pct: Math.round(top.confidence * 100) })
      : t('report.summaryNoCause'),
  );
  const outcome = state.fix?.outcome;
  if (outcome) {
    const status =
      outcome.verified === true
        ? t('fix.verified')
        : outcome.status === 'succeeded'
          ? t('fix.resultSucceeded')
          : t('fix.resultFailed');
    lines.push(t('report.summaryFix', { repair: text(outcome.plan.title), status }));
  }
  const env = result?.environment;
  if (env) {
    const machine =
      env.kind === 'simulated'
        ? t('report.summarySimulated', { scenario: env.scenario ?? '' })
        : t('report.summaryReal', { version: env.windowsVersion ?? '' });
    lines.push(t('report.summaryMachine', { machine }));
  }
  return lines.join('\n');
}
