// Tests of the app:// protocol: the path-traversal guard and the handler's responses (status, MIME, CSP header).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppProtocolHandler, resolveAppPath } from './app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

const root = join(tmpdir(), 'msi-doctor-renderer-root');

test('normal paths map under the root; / serves index.html', () => {
  assert.deepEqual(resolveAppPath('app://msi-doctor/', root), { ok: true, path: join(root, 'index.html') });
  assert.deepEqual(resolveAppPath('app://msi-doctor', root), { ok: true, path: join(root, 'index.html') });
  assert.deepEqual(resolveAppPath('app://msi-doctor/assets/index-abc.js?v=1#x', root), {
    ok: true,
    path: join(root, 'assets', 'index-abc.js'),
  });
  assert.deepEqual(resolveAppPath('app://msi-doctor/assets/%E5%9B%BE.png', root), {
    ok: true,
    path: join(root, 'assets', '图.png'),
  });
  assert.deepEqual(resolveAppPath('app://msi-doctor/./assets//a.css', root), {
    ok: true,
    path: join(root, 'assets', 'a.css'),
  });
});

test('traversal attempts are refused', () => {
  const attempts = [
    'app://msi-doctor/../secret.txt',
    'app://msi-doctor/assets/../../secret.txt',
    'app://msi-doctor/%2e%2e/secret.txt',
    'app://msi-doctor/%2E%2E/%2E%2E/etc/passwd',
    'app://msi-doctor/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://msi-doctor/%252e%252e/secret.txt',
    'app://msi-doctor/..%5c..%5cWindows%5cwin.ini',
    'app://msi-doctor/assets\\..\\..\\secret.txt',
    'app://msi-doctor/C:/Windows/win.ini',
    'app://msi-doctor/c%3a%5cWindows%5cwin.ini',
    'app://msi-doctor//etc/passwd',
    'app://msi-doctor/%2f%2fserver/share/x',
    'app://msi-doctor/index.html%00.png',
    'app://msi-doctor/index.html::$DATA',
    'app://msi-doctor/.../x',
    'app://msi-doctor/%',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'https://msi-doctor/index.html',
    'not a url',
  ];
  for (const url of attempts) {
    const result = resolveAppPath(url, root);
    assert.equal(result.ok, false, url);
  }
});

test('the handler serves files with MIME type and CSP, 404s missing files, refuses traversal and non-GET', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'msi-doctor-proto-'));
  await mkdir(join(dir, 'dist'));
  await writeFile(join(dir, 'dist', 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(dir, 'secret.txt'), 'top secret');
  const handler = createAppProtocolHandler({ root: join(dir, 'dist'), readFile: (p) => readFile(p) });

  const ok = await handler({ url: 'app://msi-doctor/index.html', method: 'GET' });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(ok.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.equal(ok.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(await ok.text(), '<!doctype html><title>x</title>');

  const missing = await handler({ url: 'app://msi-doctor/nope.js', method: 'GET' });
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);

  const escape = await handler({ url: 'app://msi-doctor/%2e%2e/secret.txt', method: 'GET' });
  assert.equal(escape.status, 403);
  assert.notEqual(await escape.text(), 'top secret');

  assert.equal((await handler({ url: 'app://msi-doctor/index.html', method: 'POST' })).status, 405);
});

test('the CSP allows no inline script, no eval and no remote origins', () => {
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|https?:|\*/);
  assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
  assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
});
