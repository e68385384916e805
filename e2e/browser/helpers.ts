// Shared steps of the browser e2e specs: reset the simulated scenario, walk the wizard, screenshot and axe every step.
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS = join(REPO, '..', 'shared', 'corpus');

/** Puts the preview's simulated machine back into a scenario (fresh state) through the public API; waits while a
 * scan or repair of the previous test is still winding down (the facade refuses to switch then). */
export async function selectScenario(request: APIRequestContext, name: string): Promise<void> {
  let last = '';
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await request.post('/api/selectScenario', { data: { name } });
    const body = (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
    if (body.ok) return;
    last = body.error?.message ?? 'unknown error';
    if (body.error?.code !== 'forbidden') break;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`selectScenario(${name}) failed: ${last}`);
}

/** Leaves the machine idle for the next test: cancels a repair or scan still running in the page. */
export async function cancelRunning(page: Page): Promise<void> {
  for (const id of ['cancel-fix', 'scan-cancel']) {
    const button = page.getByTestId(id);
    if (await button.isVisible().catch(() => false)) await button.click().catch(() => undefined);
  }
}

/** Screenshots go to artifacts/e2e/<scenario>/<nn-step>.png, numbered in the order taken. */
export class Recorder {
  private n = 0;
  constructor(
    private readonly page: Page,
    private readonly folder: string,
  ) {
    // Fresh folder per run, so the numbered shots always tell the story of this run only.
    rmSync(join(REPO, 'artifacts', 'e2e', folder), { recursive: true, force: true });
    mkdirSync(join(REPO, 'artifacts', 'e2e', folder), { recursive: true });
  }
  async step(name: string): Promise<void> {
    this.n += 1;
    await this.page.waitForTimeout(50); // let the last render settle so the shot matches what users see
    await this.page.screenshot({
      path: join(REPO, 'artifacts', 'e2e', this.folder, `${String(this.n).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
    await expectAccessible(this.page, `${this.folder}/${name}`);
  }
}

/** axe: no serious or critical violations (WCAG 2.1 A/AA rules). */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility violations at ${where}`).toEqual([]);
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('simulated-label')).toBeVisible();
}

export function attachNote(testInfo: TestInfo, note: string): void {
  testInfo.annotations.push({ type: 'note', description: note });
}

/** Step 1 to the findings: the symptom card (and the scenario's own .msi), Continue, allow the admin checks. */
export async function scanFor(page: Page, choice: string, withMsi = false): Promise<void> {
  await page.getByTestId(`choice-${choice}`).click();
  if (withMsi) await page.getByTestId('use-scenario-msi').click();
  await page.getByTestId('symptom-continue').click();
  await page.getByTestId('scan-allow').click();
  await expect(page.locator('[data-testid^="finding-"]').first()).toBeVisible({ timeout: 30_000 });
}

/** The session's JSON report, exported from the report step as a user would, and downloaded. */
export async function exportJson(page: Page): Promise<{
  session: { state: string; found: { cause: string } | null };
  repairs: Array<{ repair: string; state: string; journalId: string | null }>;
}> {
  if (!(await page.getByTestId('export-report').isVisible())) await page.getByTestId('to-report').first().click();
  await page.locator('input[type=radio][value=json]').check();
  await page.getByTestId('export-report').click();
  await expect(page.getByTestId('report-exported')).toBeVisible({ timeout: 30_000 });
  const href = (await page.getByTestId('report-download').getAttribute('href')) as string;
  return (await (await page.request.get(href)).json()) as Awaited<ReturnType<typeof exportJson>>;
}
