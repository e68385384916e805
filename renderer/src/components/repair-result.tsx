// What a repair run reports: its status, the verification (re-run probes), reboot need and each step's output.
// Whether the session's problem is solved is the session banner's to say (one state, one banner).
import { useTranslation } from 'react-i18next';
import type { RepairOutcome } from '../../../shared/contract/repair.ts';
import { useDomainText } from '../wizard/store-context.tsx';
import { StatusBadge } from './status-badge.tsx';
import { probeName } from '../../../shared/knowledge/words.ts';
import { DomainText } from './domain-text.tsx';

const STATUS_KEY = {
  succeeded: 'fix.resultSucceeded',
  failed: 'fix.resultFailed',
  cancelled: 'fix.resultCancelled',
  'elevation-declined': 'fix.resultDeclined',
} as const;

/** `undone`: the run was undone, so the checks it ran after it no longer describe the machine: they are not shown. */
export function RepairResult({ outcome, undone = false }: { outcome: RepairOutcome; undone?: boolean }) {
  const { t } = useTranslation();
  const text = useDomainText();
  return (
    <div
      className="repair-result"
      data-testid="repair-result"
      data-status={outcome.status}
      data-verified={String(outcome.verified)}
    >
      {/* The verdict is the session banner's; here only what the run itself reports. */}
      <p className="repair-status">{t(STATUS_KEY[outcome.status])}</p>
      {outcome.message && (
        <p>
          <DomainText value={outcome.message} />
        </p>
      )}
      {outcome.rebootRequired && <p>{t('fix.reboot')}</p>}
      {!undone && outcome.verification.length > 0 && (
        <ul className="evidence-list">
          {outcome.verification.map((e) => (
            <li key={e.probe} className="evidence-line">
              <StatusBadge status={e.status} /> <strong>{text(probeName(e.probe))}</strong>{' '}
              <span>
                <DomainText value={e.summary} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {outcome.steps.some((s) => s.output) && (
        <details className="raw">
          <summary>{t('fix.stepOutput')}</summary>
          {outcome.steps
            .filter((s) => s.output)
            .map((s) => (
              <pre key={s.id} className="code output">
                <code>{s.output}</code>
              </pre>
            ))}
        </details>
      )}
    </div>
  );
}
