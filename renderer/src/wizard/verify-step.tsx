// Step 5: verify: retry the install elevated with logging when the .msi is known, otherwise check the system again.
import { useTranslation } from 'react-i18next';
import { useActions, useWizard } from './store-context.tsx';
import { repairOfPlan } from '../../../shared/wizard/transition.ts';
import { sessionStory } from '../../../shared/session/session-story.ts';
import { StepHeading } from '../components/step-heading.tsx';
import { CommandPreview } from '../components/command-preview.tsx';
import { ProbeRows } from '../components/probe-rows.tsx';
import { RepairResult } from '../components/repair-result.tsx';
import { Notice } from '../components/notice.tsx';
import { SessionBanner } from '../components/session-banner.tsx';
import { ProductCheck, latestPathEvidence } from '../components/product-check.tsx';
import { DomainText } from '../components/domain-text.tsx';
import { AskedRunCheck } from '../components/asked-run.tsx';
import { offersAskedRun } from '../../../shared/knowledge/after-install.ts';

export function VerifyStep() {
  const { t } = useTranslation();
  const verify = useWizard((s) => s.wizard.verify);
  const rows = useWizard((s) => s.wizard.scan.rows);
  const session = useWizard((s) => s.wizard.session);
  const actions = useActions();
  if (!verify) return null;
  const retry = verify.mode === 'retry-install';
  const story = session ? sessionStory(session) : null;
  const outcome = repairOfPlan(session, verify.plan?.planId)?.outcome ?? null;
  const passed = story?.state === 'fixed' || story?.state === 'install-passed';
  // What the latest check still shows, besides what was fixed.
  const pathEvidence = latestPathEvidence([...(outcome?.verification ?? []), ...rows.map((r) => r.evidence)]);
  const others = story?.stillWorthKnowing.filter((f) => f.kind === 'cause' && f.confidence >= 0.5) ?? [];
  return (
    <section className="step" aria-labelledby="step-verify" data-phase={verify.phase}>
      <StepHeading id="step-verify">{t('verify.heading')}</StepHeading>
      <p className="step-intro">{retry ? t('verify.retryIntro') : t('verify.rescanIntro')}</p>
      {verify.phase === 'ready' && (
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
            <button type="button" className="button" onClick={actions.openReport} data-testid="to-report">
              {t('verify.toReport')}
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
      {verify.phase === 'done' && session && (
        <>
          <div data-testid={passed ? 'verify-passed' : 'verify-not-passed'}>
            <SessionBanner session={session} />
          </div>
          {outcome && <RepairResult outcome={outcome} />}
          <ProductCheck evidence={pathEvidence} />
          {offersAskedRun(pathEvidence?.data ?? null) && <AskedRunCheck />}
          {passed && others.length > 0 && (
            <Notice tone="info">
              <p>{t('verify.otherCauses')}</p>
              <ul className="plain-list">
                {others.map((f) => (
                  <li key={f.cause}>
                    <DomainText value={f.title} />
                  </li>
                ))}
              </ul>
              <button type="button" className="button subtle small" onClick={actions.backToFindings}>
                {t('verify.back')}
              </button>
            </Notice>
          )}
          <div className="actions">
            {!passed && (
              <button
                type="button"
                className="button primary"
                onClick={() => void actions.nextFix()}
                data-testid="next-fix"
              >
                {t('fix.nextFix')}
              </button>
            )}
            <button
              type="button"
              className={passed ? 'button primary' : 'button'}
              onClick={actions.openReport}
              data-testid="to-report"
            >
              {t('verify.toReport')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
