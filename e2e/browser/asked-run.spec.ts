// After the install of a product MSI Doctor does not know (issue 19): the verify step offers to run its key file with
// --version or /?, names the exact program and argument first, runs nothing until the click, then shows the output.
import { test, expect, type Request } from '@playwright/test';
import { cancelRunning, openApp, selectScenario } from './helpers.ts';

test.afterEach(async ({ page }) => {
  await cancelRunning(page);
});

const AGENT = 'C:\\Program Files\\Fabrikam\\Sync Agent\\fabrikam-sync.exe';
const TEXT = {
  en: { heading: 'Check that a program starts', run: 'Run this program to check it starts', missing: /no such file/ },
  'zh-CN': { heading: '检查程序能否启动', run: '运行此程序，检查它能否启动', missing: /没有这个文件/ },
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang === 'zh-CN' ? 'zh-CN' : 'en-US' });
    test(`unknown-product-installed (${lang}): the key file runs only on the click, and its output is shown`, async ({
      page: p,
      request,
    }) => {
      const runs: string[] = [];
      p.on('request', (r: Request) => {
        if (r.url().endsWith('/api/runKeyFile')) runs.push(r.postData() ?? '');
      });
      await selectScenario(request, 'unknown-product-installed');
      await openApp(p);
      await expect(p.locator('html')).toHaveAttribute('lang', lang);

      await p.getByTestId('choice-unsure').click();
      await p.getByTestId('symptom-continue').click();
      await p.getByTestId('scan-allow').click();
      await p.getByTestId('to-verify').first().click({ timeout: 30_000 });
      await p.getByTestId('verify-start').click();

      const asked = p.getByTestId('asked-run');
      await expect(asked).toBeVisible({ timeout: 45_000 });
      await expect(asked.getByRole('heading')).toHaveText(TEXT[lang].heading);
      const start = p.getByTestId('asked-run-start');
      await expect(start).toHaveText(TEXT[lang].run);
      await expect(start).toBeDisabled();

      await p.getByTestId('asked-run-program').fill(AGENT);
      await expect(p.getByTestId('asked-run-command')).toHaveText(`> "${AGENT}" --version`);
      await p.getByTestId('asked-run-argument-help').check();
      await expect(p.getByTestId('asked-run-command')).toHaveText(`> "${AGENT}" /?`);
      await p.getByTestId('asked-run-argument-version').check();
      await expect(p.getByTestId('asked-run-output')).toHaveCount(0);
      expect(runs, 'nothing ran before the click').toEqual([]);

      await start.click();
      await expect(p.getByTestId('asked-run-output')).toHaveText(/^fabrikam-sync 4\.2\.0 \(build 1187\)/, {
        timeout: 30_000,
      });
      expect(runs.map((r) => JSON.parse(r) as unknown)).toEqual([{ program: AGENT, argument: 'version' }]);

      // A file that is not there: main refuses it, and the step says why in the user's language.
      await p.getByTestId('asked-run-program').fill('C:\\Program Files\\Fabrikam\\Sync Agent\\gone.exe');
      await expect(p.getByTestId('asked-run-output')).toHaveCount(0);
      await start.click();
      await expect(p.getByTestId('asked-run-none')).toHaveText(TEXT[lang].missing);
    });
  });
}
