// Type-checks every area with its own tsconfig (the solution's references), so each area sees only its allowed globals.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const projects = ['shared', 'renderer', 'electron', 'e2e', 'build/tsconfig.tests.json'];
let failed = false;
for (const project of projects) {
  const config = project.endsWith('.json') ? project : `${project}/tsconfig.json`;
  if (!existsSync(config)) continue;
  // An area with no TypeScript yet (e.g. e2e/ before its first spec) has nothing to check.
  if (!project.endsWith('.json') && !readdirSync(project, { recursive: true }).some((f) => /\.tsx?$/.test(String(f))))
    continue;
  const started = Date.now();
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config], { stdio: 'inherit' });
  console.log(`typecheck ${config}: ${result.status === 0 ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`);
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
