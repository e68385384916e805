// The answer and the flow after it in Chromium: a 1603 from a custom action named and explained with its next step,
// the truthful summary after a restart, the restart's delay, focus after a fix, honest elevation prompts.
import { test, expect } from '@playwright/test';
import { Recorder, cancelRunning, exportJson, openApp, scanFor, selectScenario } from './helpers.ts';

test.afterEach(async ({ page }) => {
  await cancelRunning(page);
});

for (const lang of ['en', 'zh-CN'] as const) {
  test(`1603 from a custom action (${lang}): the answer names it, quotes its own line, says what it means and what to do first`, async ({
    page,
    request,
  }) => {
    await selectScenario(request, '1603-custom-action');
    const shots = new Recorder(page, `flow-1603-custom-action-${lang}`);
    await openApp(page);
    if (lang === 'zh-CN') await page.getByLabel(/Language|语言/).selectOption('zh-CN');
    await scanFor(page, 'code-1603', true);
    const answer = page.locator('.finding-answer');
    await expect(answer).toHaveAttribute('data-testid', 'finding-custom-action-failed');
    const headline = answer.getByTestId('finding-headline');
    await expect(headline).toContainText('CA_RegisterLedgerService');
    await expect(headline).toContainText(lang === 'en' ? 'already exists' : '同名服务');
    await expect(answer.getByTestId('evidence-line')).toContainText('0x80070431');
    await expect(answer.getByTestId('finding-next-step')).toContainText(
      lang === 'en' ? 'Installed apps' : '已安装的应用',
    );
    // Not a dead end: after the step by hand, "install again" is the action, not "recommended" on its own.
    const retry = answer.getByTestId('fix-retry-install-elevated-logged');
    await expect(retry).toContainText(lang === 'en' ? 'Then:' : '然后：');
    await expect(retry).not.toContainText(lang === 'en' ? 'Recommended' : '推荐');
    await shots.step('findings');
    await page.setViewportSize({ width: 800, height: 600 });
    const box = await answer.getByTestId('finding-headline').boundingBox();
    expect(box && box.y + box.height, 'the specific answer is above the fold at 800x600').toBeLessThanOrEqual(600);
    await shots.step('findings-800x600');
    if (lang !== 'en') return;
    // The log viewer wraps long lines on request: nothing to scroll sideways then, the line numbers stay.
    await page.getByTestId('open-log').first().click();
    const scroll = page.getByTestId('log-scroll');
    await expect(scroll.locator('.log-row').first()).toBeVisible({ timeout: 15_000 });
    const overflows = () => scroll.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(await overflows(), 'some log lines are wider than the viewer').toBe(true);
    await page.getByTestId('log-wrap').check();
    await expect.poll(overflows).toBe(false);
    await shots.step('log-wrapped');
  });
}

test('restart: a delay can be chosen and cancelled; "now" restarts the simulated machine, the next start resumes and checks it; truthful summary and report (1603 reboot)', async ({
  page,
  request,
}) => {
  await selectScenario(request, '1603-pending-reboot');
  const shots = new Recorder(page, 'flow-1603-restart-resume');
  await openApp(page);
  await scanFor(page, 'code-1603');
  const foundTitle = (await page.locator('.finding-answer .finding-title').textContent())?.trim() ?? '';
  await page.getByTestId('fix-restart-computer').click();
  await expect(page.getByTestId('run-fix')).toBeVisible({ timeout: 30_000 });
  // Honest elevation: the restart needs no administrator prompt, and the screen says so.
  await expect(page.getByTestId('elevation-prompts')).toHaveText('No administrator prompt: it runs with your rights');
  // The resume after the restart is registered for this user only, by absolute paths, and shown before it runs.
  const preview = page.getByTestId('command-preview');
  await expect(preview).toContainText(
    'C:\\Windows\\System32\\reg.exe add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
  );
  await expect(preview).toContainText('C:\\Windows\\System32\\shutdown.exe /r /t 0');

  // In 15 minutes: the plan changes to a countdown that can be cancelled.
  await page.getByTestId('restart-delay-15').check();
  await expect(preview).toContainText('shutdown.exe /r /t 900', { timeout: 15_000 });
  await shots.step('plan-in-15-minutes');
  for (const box of await page.locator('.confirmations input[type=checkbox]').all()) await box.check();
  await page.getByTestId('run-fix').click();
  await expect(page.getByTestId('session-banner')).toHaveAttribute('data-state', 'awaiting-restart', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('fix-result-heading')).toBeFocused();
  await shots.step('restart-scheduled');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('session-banner')).toHaveAttribute('data-state', 'undone', { timeout: 30_000 });
  await shots.step('restart-cancelled');

  // The computer never restarted: "Try the next fix" offers the restart again (now), not "nothing left to try".
  await page.getByTestId('next-fix').click();
  await expect(page.getByTestId('run-fix')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('notice-no-more-fixes')).toHaveCount(0);
  await expect(page.getByTestId('restart-delay-0')).toBeVisible();
  await shots.step('next-fix-after-cancel');

  // Now: the simulated computer restarts; starting the app again resumes the session and checks the restart.
  await page.getByTestId('restart-delay-0').check();
  await expect(preview).toContainText('shutdown.exe /r /t 0', { timeout: 15_000 });
  for (const box of await page.locator('.confirmations input[type=checkbox]').all()) await box.check();
  await page.getByTestId('run-fix').click();
  await expect(page.getByTestId('session-banner')).toHaveAttribute('data-state', 'awaiting-restart', {
    timeout: 30_000,
  });
  await shots.step('restarting');
  await page.getByTestId('simulated-restart-done').click();
  await expect(page.getByTestId('notice-session-resumed')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('session-banner')).toHaveAttribute('data-state', 'fixed', { timeout: 30_000 });
  await expect(page.getByTestId('session-banner')).toHaveCount(1);
  await shots.step('resumed-verified');

  // The summary and the report tell the session: the first diagnosis, the restart, verified after it.
  await page.getByTestId('to-report').first().click();
  const summary = page.getByTestId('summary');
  await expect(summary).toContainText(`Found: ${foundTitle}`);
  await expect(summary).toContainText('Verified: the cause is gone.');
  await shots.step('summary');
  const report = await exportJson(page);
  expect(report.session.state).toBe('fixed');
  expect(report.session.found?.cause).toBe('pending-reboot');
  expect(report.repairs.filter((r) => r.journalId).map((r) => r.repair)).toEqual([
    'restart-computer',
    'restart-computer',
  ]);
});

