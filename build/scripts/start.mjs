// `npm start`: builds the renderer and the Electron bundles and opens the app. Where Electron cannot run (its
// binary is missing and cannot be downloaded, or Linux without a display), it opens the same app in the default
// browser on the simulated machine instead (the preview server), and prints the address when no browser can be
// opened: the main job runs everywhere. MSI_DOCTOR_PREVIEW=1 asks for the browser directly.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { previewArgs, startPreview } from './start-preview.mjs';

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

function build(scripts) {
  for (const script of scripts) {
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
}

/** The browser instead of the desktop window: the same wizard, on the simulated machine. */
async function runPreview(reason) {
  console.log(`MSI Doctor: ${reason}
Opening the same app in your browser instead, on a simulated Windows machine (nothing on this computer is changed).`);
  build(['build']);
  try {
    const { child } = await startPreview(root, { args: previewArgs(process.argv.slice(2)) });
    const stop = () => child.kill('SIGINT');
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    child.on('exit', (code) => process.exit(code ?? 0));
  } catch (error) {
    console.error(`MSI Doctor: ${error.message}`);
    process.exit(1);
  }
}

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
let binary = process.env.MSI_DOCTOR_PREVIEW === '1' ? null : electronBinary(root);
if (process.env.MSI_DOCTOR_PREVIEW === '1') {
  await runPreview('the browser preview was asked for (MSI_DOCTOR_PREVIEW=1).');
} else if (binary && noDisplay) {
  await runPreview('there is no display here for the desktop window.');
} else {
  if (!binary) {
    const problem = tryDownload();
    binary = electronBinary(root);
    if (!binary)
      await runPreview(
        `the Electron binary is unavailable on this machine (download failed: ${problem ?? 'unknown reason'}).`,
      );
  }
  if (binary) {
    build(['build', 'build:electron']);
    // Forward our own arguments (e.g. `npm start -- --simulate 1618-stuck-client-install`) to the app.
    const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  }
}
