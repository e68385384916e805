// A repair plan before it runs: each step's exact command line, whether it needs admin rights, risk, undo, backups.
import { useTranslation } from 'react-i18next';
import type { RepairPlan } from '../../../shared/contract/repair.ts';
import { DomainText } from './domain-text.tsx';

/** Long scripts (PowerShell probes) show their first line; the full text is one click away, never hidden. */
function CommandLine({ text }: { text: string }) {
  const { t } = useTranslation();
  const lines = text.split('\n');
  if (lines.length <= 6) {
    return (
      <pre className="code">
        <code>{text}</code>
      </pre>
    );
  }
  return (
    <details className="raw">
      <summary>
        <code className="code-inline">{lines[0]}</code> {t('fix.fullCommand', { count: lines.length })}
      </summary>
      <pre className="code">
        <code>{text}</code>
      </pre>
    </details>
  );
}

/** Exactly how many administrator prompts Windows shows for this fix (each elevated batch is one). */
function promptsText(plan: RepairPlan, t: (key: string, options?: Record<string, unknown>) => string): string {
  const count = plan.elevationPrompts ?? (plan.needsElevation ? 1 : 0);
  return count === 0 ? t('fix.promptsNone') : t('fix.prompts', { count });
}

export function CommandPreview({ plan }: { plan: RepairPlan }) {
  const { t } = useTranslation();
  return (
    <div className="command-preview" data-testid="command-preview">
      <ul className="facts">
        <li className={`risk risk-${plan.risk}`}>{t('fix.risk', { level: t(`fix.riskLevels.${plan.risk}`) })}</li>
        <li data-testid="elevation-prompts">{promptsText(plan, t)}</li>
        <li>{plan.reversible ? t('fix.reversible') : t('fix.notReversible')}</li>
      </ul>
      <h3 className="field-title">{t('fix.commands')}</h3>
      <ol className="plan-steps">
        {plan.steps.map((step) => (
          <li key={step.id}>
            <span>
              <DomainText value={step.description} />
            </span>
            {step.elevated && <span className="tag">{t('scan.admin')}</span>}
            {step.commandLine && <CommandLine text={step.commandLine} />}
          </li>
        ))}
      </ol>
      {plan.backups.length > 0 && (
        <>
          <h3 className="field-title">{t('fix.backups')}</h3>
          <ul className="plain-list">
            {plan.backups.map((b) => (
              <li key={b.path}>
                {typeof b.what === 'string' ? <code>{b.what}</code> : <DomainText value={b.what} />}{' '}
                <code>{b.path}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.warnings.length > 0 && (
        <div className="notice notice-warning" role="note">
          <strong>{t('fix.warnings')}</strong>
          <ul className="plain-list">
            {plan.warnings.map((w, i) => (
              <li key={i}>
                <DomainText value={w} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
