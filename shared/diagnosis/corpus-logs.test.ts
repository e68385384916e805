// Every annotated corpus log (../shared/corpus/msi-logs/*.expected.json with topCause): analyze it, diagnose it, compare the top cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeBytes } from '../msilog/index.ts';
import { diagnose } from './diagnose.ts';
import { parseSymptom } from './symptom.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpusDir = join(repoRoot, '..', 'shared', 'corpus', 'msi-logs');
const skip = existsSync(corpusDir) ? false : `corpus not found at ${corpusDir} (it lives beside the repo); skipping`;

interface Expected {
  log: string;
  expect: { topCause?: string | string[] };
}

const cases: Array<{ name: string; log: string; topCause: string[] }> = [];
if (!skip) {
  for (const name of readdirSync(corpusDir)
    .filter((n) => n.endsWith('.expected.json'))
    .sort()) {
    const expected = JSON.parse(readFileSync(join(corpusDir, name), 'utf8')) as Expected;
    if (expected.expect.topCause === undefined) continue;
    const topCause = Array.isArray(expected.expect.topCause) ? expected.expect.topCause : [expected.expect.topCause];
    cases.push({ name, log: join(corpusDir, expected.log), topCause });
  }
}

test('the corpus has annotated logs to check', { skip }, () => {
  assert.ok(cases.length >= 10, `${cases.length} annotated logs`);
});

for (const c of cases) {
  test(`corpus ${c.name}: diagnosis top cause`, { skip }, () => {
    const { analysis } = analyzeBytes(new Uint8Array(readFileSync(c.log)), c.log);
    // As a user would come: with the log only, and with the log plus the exit code they saw.
    const inputs = ['', analysis.exitCode !== null ? String(analysis.exitCode) : ''];
    for (const text of inputs) {
      const findings = diagnose({ symptom: parseSymptom(text), evidence: [], logs: [analysis] });
      const table = findings.map((f) => `${f.cause}=${f.confidence}`).join(' | ');
      assert.ok(
        c.topCause.includes(findings[0]!.cause),
        `symptom "${text}": expected ${c.topCause.join('|')}, got ${table} (analyzer: ${analysis.causes.map((x) => x.id).join(',')})`,
      );
    }
  });
}
