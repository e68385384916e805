// Rule: say what could not be checked (elevation declined, probe failed) on the findings that check would have confirmed.
import type { CauseId, ProbeId } from '../../contract/ids.ts';
import type { DiagnosisContext } from '../context.ts';
import { nestedParam } from '../../knowledge/texts.ts';
import { forCause, reason, type Signal } from '../signal.ts';

/** The causes each probe can confirm or rule out. */
const CAUSES_OF: Partial<Record<ProbeId, CauseId[]>> = {
  'temp-folders': ['installer-folders-access', 'user-temp-broken', 'disk-full'],
  'install-in-progress': ['another-install-in-progress', 'windows-update-busy'],
  'pending-reboot': ['pending-reboot'],
  'installer-service': [
    'installer-service-disabled',
    'installer-service-registration-damaged',
    'installer-service-unavailable',
  ],
  policies: ['policy-blocked', 'always-install-elevated'],
  elevation: ['not-elevated'],
  'installed-products': ['other-version-installed', 'newer-version-installed'],
};

/** Zero-weight signals: they add the "could not check" reason to findings other signals raised, never confidence. */
export function notCheckedRule(ctx: DiagnosisContext): Signal[] {
  const signals: Signal[] = [];
  for (const e of ctx.input.evidence) {
    if (e.status !== 'not-checked' && e.status !== 'error') continue;
    for (const cause of CAUSES_OF[e.probe] ?? []) {
      signals.push(
        forCause(
          cause,
          0,
          { kind: 'probe', probe: e.probe, fact: 'probe-not-checked' },
          { reason: reason('probe-not-checked', { probe: nestedParam(`probe.${e.probe}.name`) }) },
        ),
      );
    }
  }
  // Unelevated, the ACL of C:\Windows\Temp cannot be read: the folder cause stays open.
  const temp = ctx.data('temp-folders');
  if (temp && temp.windowsTemp.exists && !temp.windowsTemp.aclChecked) {
    signals.push(
      forCause(
        'installer-folders-access',
        0,
        { kind: 'probe', probe: 'temp-folders', fact: 'temp-acl-not-checked' },
        { reason: reason('temp-acl-not-checked') },
      ),
    );
  }
  return signals;
}
