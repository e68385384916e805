// `npm start` where Electron cannot run: it builds, starts the preview server, tries the default browser and, when no
// browser can be opened (no opener on PATH here), prints the address; the server answers on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO } from './test-files.mjs';
import { openInBrowser } from './open-browser.mjs';

/** npm's own entry point: the one running this test (npm test), else the one next to node. */
function npmCli(): string {
  const running = process.env.npm_execpath;
  if (running && existsSync(running)) return running;
  return join(dirname(process.execPath), 'npm');
}

test('no opener on PATH: openInBrowser says so (false) instead of throwing', async () => {
  assert.equal(await openInBrowser('http://127.0.0.1:1/', { platform: 'linux', env: { PATH: '/nonexistent' } }), false);
});

test('npm start with MSI_DOCTOR_PREVIEW=1 and no browser: prints the address of a running preview, stops on SIGTERM', async () => {
  // PATH holds node, npm and the shell npm runs scripts with: no xdg-open, so the address must be printed.
  const bin = mkdtempSync(join(tmpdir(), 'msi-doctor-start-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  symlinkSync(npmCli(), join(bin, 'npm'));
  symlinkSync('/bin/sh', join(bin, 'sh'));
  const child = spawn(process.execPath, [join(REPO, 'build', 'scripts', 'start.mjs')], {
    cwd: REPO,
    env: { PATH: bin, HOME: process.env.HOME ?? tmpdir(), MSI_DOCTOR_PREVIEW: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${out}`)), 120_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /no browser could be opened here[^\n]*\n\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before printing an address:\n${out}`)));
    });
    const response = await fetch(`${url}api/getEnvironment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const body = (await response.json()) as { ok: boolean; value?: { kind: string } };
    assert.equal(body.ok, true);
    assert.equal(body.value?.kind, 'simulated');
  } finally {
    const exited = new Promise((done) => child.on('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(bin, { recursive: true, force: true });
  }
});
