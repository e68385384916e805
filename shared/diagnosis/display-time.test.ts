// Times in sentences are typed params ({ time: iso }) that the page formats in the reader's language and zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localTime, timeParam } from './display-time.ts';
import { translate } from '../knowledge/texts.ts';

test('a time param is rendered as a local readable time in each language, never as ISO or "UTC"', () => {
  const ref = {
    key: 'fact.unmatched-transaction',
    params: { time: timeParam('2026-11-18T01:06:00Z'), package: 'X.msi' },
  };
  for (const lang of ['en', 'zh-CN'] as const) {
    const text = translate(ref, lang);
    assert.ok(text.includes(localTime('2026-11-18T01:06:00Z', lang)), `${lang}: ${text}`);
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}|UTC|T01:06/, `${lang}: ${text}`);
  }
  assert.match(translate(ref, 'zh-CN'), /2026年11月18日/);
  assert.match(translate(ref, 'en'), /2026/);
});

test('localTime: a zone-less clock time stays that clock time; not a date stays as it is', () => {
  assert.match(localTime('2026-11-18T09:13:00', 'en'), /9:13/);
  assert.equal(localTime('yesterday', 'en'), 'yesterday');
});
