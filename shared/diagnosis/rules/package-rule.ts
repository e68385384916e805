// Rule: what the .msi itself says about a failure. When a failed log names a custom action the package defines, the
// finding describes it in plain words (deferred, as SYSTEM, no rollback, an EXE with this command line) with the
// package's own findings about it; a script action with error 1720 points at a disabled script engine.
import type { DiagnosisContext } from '../context.ts';
import { probeFact, type Signal } from '../signal.ts';
import { customActionText } from '../../msi-package/describe.ts';
import { nestedParam } from '../../knowledge/texts.ts';

/** Script custom action failures (1720: a script required for this install could not be run). */
const SCRIPT_FAILURE = 1720;

export function packageRule(ctx: DiagnosisContext): Signal[] {
  const pkg = ctx.data('installed-products')?.packageReport;
  if (!pkg) return [];
  const signals: Signal[] = [];
  const about = (action: string) =>
    pkg.findings.filter((f) => f.params.action === action && f.id !== 'runs-on-install-and-uninstall');
  const named = new Set<string>();
  for (const log of ctx.input.logs) {
    const failed = log.outcome === 'failure' && log.failedAction?.customAction ? log.failedAction.name : null;
    const ca = failed ? pkg.customActions.find((c) => c.name === failed) : undefined;
    if (!ca || named.has(ca.name)) continue;
    named.add(ca.name);
    const description = customActionText(ca, pkg);
    signals.push(
      probeFact('custom-action-failed', 0.3, 'installed-products', 'package-custom-action', {
        action: ca.name,
        description: nestedParam(description.key, description.params),
      }),
    );
    for (const f of about(ca.name))
      signals.push(
        probeFact('custom-action-failed', 0.15, 'installed-products', 'package-finding', {
          title: nestedParam(`package.finding.${f.id}.title`, f.params),
        }),
      );
  }
  if (ctx.has(SCRIPT_FAILURE))
    for (const f of pkg.findings.filter((x) => x.id === 'script-custom-action'))
      signals.push(
        probeFact('custom-action-failed', 0.35, 'installed-products', 'package-finding', {
          title: nestedParam(`package.finding.${f.id}.title`, f.params),
        }),
      );
  return signals;
}
