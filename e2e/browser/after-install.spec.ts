// After the install (issue 19): Go installed per-user by an administrator, so `go` is not found. The wizard names
// it, adds Go's folder to the user's PATH, and the last step shows `go version` answering from a fresh environment
// plus the "open a new terminal" advice, in English and in Chinese.
import { test, expect } from '@playwright/test';
import { Recorder, cancelRunning, openApp, selectScenario } from './helpers.ts';

test.afterEach(async ({ page }) => {
  await cancelRunning(page);
});

const TEXT = {
  en: { advice: /Open a new terminal/, heading: 'Does it work in a new terminal?' },
  'zh-CN': { advice: /请打开一个新的终端/, heading: '在新终端中能运行吗？' },
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang === 'zh-CN' ? 'zh-CN' : 'en-US' });
    test(`go-per-user-admin-hive (${lang}): not on PATH -> add-to-path -> go version answers in a new terminal`, async ({
      page: p,
      request,
    }) => {
      await selectScenario(request, 'go-per-user-admin-hive');
      const shots = new Recorder(p, `go-per-user-admin-hive${lang === 'zh-CN' ? '-zh-CN' : ''}`);
      await openApp(p);
      await expect(p.locator('html')).toHaveAttribute('lang', lang);

      await p.getByTestId('choice-unsure').click();
      await p.getByTestId('symptom-continue').click();
      await p.getByTestId('scan-allow').click();

      const top = p.locator('[data-testid^="finding-"]').first();
      await expect(top).toHaveAttribute('data-testid', 'finding-program-not-on-path', { timeout: 30_000 });
      await shots.step('findings');

      await p.getByTestId('fix-add-to-path').first().click();
      await expect(p.getByTestId('command-preview')).toBeVisible();
      await expect(p.locator('.command-preview')).toContainText('C:\\Program Files\\Go\\bin');
      await shots.step('fix-preview');
      await p.getByTestId('run-fix').click();
      const result = p.getByTestId('repair-result');
      await expect(result).toBeVisible({ timeout: 45_000 });
      await expect(result).toHaveAttribute('data-status', 'succeeded');
      await expect(result).toHaveAttribute('data-verified', 'true');
      await shots.step('fix-result');
      await p.getByTestId('to-verify').click();

      await p.getByTestId('verify-start').click();
      await expect(p.getByTestId('verify-passed')).toBeVisible({ timeout: 45_000 });
      const check = p.getByTestId('product-check');
      await expect(check).toBeVisible();
      await expect(check.getByRole('heading')).toHaveText(TEXT[lang].heading);
      await expect(p.getByTestId('product-go')).toHaveAttribute('data-state', 'new-terminal');
      await expect(p.getByTestId('version-output-go')).toHaveText(/^go version go1\.21\.5 windows\/amd64/);
      await expect(p.getByTestId('new-terminal-advice')).toContainText(TEXT[lang].advice);
      await shots.step('verify');
    });
  });
}
