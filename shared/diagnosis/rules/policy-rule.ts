// Rule: installer policies: AlwaysInstallElevated (security, whatever the symptom), DisableMSI, AppLocker, SRP, user installs.
import type { DiagnosisContext } from '../context.ts';
import { nestedParam } from '../../knowledge/texts.ts';
import { against, probeFact, probeRef, type Signal } from '../signal.ts';

export function policyRule(ctx: DiagnosisContext): Signal[] {
  const d = ctx.data('policies');
  if (!d) return [];
  const signals: Signal[] = [];
  if (d.alwaysInstallElevatedActive) {
    signals.push(
      probeFact(
        'always-install-elevated',
        0.95,
        'policies',
        'always-install-elevated',
        {},
        { security: true, alwaysRelevant: true, repairs: ['remove-always-install-elevated'] },
      ),
    );
  }
  const blockCodes = ctx.has(1625) || ctx.has(1643) || ctx.has(1644) || ctx.has(1934);
  if (d.disableMsi !== null && d.disableMsi >= 1) {
    signals.push(
      probeFact(
        'policy-blocked',
        d.disableMsi >= 2 ? 0.85 : 0.55,
        'policies',
        'disable-msi',
        { value: d.disableMsi, scope: nestedParam(d.disableMsi >= 2 ? 'value.scope.all' : 'value.scope.non-managed') },
        { repairs: [] },
      ),
    );
  }
  if (d.applockerMsiEnforcement === 'enabled' && (d.applockerMsiRules ?? 0) > 0) {
    signals.push(
      probeFact(
        'policy-blocked',
        blockCodes ? 0.6 : 0.25,
        'policies',
        'applocker-msi',
        { count: d.applockerMsiRules ?? 0 },
        { repairs: [] },
      ),
    );
  }
  if (d.disableUserInstalls === 1)
    signals.push(
      probeFact('policy-blocked', blockCodes ? 0.5 : 0.2, 'policies', 'disable-user-installs', {}, { repairs: [] }),
    );
  if (d.saferConfigured)
    signals.push(
      probeFact('policy-blocked', blockCodes ? 0.35 : 0.1, 'policies', 'safer-configured', {}, { repairs: [] }),
    );
  const noBlock =
    (d.disableMsi ?? 0) === 0 &&
    d.applockerMsiEnforcement !== 'enabled' &&
    d.disableUserInstalls !== 1 &&
    !d.saferConfigured;
  if (noBlock) signals.push(against('policy-blocked', 0.6, probeRef('policies', 'no-blocking-policy')));
  return signals;
}
