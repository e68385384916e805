// Step 2a: what the check does and the single administrator prompt it may cause, with "skip admin checks".
import { useTranslation } from 'react-i18next';
import { useActions } from './store-context.tsx';
import { StepHeading } from '../components/step-heading.tsx';

export function ConsentStep() {
  const { t } = useTranslation();
  const actions = useActions();
  return (
    <section className="step" aria-labelledby="step-consent">
      <StepHeading id="step-consent">{t('consent.heading')}</StepHeading>
      <div className="card">
        <p>{t('consent.body1')}</p>
        <p>{t('consent.body2')}</p>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          onClick={() => void actions.startScan(true)}
          data-testid="scan-allow"
        >
          {t('consent.allow')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void actions.startScan(false)}
          data-testid="scan-skip-admin"
        >
          {t('consent.skip')}
        </button>
        <button type="button" className="button subtle" onClick={actions.backToSymptom}>
          {t('consent.back')}
        </button>
      </div>
    </section>
  );
}
