// Every annotated corpus log (../shared/corpus/msi-logs and msi-logs-2, *.expected.json with topCause), in its stored
// encoding and as UTF-16LE+BOM+CRLF: analyze it as the app does, diagnose it, compare the top cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeAnyBytes } from '../deploylog/any-log-analyzer.ts';
import { diagnose } from './diagnose.ts';
import { parseSymptom } from './symptom.ts';
import { CORPUS_FOLDERS, corpusCases, toUtf16LeCrlf } from '../msilog/corpus.test-support.ts';

for (const folder of CORPUS_FOLDERS) {
  const { skip, cases } = corpusCases(folder);
  const annotated = cases.filter((c) => c.expect.topCause !== undefined);
  test(`corpus ${folder} has annotated logs to check`, { skip }, () => {
    assert.ok(annotated.length >= 10, `${annotated.length} annotated logs`);
  });
  for (const c of annotated) {
    const want = (Array.isArray(c.expect.topCause) ? c.expect.topCause : [c.expect.topCause]) as string[];
    test(`corpus ${folder}/${c.log}: diagnosis top cause`, { skip }, () => {
      const bytes = new Uint8Array(readFileSync(c.path));
      for (const [label, input] of [
        ['stored', bytes],
        ['UTF-16LE+BOM+CRLF', toUtf16LeCrlf(bytes)],
      ] as const) {
        const { analysis } = analyzeAnyBytes(input, c.path);
        // As a user would come: with the log only, and with the log plus the exit code they saw.
        for (const text of ['', analysis.exitCode !== null ? String(analysis.exitCode) : '']) {
          const findings = diagnose({ symptom: parseSymptom(text), evidence: [], logs: [analysis] });
          const table = findings.map((f) => `${f.cause}=${f.confidence}`).join(' | ');
          assert.ok(
            want.includes(findings[0]!.cause),
            `${label}, symptom "${text}": expected ${want.join('|')}, got ${table} (analyzer: ${analysis.causes.map((x) => x.id).join(',')})`,
          );
        }
      }
    });
  }
}
