// The answer and the flow after it in Chromium: a 1603 from a custom action named and explained with its next step,
// the truthful summary after a restart, the restart's delay, focus after a fix, honest elevation prompts.
import { test, expect, type Page } from '@playwright/test';
import { Recorder, cancelRunning, openApp, selectScenario } from './helpers.ts';

test.afterEach(async ({ page }) => {
  await cancelRunning(page);
});

async function scanFor(page: Page, choice: string, withMsi = false): Promise<void> {
  await page.getByTestId(`choice-${choice}`).click();
  if (withMsi) await page.getByTestId('use-scenario-msi').click();
  await page.getByTestId('symptom-continue').click();
  await page.getByTestId('scan-allow').click();
  await expect(page.locator('[data-testid^="finding-"]').first()).toBeVisible({ timeout: 30_000 });
}

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
  });
}
