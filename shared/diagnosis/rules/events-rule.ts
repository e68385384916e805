// Rule: the MsiInstaller event log: the latest failure's code (a weaker symptom), files in use, policy blocks, service connection failures.
import type { DiagnosisContext } from '../context.ts';
import { lookupErrorCode } from '../../knowledge/error-codes.ts';
import { reportedCodeCauses } from './symptom-rule.ts';
import { probeFact, type Signal } from '../signal.ts';
import { timeParam } from '../../knowledge/local-time.ts';

/** Events count less than what the user reported: they may be about another, older install. */
const EVENT_FACTOR = 0.6;

export function eventsRule(ctx: DiagnosisContext): Signal[] {
  const d = ctx.data('installer-events');
  if (!d) return [];
  const signals: Signal[] = [];
  const latest = d.latestFailure;
  if (latest) {
    // failureCodes holds the statuses and message numbers of recent failures (newest first, deduplicated):
    // 1603 with 1722 says "a custom action failed" far better than the 1603 alone.
    const codes =
      d.failureCodes.length > 0
        ? d.failureCodes
        : [latest.messageNumber ?? latest.status].filter((c): c is number => c !== null);
    for (const code of codes.slice(0, 4)) {
      const info = lookupErrorCode(code);
      if (!info || info.success || info.noise) continue;
      reportedCodeCauses(code).forEach(({ id: cause, weight }) => {
        signals.push(
          probeFact(cause, weight * EVENT_FACTOR, 'installer-events', 'event-failure', {
            product: latest.product ?? '?',
            time: timeParam(latest.time),
            code,
          }),
        );
      });
    }
  }
  const recent = (kind: string) => d.events.find((e) => e.kind === kind);
  const inUse = recent('file-in-use');
  if (inUse)
    signals.push(
      probeFact('files-in-use', 0.3, 'installer-events', 'event-file-in-use', { time: timeParam(inUse.time) }),
    );
  const blocked = recent('blocked-by-policy');
  if (blocked)
    signals.push(
      probeFact(
        'policy-blocked',
        0.6,
        'installer-events',
        'event-blocked-by-policy',
        { time: timeParam(blocked.time) },
        { repairs: [] },
      ),
    );
  const connect = recent('server-connect-failed');
  if (connect)
    signals.push(
      probeFact('installer-service-unavailable', 0.5, 'installer-events', 'event-server-connect-failed', {
        time: timeParam(connect.time),
      }),
    );
  return signals;
}
