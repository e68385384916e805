// "About this package": what the .msi reader found in the package the user gave (who it installs for, and the
// package's own findings with their plain explanations), shown with the other findings.
import type { ScanResult } from '../../../shared/contract/scan.ts';
import { probeData } from '../../../shared/contract/evidence.ts';
import { describeFinding } from '../../../shared/msi-package/describe.ts';
import { useDomainText, useWizard } from '../wizard/store-context.tsx';

export function PackageCard({ result }: { result: ScanResult }) {
  const lang = useWizard((s) => s.lang);
  const text = useDomainText();
  const pkg = probeData(result.evidence, 'installed-products')?.packageReport;
  if (!pkg) return null;
  const name = [pkg.productName, pkg.productVersion].filter(Boolean).join(' ') || pkg.file;
  return (
    <section className="card card-quiet" aria-labelledby="package-heading" data-testid="package-card">
      <h3 id="package-heading" className="field-title">
        {text({ key: 'package.card.heading', params: { name } })}
      </h3>
      <p>{text({ key: `package.card.scope.${pkg.scope}`, params: {} })}</p>
      {pkg.findings.length === 0 ? (
        <p className="field-hint">{text({ key: 'package.card.clean', params: {} })}</p>
      ) : (
        <ul className="plain-list">
          {pkg.findings.map((f, i) => {
            const words = describeFinding(f, lang, text);
            return (
              <li key={`${f.id}-${i}`} data-testid={`package-finding-${f.id}`}>
                <details>
                  <summary>
                    <strong>{words.title}</strong>
                    {f.heuristic ? ` (${text({ key: 'package.card.heuristic', params: {} })})` : ''}
                  </summary>
                  <p>{words.explanation}</p>
                  <p className="field-hint">{words.fix}</p>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
