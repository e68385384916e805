// Tests `msi-doctor analyze` through its function with fake streams (the real bin: bin/msi-doctor.integration.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeCommand, parseAnalyzeArgs } from './analyze.ts';
import { logAnalysisSchema } from '../../../shared/contract/log-analysis.ts';
import { CliUsageError } from '../cli-types.ts';
import { fakeIo as fakeCliIo, type FakeIo } from '../cli-test-io.test-support.ts';

const fixtures = fileURLToPath(new URL('../../../shared/msilog/fixtures/', import.meta.url));
const deferred = join(fixtures, 'verbose-deferred-ca.log.txt');
const zh = join(fixtures, 'zh-localized.log.txt');

/** Captured streams; stdin yields `stdinText`, stdout claims to be a terminal when `tty`. */
function fakeIo(stdinText = '', tty = false): FakeIo {
  return fakeCliIo({ stdin: stdinText, stdoutIsTTY: tty });
}

test('human output: outcome, product, failing action, cause, numbered evidence, next steps, no colors off a TTY', async () => {
  const f = fakeIo();
  assert.equal(await analyzeCommand([deferred], f.io), 0);
  const text = f.out();
  assert.match(text, /FAILED — exit code 1603/);
  assert.match(text, /Contoso Agent 2\.5\.1/);
  assert.match(text, /custom action ConfigureDatabase \(inside InstallFinalize\), line 32/);
  assert.match(text, /Error:\s+1722/);
  assert.match(text, /\s32 \| Action ended 21:24:35: InstallFinalize\. Return value 3\./);
  assert.match(text, /What to do next:\n {2}1\. /);
  assert.ok(!text.includes('\x1b['), 'no ANSI colors when stdout is not a TTY');
  assert.ok(!text.includes('Hunter2'));
  const evidenceLines = text.split('\n').filter((l) => /^\s+\d+ \| /.test(l));
  assert.ok(evidenceLines.length >= 5 && evidenceLines.length <= 20);
});

test('colors on a TTY; Chinese output with --lang zh-CN', async () => {
  const f = fakeIo('', true);
  assert.equal(await analyzeCommand(['--lang', 'zh-CN', zh], f.io), 0);
  assert.ok(f.out().includes('\x1b['));
  assert.match(f.out(), /结果/);
  assert.match(f.out(), /失败/);
  assert.match(f.out(), /第 9 行/);
});

test('--json: one object for one file, an array for several, valid against the schema', async () => {
  const one = fakeIo();
  assert.equal(await analyzeCommand(['--json', deferred], one.io), 0);
  const obj = logAnalysisSchema.parse(JSON.parse(one.out()));
  assert.equal(obj.failedAction?.name, 'ConfigureDatabase');
  const two = fakeIo();
  assert.equal(await analyzeCommand(['--json', deferred, zh], two.io), 0);
  const arr = JSON.parse(two.out()) as unknown[];
  assert.equal(arr.length, 2);
  arr.forEach((x) => logAnalysisSchema.parse(x));
});

test('stdin with -', async () => {
  const f = fakeIo('Action start 1:00:00: INSTALL.\nAction ended 1:00:05: INSTALL. Return value 1.\n');
  assert.equal(await analyzeCommand(['--json', '-'], f.io), 0);
  const a = JSON.parse(f.out());
  assert.equal(a.file, '<stdin>');
  assert.equal(a.outcome, 'success');
});

test('bad input: one line per bad file on stderr, exit 2, good files still analyzed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-analyze-'));
  try {
    const png = join(dir, 'shot.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'shopping list\nmilk\neggs\n');
    const f = fakeIo();
    const code = await analyzeCommand(['--json', join(dir, 'missing.log'), dir, png, empty, notes, deferred], f.io);
    assert.equal(code, 2);
    const lines = f.err().trim().split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[0]!, /missing\.log: file not found/);
    assert.match(lines[1]!, /folder/);
    assert.match(lines[2]!, /PNG image/);
    assert.match(lines[3]!, /empty/);
    assert.match(lines[4]!, /not a Windows Installer or Burn log/);
    assert.ok(!f.err().includes('    at '), 'no stack trace');
    const analyses = JSON.parse(f.out()) as unknown[];
    assert.equal(analyses.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('argument errors are usage errors', () => {
  assert.throws(() => parseAnalyzeArgs([]), CliUsageError);
  assert.throws(() => parseAnalyzeArgs(['--lang', 'fr', 'x.log']), CliUsageError);
  assert.throws(() => parseAnalyzeArgs(['--bogus', 'x.log']), CliUsageError);
  assert.equal(parseAnalyzeArgs(['--help']), 'help');
  assert.deepEqual(parseAnalyzeArgs(['--lang=zh-CN', '--', '-odd-name.log']), {
    json: false,
    lang: 'zh-CN',
    files: ['-odd-name.log'],
  });
});

test('a 2 GB sparse file of zeros: clear message, exit 2 (reading stops early: bad-input.test.ts counts the bytes)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-zeros-'));
  try {
    const path = join(dir, 'zeros.log');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 2 * 1024 * 1024 * 1024);
    closeSync(fd);
    const f = fakeIo();
    assert.equal(await analyzeCommand([path], f.io), 2);
    assert.match(f.err(), /only zero bytes/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
