// Words in Chromium: every scenario's pages (symptom, scan, findings with every fold open, fix plan, fix result,
// verify, summary, history, the exported report) in English and in Chinese carry no internal probe or repair id and
// no raw ISO time, and the Chinese pages carry no English sentence outside text marked as machine text (<code>, <pre>,
// translate="no", lang="en"). One browser page per language, reused across scenarios; no screenshots or axe here (the walk-through
// specs do that), so the whole walk stays fast.
import { test, expect, type Page } from '@playwright/test';
import { CAUSE_IDS, PROBE_IDS, REPAIR_IDS } from '../../shared/contract/ids.ts';
import { cancelRunning, openApp, selectScenario } from './helpers.ts';

type Lang = 'en' | 'zh-CN';

/** Every probe, repair and cause id of the catalogs. */
const ALL_IDS: readonly string[] = [...PROBE_IDS, ...REPAIR_IDS, ...CAUSE_IDS];
/**
 * In a sentence, the hyphenated ids are looked for anywhere. An id that is one English word ("elevation",
 * "policies") reads as the word in a sentence, so it is looked for where it can only be an id: as the whole text of
 * an element (a label, a badge, a list item, a <code>).
 */
const IDS = ALL_IDS.filter((id) => id.includes('-'));
const ID_PATTERN = new RegExp(`(?<![\\w-])(${IDS.map((id) => id.replace(/-/g, '\\-')).join('|')})(?![\\w-])`);
const WHOLE_IDS = new Set(ALL_IDS);

/** Names that stay in English in a Chinese sentence: products and Windows components, as Windows itself shows them. */
const PRODUCT_NAMES = [
  'MSI Doctor',
  'Windows Installer',
  'Windows Update',
  'Configuration Manager',
  'PSAppDeployToolkit',
  'Intune Management Extension',
  'Software Center',
  // Labels of other programs' screens, quoted as they appear there (the Python installer is English only).
  'Add python.exe to PATH',
];
/** Three or more words of ASCII letters in a row: an English sentence (or a piece of one). */
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[ ,]+[A-Za-z]+){2,}/;
/** A timestamp as machines write it (2026-11-18T09:13:00Z, 2026-11-18 01:06, 01:06 UTC): people get local
 * readable times ("Nov 18, 2026, 9:06 AM", "2026年11月18日 09:06"). */
const ISO_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\b\d{1,2}:\d{2}(?::\d{2})? ?UTC\b/;

interface PageText {
  text: string;
  /** The whole text of the element it is in (an id shown alone is a label or a badge). */
  whole: string;
  /** Inside <code>, <pre>, <kbd>, <samp>, translate="no" or an English lang attribute: quoted machine text. */
  machine: boolean;
  /** Inside <pre> or <code>: verbatim machine text (a command line with its script, a command's output, a check's
   * JSON facts, a log excerpt), kept as the machine wrote it for an expert; ids and ISO times there are data. */
  raw: boolean;
}

/** Every text node and user-facing attribute of the page, with whether it is marked as machine text. */
async function pageTexts(page: Page): Promise<PageText[]> {
  return page.evaluate(() => {
    const out: Array<{ text: string; whole: string; machine: boolean; raw: boolean }> = [];
    const pageLang = document.documentElement.lang;
    const isMachine = (el: Element): boolean => {
      if (el.closest('code, pre, kbd, samp, [translate="no"]')) return true;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? pageLang;
      return lang !== pageLang && lang.startsWith('en');
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!el || !text || el.closest('script, style, noscript, [hidden]')) continue;
      out.push({
        text,
        whole: el.textContent?.trim() ?? '',
        machine: isMachine(el),
        raw: el.closest('pre, code') !== null,
      });
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push({ text: value, whole: value, machine: isMachine(el), raw: false });
      }
    return out;
  });
}

/** Opens every fold (<details>, "show the evidence" toggles) so the scan sees all the text a user can reach. */
async function openAllFolds(page: Page): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const opened = await page.evaluate(() => {
      let n = 0;
      // Folds of the page's content only: the header's "What is this machine?" pop-over would cover the buttons.
      for (const d of document.querySelectorAll('main details:not([open]), [role="dialog"] details:not([open])')) {
        (d as HTMLDetailsElement).open = true;
        n++;
      }
      for (const b of document.querySelectorAll('main button[aria-expanded="false"]')) {
        (b as HTMLButtonElement).click();
        n++;
      }
      return n;
    });
    if (!opened) break;
    await page.waitForTimeout(30);
  }
}

/** An English sentence left in a Chinese page: product names removed, machine text and the report's
 * bracketed English terms ("中文 (English term)", its documented convention for vendor support) excepted. */
function englishSentence(text: string, report: boolean): string | null {
  let rest = text;
  for (const name of PRODUCT_NAMES) rest = rest.split(name).join(' ');
  if (report) rest = rest.replace(/(?<=[\u3400-\u9fff）)\w] ?)\([ -~]+?\)/g, ' ');
  const match = ENGLISH_RUN.exec(rest);
  return match ? match[0] : null;
}

class WordCheck {
  readonly problems: string[] = [];
  readonly pages: string[] = [];
  constructor(private readonly lang: Lang) {}

