// "My company installs this for me": on a machine where Configuration Manager failed with 1603, the wizard reads the
// client logs by itself, follows the deployment to its MSI log and shows one finding naming both, in both languages.
import { test, expect } from '@playwright/test';
import { Recorder, cancelRunning, openApp, selectScenario } from './helpers.ts';

test.afterEach(async ({ page }) => {
  await cancelRunning(page);
});

for (const lang of ['en', 'zh-CN'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang === 'zh-CN' ? 'zh-CN' : 'en-US' });
    test(`company deployment (${lang}): ConfigMgr 1603 joined with its MSI log`, async ({ page, request }) => {
      await selectScenario(request, 'configmgr-1603-custom-action');
      const shots = new Recorder(page, `company-deploy${lang === 'zh-CN' ? '-zh-CN' : ''}`);
      await openApp(page);
      await page.getByTestId('choice-company-deploy').click();
      await expect(page.getByTestId('symptom-continue')).toBeEnabled();
      await page.getByTestId('symptom-text').fill('0x80070643');
      await shots.step('symptom');
      await page.getByTestId('symptom-continue').click();
      await page.getByTestId('scan-allow').click();

      const top = page.locator('[data-testid^="finding-"]').first();
      await expect(top).toHaveAttribute('data-testid', 'finding-custom-action-failed', { timeout: 30_000 });
      const joined =
        lang === 'en'
          ? /Configuration Manager ran .*ContosoLedger-4\.6\.2-x64\.msi.* as SYSTEM at .*; it returned 1603 because custom action CA_RegisterLedgerService failed: "RegisterService: CreateService LedgerSvc failed/
          : /Configuration Manager 于 .* 以 SYSTEM 身份运行了 .*；它返回了 1603，因为自定义操作 CA_RegisterLedgerService 失败了/;
      // The answer's line of evidence (answer first; the other reasons are folded below it).
      await expect(top.getByTestId('evidence-line')).toHaveText(joined);
      await expect(top).toContainText(lang === 'en' ? 'Tell your IT administrator' : '告诉您的 IT 管理员');
      await shots.step('findings');
    });
  });
}
