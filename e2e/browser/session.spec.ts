// The truthful session in Chromium (issue 13): input that is not what it seems, one state and one banner, the next
// fix first after a failed fix, the answer above the fold at 800x600, and a summary and report told from the record
// (what was found first, what was done, whether it worked; only this session's repairs).
import { test, expect, type Page } from '@playwright/test';
import { Recorder, cancelRunning, exportJson, openApp, scanFor, selectScenario } from './helpers.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
/** A few lines of a verbose MSI log, as a user would paste them into the error-code box. */
const LOG_LINES = [
  '=== Verbose logging started: 11/18/2026  01:06:12  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===',
  'MSI (c) (1C:2C) [01:06:12:100]: Resetting cached policy values',
  'MSI (s) (3C:40) [01:06:14:200]: Product: Contoso Agent -- Error 1603. Info 1603. The file is in use.',
  'Action ended 01:06:15: InstallFinalize. Return value 3.',
  'MSI (s) (3C:40) [01:06:15:300]: Windows Installer installed the product. Product Name: Contoso Agent. Installation success or error status: 1603.',
].join('\n');

test.afterEach(async ({ page }) => {
  await cancelRunning(page);
});

async function runFix(page: Page, repair: string): Promise<void> {
  await page.getByTestId(`fix-${repair}`).click();
  await expect(page.getByTestId('run-fix')).toBeVisible({ timeout: 30_000 });
  for (const box of await page.locator('.confirmations input[type=checkbox]').all()) await box.check();
  await page.getByTestId('run-fix').click();
  await expect(page.getByTestId('session-banner')).toBeVisible({ timeout: 60_000 });
}

test('a PNG and a 0-byte file are refused with the analyzer’s reason, and Continue says why', async ({
  page,
  request,
}) => {
  await selectScenario(request, 'healthy');
  const shots = new Recorder(page, 'session-refused-files');
  await openApp(page);
  await page.getByTestId('choice-log').click();
  await page.getByTestId('log-files-input').setInputFiles([
    { name: 'screenshot.png', mimeType: 'image/png', buffer: PNG },
    { name: 'install.log', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
  ]);
  const refused = page.getByTestId('log-refused');
  await expect(refused).toHaveCount(2, { timeout: 15_000 });
  await expect(refused.nth(0)).toContainText('PNG');
  await expect(refused.nth(1)).toContainText('empty');
  await expect(page.getByTestId('symptom-continue')).toBeDisabled();
  await expect(page.getByTestId('no-usable-log')).toBeVisible();
  await shots.step('refused');
});

test('log text pasted into the code box is analyzed as a log (the same as uploading it), not read as codes', async ({
  page,
  request,
}) => {
  await selectScenario(request, 'healthy');
  const shots = new Recorder(page, 'session-pasted-log');
  await openApp(page);
  await page.getByTestId('choice-other-code').click();
  await page.getByTestId('symptom-text').fill(LOG_LINES);
  await expect(page.getByTestId('text-is-log')).toHaveAttribute('data-status', 'usable', { timeout: 15_000 });
  await expect(page.getByText(/Recognized: 1603/)).toHaveCount(0);
  await shots.step('pasted');
  await page.getByTestId('symptom-continue').click();
  await page.getByTestId('scan-skip-admin').click();
  const top = page.locator('[data-testid^="finding-"]').first();
  await expect(top).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.log-summary .file-name').first()).toHaveText('pasted-log.txt');
  const pastedTop = await top.getAttribute('data-testid');
  await shots.step('findings');

  // The same lines uploaded as a file give the same answer.
  await page.getByTestId('header-start-over').click();
  await page.getByTestId('choice-log').click();
  await page
    .getByTestId('log-files-input')
    .setInputFiles([{ name: 'same.log', mimeType: 'text/plain', buffer: Buffer.from(LOG_LINES) }]);
  await expect(page.getByTestId('symptom-continue')).toBeEnabled({ timeout: 15_000 });
  await page.getByTestId('symptom-continue').click();
  await page.getByTestId('scan-skip-admin').click();
  await expect(page.locator('[data-testid^="finding-"]').first()).toHaveAttribute('data-testid', pastedTop as string, {
    timeout: 30_000,
  });
});

test('800x600: the answer and its fix button are above the fold', async ({ page, request }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await selectScenario(request, '2503-windows-temp-acl');
  const shots = new Recorder(page, 'session-800x600');
  await openApp(page);
  const cont = await page.getByTestId('symptom-continue').boundingBox();
  await page.getByTestId('choice-code-2503').click();
  expect(cont && cont.y + cont.height).toBeLessThanOrEqual(600);
  await page.getByTestId('symptom-continue').click();
  await page.getByTestId('scan-allow').click();
  const fix = page.getByTestId('fix-restore-windows-temp-acl');
  await expect(fix).toBeVisible({ timeout: 30_000 });
  const box = await fix.boundingBox();
  expect(box, 'the recommended fix is laid out').not.toBeNull();
  expect((box as { y: number; height: number }).y + (box as { height: number }).height).toBeLessThanOrEqual(600);
  await shots.step('findings');
});

test('2503: after the fix, one banner; after undo, one banner and the next fix first', async ({ page, request }) => {
  await selectScenario(request, '2503-windows-temp-acl');
  const shots = new Recorder(page, 'session-undo');
  await openApp(page);
  await scanFor(page, 'code-2503');
  await runFix(page, 'restore-windows-temp-acl');
  await expect(page.getByTestId('session-banner')).toHaveCount(1);
  await expect(page.getByTestId('session-banner')).toHaveAttribute('data-state', 'fixed');
  await expect(page.getByTestId('to-verify')).toHaveClass(/primary/);
  await shots.step('fixed');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('session-banner')).toHaveAttribute('data-state', 'undone', { timeout: 30_000 });
  await expect(page.getByTestId('session-banner')).toHaveCount(1);
  await expect(page.getByText('Verified: the cause is gone.')).toHaveCount(0);
  await expect(page.getByTestId('next-fix')).toHaveClass(/primary/);
  // One state: nothing on the page still says it is fixed.
  await shots.step('undone');
});

