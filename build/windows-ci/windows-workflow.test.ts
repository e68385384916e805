// .github/workflows/windows.yml cannot run here (no Windows): it is checked to be valid YAML, to name only npm scripts
// package.json defines, and to hold every check issue 15 asks of a real Windows runner. The checker is shown to catch
// what it should.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { workflowProblems, workflowSteps } from './windows-workflow.ts';

const WORKFLOW = readFileSync(new URL('../../.github/workflows/windows.yml', import.meta.url), 'utf8');
const SCRIPTS = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

test('windows.yml is valid YAML and names only npm scripts that exist in package.json', () => {
  assert.deepEqual(workflowProblems(WORKFLOW, SCRIPTS), []);
});

test('windows.yml runs every check of the real Windows runner', () => {
  const jobs = workflowSteps(WORKFLOW);
  const windows = jobs.windows ?? [];
  const runs = windows.map((s) => s.run ?? '').join('\n');
  assert.match(runs, /npm ci\b/);
  assert.match(runs, /npm run test:unit\b/);
  const ps = windows.find((s) => /npm run test:powershell\b/.test(s.run ?? ''));
  assert.equal(
    ps?.env?.MSI_DOCTOR_POWERSHELL,
    'powershell.exe',
    'the PowerShell checks run under Windows PowerShell 5.1',
  );
  assert.match(runs, /msi-doctor -- scan --no-elevate --json[^\n]*\n[^\n]*check-scan scan\.json/);
  assert.match(runs, /msiexec\.exe -ArgumentList @\('\/i'[^\n]*'\/L\*v'/);
  assert.match(runs, /msiexec\.exe -ArgumentList @\('\/x'[^\n]*'\/L\*v'/);
  assert.equal(
    (runs.match(/check-analysis \w+\.json success/g) ?? []).length,
    2,
    'install and uninstall logs analyzed',
  );
  assert.match(runs, /npm run test:electron\b/);
  const build = (jobs['test-package'] ?? []).map((s) => s.run ?? '').join('\n');
  assert.match(build, /npm run ci:windows -- build-msi round-trip/);
  // The PowerShell script filter still finds the checks.
  assert.match(SCRIPTS['test:powershell'] ?? '', /electron\/system\/pwsh\//);
});

test('the checker catches what it should: bad YAML, an unknown script, npx, an unpinned action, npm install', () => {
  assert.match(workflowProblems('jobs: [unclosed', SCRIPTS)[0]!, /not valid YAML/);
  assert.match(workflowProblems('a: 1\na: 2\n', SCRIPTS)[0]!, /not valid YAML/);
  const broken = WORKFLOW.replace('npm run test:unit', 'npm run test:unitz')
    .replace('actions/checkout@v4', 'someone/checkout@main')
    .replace('npm ci --no-audit --no-fund\n      - name: Unit', 'npx something\n      - name: Unit')
    .replace('npm run test:electron', 'npm install electron');
  const problems = workflowProblems(broken, SCRIPTS).join('\n');
  assert.match(problems, /npm run test:unitz is not a script/);
  assert.match(problems, /pinned to a major version/);
  assert.match(problems, /npx may download/);
  assert.match(problems, /never npm install/);
});
