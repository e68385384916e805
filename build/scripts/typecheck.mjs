// Type-checks every area with its own tsconfig (the solution's references), so each area sees only its allowed globals.
// The projects are independent: they run as many at once as there are cores. Incremental: tsc keeps what it learned
// in node_modules/.cache/msi-doctor-tsc/, so a second run re-checks only what changed (a fresh clone checks all).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const projects = ['shared', 'renderer', 'electron', 'electron/preload', 'e2e', 'build/tsconfig.tests.json'];
const configs = projects
  .map((project) => ({ project, config: project.endsWith('.json') ? project : `${project}/tsconfig.json` }))
  .filter(({ project, config }) => {
    if (!existsSync(config)) return false;
    // An area with no TypeScript yet (e.g. e2e/ before its first spec) has nothing to check.
    return (
      project.endsWith('.json') || readdirSync(project, { recursive: true }).some((f) => /\.tsx?$/.test(String(f)))
    );
  })
  .map(({ config }) => config);

function check(config) {
  return new Promise((resolve) => {
    const started = Date.now();
    const buildInfo = join('node_modules', '.cache', 'msi-doctor-tsc', `${config.replace(/[\\/]/g, '_')}.tsbuildinfo`);
    const args = ['node_modules/typescript/bin/tsc', '-p', config, '--incremental', '--tsBuildInfoFile', buildInfo];
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      process.stdout.write(output);
      console.log(`typecheck ${config}: ${code === 0 ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`);
      resolve(code === 0);
    });
  });
}

const queue = [...configs];
const results = [];
await Promise.all(
  Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
    while (queue.length > 0) results.push(await check(queue.shift()));
  }),
);
process.exit(results.every(Boolean) ? 0 : 1);
