// Rule: logs the scan found but that were not analyzed in full: their short analysis is a weaker hint.
import type { DiagnosisContext } from '../context.ts';
import { isCauseId } from '../../contract/ids.ts';
import { forCause, reason, type Signal } from '../signal.ts';
import { timeParam } from '../../knowledge/local-time.ts';

export function recentLogsRule(ctx: DiagnosisContext): Signal[] {
  const d = ctx.data('recent-logs');
  if (!d) return [];
  const analyzed = new Set(ctx.input.logs.map((l) => l.file.toLowerCase()));
  const signals: Signal[] = [];
  for (const log of d.logs) {
    if (!log.analysis || log.analysis.outcome !== 'failure' || analyzed.has(log.path.toLowerCase())) continue;
    const first = log.analysis.causes.find(isCauseId);
    if (!first) continue;
    // An old log may be about another install: a hint only.
    signals.push(
      forCause(
        first,
        0.3,
        { kind: 'log', file: log.path, line: 0 },
        {
          reason: reason('recent-log-hint', {
            file: log.path.split(/[\\/]/).pop() ?? log.path,
            time: timeParam(log.modified),
          }),
        },
      ),
    );
  }
  return signals;
}
