// Every pattern and hand parser that sees log text runs in linear time: timed on adversarial 10 KB and 100 KB lines in
// this process, the 100 KB line must cost less than 20x the 10 KB one (quadratic costs 100x). Ratios of CPU time, not
// wall time, and the smallest of several back-to-back measurements (noise only inflates, see smallestRatio).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { P } from './patterns.ts';
import { parseActionLine } from './action-line.ts';
import { parseProductMessage, parseStatusLine, trailingColonNumber } from './status-line.ts';
import { createLineClassifier, splitNoteArgs, textSignalOf } from './line-classifier.ts';
import { learnPrefix, splitRecords, unescapeText } from './input-shape.ts';
import { parseWrapperLine } from './wrapper-output.ts';
import { redactLine } from './redaction.ts';
import { classifyHeader } from './header-line.ts';

const SMALL = 10 * 1024;
const LARGE = 100 * 1024;
const MAX_RATIO = 20;

/** Pieces that, repeated, stress the patterns: their literals, separators, quotes, digits, and what follows them. */
const UNITS = [
  ' ',
  '\t',
  'a',
  '1',
  ':',
  '.',
  "'",
  '"',
  '(',
  '=',
  '\\',
  '-',
  '[',
  '{',
  '中',
  'é',
  'a ',
  '1 ',
  ': ',
  '. ',
  "'.",
  ' = ',
  'a=',
  'a="',
  "a='",
  'a.b',
  '(S)',
  '(S): ',
  'Error ',
  'Error 1234',
  ' 1234.',
  '12:34:56: ',
  'aa 12:34:56: X. ',
  'Product Name: ',
  '. Product Version: ',
  "value is '",
  "'. Its new value: '",
  ' -- ',
  'Name: x',
  ', Id: ',
  'CustomAction ',
  'CustomAction x ',
  ' return',
  'MSI (s) (',
  ' MSI (s) (0',
  ' Action start 1',
  '=== ',
  ' === ',
  '[0A2C:1F44][',
  '\\r\\n',
  '\\n',
  'C:\\\\a',
  'C:\\a',
  'Windows Installer ',
  'exit code ',
  'exit code [',
  '"rc": ',
  'retry package ',
  'retrying execute package ',
  ' attempting to install package',
  '{0',
  'Action ',
  'Note: 1: ',
  '2: ',
  'newer version ',
  'a:  b',
  'Entering a in ',
  '0x',
  'PROPERTY CHANGE: Adding ',
  'Variable: WixBundleLog',
  'WixBundleLog',
  'ShellExecute installer failed',
];

/** Lines made of one unit, or of a unit plus a tail that makes the match fail at the very end. */
/** Promising starts a filler follows: where a pattern's literal matched and its repeats begin to backtrack. */
const OPENERS = [
  'success or error status: 1',
  '安装成功或错误状态: 1',
  'aa 12:34:56: X. ',
  "PROPERTY CHANGE: Adding X property. Its value is '",
  'Product: X -- Error 1234. ',
  'MSI (s) (D0:A0) [21:24:32:284]: ',
  'Property(S): X = ',
  'CustomAction X returned actual error code 1',
  '[0A2C:1F44][2024-05-08T10:11:12]e000: Error 0x',
];
const FILLERS = [' ', 'a', '1', '.', "'", 'a ', ': ', "'. "];

function adversarial(unit: string, size: number, opener = ''): string[] {
  const body = opener + unit.repeat(Math.ceil(size / unit.length)).slice(0, Math.max(0, size - opener.length));
  // A line of the unit, and the same line ending in a character that makes the match fail at the very end.
  return [body, body.slice(0, size - 1) + '!', body.slice(0, size - 1) + '1'];
}

function issueReproducer(size: number): string {
  const half = Math.floor((size - 20) / 2);
  return 'aa 12:34:56: X. ' + ' '.repeat(half) + '1' + ' '.repeat(half) + 'x';
}

/** CPU time of this process in ms: unlike wall time, it does not grow when other processes take the cores. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Per-call CPU time: the fastest of `rounds` batches of at least `minMs` of CPU each. Short batches are dominated by
 * the kernel's accounting granularity, garbage-collector pauses and JIT threads of a loaded machine.
 */
