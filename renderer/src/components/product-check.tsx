// "Does it work now?": each installed known product's version command as a new terminal runs it (output, or why
// there is none), and the "open a new terminal" advice when terminals opened earlier still have the old PATH.
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../shared/contract/evidence.ts';
import { readEvidenceData, type ProductReach } from '../../../shared/contract/evidence-data.ts';
import { isKnownProductId, knownProduct } from '../../../shared/knowledge/known-products.ts';
import { useDomainText } from '../wizard/store-context.tsx';
import { Notice } from './notice.tsx';

/** The newest path-environment evidence: a repair's verification first, else the (re)scan's. */
export function latestPathEvidence(candidates: Array<Evidence | null | undefined>): Evidence | null {
  return candidates.find((e): e is Evidence => Boolean(e) && e!.probe === 'path-environment') ?? null;
}

const WHY = ['not-found', 'elevated', 'not-asked', 'timed-out', 'time-limit'] as const;

function Output({ product }: { product: ProductReach }) {
  const { t } = useTranslation();
  const run = product.runs[0];
  if (!run) return null;
  const text = (run.stdout.trim() || run.stderr.trim()).split(/\r?\n/).slice(0, 6).join('\n');
  return (
    <div className="product-output">
      <code className="product-command">&gt; {run.command}</code>
      {run.ran && text ? (
        <pre data-testid={`version-output-${product.id}`}>{text}</pre>
      ) : (
        <p className="product-no-output" data-testid={`version-none-${product.id}`}>
          {run.ran
            ? t('afterInstall.noOutput', { code: run.exitCode ?? '?' })
            : t(
                `afterInstall.notRun.${(WHY as readonly string[]).includes(run.notRun ?? '') ? run.notRun : 'not-found'}`,
              )}
        </p>
      )}
    </div>
  );
}

export function ProductCheck({ evidence }: { evidence: Evidence | null }) {
  const { t } = useTranslation();
  const domain = useDomainText();
  if (!evidence) return null;
  const data = readEvidenceData('path-environment', evidence.data);
  if (!data || data.products.length === 0) return null;
  // Terminals opened before the change keep the old PATH: say so whenever this app's own PATH did not have it.
  const newTerminal = data.products.some(
    (p) => (p.state === 'new-terminal' || p.state === 'works') && !p.inOpenProcessPath && p.runs[0]?.read,
  );
  return (
    <section className="product-check" aria-labelledby="product-check-heading" data-testid="product-check">
      <h3 id="product-check-heading">{t('afterInstall.heading')}</h3>
      <p>{t('afterInstall.intro')}</p>
      <ul className="plain-list">
        {data.products.map((p) => (
          <li key={p.id} data-testid={`product-${p.id}`} data-state={p.state}>
            <strong>{isKnownProductId(p.id) ? domain({ key: knownProduct(p.id).nameKey, params: {} }) : p.id}</strong>{' '}
            {t(`afterInstall.state.${p.state}`)}
            <Output product={p} />
          </li>
        ))}
      </ul>
      {newTerminal && (
        <Notice tone="info" testId="new-terminal-advice">
          <p>{t('afterInstall.newTerminal')}</p>
          <p>{t('afterInstall.signOut')}</p>
        </Notice>
      )}
    </section>
  );
}
