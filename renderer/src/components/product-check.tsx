// "Does it work now?": each installed known product's version command as a new terminal runs it (output, or why
// there is none), and the "open a new terminal" advice when terminals opened earlier still have the old PATH.
import { findEvidence, type Evidence, type EvidenceOf } from '../../../shared/contract/evidence.ts';
import { needsNewTerminal, productCheckView } from '../../../shared/knowledge/after-install.ts';
import { useDomainText } from '../wizard/store-context.tsx';
import { Notice } from './notice.tsx';
import { DomainText } from './domain-text.tsx';

/** The newest path-environment evidence: a repair's verification first, else the (re)scan's. */
export function latestPathEvidence(
  candidates: Array<Evidence | null | undefined>,
): EvidenceOf<'path-environment'> | null {
  return (
    findEvidence(
      candidates.filter((e) => e != null),
      'path-environment',
    ) ?? null
  );
}

export function ProductCheck({ evidence }: { evidence: EvidenceOf<'path-environment'> | null }) {
  const text = useDomainText();
  const data = evidence?.data ?? null;
  // Products that simply work, as they did before (7-Zip on a 2503 walk), have nothing to tell here.
  const shown = data?.products.filter((p) => p.state !== 'works') ?? [];
  if (!data || shown.length === 0) return null;
  return (
    <section className="product-check" aria-labelledby="product-check-heading" data-testid="product-check">
      <h3 id="product-check-heading">{text({ key: 'after-install.heading', params: {} })}</h3>
      <p>{text({ key: 'after-install.intro', params: {} })}</p>
      <ul className="plain-list">
        {shown.map((p) => {
          const view = productCheckView(p);
          return (
            <li key={p.id} data-testid={`product-${p.id}`} data-state={p.state}>
              <strong>{text(view.name)}</strong> <DomainText value={view.state} />
              {view.command && (
                <div className="product-output">
                  <code className="product-command">{`> ${view.command}`}</code>
                  {view.output ? (
                    <pre data-testid={`version-output-${p.id}`}>{view.output}</pre>
                  ) : (
                    <p data-testid={`version-none-${p.id}`}>{view.why ? text(view.why) : ''}</p>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {needsNewTerminal(data) && (
        <Notice tone="info" testId="new-terminal-advice">
          <p>{text({ key: 'after-install.new-terminal', params: {} })}</p>
          <p>{text({ key: 'after-install.sign-out', params: {} })}</p>
        </Notice>
      )}
    </section>
  );
}
