// The six numbered steps, with the current one marked for sight and for screen readers (aria-current="step").
import { useTranslation } from 'react-i18next';
import { STEP_NUMBER } from '../../../shared/wizard/wizard-state.ts';
import { useWizard } from './store-context.tsx';

const NAMES = ['symptom', 'scan', 'findings', 'fix', 'verify', 'report'] as const;

export function Stepper() {
  const { t } = useTranslation();
  const current = useWizard((s) => STEP_NUMBER[s.wizard.step]);
  return (
    <nav className="stepper" aria-label={t('app.stepper')}>
      <ol>
        {NAMES.map((name, i) => {
          const n = i + 1;
          const state = n < current ? 'done' : n === current ? 'current' : 'todo';
          return (
            <li
              key={name}
              className={`stepper-item stepper-${state}`}
              aria-current={n === current ? 'step' : undefined}
            >
              <span className="stepper-number" aria-hidden="true">
                {n}
              </span>
              <span className="stepper-name">{t(`steps.${name}`)}</span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {t('app.stepOf', { n: current, name: t(`steps.${NAMES[current - 1] ?? 'symptom'}`) })}
      </p>
    </nav>
  );
}
