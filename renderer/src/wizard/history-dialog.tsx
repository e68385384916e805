// Past sessions (their records): what was found, what was done and how it ended; open one to see it again.
import { useTranslation } from 'react-i18next';
import { useActions, useDomainText, useWizard } from './store-context.tsx';
import { didLine, symptomLine } from './session-lines.ts';
import { Dialog } from '../components/dialog.tsx';
import { localTime } from '../../../shared/diagnosis/display-time.ts';

export function HistoryDialog() {
  const { t, i18n } = useTranslation();
  const sessions = useWizard((s) => (s.wizard.overlay?.kind === 'history' ? s.wizard.overlay.sessions : null));
  const actions = useActions();
  const text = useDomainText();
  const format = (iso: string) => localTime(iso, i18n.language);
  return (
    <Dialog title={t('history.heading')} onClose={actions.closeOverlay}>
      {sessions === null && <p role="status">{t('history.loading')}</p>}
      {sessions !== null && sessions.length === 0 && <p>{t('history.empty')}</p>}
      {sessions !== null && sessions.length > 0 && (
        <ul className="history-list" data-testid="history-list">
          {sessions.map((s) => (
            <li key={s.sessionId}>
              <button
                type="button"
                className="history-item"
                onClick={() => void actions.loadSession(s.sessionId)}
                aria-label={t('history.open', { date: format(s.startedAt) })}
              >
                <span className="history-date">{format(s.startedAt)}</span>
                <span className="history-symptom">{symptomLine(s, text)}</span>
                <span className="history-cause">
                  {s.found
                    ? text({
                        key: 'session.found',
                        params: { cause: text({ key: `cause.${s.found}.title`, params: {} }) },
                      })
                    : text({ key: 'session.found.none', params: {} })}
                </span>
                <span className="history-did">{didLine(s, text)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
