// Tests of the line-offset index behind getLogLines/searchLog: encodings, terminators, chunk boundaries, caching.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { createLogLineService, sniffEncoding } from './log-line-index.ts';
import { ServiceError } from './service-error.ts';

async function tempFile(name: string, bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'msi-doctor-lines-'));
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

test('UTF-8: CRLF, LF and a stray CR each end one line; a final terminator adds no empty line', async () => {
  const path = await tempFile('a.log', Buffer.from('one\r\ntwo\nthree\rfour\r\n', 'utf8'));
  const service = createLogLineService();
  const window = await service.getLines(path, 0, 10);
  assert.deepEqual(window, { from: 0, lines: ['one', 'two', 'three', 'four'], total: 4 });
  assert.deepEqual(await service.getLines(path, 2, 1), { from: 2, lines: ['three'], total: 4 });
  assert.deepEqual(await service.getLines(path, 10, 5), { from: 4, lines: [], total: 4 });
});

test('UTF-16LE with BOM and Chinese text decodes per line', async () => {
  const text =
    '=== 详细日志开始 ===\r\n操作开始 23:49:51: InstallFinalize。\r\n操作结束 23:49:51: InstallFinalize。返回值 3。\r\n';
  const path = await tempFile('zh.log', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const service = createLogLineService();
  assert.equal(await service.encodingOf(path), 'utf16le');
  const window = await service.getLines(path, 1, 2);
  assert.deepEqual(window.lines, [
    '操作开始 23:49:51: InstallFinalize。',
    '操作结束 23:49:51: InstallFinalize。返回值 3。',
  ]);
  assert.equal(window.total, 3);
  assert.deepEqual((await service.search(path, '返回值 3', 10)).matches, [2]);
});

test('UTF-16LE without BOM across 1 MiB chunk boundaries keeps every line intact', async () => {
  // Lines of odd byte length in UTF-16 (never: units are 2 bytes) but a 1-byte shifted start forces a split unit.
  const lines = Array.from({ length: 60_000 }, (_, i) => `MSI (s) (1C:2C) [12:00:00:000]: line ${i} Ω`);
  const path = await tempFile('u16.log', Buffer.from(lines.join('\r\n'), 'utf16le'));
  const service = createLogLineService();
  assert.equal(await service.encodingOf(path), 'utf16le');
  const window = await service.getLines(path, 29_990, 20);
  assert.equal(window.total, 60_000);
  assert.deepEqual(window.lines, lines.slice(29_990, 30_010));
  assert.deepEqual(await service.getLines(path, 59_999, 5), { from: 59_999, lines: [lines[59_999]!], total: 60_000 });
});

test('GBK (CP936) ANSI log is detected and decoded', async () => {
  const text = '错误 1722。此 Windows Installer 程序包有问题。\r\n安装失败。\r\n';
  const path = await tempFile('gbk.log', iconv.encode(text, 'gbk'));
  const service = createLogLineService();
  assert.equal(await service.encodingOf(path), 'gb18030');
  assert.deepEqual((await service.getLines(path, 0, 2)).lines, [
    '错误 1722。此 Windows Installer 程序包有问题。',
    '安装失败。',
  ]);
});

test("sniffEncoding (the analyzer's): BOMs, UTF-16 patterns, UTF-8, CP1252 fallback, binary refused", () => {
  assert.deepEqual(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), { encoding: 'utf8', bomLength: 3 });
  assert.deepEqual(sniffEncoding(Buffer.from([0xfe, 0xff, 0, 0x41])), { encoding: 'utf16be', bomLength: 2 });
  assert.equal(sniffEncoding(Buffer.from('hello world', 'utf16le')).encoding, 'utf16le');
  assert.equal(sniffEncoding(Buffer.from('Größe', 'utf8')).encoding, 'utf8');
  assert.equal(sniffEncoding(iconv.encode('Café naïve résumé', 'windows-1252')).encoding, 'windows-1252');
  assert.throws(
    () => sniffEncoding(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])),
    (e: unknown) => e instanceof ServiceError && e.code === 'invalid-input',
  );
});

test('search is case-insensitive, returns 0-based line indexes and stops at the limit', async () => {
  const lines = Array.from({ length: 50_000 }, (_, i) =>
    i % 1000 === 7 ? `Action ended: X. Return value 3.` : `noise ${i}`,
  );
  const path = await tempFile('search.log', Buffer.from(lines.join('\n'), 'utf8'));
  const service = createLogLineService();
  const all = await service.search(path, 'RETURN VALUE 3', 1000);
  assert.equal(all.matches.length, 50);
  assert.equal(all.matches[0], 7);
  assert.equal(all.matches[49], 49_007);
  assert.equal(all.truncated, false);
  const limited = await service.search(path, 'return value 3', 3);
  assert.deepEqual(limited, { matches: [7, 1007, 2007], truncated: true });
});

test('the index is rebuilt when the file changes, and a missing file is not-found', async () => {
  const path = await tempFile('grow.log', Buffer.from('a\nb\n', 'utf8'));
  const service = createLogLineService();
  assert.equal((await service.getLines(path, 0, 1)).total, 2);
  await appendFile(path, 'c\n');
  assert.equal((await service.getLines(path, 0, 1)).total, 3);
  await assert.rejects(
    service.getLines(join(path, 'nope'), 0, 1),
    (e: unknown) => e instanceof ServiceError && e.code === 'not-found',
  );
});

test('an empty file has no lines; a giant line is cut for the viewer', async () => {
  const empty = await tempFile('empty.log', Buffer.alloc(0));
  const service = createLogLineService();
  assert.deepEqual(await service.getLines(empty, 0, 10), { from: 0, lines: [], total: 0 });
  const giant = await tempFile('giant.log', Buffer.from(`${'x'.repeat(100_000)}\nshort\n`, 'utf8'));
  const window = await service.getLines(giant, 0, 2);
  assert.equal(window.lines[0]!.length, 20_001);
  assert.equal(window.lines[1], 'short');
});
