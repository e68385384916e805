// Layout and themes: the wizard at 800x600 in dark mode (no horizontal scrolling, axe contrast in dark colors),
// and files dropped onto the drop zones (drag and drop uploads through importFile in the preview).
import { test, expect, type Page } from '@playwright/test';
import { Recorder, openApp, selectScenario } from './helpers.ts';

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('800x600, dark theme', () => {
  test.use({ viewport: { width: 800, height: 600 }, colorScheme: 'dark' });

  test('1603 pending reboot: every step fits and passes axe in dark mode', async ({ page, request }) => {
    await selectScenario(request, '1603-pending-reboot');
    const shots = new Recorder(page, 'dark-800x600');
    await openApp(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(32, 32, 32)');
    await page.getByTestId('choice-code-1603').click();
    await expectNoHorizontalScroll(page);
    await shots.step('symptom');
    await page.getByTestId('symptom-continue').click();
    await expectNoHorizontalScroll(page);
    await shots.step('consent');
    await page.getByTestId('scan-allow').click();
    await expect(page.getByTestId('finding-pending-reboot')).toBeVisible({ timeout: 30_000 });
    // Why we think so is folded below the answer: open it so the shot shows every part at this size.
    await page.getByTestId('finding-pending-reboot').locator('.finding-why > summary').click();
    await expectNoHorizontalScroll(page);
    await shots.step('findings');
    await page.getByTestId('fix-restart-computer').click();
    await expect(page.getByTestId('command-preview')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shots.step('fix-preview');
  });
});

test('drag and drop: a log and an .msi dropped on step 1 are uploaded and listed', async ({ page, request }) => {
  await selectScenario(request, 'healthy');
  await openApp(page);
  await page.getByTestId('choice-log').click();
  const drop = async (testId: string, name: string, content: string) => {
    const transfer = await page.evaluateHandle(
      ([n, c]) => {
        const data = new DataTransfer();
        data.items.add(new File([c as string], n as string, { type: 'application/octet-stream' }));
        return data;
      },
      [name, content],
    );
    await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: transfer });
  };
  await drop(
    'log-files-drop',
    'dropped.log',
    '=== Verbose logging started ===\r\nMSI (c) (10:14) [10:00:00:000]: Hello\r\n',
  );
  await expect(page.locator('.file-list .file-name').first()).toHaveText('dropped.log');
  await drop('msi-file-drop', 'Contoso.msi', 'not really an msi');
  await expect(page.getByTestId('msi-name')).toHaveText('Contoso.msi');
  await expect(page.getByTestId('symptom-continue')).toBeEnabled();
});
