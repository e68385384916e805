// Step 4: the chosen repair: plan preview (exact commands, risk, admin, undo), confirmations, progress, result, undo.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useDomainText, useWizard } from './store-context.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { CommandPreview } from '../components/command-preview.tsx';
import { RepairProgress } from '../components/repair-progress.tsx';
import { RepairResult } from '../components/repair-result.tsx';
import { SessionBanner } from '../components/session-banner.tsx';
import { Notice } from '../components/notice.tsx';
import { repairOfPlan } from '../../../shared/wizard/transition.ts';
import { NEXT_FIX_STATES, repairState } from '../../../shared/session/session-story.ts';
import { DomainText } from '../components/domain-text.tsx';

/** The delays a restart can be given (minutes; 0 = now). A countdown can be cancelled until it ends. */
const RESTART_DELAYS = [0, 5, 15, 30] as const;

function RestartDelay({ minutes, onChoose }: { minutes: number; onChoose: (minutes: number) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="restart-delay" data-testid="restart-delay">
      <legend className="field-title">{t('fix.restartWhen')}</legend>
      {RESTART_DELAYS.map((m) => (
        <label key={m} className="radio">
          <input
            type="radio"
            name="restart-delay"
            value={m}
            checked={minutes === m}
            onChange={() => onChoose(m)}
            data-testid={`restart-delay-${m}`}
          />
          <span>{m === 0 ? t('fix.restartNow') : t('fix.restartIn', { count: m })}</span>
        </label>
      ))}
    </fieldset>
  );
}

function Confirmations({
  ids,
  checked,
  onChange,
}: {
  ids: string[];
  checked: string[];
  onChange: (next: string[]) => void;
}) {
  const text = useDomainText();
  return (
    <div className="confirmations">
      {ids.map((id) => (
        <label key={id} className="checkbox">
          <input
            type="checkbox"
            checked={checked.includes(id)}
            onChange={(e) => onChange(e.target.checked ? [...checked, id] : checked.filter((c) => c !== id))}
            data-testid={`confirm-${id}`}
          />
          <span>{text({ key: `repair.confirmation.${id}`, params: {} })}</span>
        </label>
      ))}
    </div>
  );
}

export function FixStep() {
  const { t } = useTranslation();
  const text = useDomainText();
  const fix = useWizard((s) => s.wizard.fix);
  const session = useWizard((s) => s.wizard.session);
  const actions = useActions();
  const [checked, setChecked] = useState<string[]>([]);
  const simulated = useWizard((s) => s.env?.kind === 'simulated');
  const resumed = useWizard((s) => s.wizard.notice === 'session-resumed');
  // When a fix finishes, focus moves to its result (not back to the page): screen readers read the outcome.
  const resultRef = useRef<HTMLHeadingElement>(null);
  const phase = fix?.phase;
  useEffect(() => {
    if (phase === 'done') resultRef.current?.focus();
  }, [phase]);
  if (!fix) return null;
  // How the run ended is the session record's (its journal id is the plan id): the step only shows it.
  const ran = repairOfPlan(session, fix.plan?.planId);
  const outcome = ran?.outcome ?? null;
  const ended = ran ? repairState(ran) : null;
  // A fix that failed, timed out, was undone or did not remove the cause: trying the next fix comes first.
  const nextFirst = ended !== null && NEXT_FIX_STATES.includes(ended);
  const title = fix.plan ? text(fix.plan.title) : text({ key: `repair.${fix.repair}.title`, params: {} });
  const allConfirmed = (fix.plan?.confirmations ?? []).every((c) => checked.includes(c));
  return (
    <section className="step" aria-labelledby="step-fix" data-phase={fix.phase}>
      <StepHeading id="step-fix">{t('fix.heading', { title })}</StepHeading>
      {fix.phase === 'planning' && (
        <p className="working" role="status">
          <span className="spinner" aria-hidden="true" /> {t('fix.planning')}
        </p>
      )}
      {fix.plan && fix.phase === 'preview' && (
        <>
          <p className="step-intro">
            <DomainText value={fix.plan.description} />
          </p>
          {fix.plan.restart && (
            <RestartDelay
              minutes={fix.plan.restart.minutes}
              onChoose={(minutes) => void actions.chooseRestartDelay(minutes)}
            />
          )}
          <CommandPreview plan={fix.plan} />
          <Confirmations ids={fix.plan.confirmations} checked={checked} onChange={setChecked} />
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={!allConfirmed}
              onClick={() => void actions.confirmRepair(checked)}
              data-testid="run-fix"
            >
              {t('fix.run')}
            </button>
            <button type="button" className="button subtle" onClick={actions.backToFindings}>
              {t('fix.back')}
            </button>
          </div>
        </>
      )}
      {fix.plan && fix.phase === 'running' && (
        <>
          <RepairProgress plan={fix.plan} progress={fix.progress} countdown={fix.countdown} />
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => void actions.cancelRepair()}
              data-testid="cancel-fix"
            >
              {t('fix.cancel')}
            </button>
          </div>
        </>
      )}
      {ran && (fix.phase === 'done' || fix.phase === 'undoing') && (
        <>
          <h3 className="field-title" tabIndex={-1} ref={resultRef} data-testid="fix-result-heading">
            {t('fix.resultHeading')}
          </h3>
          {resumed && (
            <Notice tone="info" testId="notice-session-resumed">
              {t('findings.notices.session-resumed')}
            </Notice>
          )}
          {session && <SessionBanner session={session} />}
          {outcome && <RepairResult outcome={outcome} undone={ran.undo !== null} />}
          {/* The simulated machine restarts at once; "the next start of the app" is a reload of this page. */}
          {simulated && ended === 'awaiting-restart' && fix.plan?.restart?.minutes === 0 && (
            <p>
              <button
                type="button"
                className="button primary"
                onClick={() => window.location.reload()}
                data-testid="simulated-restart-done"
              >
                {t('fix.simulatedRestarted')}
              </button>
            </p>
          )}
          {fix.phase === 'undoing' && (
            <p className="working" role="status">
              <span className="spinner" aria-hidden="true" /> {t('fix.undoing')}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className={nextFirst ? 'button primary' : 'button'}
              onClick={() => void actions.nextFix()}
              disabled={fix.phase === 'undoing'}
              data-testid="next-fix"
            >
              {t('fix.nextFix')}
            </button>
            <button
              type="button"
              className={nextFirst ? 'button' : 'button primary'}
              onClick={actions.openVerify}
              disabled={fix.phase === 'undoing'}
              data-testid="to-verify"
            >
              {t('fix.toVerify')}
            </button>
            {fix.phase === 'done' && outcome?.undoAvailable && !ran.undo && (
              <button type="button" className="button" onClick={() => void actions.undo()} data-testid="undo">
                {fix.plan?.restart ? t('fix.cancelRestart') : t('fix.undo')}
              </button>
            )}
            <button
              type="button"
              className="button"
              onClick={actions.openReport}
              disabled={fix.phase === 'undoing'}
              data-testid="to-report"
            >
              {t('verify.toReport')}
            </button>
            <button
              type="button"
              className="button subtle"
              onClick={actions.backToFindings}
              disabled={fix.phase === 'undoing'}
              data-testid="back-to-findings"
            >
              {t('fix.back')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