function costPerCall(fn: (s: string) => unknown, input: string, minMs: number, rounds = 2): number {
  const batch = (reps: number) => {
    const t = cpuMs();
    for (let i = 0; i < reps; i++) fn(input);
    return cpuMs() - t;
  };
  // Calibrate on an eighth of the budget, then size the batch to the whole budget.
  let reps = 1;
  let spent = batch(reps);
  while (spent < minMs / 8 && reps < 1 << 20) spent = batch((reps *= 2));
  if (spent < minMs) reps = Math.ceil((reps * minMs) / Math.max(spent, 1e-3));
  let best = Infinity;
  for (let round = 0; round < rounds; round++) best = Math.min(best, batch(reps) / reps);
  return Math.max(best, 1e-7);
}

/** Runs a global pattern over the whole line (counting matches, keeping none). */
function countMatches(pattern: RegExp, s: string): number {
  let n = 0;
  for (const m of s.matchAll(pattern)) if (m.index >= 0) n++;
  return n;
}

/**
 * Doubling steps before the big measurement, so a catastrophic pattern fails before it hangs: it grows by orders of
 * magnitude in one doubling, far over DOUBLING_BAR. A quadratic one grows 4x per doubling and is caught by the 8 KB
 * against 1 KB step (bar 20x, quadratic 64x) and the 100 KB against 10 KB step. The per-doubling bar was 8x until a
 * garbage-collector pause on a sub-millisecond batch failed CI (15x for 4 KB -> 8 KB on a quiet machine).
 */
const DOUBLING_BAR = 32;
const LADDER = [64, 128, 256, 512, 1024, 2048, 4096, 8192];

function assertLinear(name: string, fn: (s: string) => unknown, prepare: (s: string) => string = (s) => s): void {
  const inputs: Array<{ label: string; make: (size: number) => string }> = [];
  const add = (unit: string, opener: string) => {
    for (let variant = 0; variant < 3; variant++)
      inputs.push({
        label: `${JSON.stringify(opener)} + ${JSON.stringify(unit)}... #${variant}`,
        make: (n) => prepare(adversarial(unit, n, opener)[variant]!),
      });
  };
  for (const unit of UNITS) add(unit, '');
  for (const opener of OPENERS) for (const filler of FILLERS) add(filler, opener);
  const reproducer = { label: 'issue reproducer', make: (n: number) => prepare(issueReproducer(n)) };
  const worstAt = (size: number) =>
    inputs
      .map((input) => {
        const line = input.make(size);
        const t = cpuMs();
        fn(line);
        return { input, cost: cpuMs() - t };
      })
      .sort((a, b) => b.cost - a.cost)
      .slice(0, 1)
      .map((x) => x.input);
  // Screen every input on 64 characters (a catastrophic pattern shows there, and the ladder stops it before it hangs),
  // then on 2048 (where a quadratic one stands out); follow the worst (and the issue's reproducer) up to 100 KB.
  const followed = new Set([reproducer, ...worstAt(64)]);
  for (const input of followed) assertGrowsLinearly(name, fn, input);
  for (const input of worstAt(2048)) if (!followed.has(input)) assertGrowsLinearly(name, fn, input);
}

/**
 * The smallest cost ratio of `large` over `small` in up to `attempts` measurements, each one the two inputs measured
 * back to back (one batch of at least `minMs` of CPU each). Noise only ever inflates a measurement (another process on the
 * core, a garbage-collector pause, a JIT or GC thread of this process counted in its CPU time), and it hits one
 * measurement, not all: a linear cost shows its true ratio in at least one attempt. A super-linear cost is over the
 * bar in every attempt, so only a pattern that really grows fails, whatever the load.
 */
function smallestRatio(
  fn: (s: string) => unknown,
  small: string,
  large: string,
  minMs: number,
  bar: number,
  attempts = 4,
): number {
  let ratio = Infinity;
  for (let attempt = 0; attempt < attempts && ratio >= bar; attempt++)
    ratio = Math.min(ratio, costPerCall(fn, large, minMs, 1) / costPerCall(fn, small, minMs, 1));
  return ratio;
}

