// Rule: after the install, the product a new terminal should run (path-environment, other-user-path): not on PATH,
// PATH entry in another account, past the length limit, or an older copy earlier in PATH.
import type { DiagnosisContext } from '../context.ts';
import type { ProductReach } from '../../contract/evidence-data.ts';
import { isKnownProductId, knownProduct } from '../../knowledge/known-products.ts';
import { against, probeFact, probeRef, type Signal } from '../signal.ts';

const nameParam = (p: ProductReach): string => (isKnownProductId(p.id) ? `@${knownProduct(p.id).nameKey}` : p.id);

export function pathRule(ctx: DiagnosisContext): Signal[] {
  const d = ctx.data('path-environment');
  if (!d) return [];
  const signals: Signal[] = [];
  const others = ctx.data('other-user-path');
  for (const p of d.products) {
    const params = {
      product: nameParam(p),
      folder: p.binFolder ?? '',
      command: p.runs[0]?.command ?? '',
      version: p.runs[0]?.read ?? '',
      installed: p.installedVersion ?? '',
      shadow: p.resolved?.folder ?? '',
    };
    // The installed product is what matters here: these findings explain "it installed but does not work".
    const extra = { alwaysRelevant: true };
    if (p.state === 'not-on-path') {
      signals.push(probeFact('program-not-on-path', 0.8, 'path-environment', 'path-not-on-path', params, extra));
      const other = others?.hives.find((h) =>
        h.entries.some((e) => p.binFolder !== null && e.expanded.toLowerCase() === p.binFolder.toLowerCase()),
      );
      if (other)
        signals.push(
          probeFact(
            'program-not-on-path',
            0.6,
            'other-user-path',
            'path-other-account',
            { folder: p.binFolder ?? '', profile: other.profile ?? other.sid },
            { ...extra, repairs: ['add-to-path'] },
          ),
        );
    } else if (p.state === 'past-limit') {
      signals.push(
        probeFact(
          'program-not-on-path',
          0.8,
          'path-environment',
          'path-past-limit',
          { folder: p.binFolder ?? '', limit: d.limit, length: d.freshLength },
          // Over the limit, adding is refused: removing entries of folders that no longer exist is the fix.
          { ...extra, repairs: ['remove-stale-path-entry'] },
        ),
      );
    } else if (p.state === 'not-broadcast') {
      signals.push(
        probeFact('path-change-not-broadcast', 0.85, 'path-environment', 'path-not-broadcast', params, {
          ...extra,
          repairs: ['broadcast-environment-change'],
        }),
      );
    } else if (p.state === 'store-alias') {
      // No repair of ours: the alias is a Windows setting, and removing WindowsApps from PATH would break other aliases.
      signals.push(probeFact('store-alias-on-path', 0.85, 'path-environment', 'path-store-alias', params, extra));
    } else if (p.state === 'shadowed') {
      signals.push(probeFact('older-program-on-path', 0.8, 'path-environment', 'path-shadowed', params, extra));
    }
  }
  // Every product found answers its version in a fresh environment: that rules both causes out. (One product that
  // works says nothing about another one that does not.)
  const answering = d.products.filter((p) => (p.state === 'works' || p.state === 'new-terminal') && p.runs[0]?.read);
  if (signals.length === 0 && answering.length > 0 && answering.length === d.products.length) {
    signals.push(against('program-not-on-path', 0.9, probeRef('path-environment', 'path-works-new-terminal')));
    signals.push(against('older-program-on-path', 0.9, probeRef('path-environment', 'path-works-new-terminal')));
  }
  return signals;
}
