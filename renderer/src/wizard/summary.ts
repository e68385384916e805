// The short plain-text summary users copy into a chat or ticket, in the current language, told from the session record:
// what the user chose, what was found first (frozen), what was done and whether it worked, and what remains.
import type { TFunction } from 'i18next';
import type { TextRef } from '../../../shared/contract/evidence.ts';
import type { SessionRecord } from '../../../shared/contract/session.ts';
import { sessionStory, sessionSummary } from '../../../shared/session/session-story.ts';
import { didLine, symptomLine } from './session-lines.ts';

export function buildSummary(session: SessionRecord | null, t: TFunction, text: (ref: TextRef) => string): string {
  const lines = [t('report.summaryTitle')];
  if (!session) return [...lines, t('report.summaryNoCause')].join('\n');
  const story = sessionStory(session);
  lines.push(symptomLine(session, text));
  lines.push(
    story.found
      ? text({ key: 'session.found', params: { cause: text(story.found.title) } })
      : text({ key: 'session.found.none', params: {} }),
  );
  lines.push(didLine(sessionSummary(session), text));
  const repair = story.last ? text(story.last.plan.title) : '';
  lines.push(text({ key: `session.state.${story.state}`, params: { repair, time: story.last?.restart?.at ?? '' } }));
  const worth = story.stillWorthKnowing.filter((f) => f.kind !== 'info' || f.cause !== story.found?.cause);
  if (worth.length > 0) {
    lines.push(`${text({ key: 'session.worth-knowing', params: {} })}:`);
    for (const f of worth.slice(0, 5)) lines.push(`- ${text(f.title)}`);
  }
  const env = session.latest.environment;
  const machine =
    env.kind === 'simulated'
      ? t('report.summarySimulated', { scenario: env.scenario ?? '' })
      : t('report.summaryReal', { version: env.windowsVersion ?? '' });
  lines.push(t('report.summaryMachine', { machine }));
  return lines.join('\n');
}
