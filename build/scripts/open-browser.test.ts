// npm start's browser fallback, pure parts: the opener of each platform, the preview's address, the options it takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openerCommand, previewUrlIn } from './open-browser.mjs';
import { previewArgs } from './start-preview.mjs';

test('the default browser is opened with the platform’s own opener, by absolute path where the system has one', () => {
  const url = 'http://127.0.0.1:5173/';
  assert.deepEqual(openerCommand('linux', url), { file: 'xdg-open', args: [url] });
  assert.deepEqual(openerCommand('darwin', url), { file: '/usr/bin/open', args: [url] });
  // "start" takes a first quoted argument as the window title: an empty one, so the URL is never the title.
  assert.deepEqual(openerCommand('win32', url, { SystemRoot: 'D:\\Windows' }), {
    file: 'D:\\Windows\\System32\\cmd.exe',
    args: ['/d', '/c', 'start', '""', url],
  });
});

test('the preview’s printed address is found in its ready line, and only a loopback address is taken', () => {
  assert.equal(
    previewUrlIn('MSI Doctor preview (simulated machine): http://127.0.0.1:41234/'),
    'http://127.0.0.1:41234/',
  );
  assert.equal(previewUrlIn('see http://example.com:80/ for more'), null);
  assert.equal(previewUrlIn(''), null);
});

test('npm start -- --simulate NAME opens the preview on that scenario; other app options are not the preview’s', () => {
  assert.deepEqual(previewArgs(['--simulate', '1618-stuck-client-install']), [
    '--scenario',
    '1618-stuck-client-install',
  ]);
  assert.deepEqual(previewArgs(['--simulate=healthy']), ['--scenario', 'healthy']);
  assert.deepEqual(previewArgs(['C:\\x.log', '--inspect=0']), []);
});
