// Checks the packaging config's security-relevant settings: asar, fuses, asInvoker, per-user NSIS without admin,
// files list without sources/tests, artifact names without spaces, version from package.json, "Open with" only.
// (electron-builder's own validation of it loads the builder: electron-builder-config.integration.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
type Config = Record<string, unknown> & {
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { requestedExecutionLevel: string; target: Array<{ target: string; arch: string[] }>; icon: string };
  nsis: Record<string, unknown>;
  portable: Record<string, unknown>;
  linux: { target: Array<{ target: string }>; icon: string };
};
const config = require('./electron-builder.config.cjs') as Config;

test('asar on and every security fuse set', () => {
  assert.equal(config.asar, true);
  assert.deepEqual(
    {
      runAsNode: config.electronFuses.runAsNode,
      enableNodeOptionsEnvironmentVariable: config.electronFuses.enableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: config.electronFuses.enableNodeCliInspectArguments,
      enableEmbeddedAsarIntegrityValidation: config.electronFuses.enableEmbeddedAsarIntegrityValidation,
      onlyLoadAppFromAsar: config.electronFuses.onlyLoadAppFromAsar,
      enableCookieEncryption: config.electronFuses.enableCookieEncryption,
      grantFileProtocolExtraPrivileges: config.electronFuses.grantFileProtocolExtraPrivileges,
    },
    {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    },
  );
});

test('Windows: asInvoker, x64 NSIS per-user without elevation, portable as user', () => {
  assert.equal(config.win.requestedExecutionLevel, 'asInvoker');
  assert.deepEqual(config.win.target.map((t) => `${t.target}:${t.arch.join(',')}`).sort(), [
    'nsis:x64',
    'portable:x64',
  ]);
  assert.equal(config.nsis.perMachine, false);
  assert.equal(config.nsis.allowElevation, false);
  assert.equal(config.portable.requestExecutionLevel, 'user');
  assert.deepEqual(
    config.linux.target.map((t) => t.target),
    ['AppImage'],
  );
});

test('files: only the bundles; no sources, tests, e2e, corpus, maps or node_modules', () => {
  const included = config.files.filter((f) => !f.startsWith('!'));
  assert.deepEqual(included.sort(), ['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']);
  for (const exclusion of [
    '!**/*.ts',
    '!**/*.tsx',
    '!**/*.test.*',
    '!e2e/**/*',
    '!**/corpus/**/*',
    '!**/*.map',
    '!**/node_modules/**/*',
  ]) {
    assert.ok(config.files.includes(exclusion), exclusion);
  }
  assert.equal((config.extraMetadata as { main: string }).main, 'dist/electron/main.cjs');
});

test('names without spaces, version from package.json, icons present', () => {
  assert.doesNotMatch(String(config.productName), /\s/);
  for (const name of [config.artifactName, config.nsis.artifactName, config.portable.artifactName]) {
    assert.equal(typeof name, 'string');
    assert.doesNotMatch(String(name).replace(/\$\{[a-zA-Z]+\}/g, 'x'), /\s/);
    assert.match(String(name), /\$\{version\}/);
  }
  assert.notEqual(config.nsis.artifactName, config.portable.artifactName, 'two .exe artifacts must not collide');
  assert.ok(!('version' in config) && !('buildVersion' in config), 'the version comes from package.json');
  const png = readFileSync(join(here, 'icon.png'));
  assert.equal(png.readUInt32BE(16), 512);
  assert.equal(png.readUInt32BE(20), 512);
  const ico = readFileSync(join(here, 'icon.ico'));
  assert.equal(ico.readUInt16LE(2), 1);
  assert.ok(ico.readUInt16LE(4) >= 5, 'several icon sizes');
});

test('"Open with" for .log/.msi without becoming their default handler', () => {
  assert.ok(!('fileAssociations' in config), 'electron-builder fileAssociations would take over the default program');
  const nsh = readFileSync(join(here, 'installer.nsh'), 'utf8');
  assert.match(nsh, /OpenWithProgids" "\$\{PROGID\}"/);
  assert.match(nsh, /msiDoctorOpenWith "log"/);
  assert.match(nsh, /msiDoctorOpenWith "msi"/);
  // Never writes the default value of HKCU\Software\Classes\.log or .msi.
  assert.doesNotMatch(nsh, /Software\\Classes\\\.\$\{EXT\}" ""/);
  assert.doesNotMatch(nsh, /Software\\Classes\\\.(log|msi)" ""/);
  assert.match(nsh, /!macro customUnInstall[\s\S]*msiDoctorRemoveOpenWith "log"[\s\S]*msiDoctorRemoveOpenWith "msi"/);
  assert.match(nsh, /!macro msiDoctorRemoveOpenWith[\s\S]*DeleteRegValue[\s\S]*OpenWithProgids/);
});
