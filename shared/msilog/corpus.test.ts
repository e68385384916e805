// Checks the analyzer against every real log of ../shared/corpus/msi-logs and its *.expected.json (stored encoding and UTF-16LE+BOM+CRLF).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { analyzeBytes } from './log-analyzer.ts';
import type { LogAnalysis } from '../contract/log-analysis.ts';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dir = join(repo, '..', 'shared', 'corpus', 'msi-logs');

type Expect = Partial<
  Record<'outcome' | 'exitCode' | 'operation' | 'format' | 'primaryError' | 'failedAction' | 'topCause', unknown>
>;

function observed(a: LogAnalysis): Record<keyof Expect, unknown> {
  return {
    outcome: a.outcome,
    exitCode: a.exitCode,
    operation: a.operation,
    format: a.format,
    primaryError: a.primaryError,
    failedAction: a.failedAction?.name ?? null,
    topCause: a.causes[0]?.id ?? null,
  };
}

function check(a: LogAnalysis, expect: Expect): void {
  const got = observed(a);
  for (const [key, want] of Object.entries(expect)) {
    const value = got[key as keyof Expect];
    if (Array.isArray(want))
      assert.ok(want.includes(value), `${key}: expected one of ${JSON.stringify(want)}, got ${JSON.stringify(value)}`);
    else assert.equal(value, want, `${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(value)}`);
  }
}

/** The same log as Windows usually writes it: UTF-16LE with BOM, CRLF. */
function toUtf16LeCrlf(bytes: Uint8Array): Uint8Array {
  const text =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? new TextDecoder('utf-16le').decode(bytes.subarray(2))
      : new TextDecoder('utf-8').decode(bytes);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf16le')]);
}

if (!existsSync(dir)) {
  test('corpus of real MSI logs', { skip: `corpus folder not found at ${dir}` }, () => {});
} else {
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()) {
    const spec = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { log: string; expect: Expect };
    test(`corpus: ${spec.log}`, () => {
      const bytes = readFileSync(join(dir, spec.log));
      const stored = analyzeBytes(bytes, spec.log);
      assert.equal(stored.problem, null);
      check(stored.analysis, spec.expect);
      const converted = analyzeBytes(toUtf16LeCrlf(bytes), spec.log);
      assert.equal(converted.problem, null);
      check(converted.analysis, spec.expect);
    });
  }
}
