// Rule: the Windows Installer service's state (disabled, registration damaged, or the normal idle Manual/stopped).
import type { DiagnosisContext } from '../context.ts';
import { nestedParam } from '../../knowledge/texts.ts';
import { against, probeFact, probeRef, type Signal } from '../signal.ts';

export function serviceRule(ctx: DiagnosisContext): Signal[] {
  const d = ctx.data('installer-service');
  if (!d) return [];
  const signals: Signal[] = [];
  if (d.startType === 'disabled' || d.startValue === 4) {
    signals.push(
      probeFact(
        'installer-service-disabled',
        0.9,
        'installer-service',
        'service-disabled',
        { state: nestedParam(`value.service-state.${d.state}`) },
        { alwaysRelevant: true },
      ),
    );
  }
  if (d.registrationMissing || d.state === 'missing') {
    signals.push(
      probeFact(
        'installer-service-registration-damaged',
        0.85,
        'installer-service',
        'service-registration-missing',
        {},
        { alwaysRelevant: true },
      ),
    );
  } else if (!d.imagePathOk && d.imagePath !== null) {
    signals.push(
      probeFact(
        'installer-service-registration-damaged',
        0.75,
        'installer-service',
        'service-image-path-wrong',
        { imagePath: d.imagePath },
        { alwaysRelevant: true },
      ),
    );
  }
  if (d.msiexecPresent === false) {
    signals.push(
      probeFact(
        'installer-service-registration-damaged',
        0.6,
        'installer-service',
        'msiexec-missing',
        {},
        { alwaysRelevant: true },
      ),
    );
  }
  const healthy = !d.registrationMissing && d.imagePathOk && d.startType !== 'disabled' && d.state !== 'missing';
  if (healthy) {
    // Stopped + Manual is the normal idle state: it argues against every service cause.
    const ref = probeRef('installer-service', 'service-idle-normal');
    signals.push(
      against('installer-service-disabled', 0.9, ref),
      against('installer-service-registration-damaged', 0.8, ref),
      against('installer-service-unavailable', 0.4, ref),
    );
  }
  return signals;
}
