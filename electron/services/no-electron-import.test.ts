// Guard: the system layer, services and CLI are plain Node (no 'electron' import); only elevated-runner.ts imports sudo-prompt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const electronDir = fileURLToPath(new URL('..', import.meta.url));
const ROOTS = ['system', 'services', 'cli'].map((d) => join(electronDir, d));
const SELF = fileURLToPath(import.meta.url); // its sample imports below are test data

function sources(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...sources(full));
    else if (/\.(ts|mts|js|mjs|cjs)$/.test(name) && full !== SELF) files.push(full);
  }
  return files;
}

/** Every module specifier: static import/export-from, dynamic import(), require(). */
export function moduleSpecifiers(source: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) specs.push(match[1]!);
  return specs;
}

test('the specifier scanner sees every import form', () => {
  const sample = `import { app } from 'electron';\nimport type { X } from "electron";\nexport * from 'electron/main';\nconst e = await import('electron');\nrequire("electron");\nimport 'electron';`;
  assert.deepEqual(moduleSpecifiers(sample).sort(), [
    'electron',
    'electron',
    'electron',
    'electron',
    'electron',
    'electron/main',
  ]);
});

test("nothing under electron/system, electron/services, electron/cli imports 'electron'", () => {
  const offenders: string[] = [];
  let scanned = 0;
  for (const root of ROOTS) {
    for (const file of sources(root)) {
      scanned++;
      for (const spec of moduleSpecifiers(readFileSync(file, 'utf8'))) {
        if (spec === 'electron' || spec.startsWith('electron/'))
          offenders.push(`${relative(electronDir, file)} imports ${spec}`);
      }
    }
  }
  assert.ok(scanned > 10, `scanned ${scanned} files`);
  assert.deepEqual(offenders, []);
});

test('only electron/system/run/elevated-runner.ts imports @vscode/sudo-prompt', () => {
  const importers: string[] = [];
  for (const root of ROOTS) {
    for (const file of sources(root)) {
      if (moduleSpecifiers(readFileSync(file, 'utf8')).includes('@vscode/sudo-prompt'))
        importers.push(relative(electronDir, file).replace(/\\/g, '/'));
    }
  }
  assert.deepEqual(importers, ['system/run/elevated-runner.ts']);
});
