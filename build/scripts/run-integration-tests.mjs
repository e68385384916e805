// `npm run test:integration [-- path-filter...]`: every *.integration.test.ts(x) (child processes, bundle builds,
// browsers, pwsh, wixl, the real CLI), each file in its own process as they need, as many at once as there are cores.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { REPO, testFiles } from './test-files.mjs';
import { cliBundleUrl } from './cli-bundle.mjs';

const filters = process.argv.slice(2);
const files = testFiles('integration', filters);
if (files.length === 0) {
  console.error(
    filters.length ? 'test:integration: no test files matched.' : 'test:integration: no integration tests.',
  );
  process.exit(filters.length ? 1 : 0);
}
// Tests that run `msi-doctor` run the prebuilt bundle: bring it up to date once, before files run in parallel.
await cliBundleUrl();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${availableParallelism()}`, '--test-reporter=spec', ...files],
  { cwd: REPO, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
