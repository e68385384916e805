// A repair running: each plan step with its live state, and the countdown while waiting for another installer.
import { useTranslation } from 'react-i18next';
import type { RepairPlan } from '../../../shared/contract/repair.ts';
import type { FixStepProgress } from '../../../shared/wizard/wizard-state.ts';
import { DomainText } from './domain-text.tsx';

export function RepairProgress({
  plan,
  progress,
  countdown,
}: {
  plan: RepairPlan;
  progress: FixStepProgress[];
  countdown: number | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="repair-progress" role="status" aria-live="polite">
      <p className="working">
        <span className="spinner" aria-hidden="true" /> {t('fix.running')}
      </p>
      {countdown !== null && (
        <p className="countdown" data-testid="countdown">
          {t('fix.countdown', { seconds: countdown })}
        </p>
      )}
      <ol className="plan-steps">
        {plan.steps.map((step) => {
          const p = progress.find((x) => x.stepId === step.id);
          return (
            <li key={step.id} className={p ? `step-${p.phase}` : 'step-todo'}>
              <span>
                <DomainText value={step.description} />
              </span>{' '}
              {p && <span className="tag">{p.phase === 'finished' ? t('fix.stepDone') : t('fix.stepRunning')}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
