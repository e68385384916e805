// Tests that bad input (empty, PNG, .msi, random bytes, plain text, truncated UTF-16, a 2 GB sparse file) gives a clear verdict fast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, closeSync, ftruncateSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBytes, createLogAnalyzer } from './log-analyzer.ts';

test('empty input', () => {
  const { problem } = analyzeBytes(new Uint8Array(0));
  assert.equal(problem?.kind, 'empty');
  assert.match(problem!.message.en, /empty/);
  assert.ok(problem!.message['zh-CN'].length > 0);
});

test('PNG image and .msi (OLE) package are binaries, named as such', () => {
  const png = Buffer.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    0x0d,
    0x49,
    0x48,
    0x44,
    0x52,
    ...new Array(200).fill(7),
  ]);
  assert.deepEqual([analyzeBytes(png).problem?.kind, analyzeBytes(png).problem?.detail], ['binary', 'png']);
  const msi = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0x11)]);
  const r = analyzeBytes(msi);
  assert.equal(r.problem?.detail, 'ole-msi');
  assert.match(r.problem!.message.en, /installer package/);
});

test('random bytes are binary', () => {
  const bytes = new Uint8Array(100_000);
  let x = 7;
  for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1664525 + 1013904223) >>> 0) >>> 24;
  assert.equal(analyzeBytes(bytes).problem?.kind, 'binary');
});

test('a text file that is not a log', () => {
  const text = 'Dear diary,\nToday I tried to install a program.\nIt said error 1603 and I was sad.\n'.repeat(50);
  const { problem } = analyzeBytes(Buffer.from(text));
  assert.equal(problem?.kind, 'not-a-log');
});

test('truncated UTF-16 (odd byte count, cut mid-line) still analyzes what is there', () => {
  const text =
    '=== Verbose logging started: 1/2/2024  10:00:00  Build type: SHIP UNICODE 5.00.10011.00  Calling process: x ===\r\n' +
    'MSI (c) (10:14) [10:00:00:100]: Resetting cached policy values\r\nAction start 10:00:01: INSTALL.\r\nAction ended 10:00:02: CostFinalize. Return val';
  const full = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const cut = full.subarray(0, full.length - 1);
  assert.equal(cut.length % 2, 1);
  const { analysis, problem } = analyzeBytes(cut);
  assert.equal(problem, null);
  assert.equal(analysis.format, 'msi-verbose');
  assert.equal(analysis.outcome, 'incomplete');
  assert.equal(analysis.lineCount, 4);
});

test('a 2 GB sparse file of zeros is rejected after its first chunk, without reading it all', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msilog-zeros-'));
  const path = join(dir, 'zeros.log');
  const fd = openSync(path, 'w+');
  try {
    ftruncateSync(fd, 2 * 1024 * 1024 * 1024);
    const analyzer = createLogAnalyzer({ fileName: path });
    const chunk = Buffer.alloc(1024 * 1024);
    let read = 0;
    let position = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, position);
      if (n === 0) break;
      position += n;
      read += n;
      if (!analyzer.push(chunk.subarray(0, n))) break;
    }
    analyzer.finish();
    assert.equal(analyzer.problem()?.detail, 'all-zeros');
    // How much was read proves it stopped early (no wall-clock bar: a loaded machine stretches any time).
    assert.ok(read <= 1024 * 1024, `stopped after ${read} bytes`);
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a big text file that is not a log is given up on after a few MiB', () => {
  const analyzer = createLogAnalyzer({ fileName: 'big.txt' });
  const chunk = Buffer.from('lorem ipsum dolor sit amet\n'.repeat(40_000));
  let pushed = 0;
  while (pushed < 64 * 1024 * 1024 && analyzer.push(chunk)) pushed += chunk.length;
  assert.ok(pushed < 16 * 1024 * 1024);
  analyzer.finish();
  assert.equal(analyzer.problem()?.kind, 'not-a-log');
});
