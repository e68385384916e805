// Redaction of hostile logs: every leak-prone form of a secret, name or address (see fixtures/hostile-log.ts) is gone
// in any case, vendor names equal to the domain survive, a secret across a forced cut of a long line is redacted, and
// the learned-name matcher's cost does not grow with the number of names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redactor } from './redactor.ts';
import { MAX_LINE, StreamRedactor } from './stream-redactor.ts';
import { HOSTILE_CASES, HOSTILE_LOG } from '../fixtures/hostile-log.ts';

function redactedLog(): { out: string; redactor: Redactor } {
  const redactor = new Redactor();
  redactor.learn(HOSTILE_LOG);
  return { out: redactor.redact(HOSTILE_LOG), redactor };
}

for (const c of HOSTILE_CASES) {
  test(`hostile: ${c.name}`, () => {
    const { out } = redactedLog();
    const lower = out.toLowerCase();
    for (const secret of c.secrets) assert.ok(!lower.includes(secret.toLowerCase()), `${secret} leaked:\n${out}`);
    for (const keep of c.keep ?? []) assert.ok(out.includes(keep), `${keep} was redacted:\n${out}`);
  });
}

test('hostile: each case alone, without the others to learn from, leaks nothing', () => {
  for (const c of HOSTILE_CASES) {
    const text = c.lines.join('\n') + '\n';
    const redactor = new Redactor();
    redactor.learn(text);
    const out = redactor.redact(text).toLowerCase();
    for (const secret of c.secrets)
      assert.ok(!out.includes(secret.toLowerCase()), `${c.name}: ${secret} leaked:\n${out}`);
  }
});

test('learned secrets and names are redacted wherever they appear again, in any case', () => {
  const { redactor } = redactedLog();
  const again = 'echo SQLPA55WORD! cadpassw0rd5 QUOTED WHOLE 77 desktop-7qx9z2a ARCHIVE-sql Build-Srv-7';
  const out = redactor.redact(again);
  assert.doesNotMatch(out, /sqlpa55|cadpassw0rd5|quoted whole|desktop-7qx9z2a|archive-sql|build-srv/i, out);
});

test('streamed in any chunk size, the result is the same as at once', () => {
  const { out: whole } = redactedLog();
  for (const size of [1, 13, 4096]) {
    const redactor = new Redactor();
    redactor.learn(HOSTILE_LOG);
    const stream = new StreamRedactor(redactor);
    let out = '';
    for (let i = 0; i < HOSTILE_LOG.length; i += size) out += stream.push(HOSTILE_LOG.slice(i, i + size));
    out += stream.flush();
    assert.equal(out.replace(/<(\w+)-\d+>/g, '<$1>'), whole.replace(/<(\w+)-\d+>/g, '<$1>'), `chunk size ${size}`);
  }
});

test('a secret straddling the forced cut of an over-long line is redacted', () => {
  for (const offset of [-9000, -8200, -40, -5, 0, 3, 5000]) {
    const head = 'x'.repeat(MAX_LINE - 8192 + offset);
    const line = `${head} Password=Straddle-Secret-91;User Id=straddle_user; ${'y'.repeat(MAX_LINE)}`;
    const redactor = new Redactor();
    redactor.learn(line);
    const stream = new StreamRedactor(redactor);
    let out = '';
    for (let i = 0; i < line.length; i += 65_536) out += stream.push(line.slice(i, i + 65_536));
    out += stream.flush();
    assert.ok(!out.includes('Straddle-Secret-91') && !out.includes('straddle_user'), `offset ${offset}`);
    assert.equal(out.length, line.length - 'Straddle-Secret-91straddle_user'.length + '<secret-1><user-1>'.length);
  }
});

test('a secret value longer than the long-line window is replaced all the way', () => {
  const value = 'Q'.repeat(3 * MAX_LINE);
  const line = `Property(S): LICENSE_SECRET = ${value}\nnext line`;
  const redactor = new Redactor();
  const stream = new StreamRedactor(redactor);
  let out = '';
  for (let i = 0; i < line.length; i += 1 << 19) out += stream.push(line.slice(i, i + (1 << 19)));
  out += stream.flush();
  assert.ok(!out.includes('QQQQQQQQ'), 'part of the huge secret survived');
  assert.ok(out.endsWith('\nnext line'));
});

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

/** Learn + redact CPU time of `unit` repeated n times on one line. */
function timeRepeated(unit: string, n: number): number {
  const text = unit.repeat(n);
  return cpuTime(() => {
    const redactor = new Redactor();
    redactor.learn(text);
    redactor.redact(text);
  });
}

test('every rule stays linear on hostile repetitions (four times the input, about four times the time)', () => {
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
    const n = Math.ceil(30_000 / unit.length);
    timeRepeated(unit, n); // warm-up
    // The fastest of three runs of each size: linear is ~4x for four times the input, quadratic ~16x; a shared
    // machine's noise stays well below the gap.
    const once = Math.min(...[0, 1, 2].map(() => timeRepeated(unit, n)));
    const four = Math.min(...[0, 1, 2].map(() => timeRepeated(unit, 4 * n)));
    assert.ok(four / once < 8, `${unit}: ${(four / once).toFixed(2)}x the time for four times the input`);
  }
});
