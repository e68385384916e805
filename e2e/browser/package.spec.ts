// "I have the .msi": the scenario's package is a real .msi built with wixl (when installed); the findings step shows
// what the .msi reader found in it ("About the package") next to the other findings, in English and Chinese.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { Recorder, expectAccessible, openApp, selectScenario } from './helpers.ts';

const WIXL = spawnSync('wixl', ['--version'], { stdio: 'ignore' }).error === undefined;

test('2502 with the scenario\u2019s .msi: the package card says it installs for all users and needs admin rights', async ({
  page,
  request,
}) => {
  test.skip(!WIXL, 'skipped: wixl not installed (Debian package wixl; .ci/run installs it)');
  await selectScenario(request, '2502-not-elevated');
  const shots = new Recorder(page, 'package');
  await openApp(page);
  await page.getByTestId('choice-code-2503').click();
  await page.getByTestId('use-scenario-msi').click();
  await expect(page.getByTestId('msi-name')).toHaveText(/\.msi$/);
  await page.getByTestId('symptom-continue').click();
  await page.getByTestId('scan-allow').click();
  const card = page.getByTestId('package-card');
  await expect(card).toBeVisible({ timeout: 60_000 });
  await expect(card).toContainText('About the package: Contoso Expense Reporter 3.2 3.2.0');
  await expect(card).toContainText('It installs for all users of this computer: it needs administrator rights.');
  const finding = page.getByTestId('package-finding-per-machine-needs-elevation');
  await finding.locator('summary').click();
  await expect(finding).toContainText('ALLUSERS is 1');
  await expectAccessible(page, 'package card');
  await shots.step('package-card');
});
