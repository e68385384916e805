// Renders a report model to one self-contained HTML page: inline CSS, no scripts, no external resources, escaped content.
import type { ReportModel } from '../report-schema.ts';
import { html, trusted } from './template.ts';
import { ReportText, type TranslateRef } from './report-text.ts';
import { REPORT_CSS } from './styles.ts';
import { renderSummary } from './render-summary.ts';
import { renderDetails } from './render-details.ts';
import { localTime } from '../../diagnosis/display-time.ts';

export interface RenderOptions {
  /** Knowledge-base lookup for TextRefs (shared/knowledge/texts.ts translate); without it keys are shown. */
  translate?: TranslateRef;
}

export function renderReportHtml(model: ReportModel, options: RenderOptions = {}): string {
  const text = new ReportText(model.lang, options.translate ?? null);
  const env = model.environment;
  const page = html`<!DOCTYPE html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${text.t('report.title')} · ${localTime(model.generatedAt, text.lang)}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<header>
<h1>${text.t('report.title')}</h1>
<p class="meta">${text.t('report.generated', { time: localTime(model.generatedAt, text.lang), version: model.app.version })}</p>
${env.kind === 'simulated' ? html`<p class="notice sim"><strong>${text.t('report.machine.simulated', { scenario: env.scenario ?? '-' })}</strong></p>` : ''}
${model.redacted ? html`<p class="notice">${text.t('report.redacted.on')}</p>` : html`<p class="notice warn" role="note"><strong>${text.t('report.redacted.off')}</strong></p>`}
</header>
<main>
${renderSummary(model, text)}
${renderDetails(model, text)}
</main>
<footer><p>${text.t('report.footer')}</p></footer>
</body>
</html>
`;
  return page.value;
}
