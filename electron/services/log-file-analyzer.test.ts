// Tests the log file reader: reused buffers and 64 KiB pieces give the analysis of the whole bytes; bad paths are one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeLogFile, LogInputError, LOG_CHUNK_BYTES, LOG_PIECE_BYTES } from './log-file-analyzer.ts';
import { analyzeAnyBytes } from '../../shared/deploylog/index.ts';

/** A UTF-16LE verbose log over several read chunks whose lines (CJK, emoji, CRLF) cross every piece boundary. */
function bigLog(minBytes: number): Buffer {
  const lines = ['=== Verbose logging started: 1/2/2026  10:00:00  Build type: SHIP UNICODE 5.00.10011.00 ==='];
  let chars = 0;
  for (let i = 0; chars * 2 < minBytes; i++) {
    const line =
      i % 7 === 0
        ? `Contoso: 步骤 ${i} 😀 output of the custom action ${'x'.repeat(i % 53)}`
        : `MSI (s) (A4:B8) [10:00:00:${String(i % 1000).padStart(3, '0')}]: Executing op: RegAddValue(Name=Setting${i},Value=#${i},)`;
    lines.push(line);
    chars += line.length + 2;
  }
  lines.push(
    'MSI (s) (A4:B8) [10:00:01:000]: Executing op: CustomActionSchedule(Action=ConfigureDb,ActionType=3073,Source=BinaryData,Target=ConfigureDb,)',
    'ConfigureDb: 登录失败 Login failed for user CONTOSO\\svc.',
    'CustomAction ConfigureDb returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)',
    'Action ended 10:00:02: InstallFinalize. Return value 3.',
    'MSI (s) (A4:B8) [10:00:02:000]: Windows Installer installed the product. Product Name: Contoso. Product Version: 1.0. Product Language: 1033. Manufacturer: Contoso. Installation success or error status: 1603.',
    '=== Verbose logging stopped: 1/2/2026  10:00:02 ===',
  );
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le')]);
}

test('a log over several reads gives exactly the analysis of its bytes at once (buffers reused, 64 KiB pieces)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-reader-'));
  try {
    // An odd total length too: the last piece ends in half a code unit.
    for (const extra of [0, 1]) {
      const bytes = Buffer.concat([
        bigLog(2 * LOG_CHUNK_BYTES + 3 * LOG_PIECE_BYTES + 1234),
        Buffer.alloc(extra, 0x41),
      ]);
      const path = join(dir, `big-${extra}.log`);
      writeFileSync(path, bytes);
      const fromFile = await analyzeLogFile(path);
      const { analysis: whole, problem } = analyzeAnyBytes(bytes, path);
      assert.equal(problem, null);
      // processes aside: the line classifier remembers the last engine process head across analyses in one process.
      assert.deepEqual({ ...fromFile, processes: [] }, { ...whole, processes: [] });
      assert.equal(fromFile.outcome, 'failure');
      assert.equal(fromFile.byteCount, bytes.length);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a small log (one short read) and an empty file: analysis and a one-line problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-reader-'));
  try {
    const small = bigLog(4000);
    writeFileSync(join(dir, 'small.log'), small);
    assert.deepEqual(
      await analyzeLogFile(join(dir, 'small.log')),
      analyzeAnyBytes(small, join(dir, 'small.log')).analysis,
    );
    writeFileSync(join(dir, 'empty.log'), '');
    await assert.rejects(analyzeLogFile(join(dir, 'empty.log')), (e: unknown) => e instanceof LogInputError);
    await assert.rejects(
      analyzeLogFile(join(dir, 'missing.log')),
      (e: unknown) => e instanceof LogInputError && e.kind === 'not-found',
    );
    await assert.rejects(analyzeLogFile(dir), (e: unknown) => e instanceof LogInputError && e.kind === 'directory');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
