// Playwright config of the browser e2e suite: Debian Chromium, headless, one preview server on a free port for all specs.
import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A free port, chosen once in the main process; workers inherit it through the environment. */
function freePort(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}
process.env.MSI_DOCTOR_PREVIEW_PORT ??= String(freePort());
const port = Number(process.env.MSI_DOCTOR_PREVIEW_PORT);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: `${REPO}artifacts/e2e/test-results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    viewport: { width: 1024, height: 768 },
    locale: 'en-US',
    trace: 'off',
    screenshot: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node --import tsx e2e/preview/server.ts --port ${port}`,
    cwd: REPO,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
