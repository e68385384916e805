// Bench of the log viewer's backend: a generated 1,000,000-line log read through the app facade (getLogLines: first
// window incl. building the line index, a cached window deep in the file; searchLog), timings and machine load printed.
// Usage: npm run bench:log-lines [-- --lines 1000000]
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../shared/contract/result.ts';
import { dispatchApi } from '../../electron/services/api-dispatch.ts';
import { createAppServices } from '../../electron/services/app-services.ts';
import { ReadablePaths } from '../../electron/services/readable-paths.ts';

const linesArg = process.argv.indexOf('--lines');
const LINES = linesArg > 0 ? Number(process.argv[linesArg + 1]) : 1_000_000;
const FAILURE_AT = Math.floor(LINES * 0.765432);

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

const dir = await mkdtemp(join(tmpdir(), 'msi-doctor-bench-lines-'));
try {
  const path = join(dir, 'big.log');
  const out = createWriteStream(path);
  for (let i = 0; i < LINES; i++) {
    const line =
      i === FAILURE_AT
        ? 'Action ended 12:00:00: InstallFinalize. Return value 3.\r\n'
        : `MSI (s) (1C:2C) [12:00:00:000]: line ${i} doing things\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');

  const readablePaths = new ReadablePaths();
  readablePaths.grant(path);
  const services = createAppServices({
    platform: 'linux',
    dataDir: dir,
    emit: () => {},
    appVersion: 'bench',
    readablePaths,
  });
  const [first, indexMs] = await timed(async () =>
    value(await dispatchApi(services, 'getLogLines', { path, from: 0, count: 200 })),
  );
  const [window, windowMs] = await timed(async () =>
    value(await dispatchApi(services, 'getLogLines', { path, from: FAILURE_AT - 32, count: 100 })),
  );
  const [found, searchMs] = await timed(async () =>
    value(await dispatchApi(services, 'searchLog', { path, query: 'return value 3', limit: 10 })),
  );
  if (first.total !== LINES || !window.lines[32]?.includes('Return value 3') || found.matches[0] !== FAILURE_AT)
    throw new Error('wrong result: the bench measured a broken service');
  const mb = ((await stat(path)).size / 1e6).toFixed(0);
  console.log(
    `${LINES.toLocaleString('en')}-line log (${mb} MB): first window incl. index ${indexMs.toFixed(0)} ms, ` +
      `cached window ${windowMs.toFixed(1)} ms, search ${searchMs.toFixed(0)} ms ` +
      `(load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')})`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
