// "I have a log file": a real corpus log is uploaded (as a user would drop it), analyzed, explained, and opened in the
// virtualized log viewer (jump to the failing action, search). Skipped with a message when the corpus is absent.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, Recorder, openApp, selectScenario } from './helpers.ts';

const LOG = 'pasted-18_snippet_wix-deferred-exe-ca-code-cmd-1721';
const logPath = join(CORPUS, 'msi-logs', `${LOG}.log`);

test('I have a log file: corpus log analyzed, cause shown, log viewer jumps and searches', async ({
  page,
  request,
}) => {
  test.skip(
    !existsSync(logPath),
    `corpus log not found at ${logPath} (the corpus lives beside the repo in ../shared/corpus)`,
  );
  const expected = JSON.parse(readFileSync(join(CORPUS, 'msi-logs', `${LOG}.expected.json`), 'utf8')) as {
    expect: { topCause?: string | string[]; failedAction?: string | string[] | null };
  };
  await selectScenario(request, 'healthy');
  const shots = new Recorder(page, 'log-file');
  await openApp(page);

  await page.getByTestId('choice-log').click();
  await expect(page.getByTestId('symptom-continue')).toBeDisabled();
  await page.getByTestId('log-files-input').setInputFiles(logPath);
  await expect(page.locator('.file-list .file-name').first()).toHaveText(`${LOG}.log`);
  await shots.step('symptom');
  await page.getByTestId('symptom-continue').click();
  await page.getByTestId('scan-skip-admin').click();

  const causes = ([] as string[]).concat(expected.expect.topCause ?? []);
  const finding = page.locator('[data-testid^="finding-"]').first();
  await expect(finding).toBeVisible({ timeout: 30_000 });
  if (causes.length) expect(causes.map((c) => `finding-${c}`)).toContain(await finding.getAttribute('data-testid'));
  await expect(page.getByTestId('open-log')).toBeVisible();
  // The failure in the culprit's own words comes first: on the log, and as the finding's first reason.
  await expect(page.getByTestId('log-reason')).toContainText('InstallVSIX');
  await expect(finding.getByTestId('evidence-line')).toContainText('InstallVSIX');
  await shots.step('findings');

  await page.getByTestId('open-log').click();
  const viewer = page.getByTestId('log-viewer');
  await expect(viewer).toBeVisible();
  await expect(page.getByTestId('log-total')).toHaveText(/\d/);
  if (expected.expect.failedAction) {
    await page.getByTestId('log-jump').click();
    await expect(page.locator('.log-row.log-failed')).toBeVisible();
  }
  await page.getByTestId('log-search').fill('Return value 3');
  await page.getByTestId('log-search').press('Enter');
  await expect(page.getByTestId('log-matches')).toBeVisible();
  await shots.step('log-viewer');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('log-viewer')).toHaveCount(0);
});
