// Record reading: multi-line CMTrace records, records cut by rotation, continuation lines, hostile input in linear
// time and with a bounded message, and the analyzer's memory bound on a log with thousands of attempts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRecordReader, MAX_MESSAGE_CHARS, shapeOfLine, type DeployRecord } from './record-reader.ts';
import { analyzeAnyBytes, createAnyLogAnalyzer } from './any-log-analyzer.ts';
import { MAX_DEPLOYMENTS } from './deploy-analyzer.ts';

function read(lines: string[]): DeployRecord[] {
  const out: DeployRecord[] = [];
  const reader = createRecordReader((r) => out.push(r));
  lines.forEach((l, i) => reader.line(i + 1, l));
  reader.end();
  return out;
}

const tail = '" component="AppEnforce" context="" type="1" thread="5" file="a.cpp:1">';

test('a CMTrace record spanning lines keeps its line breaks and starts at its first line', () => {
  const records = read([
    `<![LOG[one]LOG]!><time="10:00:00.000+000" date="01-02-2026${tail}`,
    '<![LOG[    App enforcement environment: ',
    '\tContext: Machine',
    '\tCommand line: msiexec /i a.msi',
    `]LOG]!><time="10:00:01.000+000" date="01-02-2026${tail}<![LOG[two on the same line]LOG]!><time="1" date="2${tail}`,
  ]);
  assert.deepEqual(
    records.map((r) => [r.line, r.message]),
    [
      [1, 'one'],
      [2, '    App enforcement environment: \n\tContext: Machine\n\tCommand line: msiexec /i a.msi\n'],
      [5, 'two on the same line'],
    ],
  );
  assert.equal(records[0]!.component, 'AppEnforce');
  assert.equal(records[0]!.type, 1);
});

test('a record cut by log rotation ends where the next record starts; the cut tail at the top is skipped', () => {
  const records = read([
    `tail of a record from the previous file]LOG]!><time="1" date="2${tail}`,
    '<![LOG[cut here',
    `<![LOG[next]LOG]!><time="1" date="2${tail}`,
  ]);
  assert.deepEqual(
    records.map((r) => r.message),
    ['cut here', 'next'],
  );
});

test('shapes: CMTrace, PSADT text (3.x, 4.0, 4.1), viewer copy; prose is none', () => {
  assert.equal(shapeOfLine('\ufeff<![LOG[x]LOG]!>'), 'cmtrace');
  assert.equal(shapeOfLine('[01-14-2026 09:52:30.118] [Installation] [Execute-MSI] :: x'), 'psadt-text');
  assert.equal(shapeOfLine('[2025-08-02 17:43:39.370] [Repair] [Start-ADTMsiProcess] [Info] :: x'), 'psadt-text');
  assert.equal(
    shapeOfLine('[2025-11-27T17:00:11.6693060+00:00] [Install] [Start-ADTProcess] [Error] :: x'),
    'psadt-text',
  );
  assert.equal(shapeOfLine('msg\tAppEnforce\t13-11-2013 3.23.48 PM\t2416 (0x0970)'), 'cmtrace-copy');
  assert.equal(shapeOfLine('=== Verbose logging started: 1/2/2026'), null);
  assert.equal(shapeOfLine('[hello] world'), null);
});

test('an unterminated record keeps at most MAX_MESSAGE_CHARS', () => {
  const lines = ['<![LOG[start', ...Array.from({ length: 200 }, () => 'x'.repeat(1000))];
  const [r] = read(lines);
  assert.ok(r!.message.length <= MAX_MESSAGE_CHARS);
});

/**
 * CPU time of the fastest of five runs, in ms. CPU time, not wall time: a machine busy with other processes stretches
 * the wall clock, not the work this process does. Two sizes are compared in the same process; no absolute threshold.
 */
function cpuTimeOf(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

test('hostile input stays linear: long lines of openers, brackets, tabs and quotes', (t) => {
  const close = (component: string, context = '') =>
    `]LOG]!><time="10:00:00.000+000" date="01-02-2026" component="${component}" context="${context}" type="1">`;
  const hostile = (n: number, copies: number) =>
    Buffer.from(
      [
        '<![LOG[' + '<![LOG['.repeat(n / 7),
        '<![LOG[x' + close('AppEnforce').slice(0, 20) + '"='.repeat(n / 2),
        '<![LOG[+++ Starting Install enforcement for App DT "' +
          '" ApplicationDeliveryType - '.repeat(n / 28) +
          close('AppEnforce'),
        '<![LOG[[Win32App] (id = ' + '(id = '.repeat(n / 6) + close('AppWorkload'),
        '<![LOG[[Win32App] ===Step=== Execute retry 0' + close('AppWorkload'),
        '<![LOG[' + '"a b" '.repeat(n / 6) + '/l*v ' + close('AppWorkload'),
        '<![LOG[[Install] :: Executing [' + '['.repeat(n) + ']...' + close('Execute-Process', 'NT AUTHORITY\\SYSTEM'),
        '<![LOG[[Install] :: Mutex [' + ' is not available'.repeat(n / 17) + close('Start-ADTProcess', 'SYSTEM'),
        '<![LOG[Requesting content ' + 'Content_'.repeat(n / 8) + close('ContentAccess'),
        'a\t'.repeat(n / 2) + '1 (0x1)',
      ]
        .join('\n')
        .concat('\n')
        .repeat(copies),
    );
  // The same total size both times: few long lines against many short ones (lines stay under the splitter's 64 Ki
  // cut). Linear work is about equal; quadratic work grows with line length, 32x here.
  const short = hostile(1_000, 128);
  const long = hostile(32_000, 4);
  analyzeAnyBytes(short); // warm up
  const ratio =
    cpuTimeOf(() => analyzeAnyBytes(long)) /
    Math.max(
      cpuTimeOf(() => analyzeAnyBytes(short)),
      0.5,
    );
  t.diagnostic(`32x longer lines, same total size: ${ratio.toFixed(2)}x the CPU time`);
  // Linear: about 1x (0.5x measured: fewer records); quadratic work on one line kind: ~32x. The bar sits far from both:
  // a loaded machine once read 9.4x at a bar of 3 for this linear reader.
  assert.ok(ratio < 12, `32x longer lines took ${ratio.toFixed(1)}x the CPU time`);
});

test('thousands of attempts: only the latest MAX_DEPLOYMENTS are kept, the count says how many there were', () => {
  const one = (i: number) =>
    [
      `<![LOG[+++ Starting Install enforcement for App DT "App ${i}" ApplicationDeliveryType - ScopeId_A/DeploymentType_${i}, Revision - 1, ContentPath - C:\\x, Execution Context - System]LOG]!><time="10:00:00.000+000" date="01-02-2026${tail}`,
      `<![LOG[    Process 1 terminated with exitcode: 0]LOG]!><time="10:00:01.000+000" date="01-02-2026${tail}`,
      `<![LOG[++++++ App enforcement completed (1 seconds) for App DT "App ${i}"]LOG]!><time="10:00:01.000+000" date="01-02-2026${tail}`,
    ].join('\n');
  const analyzer = createAnyLogAnalyzer({ fileName: 'AppEnforce.log' });
  for (let i = 0; i < 3000; i++) analyzer.push(Buffer.from(one(i) + '\n'));
  const a = analyzer.finish();
  assert.equal(a.deployments!.length, MAX_DEPLOYMENTS);
  assert.equal(a.sessions, 3000);
  assert.equal(a.deployments!.at(-1)!.application, 'App 2999');
});
