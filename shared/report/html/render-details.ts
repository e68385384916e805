// The detail sections of the HTML report: environment, symptom, findings, checks with raw outputs, logs, repairs, files.
import type { Evidence, EvidenceRef, RawOutput } from '../../contract/evidence.ts';
import type { Finding } from '../../contract/finding.ts';
import type { ReportLog, ReportModel, ReportRepair } from '../report-schema.ts';
import type { ReportTextKey } from '../../knowledge/texts/report.ts';
import { html, type HtmlValue, type SafeHtml } from './template.ts';
import type { ReportText } from './report-text.ts';
import { repairName } from './render-summary.ts';
import type { ProbeId } from '../../contract/ids.ts';
import { probeName, repairName as sharedRepairName, statusWord } from '../../knowledge/words.ts';
import { localTime } from '../../diagnosis/display-time.ts';

const row = (label: string, value: HtmlValue) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
const badge = (cls: string, label: string) => html`<span class="badge s-${cls}">${label}</span>`;
const json = (value: unknown) => html`<pre>${JSON.stringify(value, null, 2)}</pre>`;

function probeTitle(probe: ProbeId, text: ReportText): string {
  return text.wordBi(probeName(probe));
}

function environment(model: ReportModel, text: ReportText): SafeHtml {
  const env = model.environment;
  const unknown = text.t('report.unknown');
  const yesNo = (v: boolean | null) => (v === null ? unknown : text.t(v ? 'report.yes' : 'report.no'));
  return html`<section aria-labelledby="d-env"><h3 id="d-env">${text.t('report.section.environment')}</h3><table>
${row(text.t('report.env.app'), `${model.app.name} ${model.app.version}`)}
${row(text.t('report.env.time'), localTime(model.generatedAt, text.lang))}
${row(text.t('report.env.scan-time'), `${localTime(model.scan.startedAt, text.lang)} (${Math.round(model.scan.durationMs)} ms)`)}
${row(text.t('report.env.machine'), env.kind === 'simulated' ? text.t('report.machine.simulated', { scenario: env.scenario ?? unknown }) : text.t('report.machine.real'))}
${row(text.t('report.env.windows'), env.windowsVersion ?? unknown)}
${row(text.t('report.env.language'), env.windowsLanguage ?? unknown)}
${row(text.t('report.env.computer'), env.computerName ?? unknown)}
${row(text.t('report.env.user'), env.userName ?? unknown)}
${row(text.t('report.env.elevated'), yesNo(env.elevated))}
${row(text.t('report.env.elevation'), text.t(`report.elevation.${model.scan.elevation}`))}
</table></section>`;
}

function symptom(model: ReportModel, text: ReportText): SafeHtml {
  const s = model.symptom;
  return html`<section aria-labelledby="d-symptom"><h3 id="d-symptom">${text.t('report.section.symptom')}</h3><table>
${row(text.t('report.symptom.entered'), s.input.trim() ? html`<pre>${s.input}</pre>` : text.t('report.symptom.none'))}
${row(text.t('report.symptom.exit-codes'), s.exitCodes.join(', ') || '-')}
${row(text.t('report.symptom.messages'), s.messageNumbers.join(', ') || '-')}
${row(text.t('report.symptom.sources'), s.sources.join(', ') || '-')}
</table>${s.notes.length ? html`<ul>${s.notes.map((n) => html`<li>${text.refHtml({ key: n.key, params: n.params })}</li>`)}</ul>` : ''}</section>`;
}

function refText(ref: EvidenceRef, text: ReportText): HtmlValue {
  // The fact's id is internal; its sentence is among the finding's reasons above.
  if (ref.kind === 'probe') return text.t('report.ref.probe', { probe: probeTitle(ref.probe, text) });
  if (ref.kind === 'log')
    return html`${text.t('report.ref.log', { file: ref.file, line: ref.line })}${ref.text ? html`: <q translate="no">${ref.text}</q>` : ''}`;
  return text.t('report.ref.symptom', { code: ref.code });
}

