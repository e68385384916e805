// Whole-flow walk-throughs on the simulated machine, one per scenario (some in Chinese): symptom -> scan -> findings
// -> fix -> verify -> report, with a screenshot and an axe check on every step.
import { test, expect, type Page } from '@playwright/test';
import { Recorder, cancelRunning, openApp, selectScenario } from './helpers.ts';

interface Walk {
  scenario: string;
  lang: 'en' | 'zh-CN';
  /** The symptom card to pick. */
  choice: 'code-2503' | 'code-1618' | 'code-1603' | 'unsure';
  /** Give the scenario's own .msi (enables the elevated retry in step 5). */
  useMsi?: boolean;
  /** The cause that must come out on top. */
  cause: string;
  /** The repair to run from the findings (the recommended one); absent = advice only. */
  repair?: string;
  /** How step 5 ends: the retried install succeeds (or fails again and is analyzed), or the rescan is clean. */
  verify: 'install-passes' | 'install-fails' | 'rescan-clean' | 'none';
}

const WALKS: Walk[] = [
  {
    scenario: '2503-windows-temp-acl',
    lang: 'en',
    choice: 'code-2503',
    cause: 'installer-folders-access',
    repair: 'restore-windows-temp-acl',
    verify: 'rescan-clean',
  },
  {
    scenario: '2503-windows-temp-acl',
    lang: 'zh-CN',
    choice: 'code-2503',
    useMsi: true,
    cause: 'installer-folders-access',
    repair: 'restore-windows-temp-acl',
    verify: 'install-passes',
  },
  {
    scenario: '2502-not-elevated',
    lang: 'en',
    choice: 'code-2503',
    useMsi: true,
    cause: 'not-elevated',
    repair: 'retry-install-elevated-logged',
    verify: 'none',
  },
  {
    scenario: '1618-stuck-client-install',
    lang: 'en',
    choice: 'code-1618',
    cause: 'another-install-in-progress',
    repair: 'end-stuck-client-install',
    verify: 'rescan-clean',
  },
  {
    scenario: '1618-stuck-client-install',
    lang: 'zh-CN',
    choice: 'code-1618',
    cause: 'another-install-in-progress',
    repair: 'end-stuck-client-install',
    verify: 'rescan-clean',
  },
  {
    scenario: '1618-windows-update-busy',
    lang: 'en',
    choice: 'code-1618',
    cause: 'windows-update-busy',
    repair: 'wait-for-installer',
    verify: 'rescan-clean',
  },
  {
    scenario: '1603-custom-action',
    lang: 'en',
    choice: 'code-1603',
    useMsi: true,
    cause: 'custom-action-failed',
    // Its package has msi.failure: the elevated retry fails again, its new log is analyzed and the wizard returns to
    // the findings with the custom action from that log; the walk ends on the advice, not on "verified".
    verify: 'install-fails',
  },
  {
    scenario: '1603-pending-reboot',
    lang: 'en',
    choice: 'code-1603',
    cause: 'pending-reboot',
    repair: 'restart-computer',
    verify: 'rescan-clean',
  },
  { scenario: 'healthy', lang: 'en', choice: 'unsure', cause: 'no-problem-found', verify: 'none' },
];

/** Checks every confirmation box a plan asks for (the user must tick them explicitly). */
async function confirmAll(page: Page): Promise<void> {
  for (const box of await page.locator('.confirmations input[type=checkbox]').all()) await box.check();
}

test.afterEach(async ({ page }) => {
  await cancelRunning(page);
});

