// The fleet summary for people: terminal text, CSV tables (machines, causes, products) and one self-contained HTML page.
// Everything shown comes from files a machine wrote: it is escaped for HTML and defused for spreadsheets.
import type { Lang } from '../contract/ids.ts';
import { translate } from '../knowledge/texts.ts';
import { localTime } from '../knowledge/local-time.ts';
import { html, trusted, type SafeHtml } from '../report/html/template.ts';
import { REPORT_CSS } from '../report/html/styles.ts';
import type { FleetSummary, MachineRow } from './summarize.ts';

const t = (lang: Lang, key: string, params: Record<string, string | number> = {}) => translate({ key, params }, lang);
const causeTitle = (lang: Lang, cause: string) => t(lang, `cause.${cause}.title`);
const pct = (n: number) => `${Math.round(n * 100)}%`;
/** When a machine was scanned, as people read times (the CSV keeps ISO, for sorting and for scripts). */
const when = (lang: Lang, iso: string | null) => (iso ? localTime(iso, lang) : '');

function topIssue(lang: Lang, row: MachineRow): string {
  const top = row.issues[0];
  if (!top) return '';
  const more = row.issues.length > 1 ? ` (${t(lang, 'fleet.more', { n: row.issues.length - 1 })})` : '';
  return `${causeTitle(lang, top.cause)}${more}`;
}

/** Terminal text: totals, then at most `limit` rows per section (the files hold everything). */
export function renderFleetText(s: FleetSummary, lang: Lang, limit = 15): string {
  const out: string[] = [
    t(lang, 'fleet.title'),
    t(lang, 'fleet.totals', {
      files: s.files.read,
      refused: s.files.refused,
      machines: s.machines,
      issues: s.machinesWithIssues,
    }),
    t(lang, 'fleet.latest-only'),
    '',
    `${t(lang, 'fleet.section.act-first')}:`,
  ];
  if (s.actFirst.length === 0) out.push(`  ${t(lang, 'fleet.none')}`);
  s.actFirst.slice(0, limit).forEach((row, i) => {
    const products = row.products.length ? `  [${row.products.slice(0, 2).join('; ')}]` : '';
    out.push(
      `  ${String(i + 1).padStart(2)}. ${row.machine}  ${when(lang, row.scannedAt)}  ${topIssue(lang, row)}${products}`,
    );
  });
  out.push('', `${t(lang, 'fleet.section.causes')}:`);
  if (s.causes.length === 0) out.push(`  ${t(lang, 'fleet.none')}`);
  for (const c of s.causes.slice(0, limit))
    out.push(`  ${String(c.machines).padStart(6)}  ${causeTitle(lang, c.cause)}`);
  out.push('', `${t(lang, 'fleet.section.products')}:`);
  if (s.products.length === 0) out.push(`  ${t(lang, 'fleet.none')}`);
  for (const p of s.products.slice(0, limit)) {
    const top = p.causes[0] ? ` — ${causeTitle(lang, p.causes[0].cause)}` : '';
    out.push(`  ${String(p.machines).padStart(6)}  ${p.product}${top}`);
  }
  return out.join('\n') + '\n';
}