for (const [lang, width, height] of [
  ['en', 1280, 800],
  ['zh-CN', 800, 600],
] as const) {
  test(`the preview says what a simulated machine is and what each scenario is (${lang}, ${width}x${height})`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width, height });
    await selectScenario(request, '2503-windows-temp-acl');
    const shots = new Recorder(page, `flow-simulated-about-${lang}-${width}x${height}`);
    await openApp(page);
    if (lang === 'zh-CN') await page.getByLabel(/Language|语言/).selectOption('zh-CN');
    // The picker lists the scenarios by their titles in the user's language (as `scan --list-scenarios --lang` does).
    const checked = page.getByTestId('scenario-picker').locator('option:checked');
    await expect(checked).toHaveText(
      lang === 'en'
        ? '2503/2502: C:\\Windows\\Temp lost the Users ACE'
        : '2503/2502：C:\\Windows\\Temp 失去了 Users 的权限项',
    );
    await expect(checked).toHaveAttribute('lang', lang);
    const options = page.getByTestId('scenario-picker').locator('option');
    expect(await options.count()).toBeGreaterThan(20);
    for (const option of await options.all()) await expect(option).toHaveAttribute('lang', lang);
    const cont = await page.getByTestId('symptom-continue').boundingBox();
    expect(cont && cont.y + cont.height, 'step 1 Continue stays above the fold').toBeLessThanOrEqual(height);
    await page.getByTestId('simulated-about').locator('summary').click();
    await expect(page.getByTestId('simulated-about')).toContainText(
      lang === 'en' ? 'nothing on this computer is read or changed' : '不会读取或更改本机的任何内容',
    );
    const description = page.getByTestId('scenario-description');
    await expect(description).toContainText('C:\\Windows\\Temp');
    await expect(description).toHaveAttribute('lang', lang);
    if (lang === 'zh-CN') await expect(description).toContainText('不能再在其中创建文件');
    await shots.step('about');
  });
}

test('the simulated machine’s own paths are Windows paths inside the Windows commands of a plan', async ({
  page,
  request,
}) => {
  await selectScenario(request, '2503-windows-temp-acl');
  const shots = new Recorder(page, 'flow-windows-paths');
  await openApp(page);
  await scanFor(page, 'code-2503');
  await page.getByTestId('fix-restore-windows-temp-acl').click();
  const preview = page.getByTestId('command-preview');
  await expect(preview).toContainText('icacls', { timeout: 30_000 });
  const text = (await preview.textContent()) ?? '';
  expect(text).toMatch(/\/save "?C:\\Users\\[^\\]+\\AppData\\Roaming\\MSI Doctor\\data\\backups\\/);
  expect(text, 'no host path of the preview server').not.toMatch(/\/tmp\/|msi-doctor-preview/);
  await shots.step('plan');
});
