// The report's scan threads for real: started from the sources (bundled in memory), from the CLI bundle's entry and
// from the Electron main bundle's entry, each answers scans, and a redacted copy or a whole exported ZIP is byte for
// byte what the export writes on one thread. A thread that cannot start leaves its work to the calling thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { createReportService } from '../report-service.ts';
import { makeScanFixture } from '../../../shared/report/fixtures/scan-fixture.ts';
import { ScanPool } from './scan-pool.ts';
import { parallelLog, redactWith } from './scan-pool.test-support.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const BYTES = le(parallelLog(60));

async function assertThreadsMatch(pool: ScanPool): Promise<void> {
  try {
    const serial = await redactWith(BYTES, { chunkBytes: 1 << 16 });
    const threaded = await redactWith(BYTES, { chunkBytes: 1 << 16, pool });
    assert.ok(threaded.out.equals(serial.out), 'same redacted bytes');
    assert.deepEqual(threaded.preview, serial.preview);
    assert.ok(pool.counts.answered > 0, `the threads answered (${JSON.stringify(pool.counts)})`);
  } finally {
    await pool.close();
  }
}

test('scan threads started from the sources give the serial output', async () => {
  await assertThreadsMatch(ScanPool.threads(1));
});

test("scan threads started from the CLI bundle's entry give the serial output", async () => {
  const built = spawnSync(process.execPath, [join(REPO, 'build', 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  const entry = join(REPO, 'dist', 'cli', 'report-scan-worker.mjs');
  await assertThreadsMatch(ScanPool.threads(1, pathToFileURL(entry)));
});

test("scan threads started from the Electron main bundle's entry give the serial output", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-scan-bundle-'));
  try {
    const built = spawnSync(process.execPath, [join(REPO, 'build', 'scripts', 'build-electron.mjs'), '--out', dir], {
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
    await assertThreadsMatch(ScanPool.threads(1, pathToFileURL(join(dir, 'report-scan-worker.cjs'))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a scan thread that cannot start leaves the work to the calling thread, with the same output', async () => {
  const pool = ScanPool.threads(2, new URL('file:///nonexistent/report-scan-worker.mjs'));
  try {
    const serial = await redactWith(BYTES, { chunkBytes: 1 << 16 });
    const fallback = await redactWith(BYTES, { chunkBytes: 1 << 16, pool });
    assert.ok(fallback.out.equals(serial.out));
    assert.equal(pool.counts.answered, 0);
  } finally {
    await pool.close();
  }
});

test('a ZIP exported with scan threads equals the one exported on one thread, entry by entry', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-scan-export-'));
  try {
    // Over the size from which the export uses its threads.
    const log = join(dir, 'MSI_big_install.log');
    writeFileSync(log, le(parallelLog(1500)));
    const base = makeScanFixture();
    const scan = { ...base, logs: [{ ...base.logs[0]!, file: log }] };
    const now = () => new Date('2026-12-04T12:00:00Z');
    const entries = async (scanThreads: number) => {
      const out = join(dir, `report-${scanThreads}.zip`);
      await createReportService({ dataDir: null, now, scanThreads }).export(scan, {
        format: 'zip',
        redact: true,
        lang: 'en',
        outPath: out,
        appLogPath: null,
      });
      return unzipSync(new Uint8Array(await readFile(out)));
    };
    const [threaded, serial] = [await entries(1), await entries(0)];
    assert.deepEqual(Object.keys(threaded).sort(), Object.keys(serial).sort());
    for (const name of Object.keys(serial))
      assert.ok(Buffer.from(threaded[name]!).equals(Buffer.from(serial[name]!)), `${name}: same bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
