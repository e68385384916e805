// One-line texts of a session for lists and the copied summary: what the user chose or gave, and what was done.
import type { TextRef } from '../../../shared/contract/evidence.ts';
import type { SessionSummary, SessionSymptom } from '../../../shared/contract/session.ts';
import { SYMPTOM_CHOICES } from '../../../shared/wizard/wizard-state.ts';

type Text = (ref: TextRef) => string;
const ref = (key: string, params: TextRef['params'] = {}): TextRef => ({ key, params });

/** "You chose: Error 2503 or 2502" (a card), "You entered: ..." (typed text), or the logs given. */
export function symptomLine(session: { symptom: SessionSymptom }, text: Text): string {
  const { choice, input, logFiles } = session.symptom;
  const card = SYMPTOM_CHOICES.find((c) => c === choice);
  if (card && card !== 'other-code' && card !== 'log')
    return text(ref('session.chose', { choice: text(ref(`symptom.card.${card}.title`)) }));
  if (input.trim()) return text(ref('session.typed', { text: input.trim().slice(0, 80) }));
  if (logFiles.length)
    return text(ref('session.gave-logs', { files: logFiles.map((f) => f.split(/[\\/]/).pop() ?? f).join(', ') }));
  return text(ref('session.chose', { choice: text(ref('symptom.card.unsure.title')) }));
}

/** "Did: Restore the permissions (verified: the cause is gone)", or "Did: nothing yet". */
export function didLine(session: Pick<SessionSummary, 'did'>, text: Text): string {
  if (session.did.length === 0) return text(ref('session.did.none'));
  const items = session.did.map((d) =>
    text(
      ref('session.did.item', {
        repair: text(ref(`repair.${d.repair}.title`)),
        result: text(ref(`session.result.${d.result}`)),
      }),
    ),
  );
  return text(ref('session.did', { repairs: items.join('; ') }));
}
