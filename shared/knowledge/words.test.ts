// The shared words (probe, repair and status names) exist once, in both languages; every table speaks one register
// (您), uses one placeholder syntax ({name}) and gives every count its plural forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROBE_IDS, REPAIR_IDS } from '../contract/ids.ts';
import { evidenceStatusSchema } from '../contract/evidence.ts';
import { textTables, translate } from './texts.ts';
import { WORD_TEXTS } from './texts/words.ts';
import { probeName, repairName, statusWord } from './words.ts';
import { foreignPlaceholders, informalChinese, missingPluralForms, type TextEntry } from './text-rules.ts';

/** Every knowledge table as entries (the wizard's UI strings are checked by renderer/src/i18n/i18n.test.ts). */
function allEntries(): TextEntry[] {
  const out: TextEntry[] = [];
  for (const { name, table } of textTables())
    for (const [key, text] of Object.entries(table)) out.push({ table: name, key, en: text.en, zh: text['zh-CN'] });
  return out;
}

test('every probe, repair and status has one shared name, in en and zh-CN, in the words table', () => {
  const refs = [
    ...PROBE_IDS.map(probeName),
    ...REPAIR_IDS.map(repairName),
    ...evidenceStatusSchema.options.map(statusWord),
  ];
  for (const ref of refs) {
    const entry = (WORD_TEXTS as Record<string, { en: string; 'zh-CN': string } | undefined>)[ref.key];
    assert.ok(entry && entry.en.trim() && entry['zh-CN'].trim(), `${ref.key} in texts/words.ts, both languages`);
    assert.equal(translate(ref, 'en'), entry.en);
  }
  assert.equal(Object.keys(WORD_TEXTS).length, refs.length, 'the words table holds the shared words only');
});

test('no other table names a probe or a status again (one word, one place)', () => {
  const duplicates = allEntries().filter(
    (e) => e.table !== 'words' && /^(report\.probe|report\.status|probes|status)\.|\.name$/.test(e.key),
  );
  assert.deepEqual(
    duplicates.filter((e) => /^probe\.|^(report\.)?(probes|status|probe)\./.test(e.key)).map((e) => e.key),
    [],
  );
});

test('one register in Chinese: 您, never 你', () => {
  assert.deepEqual(informalChinese(allEntries()), []);
});

test('one placeholder syntax: {name} in every table (no {{name}}, no %s, no ${name})', () => {
  assert.deepEqual(foreignPlaceholders(allEntries()), []);
});

/** Numbers that are never 1 by construction, so the plural noun is always right. */
const ALWAYS_PLURAL: Record<string, string> = {
  'probe.installer-events.none': 'EVENT_DAYS, a constant window of the probe',
  'probe.recent-logs.none': 'LOG_DAYS, a constant window of the probe',
  'probe.deployment-logs.none': 'deployLogDays(), a window of at least 7 days',
  'repair.message.wait-timeout': 'the wait limit, at least a minute',
  'repair.restart-computer.step.restart-later': 'the restart delay choices, all above one minute',
};

test('a number followed by an English noun is a plural family (key_one + key_other), chosen by {count}', () => {
  assert.deepEqual(missingPluralForms(allEntries(), ALWAYS_PLURAL), []);
});

test('the rules catch what they should', () => {
  const e = (key: string, en: string, zh: string): TextEntry => ({ table: 't', key, en, zh });
  assert.deepEqual(informalChinese([e('a', 'x', '你的文件'), e('b', 'x', '您的文件')]), ['t:a']);
  assert.deepEqual(foreignPlaceholders([e('a', '{{n}} x', '{{n}}'), e('b', '{n} x', '{n}')]), ['t:a']);
  assert.deepEqual(missingPluralForms([e('a', '{count} files', '{count} 个文件')]), ['t:a: {count} files']);
  assert.deepEqual(
    missingPluralForms([e('a_one', '{count} file', '{count} 个'), e('a_other', '{count} files', '{count} 个')]),
    [],
  );
  assert.deepEqual(missingPluralForms([e('a_other', '{count} files', '{count} 个')]), ['t:a lacks _one']);
});

test('plural families render the form of the count in each language', () => {
  const ref = (count: number) => ({ key: 'probe.recent-logs.found', params: { count, newest: 'a.log' } });
  assert.match(translate(ref(1), 'en'), /^1 recent installer log found/);
  assert.match(translate(ref(3), 'en'), /^3 recent installer logs found/);
  assert.match(translate(ref(1), 'zh-CN'), /1 个/);
  const age = { key: 'value.age.hours', params: { count: 1 } };
  assert.equal(translate(age, 'en'), '1 hour');
  assert.equal(translate({ key: 'value.age.hours', params: { count: 5 } }, 'en'), '5 hours');
});
