// `npm run test:electron`: the Electron end-to-end tests.
//  - e2e/electron/*.e2e.ts run the real app through Playwright's _electron; where there is no Electron binary (no
//    download possible) they are skipped with ONE line saying so.
//  - e2e/electron/*.chromium.ts always run: the built renderer in Debian Chromium over the real preload code, IPC
//    router and facade (the Electron transport minus Electron itself).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const binary = electronBinary(root);
const specs = readdirSync(join(root, 'e2e', 'electron'))
  .filter((f) => f.endsWith('.chromium.ts') || (binary && f.endsWith('.e2e.ts')))
  .map((f) => join('e2e', 'electron', f));
if (!binary) {
  console.log(
    'electron e2e: skipped — no Electron binary on this machine (node_modules/electron/dist is missing; `node node_modules/electron/install.js` downloads it where the network allows).',
  );
}

for (const script of binary ? ['build', 'build:electron'] : ['build']) {
  const built = spawnSync(npm, ['run', '--silent', script], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
// Linux CI without a display: wrap the real-Electron run in xvfb-run when it exists and no DISPLAY is set.
const needsXvfb =
  binary && process.platform === 'linux' && !process.env.DISPLAY && spawnSync('which', ['xvfb-run']).status === 0;
const command = needsXvfb ? 'xvfb-run' : process.execPath;
const args = [
  ...(needsXvfb ? ['-a', process.execPath] : []),
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  ...specs,
];
const result = spawnSync(command, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...(binary ? { MSI_DOCTOR_ELECTRON_BINARY: binary } : {}) },
});
process.exit(result.status ?? 1);
