// The plain-text findings output: readable lines in both languages, repairs in order, security marked, JSON shape for --json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFindings, findingsToJson } from './format-findings.ts';
import { diagnose } from './diagnose.ts';
import { parseSymptom } from './symptom.ts';
import { machine } from './testing/evidence-builders.ts';

const findings = diagnose({
  symptom: parseSymptom('2503'),
  evidence: machine({
    'temp-folders': { windowsTemp: { usersCanCreate: false } },
    policies: { alwaysInstallElevated: { hklm: 1, hkcu: 1 }, alwaysInstallElevatedActive: true },
  }),
  logs: [],
});

test('English output: heading, ranked titles with confidence, reasons, repairs in order, myths', () => {
  const lines = formatFindings(findings, 'en');
  assert.equal(lines[0], 'Findings');
  assert.match(lines[1]!, /^1\. Windows Installer's working folders are broken \(\d+% confidence\)$/);
  const text = lines.join('\n');
  assert.match(text, /Why:/);
  assert.match(
    text,
    /1\) Restore the default permissions of C:\\Windows\\Temp: msi-doctor fix restore-windows-temp-acl/,
  );
  assert.match(text, /\[Security\] AlwaysInstallElevated is on/);
  assert.match(text, /Do NOT:/);
  assert.match(text, /Everyone/);
});

test('Chinese output uses Chinese labels and texts', () => {
  const text = formatFindings(findings, 'zh-CN').join('\n');
  assert.match(text, /^诊断结果/);
  assert.match(text, /可信度 \d+%/);
  assert.match(text, /【安全】/);
  assert.match(text, /怎么做（最安全的在前）：/);
});

test('empty list and limits', () => {
  assert.deepEqual(formatFindings([], 'en'), ['Findings', 'No findings.']);
  const one = formatFindings(findings, 'en', { limit: 1, details: false });
  assert.ok(!one.some((l) => /^2\./.test(l)));
  assert.ok(!one.some((l) => /Do NOT/.test(l)));
});

test('JSON shape for scan/analyze --json: cause, confidence, evidence, repairs', () => {
  const json = findingsToJson(findings, 'en');
  assert.equal(json[0]!.cause, 'installer-folders-access');
  assert.equal(typeof json[0]!.confidence, 'number');
  assert.ok(json[0]!.evidence.supporting.length > 0);
  assert.deepEqual(json[0]!.repairs.slice(0, 1), ['restore-windows-temp-acl']);
  assert.ok(JSON.parse(JSON.stringify(json)));
});
