// Same bytes, same answer: the encoding is decided on exactly the first 64 KiB whatever the chunk size, and nothing
// carries from one analysis to the next (two analyses of one log, or two running side by side, agree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogAnalyzer } from './log-analyzer.ts';
import { SNIFF_BYTES } from './encoding-sniffer.ts';
import { logAnalysisSchema, type LogAnalysis } from '../contract/log-analysis.ts';

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}

function analyzeInChunks(bytes: Uint8Array, chunk: number): LogAnalysis {
  const analyzer = createLogAnalyzer({ fileName: 'same.log' });
  for (let i = 0; i < bytes.length; i += chunk) if (!analyzer.push(bytes.subarray(i, i + chunk))) break;
  const analysis = analyzer.finish();
  assert.equal(analyzer.problem(), null);
  logAnalysisSchema.parse(analysis);
  return analysis;
}

/**
 * A UTF-8 verbose log of ~200 KB with accented text in its first 64 KiB and one stray CP1252 byte (0xE9, "é") at
 * ~150 KB: a sniffer that looked at "whatever had arrived" called it UTF-8 or Windows-1252 depending on the chunking.
 */
function logWithStrayByte(): Uint8Array {
  const head = fixture('verbose-deferred-ca.log.txt').replace(/\r?\n/g, '\r\n');
  const filler: string[] = [];
  for (let i = 0; filler.join('').length < 150_000; i++)
    filler.push(
      `MSI (s) (D0:A0) [10:00:${String(i % 60).padStart(2, '0')}:000]: Propriété « Répertoire${i} » définie\r\n`,
    );
  const before = Buffer.from(filler.join(''), 'utf8');
  const stray = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0d, 0x0a]); // "Caf\xE9\r\n": not UTF-8
  const after = Buffer.from(head, 'utf8');
  const bytes = Buffer.concat([before, stray, after]);
  assert.ok(bytes.indexOf(stray) > SNIFF_BYTES * 2, 'the stray byte lies well beyond the sniffed prefix');
  return bytes;
}

test('chunk sizes 1 B, 7 B, 64 KiB and 1 MiB give identical JSON (the sniffer decides on exactly the first 64 KiB)', () => {
  const bytes = logWithStrayByte();
  const results = [1, 7, 64 * 1024, 1024 * 1024].map((chunk) => JSON.stringify(analyzeInChunks(bytes, chunk)));
  const first = JSON.parse(results[0]!) as LogAnalysis;
  assert.equal(first.encoding, 'utf-8', 'the first 64 KiB are valid UTF-8');
  assert.equal(first.outcome, 'failure');
  for (const r of results.slice(1)) assert.equal(r, results[0]);
});

test('chunk sizes around the sniff boundary agree too (64 KiB - 1, + 1, a prime)', () => {
  const bytes = logWithStrayByte();
  const reference = JSON.stringify(analyzeInChunks(bytes, 1024 * 1024));
  for (const chunk of [SNIFF_BYTES - 1, SNIFF_BYTES + 1, 8191])
    assert.equal(JSON.stringify(analyzeInChunks(bytes, chunk)), reference);
});

/** Every engine line from one process: the first line of a second analysis has the head the first analysis ended on. */
const ONE_PROCESS = [
  '=== Verbose logging started: 5/8/2024  10:11:12  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===',
  'MSI (s) (D0:A0) [10:11:12:001]: Resetting cached policy values',
  'MSI (s) (D0:A0) [10:11:12:002]: Note: 1: 1722 2: ConfigureDb 3: C:\\Windows\\Installer\\MSI1.tmp 4: ',
  'Action ended 10:11:13: InstallFinalize. Return value 3.',
  'MSI (s) (D0:A0) [10:11:13:003]: Windows Installer installed the product. Product Name: Contoso. Product Version: 1.0. Product Language: 1033. Manufacturer: Contoso. Installation success or error status: 1603.',
  'MSI (s) (D0:A0) [10:11:13:004]: MainEngineThread is returning 1603',
].join('\r\n');

test('analyzing the same log twice in one process gives identical results', () => {
  const logs: Array<[string, string]> = [
    ['one process', ONE_PROCESS],
    ...['verbose-deferred-ca.log.txt', 'two-sessions.log.txt', 'burn-bundle.log.txt', 'zh-localized.log.txt'].map(
      (name): [string, string] => [name, fixture(name)],
    ),
  ];
  for (const [name, text] of logs) {
    const bytes = Buffer.from(text, 'utf8');
    const first = JSON.stringify(analyzeInChunks(bytes, 1 << 20));
    const second = JSON.stringify(analyzeInChunks(bytes, 1 << 20));
    assert.equal(second, first, name);
  }
});

test('two analyses fed side by side do not see each other (no state shared between analyzers)', () => {
  const a = Buffer.from(fixture('verbose-deferred-ca.log.txt'), 'utf8');
  const b = Buffer.from(fixture('two-sessions.log.txt'), 'utf8');
  const alone = [JSON.stringify(analyzeInChunks(a, 1 << 20)), JSON.stringify(analyzeInChunks(b, 1 << 20))];
  const x = createLogAnalyzer({ fileName: 'same.log' });
  const y = createLogAnalyzer({ fileName: 'same.log' });
  const step = 97;
  for (let i = 0; i < Math.max(a.length, b.length); i += step) {
    if (i < a.length) x.push(a.subarray(i, i + step));
    if (i < b.length) y.push(b.subarray(i, i + step));
  }
  assert.deepEqual([JSON.stringify(x.finish()), JSON.stringify(y.finish())], alone);
});
