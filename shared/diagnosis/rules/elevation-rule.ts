// Rule: installs started like this session run unelevated; a per-machine package then fails with 2503/2502/1925.
import type { DiagnosisContext } from '../context.ts';
import { against, probeFact, probeRef, type Signal } from '../signal.ts';

/** Codes a non-elevated run of a per-machine package produces. */
const ELEVATION_CODES = [2503, 2502, 1925, 1730, 5, 1303];

export function elevationRule(ctx: DiagnosisContext): Signal[] {
  const d = ctx.data('elevation');
  if (!d) return [];
  if (d.elevated) return [against('not-elevated', 0.7, probeRef('elevation', 'elevated'))];
  const relevant = ELEVATION_CODES.some((c) => ctx.has(c));
  if (!relevant) return [];
  const signals: Signal[] = [
    probeFact(
      'not-elevated',
      0.35,
      'elevation',
      d.isAdmin ? 'not-elevated' : 'standard-user',
      {},
      { repairs: ['retry-install-elevated-logged'] },
    ),
  ];
  // ALLUSERS=1 (or 2 when elevated) means per-machine: it needs elevation, which a double-click does not give.
  // The .msi reader's scope decides when it read the package (ALLUSERS=2 with MSIINSTALLPERUSER=1 defaults per-user).
  const products = ctx.data('installed-products');
  const pkg = products?.package;
  const report = products?.packageReport;
  const perMachine = report
    ? report.requiresElevation || (report.scope === 'dual' && report.msiInstallPerUser !== '1')
    : pkg?.allUsers === '1' || pkg?.allUsers === '2';
  if (pkg && perMachine) {
    signals.push(
      probeFact(
        'not-elevated',
        0.35,
        'installed-products',
        'package-per-machine',
        { name: pkg.productName ?? pkg.productCode ?? '.msi', value: pkg.allUsers ?? '' },
        { repairs: ['retry-install-elevated-logged'] },
      ),
    );
  }
  return signals;
}
