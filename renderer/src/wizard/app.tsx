// The wizard's frame: header (simulated label, scenario, language, history, start over), stepper, current step, overlays.
import { ConfirmStartOver } from './confirm-start-over.tsx';
import { useTranslation } from 'react-i18next';
import { useActions, useDomainText, useWizard } from './store-context.tsx';
import { localTime } from '../../../shared/diagnosis/display-time.ts';
import { repairName } from '../../../shared/knowledge/words.ts';
import { isBusy } from '../../../shared/wizard/transition.ts';
import { Header } from './header.tsx';
import { Stepper } from './stepper.tsx';
import { SymptomStep } from './symptom-step.tsx';
import { ConsentStep } from './consent-step.tsx';
import { ScanningStep } from './scanning-step.tsx';
import { FindingsStep } from './findings-step.tsx';
import { FixStep } from './fix-step.tsx';
import { VerifyStep } from './verify-step.tsx';
import { ReportStep } from './report-step.tsx';
import { HistoryDialog } from './history-dialog.tsx';
import { LogViewerDialog } from '../components/log-viewer-dialog.tsx';
import { Notice } from '../components/notice.tsx';

function CurrentStep() {
  const step = useWizard((s) => s.wizard.step);
  // A new repair remounts the fix step: fresh confirmations, focus on its heading.
  const fixKey = useWizard((s) => s.wizard.fix?.repair ?? '');
  switch (step) {
    case 'symptom':
      return <SymptomStep />;
    case 'consent':
      return <ConsentStep />;
    case 'scanning':
      return <ScanningStep />;
    case 'findings':
      return <FindingsStep />;
    case 'fix':
      return <FixStep key={fixKey} />;
    case 'verify':
      return <VerifyStep />;
    case 'report':
      return <ReportStep />;
  }
}

function ErrorBanner() {
  const { t } = useTranslation();
  const error = useWizard((s) => s.wizard.error);
  const { dismissError } = useActions();
  if (!error) return null;
  return (
    <Notice
      tone="error"
      action={
        <button type="button" className="button subtle" onClick={dismissError}>
          {t('app.dismiss')}
        </button>
      }
    >
      {t('app.error', { message: error.message })}
    </Notice>
  );
}

/** Repairs an earlier run left unfinished: say so once, and offer the undo their journal makes possible. */
function InterruptedRepairs() {
  const { t, i18n } = useTranslation();
  const text = useDomainText();
  const interrupted = useWizard((s) => s.interrupted);
  const { undoInterrupted, dismissInterrupted } = useActions();
  if (interrupted.length === 0) return null;
  return (
    <>
      {interrupted.map(({ journal, status }) => {
        const params = {
          title: journal.repair ? text(repairName(journal.repair)) : t('app.interrupted.someRepair'),
          time: localTime(journal.startedAt, i18n.language),
        };
        const message =
          status === 'undone'
            ? t('app.interrupted.undone', params)
            : status === 'failed'
              ? t('app.interrupted.failed', params)
              : journal.undoAvailable
                ? t('app.interrupted.offer', params)
                : t('app.interrupted.nothingToUndo', params);
        const canUndo = journal.undoAvailable && (status === 'pending' || status === 'undoing');
        return (
          <Notice
            key={journal.journalId}
            tone={status === 'undone' ? 'success' : status === 'failed' ? 'error' : 'warning'}
            testId="interrupted-repair"
            action={
              <div className="actions">
                {canUndo && (
                  <button
                    type="button"
                    className="button primary"
                    disabled={status === 'undoing'}
                    onClick={() => void undoInterrupted(journal.journalId)}
                  >
                    {status === 'undoing' ? t('app.interrupted.undoing') : t('app.interrupted.undo')}
                  </button>
                )}
                <button type="button" className="button subtle" onClick={() => dismissInterrupted(journal.journalId)}>
                  {t('app.dismiss')}
                </button>
              </div>
            }
          >
            {message}
          </Notice>
        );
      })}
    </>
  );
}

function Overlay() {
  const kind = useWizard((s) => s.wizard.overlay?.kind ?? null);
  if (kind === 'history') return <HistoryDialog />;
  if (kind === 'log') return <LogViewerDialog />;
  if (kind === 'confirm-start-over') return <ConfirmStartOver />;
  return null;
}

export function App() {
  const { t } = useTranslation();
  const envError = useWizard((s) => s.envError);
  const busy = useWizard((s) => isBusy(s.wizard));
  return (
    <div className="app" aria-busy={busy}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <Stepper />
      <main id="main" className="main" tabIndex={-1}>
        {envError && <Notice tone="error">{t('app.envError', { message: envError })}</Notice>}
        <InterruptedRepairs />
        <ErrorBanner />
        <CurrentStep />
      </main>
      <Overlay />
    </div>
  );
}
