// One ranking: diagnose() orders the findings once; every consumer (report, its HTML, the CLI's text, the session's
// story, the wizard's fix queue) keeps that order and none sorts them again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleFinding, sampleScan } from '../wizard/sample-data.ts';
import { repairQueue } from '../wizard/transition.ts';
import { buildReportModel } from '../report/build-report.ts';
import { renderReportHtml } from '../report/html/render-report.ts';
import { newRecord } from '../session/session-record.ts';
import { sessionStory, topCause } from '../session/session-story.ts';
import { formatFindings } from './format-findings.ts';
import { translate } from '../knowledge/texts.ts';

// Deliberately not by confidence: a consumer that sorts again would put the 0.9 one first.
const findings = [
  sampleFinding('installer-folders-access', 0.4, ['restore-windows-temp-acl']),
  sampleFinding('not-elevated', 0.9, ['retry-install-elevated-logged']),
  sampleFinding('pending-reboot', 0.6, ['restart-computer']),
];
const causes = findings.map((f) => f.cause);
const scan = sampleScan(findings);
// As the HTML writes them (an apostrophe is escaped there).
const titles = findings.map((f) => translate(f.title, 'en').replace(/'/g, '&#39;'));

/** The causes in the order their titles first appear in `text`. */
function orderIn(text: string): string[] {
  return findings
    .map((f, i) => ({ cause: f.cause, at: text.indexOf(titles[i]!) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.cause);
}

test("every consumer keeps diagnose()'s order of the findings (none sorts them again)", () => {
  assert.deepEqual(
    repairQueue(scan).map((q) => q.cause),
    causes,
    'the wizard proposes the fixes in that order',
  );
  const symptom = { choice: 'code-2503', input: '2503', logFiles: [], msiPath: null };
  const record = newRecord('session-1', scan, symptom, scan.startedAt);
  assert.equal(topCause(scan)?.cause, 'installer-folders-access', 'the answer is the first finding, not the surest');
  assert.equal(sessionStory(record).found?.cause, 'installer-folders-access');
  const model = buildReportModel({
    scan,
    session: record,
    appVersion: '0.1.0',
    generatedAt: '2026-01-01T11:00:00.000Z',
    lang: 'en',
  });
  assert.deepEqual(
    model.findings.map((f) => f.cause),
    causes,
    'the report lists them in that order',
  );
  assert.deepEqual(
    orderIn(renderReportHtml(model, { translate })),
    causes,
    "the report's HTML shows them in that order",
  );
  const cliText = formatFindings(scan.findings, 'en').join('\n').replace(/'/g, '&#39;');
  assert.deepEqual(orderIn(cliText), causes, "the CLI's text too");
});

test('no module outside shared/diagnosis sorts findings', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const offenders: string[] = [];
  for (const area of ['shared', 'renderer/src', 'electron']) {
    for (const file of readdirSync(join(root, area), { recursive: true }).map(String)) {
      if (!/\.tsx?$/.test(file) || /\.test\.tsx?$|test-support/.test(file)) continue;
      const path = `${area}/${file}`;
      // The ranking itself, and the redactor's "findings" (matches in a text, sorted by position).
      if (path.startsWith('shared/diagnosis/') || path.startsWith('shared/report/redaction/')) continue;
      readFileSync(join(root, path), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/findings/i.test(line) && /\.(sort|toSorted)\(/.test(line)) offenders.push(`${path}:${i + 1}`);
        });
    }
  }
  assert.deepEqual(offenders, [], 'findings are ranked once, by diagnose()');
});