  async check(page: Page, where: string, report = false): Promise<void> {
    await openAllFolds(page);
    this.pages.push(where);
    for (const { text, whole, machine, raw } of await pageTexts(page)) {
      const id = ID_PATTERN.exec(text);
      if (id && !raw) this.problems.push(`${where}: internal id "${id[1]}" in "${text.slice(0, 160)}"`);
      // An id alone (a label, a badge, a <code>), or a line of a <pre> that is only an id: never a real command,
      // path or sentence. (Verbatim scripts and JSON facts carry ids inside longer lines: data, left alone.)
      const alone = [whole, text, ...(raw ? text.split('\n') : [])].map((t) =>
        t.trim().replace(/^[[(]|[\]):.,]$/g, ''),
      );
      const lone = alone.find((t) => WHOLE_IDS.has(t));
      if (lone) this.problems.push(`${where}: internal id "${lone}" shown alone`);
      const iso = ISO_TIME.exec(text);
      if (iso && !raw) this.problems.push(`${where}: raw ISO time "${iso[0]}" in "${text.slice(0, 160)}"`);
      if (this.lang === 'zh-CN' && !machine) {
        const english = englishSentence(text, report);
        if (english) this.problems.push(`${where}: English "${english}" in "${text.slice(0, 160)}"`);
      }
    }
  }
}

/** The symptom card a user of the scenario would pick. */
function cardFor(scenario: string): string {
  if (/^(configmgr|intune|psadt)-/.test(scenario)) return 'company-deploy';
  const code = /(?:^|-)(2503|2502|1618|1603)-/.exec(scenario)?.[1];
  if (code === '2502') return 'code-2503';
  return code ? `code-${code}` : 'unsure';
}

/** Scenarios whose recommended fix is run to the end (result, verify, summary, report, history). */
const RUN_FIX = new Set(['2503-windows-temp-acl', '1618-stuck-client-install']);

async function walkScenario(page: Page, scenario: string, words: WordCheck): Promise<void> {
  const at = (step: string) => `${scenario} [${step}]`;
  await page.getByTestId(`choice-${cardFor(scenario)}`).click();
  await words.check(page, at('symptom'));
  await page.getByTestId('symptom-continue').click();
  await expect(page.getByTestId('scan-allow')).toBeVisible();
  await words.check(page, at('consent'));
  await page.getByTestId('scan-allow').click();
  await expect(page.locator('[data-testid^="finding-"]').first()).toBeVisible({ timeout: 30_000 });
  await words.check(page, at('findings'));

  const fix = page.locator('[data-testid^="fix-"]:not([disabled])').first();
  if (!(await fix.count())) return;
  await fix.click({ timeout: 30_000 });
  await expect(page.getByTestId('run-fix').or(page.getByTestId('command-preview')).first()).toBeVisible({
    timeout: 30_000,
  });
  await words.check(page, at('fix plan'));
  if (!RUN_FIX.has(scenario)) return;

  for (const box of await page.locator('.confirmations input[type=checkbox]').all()) await box.check();
  await page.getByTestId('run-fix').click();
  await expect(page.getByTestId('repair-result')).toBeVisible({ timeout: 60_000 });
  await words.check(page, at('fix result'));
  await page.getByTestId('to-verify').click();
  await page.getByTestId('verify-start').click();
  await expect(page.getByTestId('verify-passed').or(page.getByTestId('verify-not-passed'))).toBeVisible({
    timeout: 45_000,
  });
  await words.check(page, at('verify'));
  await page.getByTestId('to-report').first().click();
  await expect(page.getByTestId('summary')).toBeVisible();
  await words.check(page, at('summary'));

  await page.locator('input[type=radio][value=html]').check();
  await page.getByTestId('export-report').click();
  await expect(page.getByTestId('report-exported')).toBeVisible({ timeout: 30_000 });
  const href = (await page.getByTestId('report-download').getAttribute('href')) as string;
  const report = await page.context().newPage();
  // The link downloads the file; the page shows the same HTML as a browser opening the saved report.
  await report.setContent(await (await page.request.get(href)).text());
  await words.check(report, at('report HTML'), true);
  await report.close();

  await page.getByRole('button', { name: /^(History|历史记录)$/ }).click();
  await expect(page.getByTestId('history-list')).toBeVisible();
  await words.check(page, at('history'));
  await page.keyboard.press('Escape');
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`no internal id${lang === 'zh-CN' ? ' and no English sentence' : ''} on any page of any scenario (${lang})`, async ({
    browser,
    request,
  }) => {
    test.setTimeout(300_000);
    const context = await browser.newContext({ locale: lang === 'zh-CN' ? 'zh-CN' : 'en-US' });
    const page = await context.newPage();
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('[data-testid=scenario-picker] option').nth(10)).toBeAttached();
    const scenarios = await page
      .locator('[data-testid=scenario-picker] option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(scenarios.length).toBeGreaterThan(10);
    const words = new WordCheck(lang);
    for (const scenario of scenarios) {
      await cancelRunning(page);
      await selectScenario(request, scenario);
      await openApp(page);
      await walkScenario(page, scenario, words);
    }
    await context.close();
    expect(words.pages.length).toBeGreaterThan(scenarios.length * 3);
    expect(words.problems, `${words.problems.length} problems on ${words.pages.length} pages`).toEqual([]);
  });
}
