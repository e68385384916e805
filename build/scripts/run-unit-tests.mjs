// Runs every *.test.ts / *.test.tsx under shared/, electron/, renderer/ and build/ with Node's test runner (tsx loader).
// Usage: node build/scripts/run-unit-tests.mjs [path-filter...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['shared', 'electron', 'renderer', 'build'];
const filters = process.argv.slice(2);
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.test\.tsx?$/.test(name)) files.push(full);
  }
}
for (const root of roots) {
  try {
    walk(root);
  } catch {
    // area not created yet
  }
}
const selected = filters.length ? files.filter((f) => filters.some((x) => f.includes(x))) : files;
if (selected.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...selected.sort()],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
