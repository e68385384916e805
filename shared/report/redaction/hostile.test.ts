// Redaction of hostile logs: every leak-prone form of a secret, name or address (see fixtures/hostile-log.ts) is gone
// in any case, vendor names equal to the domain survive, and a secret across a forced cut of a long line is redacted.
// (How the cost grows with hostile input is measured by `npm run bench:redaction-growth`, with the load.)
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