/** One CSV field: quoted when needed; a leading = + - @ (a spreadsheet formula) is defused with an apostrophe. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: Array<Array<string | number>>): string {
  // A BOM lets Excel open UTF-8 (Chinese titles) correctly.
  return '\ufeff' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function renderFleetCsv(s: FleetSummary, lang: Lang): { machines: string; causes: string; products: string } {
  const col = (k: string) => t(lang, `fleet.col.${k}`);
  const machines = csv([
    ['machine', 'scanned', 'priority', 'top', 'confidence', 'issues', 'products', 'results', 'file'].map(col),
    ...s.machineRows.map((r) => [
      r.machine,
      r.scannedAt ?? '',
      r.priority,
      r.issues[0] ? causeTitle(lang, r.issues[0].cause) : '',
      r.issues[0] ? pct(r.issues[0].confidence) : '',
      r.issues.map((i) => causeTitle(lang, i.cause)).join(' | '),
      r.products.join(' | '),
      r.results,
      r.file,
    ]),
  ]);
  const causes = csv([
    ['cause', 'kind', 'machines', 'as-top', 'share'].map(col),
    ...s.causes.map((c) => [
      causeTitle(lang, c.cause),
      t(lang, `fleet.kind.${c.kind}`),
      c.machines,
      c.asTop,
      s.machines ? pct(c.machines / s.machines) : '',
    ]),
  ]);
  const products = csv([
    ['product', 'machines', 'top-causes'].map(col),
    ...s.products.map((p) => [
      p.product,
      p.machines,
      p.causes
        .slice(0, 3)
        .map((c) => `${causeTitle(lang, c.cause)} (${c.machines})`)
        .join(' | '),
    ]),
  ]);
  return { machines, causes, products };
}

export interface RefusedFile {
  file: string;
  reason: string;
}

export function renderFleetHtml(
  s: FleetSummary,
  lang: Lang,
  context: {
    generatedAt: string;
    dir: string;
    refused: readonly RefusedFile[];
    csvFiles: { machines: string; products: string };
  },
): string {
  const col = (k: string) => t(lang, `fleet.col.${k}`);
  const MAX_ROWS = 1000;
  const machineRows = s.machineRows.filter((r) => r.issues.length > 0);
  const table = (head: string[], rows: SafeHtml[]): SafeHtml =>
    html`<table>
      <thead>
        <tr>
          ${head.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`;
  const machineRow = (r: MachineRow) =>
    html`<tr>
      <td>${r.machine}${r.simulated ? html` <span class="badge">${t(lang, 'fleet.simulated')}</span>` : ''}</td>
      <td>${when(lang, r.scannedAt)}</td>
      <td>${r.issues.map((i, n) => html`${n ? '; ' : ''}${causeTitle(lang, i.cause)} (${pct(i.confidence)})`)}</td>
      <td>${r.products.join('; ')}</td>
    </tr>`;
  const more = (n: number, file: string) =>
    n > 0 ? html`<p class="meta">${t(lang, 'fleet.more-rows', { n, file })}</p>` : '';
  const page = html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
        <title>${t(lang, 'fleet.title')}</title>
        <style>
          ${trusted(REPORT_CSS)}
        </style>
      </head>
      <body>
        <header>
          <h1>${t(lang, 'fleet.title')}</h1>
          <p class="meta">
            ${t(lang, 'fleet.generated', { time: localTime(context.generatedAt, lang), dir: context.dir })}
          </p>
          <p>
            ${t(lang, 'fleet.totals', {
              files: s.files.read,
              refused: s.files.refused,
              machines: s.machines,
              issues: s.machinesWithIssues,
            })}
            ${t(lang, 'fleet.latest-only')}
          </p>
        </header>
        <main>
          <h2>${t(lang, 'fleet.section.act-first')}</h2>
          ${
            s.actFirst.length
              ? table([col('machine'), col('scanned'), col('issues'), col('products')], s.actFirst.map(machineRow))
              : html`<p>${t(lang, 'fleet.none')}</p>`
          }
          <h2>${t(lang, 'fleet.section.causes')}</h2>
          ${table(
            [col('cause'), col('kind'), col('machines'), col('as-top'), col('share')],
            s.causes.map(
              (c) =>
                html`<tr>
                  <td>${causeTitle(lang, c.cause)}</td>
                  <td>${t(lang, `fleet.kind.${c.kind}`)}</td>
                  <td>${c.machines}</td>
                  <td>${c.asTop}</td>
                  <td>${s.machines ? pct(c.machines / s.machines) : ''}</td>
                </tr>`,
            ),
          )}
          <h2>${t(lang, 'fleet.section.products')}</h2>
          ${table(
            [col('product'), col('machines'), col('top-causes')],
            s.products.slice(0, MAX_ROWS).map(
              (p) =>
                html`<tr>
                  <td>${p.product}</td>
                  <td>${p.machines}</td>
                  <td>
                    ${p.causes.slice(0, 3).map((c, n) => html`${n ? '; ' : ''}${causeTitle(lang, c.cause)} (${c.machines})`)}
                  </td>
                </tr>`,
            ),
          )}
          ${more(s.products.length - MAX_ROWS, context.csvFiles.products)}
          <h2>${t(lang, 'fleet.section.machines')}</h2>
          ${table(
            [col('machine'), col('scanned'), col('issues'), col('products')],
            machineRows.slice(0, MAX_ROWS).map(machineRow),
          )}
          ${more(machineRows.length - MAX_ROWS, context.csvFiles.machines)}
          ${
            context.refused.length
              ? html`<h2>${t(lang, 'fleet.section.refused')}</h2>
                  ${table(
                    [col('file'), col('reason')],
                    context.refused.slice(0, MAX_ROWS).map(
                      (r) =>
                        html`<tr>
                          <td>${r.file}</td>
                          <td>${r.reason}</td>
                        </tr>`,
                    ),
                  )}`
              : ''
          }
        </main>
      </body>
    </html>`;
  return page.value;
}
