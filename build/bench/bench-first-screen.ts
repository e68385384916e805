// `npm run bench:ui`: time from navigation to the first screen being interactive in the browser preview (Chromium),
// and the log viewer on a 1,000,000-line log (open, jump to the end, scroll). Prints figures; asserts nothing.
import { chromium } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreviewServer } from '../../e2e/preview/server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LOG_LINES = Number(process.env.BENCH_LOG_LINES ?? 1_000_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return `median ${median.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted[sorted.length - 1]?.toFixed(0)} ms (${values.length} runs)`;
}

/** A verbose-log-like file with a failing custom action in the middle. */
function bigLog(lines: number): string {
  const out: string[] = ['=== Verbose logging started: 1/2/2026  10:00:00  Build type: SHIP UNICODE 5.00.10011.00 ==='];
  const failAt = Math.floor(lines / 2);
  for (let i = 1; i < lines - 1; i++) {
    if (i === failAt - 1) out.push('CustomAction CA_Bench returned actual error code 1603');
    else if (i === failAt)
      out.push(`Action ended 10:00:${String(i % 60).padStart(2, '0')}: InstallFinalize. Return value 3.`);
    else
      out.push(
        `MSI (s) (A4:B8) [10:00:00:${String(i % 1000).padStart(3, '0')}]: Doing action: Bench_${i} property value ${i * 7}`,
      );
  }
  out.push('=== Verbose logging stopped: 1/2/2026  10:05:00 ===');
  return out.join('\r\n') + '\r\n';
}

async function main(): Promise<void> {
  const preview = await startPreviewServer({ log: () => {} });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    console.log(`preview ${preview.url}, Chromium ${browser.version()}`);
    // 1. First screen interactive: navigation start -> the symptom cards are on screen and the environment is known.
    const interactive: number[] = [];
    const fcp: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(preview.url, { waitUntil: 'commit' });
      await page.getByTestId('choice-code-2503').waitFor({ state: 'visible' });
      await page.getByTestId('simulated-label').waitFor({ state: 'visible' });
      interactive.push(performance.now() - started);
      const paint = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      );
      fcp.push(paint);
      await context.close();
    }
    console.log(
      `first screen interactive (navigation -> symptom cards + environment): ${stats(interactive.slice(1))}; cold first run ${interactive[0]?.toFixed(0)} ms`,
    );
    console.log(`first contentful paint (browser timing): ${stats(fcp.filter(Number.isFinite))}`);

    // 2. Log viewer on a big log: upload, analyze, open, jump to the end, scroll.
    if (LOG_LINES > 0) {
      const dir = await mkdtemp(join(tmpdir(), 'msi-doctor-bench-'));
      try {
        const file = join(dir, 'big-install.log');
        await writeFile(file, bigLog(LOG_LINES));
        const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
        await page.goto(preview.url);
        await page.getByTestId('choice-log').click();
        let t = performance.now();
        await page.getByTestId('log-files-input').setInputFiles(file);
        await page.locator('.file-list .file-name').first().waitFor({ timeout: 300_000 });
        console.log(
          `log viewer: ${LOG_LINES.toLocaleString('en')} lines; upload (binary body streamed to POST /upload) ${(performance.now() - t).toFixed(0)} ms`,
        );
        await page.getByTestId('symptom-continue').click();
        t = performance.now();
        await page.getByTestId('scan-skip-admin').click();
        await page.getByTestId('open-log').waitFor({ timeout: 300_000 });
        console.log(`log viewer: scan + analysis of the log ${(performance.now() - t).toFixed(0)} ms`);
        t = performance.now();
        await page.getByTestId('open-log').click();
        await page.locator('.log-row .log-text:not(:empty)').first().waitFor({ timeout: 300_000 });
        console.log(`log viewer: open (line index + first window) ${(performance.now() - t).toFixed(0)} ms`);
        const total = await page.getByTestId('log-total').textContent();
        console.log(`log viewer: ${total}`);
        // Jump to the very end and wait for its text.
        t = performance.now();
        await page.getByTestId('log-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await page.locator(`.log-row[data-line="${LOG_LINES}"] .log-text:not(:empty)`).waitFor({ timeout: 60_000 });
        console.log(
          `log viewer: jump to line ${LOG_LINES.toLocaleString('en')} and show it ${(performance.now() - t).toFixed(0)} ms`,
        );
        // Smoothness: scroll 200 frames through the middle of the log and time the frames.
        const frames = await page.getByTestId('log-scroll').evaluate(async (el) => {
          el.scrollTop = el.scrollHeight / 3;
          const times: number[] = [];
          let last = performance.now();
          for (let i = 0; i < 200; i++) {
            el.scrollTop += 90;
            await new Promise((r) => requestAnimationFrame(() => r(null)));
            const now = performance.now();
            times.push(now - last);
            last = now;
          }
          times.sort((a, b) => a - b);
          return {
            median: times[100] ?? 0,
            p95: times[190] ?? 0,
            max: times[199] ?? 0,
            rows: el.querySelectorAll('.log-row').length,
          };
        });
        console.log(
          `log viewer: scrolling 200 frames: frame time median ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms; ${frames.rows} row elements in the DOM`,
        );
        await page.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
    await preview.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ui: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
