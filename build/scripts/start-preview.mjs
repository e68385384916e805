// `npm start` where Electron cannot run: the same app in the default browser on the simulated machine (the preview
// server), its address printed whether or not a browser could be opened. Runs until Ctrl+C.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { openInBrowser, previewUrlIn } from './open-browser.mjs';

/** The app's own options that mean something to the preview: `--simulate NAME` picks the first scenario. */
export function previewArgs(argv) {
  for (let i = 0; i < argv.length; i++) {
    const inline = /^--simulate=(.+)$/.exec(argv[i]);
    if (inline) return ['--scenario', inline[1]];
    if (argv[i] === '--simulate' && argv[i + 1]) return ['--scenario', argv[i + 1]];
  }
  return [];
}

/**
 * Starts the preview server (already built renderer) and resolves with its URL and process once it listens; the
 * server's own lines are passed on. `open` is the browser opener (injected by tests).
 */
export function startPreview(root, { args = [], open = openInBrowser, log = console.log } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'e2e', 'preview', 'server.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let found = false;
    const lines = createInterface({ input: child.stdout });
    lines.on('line', async (line) => {
      log(line);
      const url = found ? null : previewUrlIn(line);
      if (!url) return;
      found = true;
      const opened = await open(url);
      log(
        opened
          ? `MSI Doctor: opened ${url} in your browser (Ctrl+C here stops it).`
          : `MSI Doctor: no browser could be opened here. Open this address in a browser on this computer:\n  ${url}\n(Ctrl+C here stops it.)`,
      );
      resolve({ url, child, opened });
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!found) reject(new Error(`the preview server stopped (exit code ${code ?? 'none'}) before it was ready`));
    });
  });
}
