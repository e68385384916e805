// Tests of the report model and its HTML: schema, repairs from journals, redaction of the whole model, escaping, self-containment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReportModel } from './build-report.ts';
import { reportSchema } from './report-schema.ts';
import { Redactor } from './redaction/redactor.ts';
import { learnFromScan, redactReport } from './redaction/redact-model.ts';
import { renderReportHtml } from './html/render-report.ts';
import {
  HOSTILE,
  MUST_SURVIVE,
  PLANTED_SECRETS,
  makeOutcomeFixture,
  makeScanFixture,
} from './fixtures/scan-fixture.ts';
import { CAUSE_IDS, PROBE_IDS, REPAIR_IDS, type Lang } from '../contract/ids.ts';
import { localTime } from '../diagnosis/display-time.ts';
import { translate } from '../knowledge/texts.ts';
import { evidenceOf } from '../diagnosis/testing/evidence-builders.ts';

const outcome = makeOutcomeFixture();
const journal = [
  {
    type: 'plan',
    at: '2026-11-21T09:20:00Z',
    journalId: outcome.journalId,
    plan: outcome.plan,
    steps: [],
    data: {},
    environment: 'simulated',
  },
  { type: 'step-start', at: '2026-11-21T09:20:01Z', stepId: 'backup' },
  {
    type: 'step-end',
    at: '2026-11-21T09:20:02Z',
    stepId: 'backup',
    status: 'succeeded',
    exitCode: 0,
    output: 'ok',
    durationMs: 30,
  },
  {
    type: 'step-end',
    at: '2026-11-21T09:20:03Z',
    stepId: 'grant',
    status: 'succeeded',
    exitCode: 0,
    output: 'ok',
    durationMs: 40,
  },
  { type: 'finish', at: '2026-11-21T09:20:04Z', status: 'succeeded', verified: true, rebootRequired: false },
];

function model(
  lang: Lang = 'en',
  hostile = true,
  journals = [{ journalId: outcome.journalId, entries: journal as unknown[] }],
) {
  return buildReportModel({
    scan: makeScanFixture({ hostile }),
    appVersion: '0.1.0',
    generatedAt: '2026-11-21T10:00:00.000Z',
    lang,
    journals,
  });
}

function redacted(lang: Lang = 'en') {
  const redactor = new Redactor({ users: ['张伟'] });
  learnFromScan(redactor, makeScanFixture({ hostile: true }));
  return redactReport(model(lang), redactor);
}

test('the model validates against msi-doctor/report@1, before and after redaction', () => {
  const raw = model();
  assert.equal(raw.schema, 'msi-doctor/report@1');
  reportSchema.parse(raw);
  const red = redacted();
  reportSchema.parse(red);
  assert.equal(red.redacted, true);
  assert.ok(red.redaction.some((r) => r.kind === 'user' && r.distinct >= 1));
});

test("redaction keeps the report's own words and field names: a user called 'Domain' or 'admin' is still redacted as text", () => {
  // "CONTOSO\\Domain Users" makes a redactor learn "Domain" as a name; the model's ids and fields must survive it.
  const redactor = new Redactor({ users: ['Domain', 'admin', 'installer'] });
  learnFromScan(redactor, makeScanFixture());
  const m = model();
  const pending = evidenceOf('pending-reboot');
  const elevation = evidenceOf('elevation', { userName: 'admin', domain: 'Domain' });
  m.evidence = [...m.evidence, pending, elevation];
  const red = reportSchema.parse(redactReport(m, redactor));
  const indicators = red.evidence.find((e) => e.probe === 'pending-reboot')?.data?.indicators.map((i) => i.id);
  assert.deepEqual(
    indicators,
    pending.data.indicators.map((i) => i.id),
    "'domain-join' is an id, not a name",
  );
  const after = red.evidence.find((e) => e.probe === 'elevation')!.data!;
  assert.ok('domain' in after, 'the field keeps its name');
  assert.doesNotMatch(`${after.userName} ${after.domain}`, /admin|Domain/, 'the values are redacted');
  assert.ok(
    red.evidence.some((e) => e.probe === 'installer-service'),
    'probe ids are kept',
  );
});

test('a report saved before evidence was typed ({} for a probe that gave no answer) still reads; wrong data do not', () => {
  const saved = JSON.parse(JSON.stringify(model())) as { evidence: Array<Record<string, unknown>> };
  saved.evidence.push({ ...saved.evidence[0], probe: 'policies', status: 'error', data: {}, error: 'timed out' });
  const read = reportSchema.parse(saved);
  assert.equal(read.evidence.at(-1)?.data, null);
  saved.evidence.push({ ...saved.evidence[0], probe: 'policies', status: 'ok', data: { disableMsi: 'yes' } });
  const wrong = reportSchema.safeParse(saved);
  assert.equal(wrong.success, false);
  assert.deepEqual(wrong.error?.issues[0]?.path.slice(0, 3), ['evidence', saved.evidence.length - 1, 'data']);
});