test('1618 stuck: a wait that times out makes "try the next fix" the primary action', async ({ page, request }) => {
  await selectScenario(request, '1618-stuck-client-install');
  const shots = new Recorder(page, 'session-wait-timeout');
  await openApp(page);
  await scanFor(page, 'code-1618');
  await runFix(page, 'wait-for-installer');
  await expect(page.getByTestId('session-banner')).toHaveAttribute('data-state', 'fix-failed', { timeout: 60_000 });
  await expect(page.getByTestId('next-fix')).toHaveClass(/primary/);
  await expect(page.getByTestId('to-verify')).not.toHaveClass(/primary/);
  await shots.step('timed-out');
});

test('truthful summary and report after a fix (2503 en, 1618 stuck zh-CN): found first, done, verified; only this session', async ({
  page,
  request,
}) => {
  // Session 1: 2503, fixed and verified.
  await selectScenario(request, '2503-windows-temp-acl');
  const shots = new Recorder(page, 'session-truthful-report');
  await openApp(page);
  await scanFor(page, 'code-2503');
  const foundTitle = (await page.locator('.finding-answer .finding-title').textContent())?.trim() ?? '';
  await runFix(page, 'restore-windows-temp-acl');
  await page.getByTestId('to-verify').click();
  await page.getByTestId('verify-start').click();
  await expect(page.getByTestId('verify-passed')).toBeVisible({ timeout: 45_000 });
  await page.getByTestId('to-report').first().click();
  const summary = page.getByTestId('summary');
  await expect(summary).toContainText(`Found: ${foundTitle}`);
  await expect(summary).toContainText('Verified: the cause is gone.');
  // What remains after the fix is told apart ("Still worth knowing"), never as what was found.
  const text = (await summary.textContent()) ?? '';
  const foundLine = text.split('\n').find((l) => l.startsWith('Found:')) ?? '';
  expect(foundLine).not.toContain('administrator rights');
  await shots.step('summary-2503');
  const first = await exportJson(page);
  expect(first.session.found?.cause).toBe('installer-folders-access');
  expect(first.session.state).toBe('fixed');
  expect(first.repairs.filter((r) => r.journalId).map((r) => r.repair)).toEqual(['restore-windows-temp-acl']);

  // Session 2 in Chinese: 1618 with a stuck install, ended; its report holds its own repair only, and no waiting advice.
  await page.getByTestId('header-start-over').click();
  await page.getByTestId('confirm-start-over').click();
  await selectScenario(request, '1618-stuck-client-install');
  await page.getByLabel(/Language|语言/).selectOption('zh-CN');
  await scanFor(page, 'code-1618');
  await runFix(page, 'end-stuck-client-install');
  await expect(page.getByTestId('session-banner')).toHaveAttribute('data-state', /fixed|unverified/);
  const second = await exportJson(page);
  expect(second.repairs.filter((r) => r.journalId).map((r) => r.repair)).toEqual(['end-stuck-client-install']);
  expect(second.session.found?.cause).toBe('another-install-in-progress');
  await expect(page.getByTestId('summary')).toContainText('发现：');
  await expect(page.getByTestId('summary')).toContainText('已执行：');
  await shots.step('summary-1618-zh');
});
