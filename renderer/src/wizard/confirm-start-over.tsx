// Start over after a repair ran: a real decision (the session ends and is kept in the history), so it is asked first.
import { useTranslation } from 'react-i18next';
import { useActions } from './store-context.tsx';
import { Dialog } from '../components/dialog.tsx';

export function ConfirmStartOver() {
  const { t } = useTranslation();
  const actions = useActions();
  return (
    <Dialog title={t('startOver.heading')} onClose={actions.closeOverlay}>
      <p>{t('startOver.body')}</p>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          onClick={() => void actions.confirmStartOver()}
          data-testid="confirm-start-over"
        >
          {t('startOver.confirm')}
        </button>
        <button type="button" className="button" onClick={actions.closeOverlay} data-testid="cancel-start-over">
          {t('startOver.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
