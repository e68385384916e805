// Rule: the .msi the user tried vs what is installed: same version (1638), newer version (downgrade), unreadable package.
import type { DiagnosisContext } from '../context.ts';
import { probeFact, type Signal } from '../signal.ts';

export function productsRule(ctx: DiagnosisContext): Signal[] {
  const d = ctx.data('installed-products');
  if (!d) return [];
  const signals: Signal[] = [];
  const find = (relation: string) => d.installed.find((p) => p.relation === relation);
  const same = find('same-version') ?? find('same-product-other-version');
  if (d.sameVersionInstalled && same) {
    signals.push(
      probeFact('other-version-installed', ctx.has(1638) ? 0.7 : 0.5, 'installed-products', 'same-version-installed', {
        name: same.name ?? same.productCode,
        version: same.version ?? '?',
      }),
    );
  }
  const newer = find('newer-version');
  if (d.newerInstalled && newer) {
    signals.push(
      probeFact('newer-version-installed', 0.65, 'installed-products', 'newer-version-installed', {
        name: newer.name ?? newer.productCode,
        version: newer.version ?? '?',
      }),
    );
  }
  if (d.msiPath && d.package && !d.package.readable) {
    const error = d.package.error ?? '';
    const missing = /not found|cannot find|does not exist|找不到|不存在/i.test(error);
    signals.push(
      probeFact(
        missing ? 'package-path-invalid' : 'package-invalid',
        0.6,
        'installed-products',
        'package-unreadable',
        { error: error || d.msiPath },
        { alwaysRelevant: true },
      ),
    );
  }
  return signals;
}
