// Checks every log of ../shared/corpus/deploy-logs against its *.expected.json, as stored and as UTF-16LE+BOM+CRLF
// fed in small chunks, through the same entry the CLI and the app use (format detection included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { analyzeAnyBytes, createAnyLogAnalyzer } from './any-log-analyzer.ts';
import { logAnalysisSchema, type LogAnalysis } from '../contract/log-analysis.ts';
import type { Deployment } from '../contract/deployment.ts';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dir = join(repo, '..', 'shared', 'corpus', 'deploy-logs');

/** The keys an expectation may hold (the corpus README); an unknown key fails loudly instead of passing silently. */
const KEYS = ['tool', 'outcome', 'exitCode', 'application', 'commandLine', 'msiLogPath', 'stage', 'context'] as const;

function primary(a: LogAnalysis): Deployment {
  assert.ok(a.deployments && a.deployments.length > 0, 'no deployment found');
  assert.equal(typeof a.primaryDeployment, 'number');
  return a.deployments[a.primaryDeployment!]!;
}

/** Number of expectation keys that held; asserts them all. */
function check(a: LogAnalysis, expect: Record<string, unknown>): number {
  logAnalysisSchema.parse(a);
  const d = primary(a);
  let held = 0;
  for (const [key, want] of Object.entries(expect)) {
    assert.ok((KEYS as readonly string[]).includes(key), `unknown expectation key ${key}`);
    assert.deepEqual(d[key as (typeof KEYS)[number]], want, `${key}`);
    held++;
  }
  if (expect.tool) assert.equal(a.format, expect.tool, 'format');
  return held;
}

function toUtf16LeCrlf(bytes: Uint8Array): Uint8Array {
  const text =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? new TextDecoder('utf-16le').decode(bytes.subarray(2))
      : new TextDecoder('utf-8').decode(bytes);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf16le')]);
}

/** Odd-sized chunks: code units, CRLF and records split across pushes. */
function analyzeInChunks(bytes: Uint8Array, name: string, size: number): LogAnalysis {
  const analyzer = createAnyLogAnalyzer({ fileName: name });
  for (let i = 0; i < bytes.length; i += size) if (!analyzer.push(bytes.subarray(i, i + size))) break;
  const analysis = analyzer.finish();
  assert.equal(analyzer.problem(), null);
  return analysis;
}

if (!existsSync(dir)) {
  test('corpus of deployment-tool logs', { skip: `corpus folder not found at ${dir}` }, () => {});
} else {
  const specs = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { log: string; expect: Record<string, unknown> });
  let held = 0;
  let total = 0;
  for (const spec of specs) {
    test(`deploy corpus: ${spec.log}`, () => {
      const bytes = readFileSync(join(dir, spec.log));
      const stored = analyzeAnyBytes(bytes, spec.log);
      assert.equal(stored.problem, null);
      const n = check(stored.analysis, spec.expect);
      check(analyzeInChunks(toUtf16LeCrlf(bytes), spec.log, 997), spec.expect);
      held += n;
    });
    total += Object.keys(spec.expect).length;
  }
  test('deploy corpus: every expectation held', (t) => {
    t.diagnostic(`deploy-logs corpus: ${held}/${total} checks held in ${specs.length} logs (x2 encodings)`);
    assert.equal(held, total);
  });
}
