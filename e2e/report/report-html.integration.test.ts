// Renders exported HTML reports in headless Chromium: no network, screenshots (desktop, phone, print) and axe checks.
// Run: npm run test:integration -- e2e/report   (skips with one line when /usr/bin/chromium is absent)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createReportService } from '../../electron/services/report-service.ts';
import { makeScanFixture } from '../../shared/report/fixtures/scan-fixture.ts';
import { reportCommand } from '../../electron/cli/commands/report.ts';
import { PassThrough } from 'node:stream';
import type { Lang } from '../../shared/contract/ids.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'artifacts', 'report');
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found: skipping the Chromium report test`;

async function exportHtml(dir: string, lang: Lang): Promise<string> {
  const out = join(dir, `report-${lang}.html`);
  await createReportService({ dataDir: null }).export(makeScanFixture({ hostile: true }), {
    format: 'html',
    redact: true,
    lang,
    outPath: out,
    appLogPath: null,
  });
  return out;
}

/** A real scan of a simulated scenario, through `msi-doctor report`, with the knowledge texts translated. */
async function exportScenarioHtml(dir: string, scenario: string, lang: Lang): Promise<string> {
  const out = join(dir, `${scenario}-${lang}.html`);
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough() };
  assert.equal(await reportCommand(['--simulate', scenario, '--lang', lang, '--out', out], io), 0);
  return out;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

test(
  'the HTML report renders offline in Chromium, passes axe, and is readable on a phone and in print',
  { skip, timeout: 180_000 },
  async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-report-e2e-'));
    let browser: Browser | null = null;
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      });
      const pages: Array<{ name: string; lang: Lang; file: string }> = [];
      for (const lang of ['en', 'zh-CN'] as const)
        pages.push({ name: `report-${lang}`, lang, file: await exportHtml(dir, lang) });
      pages.push({
        name: 'scenario-1603-custom-action-zh-CN',
        lang: 'zh-CN',
        file: await exportScenarioHtml(dir, '1603-custom-action', 'zh-CN'),
      });
      pages.push({
        name: 'scenario-2503-windows-temp-acl-en',
        lang: 'en',
        file: await exportScenarioHtml(dir, '2503-windows-temp-acl', 'en'),
      });
      for (const { name, lang, file } of pages) {
        const hostile = name.startsWith('report-');
        // axe needs a page from an explicit context.
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.goto(pathToFileURL(file).href);

        // Self-contained: the only request is the file itself; hostile strings stayed text (no alert, no injected element).
        assert.deepEqual(requests, [pathToFileURL(file).href]);
        assert.deepEqual(dialogs, []);
        assert.equal(await page.locator('script, img, iframe, link[rel="stylesheet"]').count(), 0);
        if (hostile) assert.ok((await page.textContent('body'))?.includes('<script>alert("x")</script>'));
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const headings = await page.locator('h3').allTextContents();
        assert.ok(headings.length >= 4);
        await page.screenshot({ path: join(ARTIFACTS, `${name}-desktop.png`), fullPage: true });
        await page.screenshot({ path: join(ARTIFACTS, `${name}-first-screen.png`) });
        assert.deepEqual(await seriousViolations(page), [], `axe, ${name}, details closed`);

        // Raw outputs are folded on screen, and printed in full (the print stylesheet unfolds <details>).
        const raw = page.locator('details pre').first();
        assert.equal(await raw.isVisible(), false);
        await page.emulateMedia({ media: 'print' });
        assert.equal(await raw.isVisible(), true);
        await page.emulateMedia({ media: 'screen' });

        // Every <details> open: raw outputs and journals are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
        assert.deepEqual(await seriousViolations(page), [], `axe, ${name}, details open`);

        // Phone: no horizontal scrolling, down to a 320 px wide screen.
        for (const width of [320, 390]) {
          await page.setViewportSize({ width, height: 844 });
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          assert.ok(overflow <= 1, `${name}: horizontal overflow on a ${width} px phone: ${overflow}px`);
        }
        await page.screenshot({ path: join(ARTIFACTS, `${name}-phone.png`), fullPage: true });
        await page.screenshot({ path: join(ARTIFACTS, `${name}-phone-first-screen.png`) });
        assert.deepEqual(await seriousViolations(page), [], `axe, ${name}, phone`);

        // Print: the print stylesheet applies and a PDF can be produced.
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: join(ARTIFACTS, `${name}-print.png`), fullPage: true });
        const pdf = await page.pdf({ format: 'A4', path: join(ARTIFACTS, `${name}.pdf`) });
        assert.ok(pdf.length > 10_000);
        await context.close();
      }
    } finally {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
