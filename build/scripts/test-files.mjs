// Finds the test files of each kind: unit (`*.test.ts(x)`: pure, in-process) and integration
// (`*.integration.test.ts(x)`: child processes, bundles, browsers, pwsh, wixl, the real CLI).
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const ROOTS = ['shared', 'electron', 'renderer', 'build', 'e2e'];
const INTEGRATION = /\.integration\.test\.tsx?$/;
const ANY_TEST = /\.test\.tsx?$/;

/** @param {'unit' | 'integration'} kind @param {string[]} filters substrings of the repo-relative path (any matches) */
export function testFiles(kind, filters = []) {
  const files = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an area that does not exist (yet)
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (ANY_TEST.test(entry.name) && INTEGRATION.test(entry.name) === (kind === 'integration')) files.push(full);
    }
  };
  for (const root of ROOTS) walk(join(REPO, root));
  const relativePaths = files.map((f) => relative(REPO, f).split(sep).join('/')).sort();
  return filters.length ? relativePaths.filter((f) => filters.some((x) => f.includes(x))) : relativePaths;
}
