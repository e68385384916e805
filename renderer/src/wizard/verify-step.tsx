// Step 5: verify: retry the install elevated with logging when the .msi is known, otherwise check the system again.
import { useTranslation } from 'react-i18next';
import { useActions, useDomainText, useWizard } from './store-context.tsx';
import { openCauses } from '../../../shared/wizard/transition.ts';
import { StepHeading } from '../components/step-heading.tsx';
import { CommandPreview } from '../components/command-preview.tsx';
import { ProbeRows } from '../components/probe-rows.tsx';
import { RepairResult } from '../components/repair-result.tsx';
import { Notice } from '../components/notice.tsx';

export function VerifyStep() {
  const { t } = useTranslation();
  const verify = useWizard((s) => s.wizard.verify);
  const rows = useWizard((s) => s.wizard.scan.rows);
  const result = useWizard((s) => s.wizard.result);
  const text = useDomainText();
  const actions = useActions();
  if (!verify) return null;
  const retry = verify.mode === 'retry-install';
  return (
    <section className="step" aria-labelledby="step-verify" data-phase={verify.phase}>
      <StepHeading id="step-verify">{t('verify.heading')}</StepHeading>
      <p className="step-intro">{retry ? t('verify.retryIntro') : t('verify.rescanIntro')}</p>
      {(verify.phase === 'ready' || verify.phase === 'failed') && (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            onClick={() => void actions.startVerify()}
            data-testid="verify-start"
          >
            {retry ? t('verify.retry') : t('verify.rescan')}
          </button>
          <button type="button" className="button" onClick={actions.openReport} data-testid="to-report">
            {t('verify.toReport')}
          </button>
          <button type="button" className="button subtle" onClick={actions.backToFindings}>
            {t('verify.back')}
          </button>
        </div>
      )}
      {verify.phase === 'planning' && (
        <p className="working" role="status">
          <span className="spinner" aria-hidden="true" /> {t('verify.planning')}
        </p>
      )}
      {verify.phase === 'preview' && verify.plan && (
        <>
          <CommandPreview plan={verify.plan} />
          <div className="actions">
            <button
              type="button"
              className="button primary"
              onClick={() => void actions.confirmVerify()}
              data-testid="verify-run"
            >
              {t('verify.retry')}
            </button>
            <button type="button" className="button subtle" onClick={actions.backToFindings}>
              {t('verify.back')}
            </button>
          </div>
        </>
      )}
      {verify.phase === 'running' && (
        <p className="working" role="status">
          <span className="spinner" aria-hidden="true" /> {t('verify.running')}
        </p>
      )}
      {verify.phase === 'rescanning' && (
        <>
          <p className="working" role="status">
            <span className="spinner" aria-hidden="true" /> {t('verify.rescanning')}
          </p>
          <ProbeRows rows={rows} />
        </>
      )}
      {verify.outcome && verify.phase !== 'rescanning' && <RepairResult outcome={verify.outcome} />}
      {verify.phase === 'passed' && (
        <>
          <Notice tone="success">
            <strong data-testid="verify-passed">{retry ? t('verify.passedInstall') : t('verify.passedRescan')}</strong>
          </Notice>
          {!retry && result && openCauses(result).length > 0 && (
            <Notice tone="info">
              <p>{t('verify.otherCauses')}</p>
              <ul className="plain-list">
                {openCauses(result).map((cause) => (
                  <li key={cause}>{text({ key: `cause.${cause}.title`, params: {} })}</li>
                ))}
              </ul>
              <button type="button" className="button subtle small" onClick={actions.backToFindings}>
                {t('verify.back')}
              </button>
            </Notice>
          )}
          <div className="actions">
            <button type="button" className="button primary" onClick={actions.openReport} data-testid="to-report">
              {t('verify.toReport')}
            </button>
          </div>
        </>
      )}
      {verify.phase === 'failed' && verify.outcome && <Notice tone="warning">{t('verify.failedNoLog')}</Notice>}
    </section>
  );
}
