// Step 6: export the report (HTML, JSON or ZIP, redacted by default) and copy a short summary.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useDomainText, useWizard } from './store-context.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { Notice } from '../components/notice.tsx';
import { buildSummary } from './summary.ts';

const FORMATS = ['html', 'json', 'zip'] as const;

export function ReportStep() {
  const { t } = useTranslation();
  const text = useDomainText();
  const report = useWizard((s) => s.wizard.report);
  const bridge = useWizard((s) => s.bridge);
  const session = useWizard((s) => s.wizard.session);
  const actions = useActions();
  const name = useId();
  const summary = buildSummary(session, t, text);
  return (
    <section className="step" aria-labelledby="step-report">
      <StepHeading id="step-report">{t('report.heading')}</StepHeading>
      <p className="step-intro">{t('report.intro')}</p>
      <div className="card">
        <fieldset className="radio-row">
          <legend className="field-title">{t('report.format')}</legend>
          {FORMATS.map((f) => (
            <label key={f} className="radio">
              <input
                type="radio"
                name={name}
                value={f}
                checked={report.format === f}
                onChange={() => actions.setReportOptions({ format: f })}
                disabled={report.exporting}
              />
              <span>{t(`report.formats.${f}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={report.redact}
            onChange={(e) => actions.setReportOptions({ redact: e.target.checked })}
            disabled={report.exporting}
          />
          <span>{t('report.redact')}</span>
        </label>
        <div className="actions">
          <button
            type="button"
            className="button primary"
            onClick={() => void actions.exportReport()}
            disabled={report.exporting}
            data-testid="export-report"
          >
            {report.exporting ? t('report.exporting') : t('report.export')}
          </button>
        </div>
        {report.exported && (
          <Notice tone="success">
            <p data-testid="report-exported">
              {t('report.exported', {
                location: report.exported.location,
                size: Math.max(1, Math.round(report.exported.bytes / 1024)),
              })}
            </p>
            {bridge === 'preview' && (
              <a className="link" href={report.exported.location} download data-testid="report-download">
                {t('report.download')}
              </a>
            )}
          </Notice>
        )}
      </div>
      <div className="card">
        <pre className="summary" data-testid="summary">
          {summary}
        </pre>
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => void actions.copySummary(summary)}
            data-testid="copy-summary"
          >
            {t('report.copy')}
          </button>
          {report.copied && (
            <span role="status" className="field-hint">
              {t('report.copied')}
            </span>
          )}
        </div>
      </div>
      <div className="actions">
        <button type="button" className="button subtle" onClick={actions.backToFindings}>
          {t('report.back')}
        </button>
      </div>
    </section>
  );
}