for (const lang of ['en', 'zh-CN'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang === 'zh-CN' ? 'zh-CN' : 'en-US' });
    for (const walk of WALKS.filter((w) => w.lang === lang)) {
      test(`${walk.scenario} (${walk.lang}): symptom to ${(walk.repair || walk.verify !== 'none') && walk.verify !== 'install-fails' ? 'verified fix' : 'advice'}`, async ({
        page: p,
        request,
      }) => {
        await selectScenario(request, walk.scenario);
        const shots = new Recorder(p, `${walk.scenario}${walk.lang === 'zh-CN' ? '-zh-CN' : ''}`);
        await openApp(p);
        await expect(p.locator('html')).toHaveAttribute('lang', walk.lang);
        // The UI really is in that language (not only the lang attribute).
        await expect(p.getByTestId('symptom-continue')).toHaveText(walk.lang === 'zh-CN' ? '继续' : 'Continue');

        // 1. symptom
        await p.getByTestId(`choice-${walk.choice}`).click();
        if (walk.useMsi) {
          await p.getByTestId('use-scenario-msi').click();
          await expect(p.getByTestId('msi-name')).toHaveText(/\.msi$/);
        }
        await shots.step('symptom');
        await p.getByTestId('symptom-continue').click();

        // 2. scan: the explanation before the single elevation prompt, then live rows
        await expect(p.getByTestId('scan-allow')).toBeVisible();
        await shots.step('consent');
        await p.getByTestId('scan-allow').click();

        // 3. findings
        const top = p.locator('[data-testid^="finding-"]').first();
        await expect(top).toHaveAttribute('data-testid', `finding-${walk.cause}`, { timeout: 30_000 });
        const toggle = top.getByRole('button', { expanded: false }).first();
        if (await toggle.count()) await toggle.click();
        await shots.step('findings');
        if (walk.scenario === '1603-custom-action') {
          // Its verbose log sits in %TEMP%: the scan reads the newest failed log by itself; open it at the failing action.
          await expect(p.getByTestId('open-log').first()).toBeVisible({ timeout: 30_000 });
          await expect(top).toHaveAttribute('data-testid', `finding-${walk.cause}`);
          await shots.step('findings-with-log');
          await p.getByTestId('open-log').first().click();
          await expect(p.getByTestId('log-viewer')).toBeVisible();
          await expect(p.locator('.log-row.log-failed')).toBeVisible();
          await shots.step('log-viewer');
          await p.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
        }

        if (walk.repair) {
          // 4. fix: exact commands, risk, admin need and undo before running
          await p.getByTestId(`fix-${walk.repair}`).first().click();
          await expect(p.getByTestId('command-preview')).toBeVisible();
          await expect(p.locator('.command-preview code').first()).not.toBeEmpty();
          await shots.step('fix-preview');
          await confirmAll(p);
          await p.getByTestId('run-fix').click();
          if (walk.repair === 'wait-for-installer') {
            // The countdown is live while Windows Update holds the installer.
            await expect(p.getByTestId('countdown').or(p.getByTestId('repair-result'))).toBeVisible();
          }
          const result = p.getByTestId('repair-result');
          await expect(result).toBeVisible({ timeout: 45_000 });
          await expect(result).toHaveAttribute('data-status', 'succeeded');
          if (walk.repair !== 'restart-computer') await expect(result).toHaveAttribute('data-verified', 'true');
          await shots.step('fix-result');
          await p.getByTestId('to-verify').click();
        } else {
          await p.getByTestId('to-verify').click();
        }

        // 5. verify
        // With the .msi the check is its logged, elevated retry (shown as a plan first), else a rescan.
        await expect(p.getByTestId(walk.useMsi ? 'verify-run' : 'verify-start')).toBeVisible({ timeout: 30_000 });
        if (walk.verify !== 'none') {
          if (walk.verify === 'install-passes' || walk.verify === 'install-fails') {
            await expect(p.getByTestId('command-preview')).toBeVisible();
            if (walk.verify === 'install-fails') await shots.step('verify-preview');
            await p.getByTestId('verify-run').click();
          } else {
            await p.getByTestId('verify-start').click();
          }
          if (walk.verify === 'install-fails') {
            // The retried install failed: its new verbose log was read and the wizard is back on the findings.
            await expect(p.locator('[data-testid="session-banner"][data-state="install-failed"]')).toBeVisible({
              timeout: 45_000,
            });
            await expect(p.getByTestId('verify-passed')).toHaveCount(0);
            await expect(top).toHaveAttribute('data-testid', `finding-${walk.cause}`);
            // The evidence is the NEW log (the retry's, under our data folder), blaming the same custom action.
            const newLog = p.locator('.log-summary', { hasText: /^install-/ });
            await expect(newLog).toHaveCount(1);
            await expect(newLog).toContainText('CA_RegisterLedgerService');
            await shots.step('verify-failed-findings');
            await newLog.getByTestId('open-log').click();
            const viewer = p.getByTestId('log-viewer');
            await expect(viewer).toBeVisible();
            await expect(viewer.locator('.log-row.log-failed')).toBeVisible();
            await expect(viewer).toContainText('CA_RegisterLedgerService');
            await shots.step('verify-failed-log-viewer');
            await p.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
            // The right advice: what to do about a failing custom action (no automated fix claims success).
            await expect(top.locator('.finding-explanation')).not.toBeEmpty();
            const steps = top.locator('details.finding-steps');
            if ((await steps.getAttribute('open')) === null) await steps.locator('summary').click();
            await expect(steps.locator('ol.plain-list li').first()).toBeVisible();
            await shots.step('verify-failed-advice');
          } else {
            await expect(p.getByTestId('verify-passed')).toBeVisible({ timeout: 45_000 });
          }
        }
        if (walk.verify !== 'install-fails') await shots.step('verify');

        // 6. report: export (redacted) and the short summary
        await p.getByTestId('to-report').first().click();
        await p.getByTestId('export-report').click();
        await expect(p.getByTestId('report-exported')).toBeVisible({ timeout: 30_000 });
        const download = await p.getByTestId('report-download').getAttribute('href');
        expect(download).toMatch(/^\/reports\//);
        const exported = await p.request.get(download as string);
        expect(exported.ok()).toBe(true);
        await expect(p.getByTestId('summary')).not.toBeEmpty();
        await p.context().grantPermissions(['clipboard-read', 'clipboard-write']);
        await p.getByTestId('copy-summary').click();
        const copied = await p.evaluate(() => navigator.clipboard.readText());
        expect(copied).toContain(walk.lang === 'zh-CN' ? 'MSI Doctor 摘要' : 'MSI Doctor summary');
        await shots.step('report');
      });
    }
  });
}
