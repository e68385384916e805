// Redaction's cost on hostile input: every rule stays linear on repetitions built to trip it, and the learned-name
// matcher's cost does not grow with the number of names. An integration test only so that it runs in a process of its
// own: among the unit tests, the heap left by other files makes major GCs at the larger size cost more than linear
// work (a 24x reading for an 8x input, twice in a row, on a rule that measures 8x alone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redactor } from './redactor.ts';

/** A log of about the same size naming `names` distinct users in profile paths and in free text. */
function namesLog(names: number): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < 8_000; i++) {
    const user = `usr${(i % names).toString(36)}q${i % names}`;
    lines.push(`SHELL32::SHGetFolderPath returned: C:\\Users\\${user}\\AppData then ${user} logged on`);
  }
  return lines.join('\n');
}

function timeRedaction(text: string): number {
  const redactor = new Redactor();
  redactor.learn(text);
  let out = '';
  const elapsed = cpuTime(() => {
    out = redactor.redact(text);
  });
  assert.doesNotMatch(out, /usr[0-9a-z]+q\d/, 'a learned name survived');
  return elapsed;
}

test('the learned-name matcher does not slow down with 100x more names (growth ratio, same process)', () => {
  const few = namesLog(80);
  const many = namesLog(8_000);
  timeRedaction(few); // warm-up
  const ratios: number[] = [];
  for (let round = 0; round < 3; round++) ratios.push(timeRedaction(many) / timeRedaction(few));
  // A matcher whose cost grows with the names would be ~100x slower; allow noise from a shared machine.
  assert.ok(Math.min(...ratios) < 4, `8,000 names vs 80: ${ratios.map((r) => r.toFixed(2)).join(', ')}x`);
});

/** CPU time of fn (not wall time: a shared machine's other processes do not count). */
function cpuTime(fn: () => void): number {
  const started = process.cpuUsage();
  fn();
  const used = process.cpuUsage(started);
  return used.user + used.system;
}

/** Learn + redact CPU time of `unit` repeated n times on one line: the fastest of three runs. */
function timeRepeated(unit: string, n: number): number {
  const text = unit.repeat(n);
  const once = () => {
    const redactor = new Redactor();
    redactor.learn(text);
    redactor.redact(text);
  };
  return Math.min(cpuTime(once), cpuTime(once), cpuTime(once));
}

/** A repeat count whose run takes at least 15 ms of CPU (or whose text reaches 512K characters): shorter runs are
 *  dominated by the kernel's accounting granularity and by GC and JIT threads counted in the process's CPU time. */
function measurableRepeats(unit: string): number {
  let n = Math.ceil(32_000 / unit.length);
  while (n * unit.length < 512_000 && timeRepeated(unit, n) < 15_000) n *= 2;
  return n;
}

test('every rule stays linear on hostile repetitions (eight times the input, far from 64x the time)', () => {
  const units = [
    'Password=Password=',
    'Property(S): A = Property(S): B = ',
    'password: password: ',
    "-pw '-Password '",
    'contoso.',
    "PROPERTY CHANGE: Adding X property. Its value is 'a'.",
    'CONNSTR="Server=s;Password=',
    '\\\\\\\\srv\\\\',
    'S-1-5-21-1-',
    'C:\\Users\\',
    '1.2.3.',
    'a\\"b=\\"',
    '<add key="Password" value="',
  ];
  const redactor = new Redactor({ domains: ['contoso'] });
  redactor.learn('warm-up Password=x');
  for (const unit of units) {
    const n = measurableRepeats(unit); // also the warm-up
    // Eight times the input: a linear rule takes ~8x, a quadratic one 64x in the limit; at these sizes, where its linear
    // part still weighs, the quadratic quote scan this test caught read 29x. The bar sits far from both, so the noise
    // of a loaded machine (GC and JIT threads count in the process's CPU time) cannot tip it.
    // A ratio over the bar is measured once more: a quadratic rule is over it every time, noise seldom twice.
    const measure = () => timeRepeated(unit, 8 * n) / timeRepeated(unit, n);
    let ratio = measure();
    if (ratio >= 20) ratio = Math.min(ratio, measure());
    assert.ok(ratio < 20, `${unit}: ${ratio.toFixed(2)}x the time for eight times the input`);
  }
});
