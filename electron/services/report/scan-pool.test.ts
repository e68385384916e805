// The parallel redaction path, and the copy of unchanged UTF-16 text from the input, give byte for byte the serial
// output with every piece encoded again: the hostile log repeated over many small chunks,
// in uniform and mixed encodings, with a hidden property declared after its value and after pieces already sent to
// other lanes, and an over-long line; the scans answered by in-process lanes (the same protocol the threads speak).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScanPool, scanWorkerUrl } from './scan-pool.ts';
import { parallelLog, redactWith } from './scan-pool.test-support.ts';
import { readsAsPlainUtf16 } from './text-regions.ts';

const le = (text: string) => Buffer.from(text, 'utf16le');

const TEXT = parallelLog(40);
const half = TEXT.indexOf('\n', TEXT.length >> 1) + 1;
/** The log without its lines that do not read as plain UTF-16 (CJK whose bytes look like ASCII, as in 当前用户). */
const PLAIN_TEXT = TEXT.split('\n')
  .filter((line) => readsAsPlainUtf16(line))
  .join('\n');
const plainHalf = PLAIN_TEXT.indexOf('\n', PLAIN_TEXT.length >> 1) + 1;
const FILES: Record<string, Buffer> = {
  'UTF-16LE, plain throughout': Buffer.concat([Buffer.from([0xff, 0xfe]), le(PLAIN_TEXT)]),
  'UTF-16LE': Buffer.concat([Buffer.from([0xff, 0xfe]), le(TEXT)]),
  'UTF-16BE': Buffer.concat([Buffer.from([0xfe, 0xff]), le(TEXT).swap16()]),
  'UTF-8': Buffer.from(TEXT, 'utf8'),
  // Plain UTF-16 for many pieces, then a line that is not (the learning pass reads the file again from there on).
  'UTF-16LE with a UTF-8 line in the middle': Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    le(PLAIN_TEXT.slice(0, plainHalf)),
    Buffer.from('ascii line Password=Utf8Middle-secret\r\n', 'utf8'),
    le(PLAIN_TEXT.slice(plainHalf)),
  ]),
  'UTF-16LE with a UTF-8 tail': Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    le(TEXT.slice(0, half)),
    Buffer.from(TEXT.slice(half), 'utf8'),
  ]),
};

async function assertSameAsSerial(bytes: Buffer, chunkBytes: number, laneCounts: number[]): Promise<void> {
  // The reference: one thread, every piece scanned again in each pass and encoded again (plain).
  const serial = await redactWith(bytes, { chunkBytes, plain: true });
  assert.ok(!serial.out.includes(le('Late3Secret-value')) && !serial.out.includes('Late3Secret-value'));
  const copied = await redactWith(bytes, { chunkBytes });
  assert.ok(
    copied.out.equals(serial.out),
    'findings of the learning pass reused, unchanged text copied from the input: same bytes',
  );
  assert.deepEqual(copied.preview, serial.preview);
  for (const lanes of laneCounts) {
    const pool = ScanPool.inline(lanes);
    try {
      const parallel = await redactWith(bytes, { chunkBytes, pool });
      assert.ok(parallel.out.equals(serial.out), `${lanes} lanes, ${chunkBytes}-byte chunks: same bytes`);
      assert.deepEqual(parallel.identities, serial.identities);
      assert.deepEqual(parallel.preview, serial.preview);
      assert.deepEqual(parallel.regions, serial.regions);
      assert.ok(pool.counts.answered > 0, 'the lanes answered some of the pieces');
      if (bytes.equals(FILES['UTF-16LE']!) || bytes.equals(FILES['UTF-16BE']!)) {
        const { learn, find } = pool.counts.sentAsBytes;
        assert.ok(
          learn > 0 && find > 0,
          `uniform UTF-16: lines sent as their bytes in both passes (${learn}, ${find})`,
        );
      }
      // Only a file that reads as plain UTF-16 to its end is learned from its bytes alone; any other is read again
      // (from the piece that does not), and gives the same output.
      const plainThroughout = bytes.equals(FILES['UTF-16LE, plain throughout']!);
      assert.equal(parallel.fromBytes, plainThroughout, 'the learning pass read the bytes alone');
    } finally {
      await pool.close();
    }
  }
}

for (const [name, bytes] of Object.entries(FILES)) {
  test(`parallel scans give the serial output byte for byte: ${name}`, async () => {
    await assertSameAsSerial(bytes, 4099, [1, 2, 3]);
  });
}

test('parallel scans give the serial output byte for byte: an over-long line cut on the main thread', async () => {
  const text = parallelLog(12, true);
  await assertSameAsSerial(Buffer.concat([Buffer.from([0xff, 0xfe]), le(text)]), 1 << 18, [2]);
});

test('the worker entry is found beside the sources and beside a bundle', () => {
  assert.match(scanWorkerUrl('file:///app/electron/services/report/scan-pool.ts').href, /report\/scan-worker\.ts$/);
  assert.equal(
    scanWorkerUrl('file:///app/dist/cli/msi-doctor.mjs').href,
    'file:///app/dist/cli/report-scan-worker.mjs',
  );
  assert.equal(
    scanWorkerUrl('file:///app/dist/electron/main.cjs').href,
    'file:///app/dist/electron/report-scan-worker.cjs',
  );
});
