// The summary at the top of the HTML report: what happened, what we found, what we did, what to do next.
import type { ReportModel, ReportRepair } from '../report-schema.ts';
import { html, type SafeHtml } from './template.ts';
import type { ReportText } from './report-text.ts';
import type { ReportTextKey } from '../../knowledge/texts/report.ts';
import { lookupErrorCode, meaningOf } from '../../knowledge/error-codes.ts';
import { pick } from '../../knowledge/local-text.ts';
import { repairName as sharedRepairName } from '../../knowledge/words.ts';

/** Display name of a repair: the plan's title when it ran (it names its target), else the shared repair name. */
export function repairName(repair: ReportRepair, text: ReportText): string {
  if (repair.outcome) return text.refBi(repair.outcome.plan.title);
  return text.wordBi(sharedRepairName(repair.repair));
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** "1603 ERROR_INSTALL_FAILURE: 安装过程中出现严重错误 (Fatal error during installation)": the name stays in English. */
function codeMeaning(code: number, role: 'exit-code' | 'message', text: ReportText): string | null {
  const meaning = meaningOf(code, role);
  if (!meaning) return null;
  const name = role === 'exit-code' ? lookupErrorCode(code)?.name : null;
  const local = pick(meaning.title, text.lang);
  const title = text.lang === 'en' || local === meaning.title.en ? local : `${local} (${meaning.title.en})`;
  return `${code}${name ? ` ${name}` : ''}: ${title}`;
}

function happened(model: ReportModel, text: ReportText): SafeHtml[] {
  const items: SafeHtml[] = [];
  const codes = [...model.symptom.exitCodes, ...model.symptom.messageNumbers];
  const meanings = [
    ...model.symptom.exitCodes.map((c) => codeMeaning(c, 'exit-code', text)),
    ...model.symptom.messageNumbers.map((c) => codeMeaning(c, 'message', text)),
  ].filter((m): m is string => m !== null);
  items.push(
    html`<li>${codes.length ? text.t('report.happened.codes', { codes: codes.join(', ') }) : text.t('report.happened.no-code')}${
      meanings.length ? html`<ul>${meanings.map((m) => html`<li>${m}</li>`)}</ul>` : ''
    }</li>`,
  );
  if (model.symptom.input.trim()) items.push(html`<li>${text.t('report.symptom.entered')}: <q translate="no">${model.symptom.input.trim().slice(0, 300)}</q></li>`);
  for (const { analysis } of model.logs) {
    items.push(
      html`<li>${text.tHtml(
        'report.happened.log',
        {
          file: baseName(analysis.file),
          operation: text.t(`report.operation.${analysis.operation}` as ReportTextKey),
          product: analysis.product.name ?? text.t('report.product.unknown'),
          outcome: text.t(`report.outcome.${analysis.outcome}` as ReportTextKey),
        },
        analysis.product.name ? ['file', 'product'] : ['file'],
      )}${
        analysis.failedAction
          ? html` ${text.t('report.happened.failed-action', { action: analysis.failedAction.name, line: analysis.failedAction.line })}`
          : ''
      }</li>`,
    );
  }
  if (model.logs.length === 0) items.push(html`<li>${text.t('report.happened.no-log')}</li>`);
  return items;
}

function found(model: ReportModel, text: ReportText): SafeHtml[] {
  const shown = model.findings.filter((f) => f.kind !== 'info' && f.cause !== 'no-problem-found').slice(0, 3);
  if (shown.length === 0) {
    const healthy = model.findings.find((f) => f.cause === 'no-problem-found');
    return [html`<li>${healthy ? text.refBi(healthy.title) : text.t('report.found.none')}</li>`];
  }
  return shown.map(
    (f) => html`<li>${text.t('report.found.item', { title: text.refBi(f.title), percent: Math.round(f.confidence * 100) })}</li>`,
  );
}

/** The session's one state, as the wizard's banner said it ("Verified: the cause is gone."). */
function sessionVerdict(model: ReportModel, text: ReportText): SafeHtml[] {
  const session = model.session;
  if (!session || session.state === 'diagnosed' || session.state === 'no-problem') return [];
  const last = model.repairs.filter((r) => r.state !== 'proposed').at(-1);
  const repair = last ? repairName(last, text) : '';
  return [html`<li class="verdict" data-state="${session.state}"><strong>${text.ref({ key: `session.state.${session.state}`, params: { repair, time: '' } })}</strong></li>`];
}

function did(model: ReportModel, text: ReportText): SafeHtml[] {
  const run = model.repairs.filter((r) => r.state !== 'proposed');
  if (run.length === 0) return [html`<li>${text.t('report.did.none')}</li>`];
  return [...run.map((r) => {
    const verified =
      r.state === 'succeeded'
        ? `; ${text.t(r.verified === true ? 'report.repair.verified.yes' : r.verified === false ? 'report.repair.verified.no' : 'report.repair.verified.unknown')}`
        : '';
    return html`<li>${text.t('report.did.item', { repair: repairName(r, text), status: text.t(`report.repair.state.${r.state}`) + verified })}</li>`;
  }), ...sessionVerdict(model, text)];
}

/** What the latest check still shows besides what was fixed: other causes, security findings. */
function worthKnowing(model: ReportModel, text: ReportText): SafeHtml[] {
  const worth = (model.session?.stillWorthKnowing ?? []).filter((f) => f.kind !== 'info');
  return worth.slice(0, 5).map((f) => html`<li>${text.refBi(f.title)}</li>`);
}

function next(model: ReportModel, text: ReportText): SafeHtml[] {
  const items: SafeHtml[] = [];
  const state = model.session?.state;
  const fixed =
    state === 'fixed' || state === 'install-passed' || model.repairs.some((r) => r.state === 'succeeded' && r.verified === true);
  // Once the session's cause is gone, the fixes proposed for it are no longer advice.
  const proposed = state === 'fixed' || state === 'install-passed' ? undefined : model.repairs.find((r) => r.state === 'proposed');
  if (fixed) items.push(html`<li>${text.t('report.next.rerun')}</li>`);
  if (proposed) items.push(html`<li>${text.t('report.next.repair', { repair: repairName(proposed, text) })}</li>`);
  const top = model.findings.find((f) => f.kind !== 'info');
  if (!proposed && top) for (const step of top.manualSteps.slice(0, 3)) items.push(html`<li>${text.refHtml(step)}</li>`);
  // Ask for a log only when none was analysed nor attached (a recent log found on the machine rides along in the ZIP).
  if (model.logs.length === 0 && !model.attachments.some((a) => a.kind === 'log')) items.push(html`<li>${text.t('report.next.log')}</li>`);
  items.push(html`<li>${text.t('report.next.support')}</li>`);
  return items;
}

export function renderSummary(model: ReportModel, text: ReportText): SafeHtml {
  const box = (id: string, key: ReportTextKey, items: SafeHtml[]) =>
    html`<section aria-labelledby="${id}"><h3 id="${id}">${text.t(key)}</h3><ul>${items}</ul></section>`;
  const worth = worthKnowing(model, text);
  const worthBox = worth.length
    ? html`<section aria-labelledby="s-worth"><h3 id="s-worth">${text.ref({ key: 'session.worth-knowing', params: {} })}</h3><ul>${worth}</ul></section>`
    : '';
  return html`<section aria-labelledby="summary"><h2 id="summary">${text.t('report.section.summary')}</h2>
<div class="summary">${box('s-happened', 'report.section.happened', happened(model, text))}${box('s-found', 'report.section.found', found(model, text))}${box('s-did', 'report.section.did', did(model, text))}${worthBox}${box('s-next', 'report.section.next', next(model, text))}</div></section>`;
}