function assertGrowsLinearly(
  name: string,
  fn: (s: string) => unknown,
  { label, make }: { label: string; make: (size: number) => string },
): void {
  const costs = new Map<number, number>();
  // The ladder only stops a catastrophic pattern before the big sizes hang: a growth over the bar is measured again,
  // with longer batches, before it fails.
  let previous = costPerCall(fn, make(LADDER[0]!), 1);
  for (const size of LADDER.slice(1)) {
    const current = costPerCall(fn, make(size), 1);
    let growth = current / previous;
    if (growth >= DOUBLING_BAR && current >= 0.05)
      growth = smallestRatio(fn, make(size / 2), make(size), 8, DOUBLING_BAR);
    assert.ok(
      growth < DOUBLING_BAR || current < 0.05,
      `${name} on ${label}: ${size} chars cost ${growth.toFixed(1)}x ${size / 2}`,
    );
    costs.set(size, current);
    previous = current;
  }
  let eightfold = costs.get(8192)! / costs.get(1024)!;
  if (eightfold >= MAX_RATIO && costs.get(8192)! >= 0.05)
    eightfold = smallestRatio(fn, make(1024), make(8192), 15, MAX_RATIO);
  assert.ok(
    eightfold < MAX_RATIO || costs.get(8192)! < 0.05,
    `${name} on ${label}: 8 KB cost ${eightfold.toFixed(1)}x 1 KB`,
  );
  // 10 KB against 100 KB, each measured on at least 15 ms of CPU: linear reads 10x, quadratic 100x, the bar is 20x.
  const ratio = smallestRatio(fn, make(SMALL), make(LARGE), 15, MAX_RATIO);
  assert.ok(ratio < MAX_RATIO, `${name} on ${label}: 100 KB costs ${ratio.toFixed(1)}x 10 KB (not linear)`);
}

for (const [name, pattern] of Object.entries(P)) {
  test(`pattern ${name} runs in linear time`, () => {
    assertLinear(name, pattern.global ? (s) => countMatches(pattern, s) : (s) => pattern.exec(s));
  });
}

/** Each hand parser, with the shape its input has in the analyzer (prepared before timing). */
const PARSERS: Record<string, [(s: string) => unknown, ((s: string) => string)?]> = {
  parseActionLine: [parseActionLine],
  parseStatusLine: [parseStatusLine],
  parseProductMessage: [parseProductMessage],
  trailingColonNumber: [(s) => trailingColonNumber(s)],
  textSignalOf: [textSignalOf],
  splitNoteArgs: [splitNoteArgs],
  splitRecords: [splitRecords],
  unescapeText: [unescapeText],
  learnPrefix: [(s) => learnPrefix([s, s, s])],
  parseWrapperLine: [parseWrapperLine],
  redactLine: [(s) => redactLine(s, new Set(['SECRET']))],
  classifyHeader: [(s) => classifyHeader(s, { open: [], innerClosed: false }), (s) => '=== ' + s + ' ==='],
  classify: [(s) => createLineClassifier().classify(s)],
  classifyMsiLine: [(s) => createLineClassifier().classify(s), (s) => 'MSI (s) (D0:A0) [21:24:32:284]: ' + s],
};

for (const [name, [fn, prepare]] of Object.entries(PARSERS)) {
  test(`parser ${name} runs in linear time`, () => assertLinear(name, fn, prepare));
}

test('the linear-time check fails a quadratic parser and passes a linear one', () => {
  // Quadratic: a search from every 64th position to the end of the line (a regex that rescans from each start).
  const quadratic = (s: string) => {
    let found = 0;
    for (let i = 0; i < s.length; i += 64) found += s.indexOf('\u0000', i);
    return found;
  };
  const linear = (s: string) => s.indexOf('\u0000');
  const line = { label: 'spaces', make: (n: number) => ' '.repeat(n) };
  assert.throws(() => assertGrowsLinearly('quadratic', quadratic, line), /quadratic on spaces: .* cost/);
  assertGrowsLinearly('linear', linear, line);
});

test('every regular expression of the analyzer lives in patterns.ts (so the tests above time it)', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const offenders: string[] = [];
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.ts') || file.includes('.test') || file === 'patterns.ts') continue;
    const code = stripStringsAndComments(readFileSync(dir + file, 'utf8'));
    // A regex literal starts after an operator, a bracket or `return`; `new RegExp` builds one at run time.
    const literal =
      /(?:^|[=(,:!&|?{};[]|\breturn)\s*\/(?![/*\s])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+\/[dgimsuyv]*/m;
    const m = literal.exec(code) ?? /new RegExp\(/.exec(code);
    if (m) offenders.push(`${file}: ${m[0].trim().slice(0, 60)}`);
  }
  assert.deepEqual(offenders, []);
});

/** Blanks out string literals and comments (they may hold slashes) but keeps the code's shape. */
function stripStringsAndComments(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && next === '*') {
      i += 2;
      while (i < code.length && !(code[i] === '*' && code[i + 1] === '/')) i++;
      i++;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      i++;
      while (i < code.length && code[i] !== c) {
        if (code[i] === '\\') i++;
        i++;
      }
      out += '""';
    } else out += c;
  }
  return out;
}
