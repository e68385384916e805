// Bench of the `msi-doctor` command's start-up and analysis: wall time of `msi-doctor analyze` on a real 2.4 MB log
// (the prebuilt bundle, as `npx msi-doctor` runs it) against `node -e 0` in the same run, rounds interleaved, medians
// compared (target: at most 4x); and the same command through tsx from the sources (how the CLI ran before).
// Usage: npm run bench:cli [-- --rounds 15 --log path/to/file.log]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBundleUrl } from '../scripts/cli-bundle.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const rounds = Number(option('rounds', '15'));
const log = option('log', join(REPO, '..', 'shared', 'corpus', 'msi-logs', 'dell-supportassist-install-success.log'));
if (!existsSync(log)) {
  console.log(`bench:cli: skipped — ${log} not found (the corpus lives in ../shared beside the repo).`);
  process.exit(0);
}
await cliBundleUrl(); // build once now, not inside a timed run

const commands: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'msi-doctor analyze (prebuilt bundle)': [join(REPO, 'electron', 'cli', 'bin', 'msi-doctor.mjs'), 'analyze', log],
  'msi-doctor analyze through tsx (sources)': [
    join(REPO, 'electron', 'cli', 'bin', 'msi-doctor-sources.mjs'),
    'analyze',
    log,
  ],
};

function wallMs(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr.toString()}`);
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const loadBefore = load();
const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (let round = 0; round < rounds; round++)
  for (const [name, args] of Object.entries(commands)) times[name]!.push(wallMs(args));

const baseline = median(times['node -e 0']!);
console.log(`bench:cli: ${rounds} interleaved rounds, median wall time; log ${log}`);
for (const [name, values] of Object.entries(times)) {
  const ms = median(values);
  console.log(
    `  ${name.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms  (min ${Math.min(...values).toFixed(0)} ms)  ${(ms / baseline).toFixed(2)}x node -e 0`,
  );
}
console.log(`  load average before: ${loadBefore}; after: ${load()}`);
