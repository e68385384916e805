// Tests the per-language domain texts: loaded once per language on demand, listeners told, same words as translate().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Lang } from '../../../shared/contract/ids.ts';
import { allTextKeys, languageTable, translate } from '../../../shared/knowledge/texts.ts';
import {
  domainText,
  domainTextsVersion,
  loadDomainTexts,
  setLanguageTableLoader,
  subscribeDomainTexts,
} from './domain-text.ts';

test('a language table is fetched once, on first need; until it arrives the text is empty, never a key', async () => {
  const asked: Lang[] = [];
  let failNext = true;
  setLanguageTableLoader(async (lang) => {
    asked.push(lang);
    if (lang === 'zh-CN' && failNext) {
      failNext = false;
      throw new Error('offline');
    }
    return languageTable(lang);
  });
  let heard = 0;
  const stop = subscribeDomainTexts(() => heard++);
  const ref = { key: 'fact.service-disabled', params: {} };
  assert.equal(domainText(ref, 'en'), '');
  const before = domainTextsVersion();
  await loadDomainTexts('en');
  assert.equal(domainTextsVersion(), before + 1);
  assert.equal(heard, 1);
  assert.equal(domainText(ref, 'en'), translate(ref, 'en'));
  await loadDomainTexts('en');
  assert.deepEqual(asked, ['en'], 'fetched once');
  // A failed load is tried again on the next need.
  await assert.rejects(loadDomainTexts('zh-CN'));
  await loadDomainTexts('zh-CN');
  assert.deepEqual(asked, ['en', 'zh-CN', 'zh-CN']);
  assert.equal(heard, 2);
  stop();
});

test('rendering from one language table gives exactly translate() for every key, with params and nested keys', async () => {
  setLanguageTableLoader(async (lang) => languageTable(lang));
  for (const lang of ['en', 'zh-CN'] as const) {
    await loadDomainTexts(lang);
    for (const key of allTextKeys()) {
      const ref = { key, params: { n: 3, path: 'C:\\Temp\u202E', age: '@value.age.hours?count=3' } };
      assert.equal(domainText(ref, lang), translate(ref, lang), `${lang} ${key}`);
    }
  }
  assert.equal(domainText({ key: 'no.such.key' }, 'en'), translate({ key: 'no.such.key' }, 'en'));
});