function finding(f: Finding, text: ReportText, index: number): SafeHtml {
  const id = `finding-${index}`;
  const list = (key: ReportTextKey, items: HtmlValue[]) =>
    items.length ? html`<h4>${text.t(key)}</h4><ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : '';
  return html`<article class="card" aria-labelledby="${id}"><h4 id="${id}">${text.refBi(f.title)} ${badge(f.kind === 'security' ? 'security' : 'problem', text.t(`report.finding.kind.${f.kind}`))}</h4>
<p>${text.t('report.finding.confidence')}: ${Math.round(f.confidence * 100)}%</p>
${f.headline ? html`<p><strong>${text.refHtml(f.headline)}</strong></p>` : ''}
<p>${text.refHtml(f.explanation)}</p>
${list('report.finding.reasons', f.reasons.map((r) => text.refHtml(r)))}
${list('report.finding.supporting', f.supporting.map((r) => refText(r, text)))}
${list('report.finding.contradicting', f.contradicting.map((r) => refText(r, text)))}
${list('report.finding.repairs', f.repairs.map((r) => text.word(sharedRepairName(r))))}
${list('report.finding.manual', f.manualSteps.map((r) => text.refHtml(r)))}
</article>`;
}

function rawOutput(raw: RawOutput, text: ReportText): SafeHtml {
  return html`<table>${row(text.t('report.raw.command'), html`<code>${raw.command}</code>`)}${row(text.t('report.raw.exit'), raw.exitCode ?? '-')}${row(
    text.t('report.raw.duration'),
    `${Math.round(raw.durationMs)} ms`,
  )}${row(text.t('report.raw.elevated'), text.t(raw.elevated ? 'report.yes' : 'report.no'))}</table>
${raw.stdout ? html`<pre>${raw.stdout}</pre>` : ''}${raw.stderr ? html`<pre>${raw.stderr}</pre>` : ''}`;
}

function evidence(e: Evidence, text: ReportText): SafeHtml {
  return html`<article class="card"><h4>${probeTitle(e.probe, text)} ${badge(e.status, text.wordBi(statusWord(e.status)))}</h4>
<p>${text.refHtml(e.summary)}</p>${e.error ? html`<p>${text.t('report.evidence.error')}: ${e.error}</p>` : ''}
<details><summary>${text.t('report.evidence.data')}</summary>${json(e.data)}</details>
${e.raw.map((raw, i) => html`<details><summary>${text.t('report.evidence.raw')} ${i + 1}: <code>${raw.command.slice(0, 120)}</code></summary>${rawOutput(raw, text)}</details>`)}
</article>`;
}

/** Where the log's copy is and what it holds: "full log in the ZIP" only when it is complete. */
function logCopy(l: ReportLog, text: ReportText, zip: boolean): string {
  if (!l.attachedAs) return text.t(zip ? 'report.log.copy.none' : 'report.log.copy.none-export');
  const copy = l.copy;
  const where =
    copy && copy.droppedBytes > 0
      ? text.t('report.log.copy.partial', { bytes: copy.droppedBytes, path: l.attachedAs })
      : text.t('report.log.copy.full', { path: l.attachedAs });
  if (!copy?.convertedTo) return where;
  const regions = [...new Set(copy.regions.filter((r) => r !== 'dropped'))].join(', ');
  return `${where} ${text.t('report.log.copy.converted', { regions, encoding: copy.convertedTo })}`;
}

function log(l: ReportLog, text: ReportText, zip: boolean): SafeHtml {
  const a = l.analysis;
  const lines = a.evidence.map((e) => html`<span class="ln">${String(e.line).padStart(6)} </span>${e.text}\n`);
  return html`<article class="card"><h4>${a.file}</h4><table>
${row(text.t('report.log.format'), a.format)}${row(text.t('report.log.encoding'), a.encoding)}
${row(text.t('report.log.operation'), text.bi(`report.operation.${a.operation}` as ReportTextKey))}
${row(text.t('report.log.product'), html`<bdi translate="no">${[a.product.name, a.product.version, a.product.productCode].filter(Boolean).join(' · ') || '-'}</bdi>`)}
${row(text.t('report.log.outcome'), text.bi(`report.outcome.${a.outcome}` as ReportTextKey))}
${row(text.t('report.log.exit-code'), a.exitCode ?? '-')}
${row(text.t('report.log.failed-action'), a.failedAction ? `${a.failedAction.name} (${a.failedAction.sequenceAction}, ${text.t('report.log.line', { line: a.failedAction.line })})` : '-')}
${row(text.t('report.log.size'), l.bytes === null ? '-' : text.t('report.log.size-value', { bytes: l.bytes, lines: a.lineCount }))}
${row(text.t('report.log.copy'), logCopy(l, text, zip))}
</table>
${a.errors.length ? html`<h4>${text.t('report.log.errors')}</h4><ul>${a.errors.slice(0, 50).map((e) => html`<li>${text.t('report.log.error-line', { code: e.code, line: e.line })}: <q translate="no">${e.text}</q></li>`)}</ul>` : ''}
${lines.length ? html`<h4>${text.t('report.log.evidence')}</h4><pre>${lines}</pre>` : ''}
</article>`;
}

function repair(r: ReportRepair, text: ReportText): SafeHtml {
  const verified =
    r.state === 'proposed'
      ? ''
      : text.t(r.verified === true ? 'report.repair.verified.yes' : r.verified === false ? 'report.repair.verified.no' : 'report.repair.verified.unknown');
  const o = r.outcome;
  return html`<article class="card"><h4>${repairName(r, text)} ${badge(r.state, text.t(`report.repair.state.${r.state}`))}</h4>
${r.proposedFor.length || r.startedAt ? html`<p>${[...r.proposedFor.map((c) => text.ref({ key: `cause.${c}.title`, params: {} })), ...(r.startedAt ? [localTime(r.startedAt, text.lang)] : [])].join(' · ')}</p>` : ''}
${verified ? html`<p>${verified}</p>` : ''}${o?.rebootRequired ? html`<p>${text.t('report.repair.reboot')}</p>` : ''}
${o ? html`<h4>${text.t('report.repair.steps')}</h4><ul>${o.plan.steps.map((step) => {
    const done = o.steps.find((s) => s.id === step.id);
    return html`<li>${text.refHtml(step.description)}: <code>${step.commandLine}</code>${done ? html` ${badge(done.status === 'succeeded' ? 'ok' : 'problem', text.t(`report.step.${done.status}`))}` : ''}${done?.output ? html`<pre>${done.output}</pre>` : ''}</li>`;
  })}</ul>` : ''}
${r.journal.length ? html`<details><summary>${text.t('report.repair.journal')}${r.journalFile ? ` (${r.journalFile})` : ''}</summary>${json(r.journal)}</details>` : ''}
</article>`;
}

export function renderDetails(model: ReportModel, text: ReportText): SafeHtml {
  const section = (id: string, key: ReportTextKey, body: HtmlValue) =>
    html`<section aria-labelledby="${id}"><h3 id="${id}">${text.t(key)}</h3>${body}</section>`;
  const notChecked = model.notChecked.length
    ? html`<ul>${model.notChecked.map((n) => html`<li>${probeTitle(n.probe, text)}: ${text.ref({ key: n.reason, params: {} })}</li>`)}</ul>`
    : html`<p>${text.t('report.not-checked.none')}</p>`;
  const files = model.attachments.length
    ? html`<table><thead><tr><th scope="col">${text.t('report.attachment.file')}</th><th scope="col">${text.t('report.attachment.kind')}</th></tr></thead><tbody>${model.attachments.map(
        (a) => html`<tr><td><code>${a.path}</code></td><td>${text.t(`report.attachment.kind.${a.kind}`)}${a.source ? html`<br><code>${a.source}</code>` : ''}</td></tr>`,
      )}</tbody></table>`
    : '';
  return html`<section aria-labelledby="details"><h2 id="details">${text.t('report.section.details')}</h2>
${environment(model, text)}${symptom(model, text)}
${section('d-findings', 'report.section.findings', model.findings.length ? model.findings.map((f, i) => finding(f, text, i)) : html`<p>${text.t('report.found.none')}</p>`)}
${section('d-evidence', 'report.section.evidence', model.evidence.map((e) => evidence(e, text)))}
${section('d-logs', 'report.section.logs', model.logs.length ? model.logs.map((l) => log(l, text, model.attachments.length > 0)) : html`<p>${text.t('report.happened.no-log')}</p>`)}
${section('d-repairs', 'report.section.repairs', model.repairs.length ? model.repairs.map((r) => repair(r, text)) : html`<p>${text.t('report.repair.none')}</p>`)}
${section('d-not-checked', 'report.section.not-checked', notChecked)}
${files ? section('d-files', 'report.section.attachments', files) : ''}
</section>`;
}
