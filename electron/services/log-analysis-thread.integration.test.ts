// The app's and the preview's log analysis runs in worker threads: same answer as in-process, bad input still a
// LogInputError, many at once, and the main thread keeps turning while a big log is read (no wall-time thresholds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { analyzeLogOffThread } from './log-analysis-thread.ts';
import { analyzeLogFile, analyzeLogStream, LogInputError } from './log-file-analyzer.ts';
import { analyzeLogPath } from './scan-log-reader.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../shared/msilog/fixtures/${name}`, import.meta.url));

test('off the main thread, the same analysis as in-process', async () => {
  for (const name of ['verbose-deferred-ca.log.txt', 'rep-nested-1714.log.txt', 'burn-hresult-retry.log.txt']) {
    const path = fixture(name);
    assert.deepEqual(await analyzeLogOffThread({ path }), await analyzeLogFile(path), name);
  }
});

test('bad input is still a LogInputError with its kind and both languages', async () => {
  await assert.rejects(analyzeLogOffThread({ path: fixture('no-such-file.log') }), (error: unknown) => {
    assert.ok(error instanceof LogInputError);
    assert.equal(error.kind, 'not-found');
    assert.ok(error.text['zh-CN'].length > 0);
    return true;
  });
  await assert.rejects(analyzeLogOffThread({ path: 'x.log', bytes: new Uint8Array(0) }), /empty/);
});

test('many analyses at once all come back right (two workers, the rest wait their turn)', async () => {
  const names = ['ci-iso-prefix.log.txt', 'files-in-use.log.txt', 'authoring-2235.log.txt', 'cabinet-source.log.txt'];
  const all = await Promise.all([...names, ...names].map((n) => analyzeLogPath(fixture(n))));
  assert.deepEqual(
    all.map((a) => a.causes[0]?.id),
    [...names, ...names].map(
      (n) =>
        ({
          'ci-iso-prefix.log.txt': 'service-start-failed',
          'files-in-use.log.txt': 'files-in-use',
          'authoring-2235.log.txt': 'package-invalid',
          'cabinet-source.log.txt': 'source-missing',
        })[n],
    ),
  );
});

/** A verbose log of about `mb` MiB in one buffer (a simulated machine hands over its files whole). */
function bigLog(mb: number): Uint8Array {
  const line = 'MSI (s) (D0:A0) [10:00:00:000]: Executing op: RegAddValue(Name=Setting,Value=#1,)\r\n';
  const tail =
    'Action ended 10:59:59: InstallFinalize. Return value 3.\r\nMSI (s) (D0:A0) [10:59:59:999]: MainEngineThread is returning 1603\r\n';
  return Buffer.from(line.repeat(Math.ceil((mb * 1024 * 1024) / line.length)) + tail, 'utf8');
}

/** How many times the event loop turned while `work` was pending. */
async function turnsWhile(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  await work;
  done = true;
  return turns;
}

test('the main thread keeps turning while a worker reads a big log (in-process it would not)', async () => {
  const bytes = bigLog(24);
  const inWorker = await turnsWhile(
    analyzeLogPath('C:\\Users\\x\\AppData\\Local\\Temp\\MSI1.LOG', { readFile: () => bytes }),
  );
  assert.ok(inWorker > 0, 'the event loop turned while the worker analyzed');
  // The same bytes analyzed on this thread hold the loop for the whole analysis.
  const inProcess = await turnsWhile(analyzeLogStream(Readable.from([Buffer.from(bytes)]), 'MSI1.LOG'));
  assert.ok(inProcess <= 1, `in-process, the loop turned ${inProcess} times`);
});
