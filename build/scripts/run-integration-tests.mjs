// `npm run test:integration [-- path-filter...]`: every *.integration.test.ts(x) (child processes, bundle builds,
// browsers, pwsh, wixl, the real CLI), each file in its own process as they need, as many at once as there are cores.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { REPO, testFiles } from './test-files.mjs';

const filters = process.argv.slice(2);
const files = testFiles('integration', filters);
if (files.length === 0) {
  console.error(
    filters.length ? 'test:integration: no test files matched.' : 'test:integration: no integration tests.',
  );
  process.exit(filters.length ? 1 : 0);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${availableParallelism()}`, '--test-reporter=spec', ...files],
  { cwd: REPO, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
