// Runs one of the repo's own fixtures (fixtures/*.log.txt) through the analyzer as UTF-8 in tiny and large chunks and as
// UTF-16LE+BOM+CRLF, checks the schema, and hands back every result (they must agree; the tests assert on them).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogAnalyzer } from './log-analyzer.ts';
import { logAnalysisSchema, type LogAnalysis } from '../contract/log-analysis.ts';

export function fixtureText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}

export function utf16leCrlf(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf16le')]);
}

export function analyzeIn(bytes: Uint8Array, chunk: number, name = 'fixture.log'): LogAnalysis {
  const analyzer = createLogAnalyzer({ fileName: name });
  for (let i = 0; i < bytes.length; i += chunk) if (!analyzer.push(bytes.subarray(i, i + chunk))) break;
  const analysis = analyzer.finish();
  assert.equal(analyzer.problem(), null, `${name}: ${analyzer.problem()?.message.en}`);
  return logAnalysisSchema.parse(analysis);
}

/** The fixture as UTF-8 (7-byte and 1 MiB chunks) and as UTF-16LE+BOM+CRLF: the same verdict every way. */
export function analyzeFixture(name: string): LogAnalysis {
  const text = fixtureText(name);
  const utf8 = Buffer.from(text, 'utf8');
  const runs = [analyzeIn(utf8, 7, name), analyzeIn(utf8, 1 << 20, name), analyzeIn(utf16leCrlf(text), 1 << 20, name)];
  const verdict = (a: LogAnalysis) =>
    JSON.stringify([
      a.outcome,
      a.exitCode,
      a.failedAction,
      a.primaryError,
      a.causes,
      a.wrapper ?? null,
      a.oldProduct ?? null,
    ]);
  for (const r of runs.slice(1))
    assert.equal(verdict(r), verdict(runs[0]!), `${name}: the same verdict in every encoding`);
  return runs[0]!;
}

/** The top cause's reason: its line number and that its text contains every given piece. */
export function assertReason(a: LogAnalysis, line: number, ...pieces: string[]): void {
  const reason = a.causes[0]?.reason;
  assert.ok(reason, `no reason on the top cause ${a.causes[0]?.id}`);
  assert.equal(reason.line, line, `reason line (${reason.text})`);
  for (const p of pieces) assert.ok(reason.text.includes(p), `reason "${reason.text}" lacks "${p}"`);
}