test('repairs: the run one from its journal (verified), the others proposed by findings', () => {
  const m = model();
  const run = m.repairs.find((r) => r.repair === 'restore-windows-temp-acl');
  assert.ok(run);
  assert.equal(run.state, 'succeeded');
  assert.equal(run.verified, true);
  assert.equal(run.outcome?.steps.length, 2);
  const proposed = m.repairs.find((r) => r.repair === 'restart-computer');
  assert.equal(proposed?.state, 'proposed');
  assert.deepEqual(proposed?.proposedFor, ['installer-folders-access', 'pending-reboot']);
});

test('an undone or interrupted journal is reported as such', () => {
  const undone = model('en', false, [
    {
      journalId: 'j1',
      entries: [
        ...journal,
        { type: 'undo-start', at: 'x', stepIds: [] },
        { type: 'undo-finish', at: 'y', status: 'succeeded' },
      ],
    },
  ]);
  assert.equal(undone.repairs[0]?.state, 'undone');
  const interrupted = model('en', false, [{ journalId: 'j2', entries: journal.slice(0, 2) }]);
  assert.equal(interrupted.repairs[0]?.state, 'unfinished');
  assert.equal(interrupted.repairs[0]?.outcome, null);
});

test('no planted identity or secret survives redaction of the model (JSON)', () => {
  const json = JSON.stringify(redacted());
  for (const secret of PLANTED_SECRETS)
    assert.ok(!json.toLowerCase().includes(secret.toLowerCase()), `${secret} leaked`);
  for (const keep of MUST_SURVIVE) assert.ok(json.includes(keep), `${keep} was removed`);
});

test('HTML is self-contained: no script, no external resource, no event handler attribute', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    const page = renderReportHtml(redacted(lang));
    assert.ok(!/<script/i.test(page), 'no <script');
    assert.ok(!/\s(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i.test(page), 'no external src/href');
    assert.ok(!/<(?:link|iframe|object|embed|img)\b/i.test(page), 'no embedded resources');
    assert.ok(!/\son[a-z]+\s*=/i.test(page.replace(/&lt;[^]*?&gt;/g, '')), 'no event handler attributes');
    assert.match(page, /<style>/);
    assert.match(page, /@media print/);
    assert.match(page, /<meta name="viewport"/);
  }
});

test('HTML escapes hostile strings from evidence, logs and symptoms', () => {
  const page = renderReportHtml(model('en', true));
  assert.ok(!page.includes(HOSTILE));
  assert.ok(!page.includes('<img src=x'));
  assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.ok(page.includes('&#39;single&#39;'));
});

test('HTML puts the summary first, then details with raw outputs in <details>', () => {
  const page = renderReportHtml(redacted('en'));
  const order = ['What happened', 'What we found', 'What we did', 'What to do next', 'Details'].map((h) =>
    page.indexOf(h),
  );
  assert.ok(order.every((i) => i > 0));
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.match(page, /<details><summary>Raw output 1: <code>icacls C:\\Windows\\Temp<\/code><\/summary>/);
  assert.match(page, /Simulated machine/);
});

test('a Chinese report keeps the key technical terms in English', () => {
  const page = renderReportHtml(redacted('zh-CN'));
  assert.match(page, /<html lang="zh-CN">/);
  assert.ok(page.includes('Windows Installer 服务 (Windows Installer service)'));
  assert.ok(page.includes('发生了什么'));
  assert.ok(page.includes('有问题 (Problem)'));
  // error names: the Chinese title with the English one
  assert.ok(page.includes('2503: 在未标记为进行中时调用了 RunScript (RunScript called when not marked in progress)'));
});

test('translated knowledge texts are used, with the English form in a Chinese report', () => {
  const translate = (ref: { key: string }, lang: Lang) =>
    ref.key === 'cause.installer-folders-access.title'
      ? lang === 'en'
        ? 'Installer folders access denied'
        : '安装文件夹无法访问'
      : null;
  const page = renderReportHtml(redacted('zh-CN'), { translate });
  assert.ok(page.includes('安装文件夹无法访问 (Installer folders access denied)'));
});

test('an unredacted report carries a visible warning', () => {
  const page = renderReportHtml(model('en', false));
  assert.match(page, /this report is NOT redacted/);
});

test('the HTML shows no internal id and no raw ISO time outside quoted machine text (code, pre, JSON facts)', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    const page = renderReportHtml(model(lang), { translate });
    const words = page.replace(/<(pre|code|style|title)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ');
    const ids = [...PROBE_IDS, ...REPAIR_IDS, ...CAUSE_IDS].filter((id) => id.includes('-'));
    for (const id of ids) assert.doesNotMatch(words, new RegExp(`(?<![\\w-])${id}(?![\\w-])`), `${lang}: ${id}`);
    assert.doesNotMatch(words, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, `${lang}: a raw ISO time`);
    assert.ok(words.includes(localTime('2026-11-21T10:00:00.000Z', lang)), `${lang}: the local time of the report`);
  }
});
