// The one banner of a session's state (shared/session/session-story.ts): never two banners that disagree.
import { useTranslation } from 'react-i18next';
import type { SessionRecord } from '../../../shared/contract/session.ts';
import { sessionStory, type SessionState } from '../../../shared/session/session-story.ts';
import { useDomainText } from '../wizard/store-context.tsx';
import { Notice } from './notice.tsx';

const TONE: Record<SessionState, 'info' | 'success' | 'warning' | 'error'> = {
  diagnosed: 'info',
  'no-problem': 'info',
  running: 'info',
  'awaiting-restart': 'info',
  fixed: 'success',
  unverified: 'info',
  'still-there': 'warning',
  'fix-failed': 'warning',
  interrupted: 'warning',
  undone: 'info',
  'install-passed': 'success',
  'install-failed': 'warning',
};

export function SessionBanner({ session }: { session: SessionRecord }) {
  const { i18n } = useTranslation();
  const text = useDomainText();
  const story = sessionStory(session);
  const state = story.state;
  const repair = story.last ? text(story.last.plan.title) : '';
  const restartAt = story.last?.restart?.at;
  const time = restartAt ? new Date(restartAt).toLocaleTimeString(i18n.language) : '';
  return (
    <div className="session-banner" data-testid="session-banner" data-state={state}>
      <Notice tone={TONE[state]}>
        <strong>{text({ key: `session.state.${state}`, params: { repair, time } })}</strong>
      </Notice>
    </div>
  );
}
