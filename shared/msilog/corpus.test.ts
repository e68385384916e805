// Checks the analyzer against every real log of ../shared/corpus/msi-logs and msi-logs-2 and its *.expected.json, in the
// stored encoding and as UTF-16LE+BOM+CRLF (skipped with a message when the corpus is absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeBytes } from './log-analyzer.ts';
import { logAnalysisSchema, type LogAnalysis } from '../contract/log-analysis.ts';
import { CORPUS_FOLDERS, corpusCases, toUtf16LeCrlf, type CorpusExpect } from './corpus.test-support.ts';

function observed(a: LogAnalysis): Record<keyof CorpusExpect, unknown> {
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

function check(a: LogAnalysis, expect: CorpusExpect, label: string): void {
  const got = observed(a);
  for (const [key, want] of Object.entries(expect)) {
    const value = got[key as keyof CorpusExpect];
    if (Array.isArray(want))
      assert.ok(
        want.includes(value),
        `${label} ${key}: expected one of ${JSON.stringify(want)}, got ${JSON.stringify(value)}`,
      );
    else assert.equal(value, want, `${label} ${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(value)}`);
  }
}

for (const folder of CORPUS_FOLDERS) {
  const { skip, cases } = corpusCases(folder);
  if (skip) {
    test(`corpus ${folder}`, { skip }, () => {});
    continue;
  }
  test(`corpus ${folder} has annotated logs`, () => assert.ok(cases.length >= 10, `${cases.length} logs`));
  for (const c of cases) {
    test(`corpus ${folder}: ${c.log}`, () => {
      const bytes = readFileSync(c.path);
      for (const [label, input] of [
        ['stored', bytes],
        ['UTF-16LE+BOM+CRLF', toUtf16LeCrlf(bytes)],
      ] as const) {
        const { analysis, problem } = analyzeBytes(input, c.log);
        assert.equal(problem, null, `${label}: ${problem?.message.en}`);
        logAnalysisSchema.parse(analysis);
        check(analysis, c.expect, label);
      }
    });
  }
}
