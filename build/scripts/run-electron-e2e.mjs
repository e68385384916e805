// `npm run test:electron`: runs e2e/electron/*.e2e.ts against the real Electron binary, or, where there is none
// (no download possible), prints ONE line saying so and exits 0.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = electronBinary(root);
if (!binary) {
  console.log('electron e2e: skipped — no Electron binary on this machine (node_modules/electron/dist is missing; `node node_modules/electron/install.js` downloads it where the network allows).');
  process.exit(0);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const script of ['build', 'build:electron']) {
  const built = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const specs = readdirSync(join(root, 'e2e', 'electron'))
  .filter((f) => f.endsWith('.e2e.ts'))
  .map((f) => join('e2e', 'electron', f));
// Linux CI without a display: wrap in xvfb-run when it exists and no DISPLAY is set.
const needsXvfb = process.platform === 'linux' && !process.env.DISPLAY && spawnSync('which', ['xvfb-run']).status === 0;
const command = needsXvfb ? 'xvfb-run' : process.execPath;
const args = [...(needsXvfb ? ['-a', process.execPath] : []), '--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...specs];
const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, MSI_DOCTOR_ELECTRON_BINARY: binary } });
process.exit(result.status ?? 1);
