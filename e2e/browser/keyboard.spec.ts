// Keyboard-only walk-through (Tab, Space, Enter, Escape): 2503 from symptom to exported report, with visible focus.
import { test, expect, type Page } from '@playwright/test';
import { Recorder, openApp, selectScenario } from './helpers.ts';

/** Presses Tab until the focused element matches the selector (fails after 80 presses). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element shows a focus indicator (outline) the user can see. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return 'none';
    // A visually hidden radio shows its focus on the card around it.
    const target = el.matches('.choice-card input') ? (el.closest('.choice-card') as HTMLElement) : el;
    const style = getComputedStyle(target);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).not.toMatch(/^none/);
  expect(outline).not.toMatch(/ 0px$/);
}

test('keyboard only: 2503 from symptom to report', async ({ page, request }) => {
  await selectScenario(request, '2503-windows-temp-acl');
  const shots = new Recorder(page, 'keyboard-2503');
  await openApp(page);

  // Skip link first.
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();

  await tabTo(page, '.choice-card input');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('choice-code-2503').locator('input')).toBeChecked();
  await expectVisibleFocus(page);
  await tabTo(page, '[data-testid="symptom-continue"]');
  await expectVisibleFocus(page);
  await shots.step('symptom');
  await page.keyboard.press('Enter');

  await tabTo(page, '[data-testid="scan-allow"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid^="finding-"]').first()).toBeVisible({ timeout: 30_000 });

  // Why we think so is folded below the answer: it opens from the keyboard.
  await tabTo(page, '.finding-why > summary');
  await page.keyboard.press('Enter');
  await expect(page.locator('.evidence-region').first()).toBeVisible();
  await shots.step('findings');

  await tabTo(page, '[data-testid="fix-restore-windows-temp-acl"]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('command-preview')).toBeVisible();
  for (let i = 0; i < (await page.locator('.confirmations input').count()); i++) {
    await tabTo(page, `.confirmations label:nth-child(${i + 1}) input`);
    await page.keyboard.press('Space');
  }
  await tabTo(page, '[data-testid="run-fix"]');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('repair-result')).toHaveAttribute('data-verified', 'true', { timeout: 45_000 });
  await shots.step('fix-result');

  await tabTo(page, '[data-testid="to-verify"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-testid="verify-start"]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verify-passed')).toBeVisible({ timeout: 45_000 });
  await tabTo(page, '[data-testid="to-report"]');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-testid="export-report"]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report-exported')).toBeVisible({ timeout: 30_000 });
  await shots.step('report');

  // History opens as a modal dialog and Escape closes it.
  await tabTo(page, '.topbar button:nth-of-type(1)');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('history-list')).toBeVisible();
  await shots.step('history');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Start over returns to step 1 with nothing selected.
  await tabTo(page, '.topbar button:nth-of-type(2)');
  await page.keyboard.press('Enter');
  // A fix ran in this session: starting over is confirmed first (the session stays in the history).
  await expect(page.getByTestId('confirm-start-over')).toBeVisible();
  await tabTo(page, '[data-testid="confirm-start-over"]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('symptom-continue')).toBeDisabled();
});
