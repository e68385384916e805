// `npm start`: builds the renderer and the Electron bundles and opens the app. When the Electron binary is missing
// it tries the `electron` package's download once; if that is impossible (no network) it says so in one clear
// message, points to `npm run preview`, and exits 0.
//
// Why exit 0 there: nothing is broken in the project — the machine just cannot run Electron — and a non-zero code
// would make npm bury the one useful line under its own "Lifecycle script failed" block. Scripts that need the
// app itself should check for the binary (build/scripts/electron-binary.mjs) rather than rely on `npm start`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function tryDownload() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed';
  console.log(
    'MSI Doctor: the Electron binary is missing; downloading it once (node node_modules/electron/install.js)…',
  );
  // Output captured: on failure @electron/get prints a long stack; one line is enough here.
  const result = spawnSync(process.execPath, [installer], {
    cwd: join(root, 'node_modules', 'electron'),
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status === 0) return null;
  const lines = `${result.stderr ?? ''}${result.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    lines.find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|certificate/i.test(l)) ??
    (result.error?.message || `exit code ${result.status}`)
  );
}

let binary = electronBinary(root);
if (!binary) {
  const problem = tryDownload();
  binary = electronBinary(root);
  if (!binary) {
    console.log(`
MSI Doctor: the Electron binary is unavailable on this machine, so the desktop app cannot open here.
  (download failed: ${problem ?? 'unknown reason'})
Try the same app in your browser instead, on the simulated machine:
  npm run preview        builds the wizard and prints a http://127.0.0.1 URL to open
Or use the command line:
  npx msi-doctor --help`);
    process.exit(0);
  }
}

for (const script of ['build', 'build:electron']) {
  const result = spawnSync(npm, ['run', '--silent', script], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`MSI Doctor: \`npm run ${script}\` failed; the app was not started.`);
    process.exit(result.status ?? 1);
  }
}

// Forward our own arguments (e.g. `npm start -- --simulate 1618-stuck-client-install`) to the app.
const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
