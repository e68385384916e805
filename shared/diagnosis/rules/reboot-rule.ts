// Rule: a pending restart (Windows Installer's own file renames count most; other renames are everyday noise).
import type { DiagnosisContext } from '../context.ts';
import { nestedParam } from '../../knowledge/texts.ts';
import { restartSigns } from '../../knowledge/restart-signs.ts';
import { against, probeFact, probeRef, type Signal } from '../signal.ts';

export function rebootRule(ctx: DiagnosisContext): Signal[] {
  const d = ctx.data('pending-reboot');
  if (!d) return [];
  if (!d.pending) return [against('pending-reboot', 0.7, probeRef('pending-reboot', 'no-reboot-pending'))];
  // Counted as the probe's summary counts them (one source: restart-signs.ts).
  const { markers, msiFileRenames } = restartSigns(d);
  const signals: Signal[] = [];
  if (markers.length > 0) {
    signals.push(
      probeFact(
        'pending-reboot',
        0.5,
        'pending-reboot',
        'reboot-pending',
        { marker: nestedParam(`value.reboot-marker.${markers[0]!}`), count: markers.length },
        { repairs: ['restart-computer'] },
      ),
    );
  }
  if (msiFileRenames > 0) {
    signals.push(
      probeFact(
        'pending-reboot',
        0.45,
        'pending-reboot',
        'msi-file-renames',
        { count: msiFileRenames },
        { repairs: ['restart-computer'] },
      ),
    );
  }
  if (signals.length === 0) {
    signals.push(
      probeFact(
        'pending-reboot',
        0.3,
        'pending-reboot',
        'reboot-pending',
        { marker: nestedParam('value.reboot-marker.pending-file-rename'), count: 1 },
        { repairs: ['restart-computer'] },
      ),
    );
  }
  return signals;
}
