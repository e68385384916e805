// Step 2b: the scan running, one live row per probe, with cancel.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from './store-context.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { ProbeRows } from '../components/probe-rows.tsx';

export function ScanningStep() {
  const { t } = useTranslation();
  const rows = useWizard((s) => s.wizard.scan.rows);
  const cancelling = useWizard((s) => s.wizard.scan.cancelling);
  const actions = useActions();
  return (
    <section className="step" aria-labelledby="step-scanning" aria-busy="true">
      <StepHeading id="step-scanning">{t('scan.heading')}</StepHeading>
      <ProbeRows rows={rows} />
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void actions.cancelScan()}
          disabled={cancelling}
          data-testid="scan-cancel"
        >
          {cancelling ? t('scan.cancelling') : t('scan.cancel')}
        </button>
      </div>
    </section>
  );
}
