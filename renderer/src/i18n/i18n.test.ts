// Bilingual guard: en and zh-CN have the same keys, every t('...') key exists, and no user-facing text in any
// component (JSX text, aria-label/title/placeholder/alt literals) bypasses i18n.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import {
  foreignPlaceholders,
  informalChinese,
  missingPluralForms,
  nestedEntries,
} from '../../../shared/knowledge/text-rules.ts';
import { en } from './en.ts';
import { zhCN } from './zh-cn.ts';
import { createI18n, detectLang } from './i18n.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const USER_FACING_PROPS = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'aria-description',
  'aria-valuetext',
  'label',
]);
/** A letter in any script: text without one (✕, punctuation, spaces) is not language. */
const HAS_WORD = /\p{L}/u;

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      for (const [p, s] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, s);
  }
  return out;
}

function tsxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsxFiles(full));
    else if (entry.name.endsWith('.tsx') && !entry.name.includes('.test.')) out.push(full);
  }
  return out;
}

/** Every piece of user-visible literal text in a TSX file that does not come from t(). */
export function strayTexts(source: string, fileName = 'x.tsx'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_WORD.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && USER_FACING_PROPS.has(node.name.getText(file))) {
      const init = node.initializer;
      const literal =
        init && ts.isStringLiteral(init)
          ? init.text
          : init &&
              ts.isJsxExpression(init) &&
              init.expression &&
              (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
            ? init.expression.text
            : null;
      if (literal !== null && HAS_WORD.test(literal)) found.push(`${node.name.getText(file)}="${literal}"`);
    }
    // A string literal rendered as a JSX child: <p>{'Hello'}</p>.
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const e = node.expression;
      if (e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && HAS_WORD.test(e.text))
        found.push(e.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test('en and zh-CN have exactly the same keys, none empty, Chinese really translated', () => {
  const a = leaves(en);
  const b = leaves(zhCN);
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [key, value] of b) assert.ok(value.trim().length > 0, `zh-CN ${key} is empty`);
  const untranslated = [...b].filter(
    ([key, value]) =>
      value === a.get(key) &&
      /[a-z]{4,}/.test(value) &&
      !key.startsWith('langs.') &&
      key !== 'app.title' &&
      key !== 'report.summaryReal',
  );
  assert.deepEqual(untranslated, [], 'zh-CN strings identical to English');
  // Same placeholders in both languages.
  for (const [key, value] of a) {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(names(b.get(key) ?? ''), names(value), `placeholders of ${key}`);
  }
});

test('every t() key used by the components exists', () => {
  const keys = leaves(en);
  const missing: string[] = [];
  for (const file of [...tsxFiles(SRC), join(SRC, 'wizard', 'summary.ts')]) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'([^'`]+)'/g))
      if (!keys.has(m[1] as string) && !keys.has(`${m[1]}_other`)) missing.push(`${file}: ${m[1]}`);
    // Template keys like t(`probes.${id}`): the fixed prefix must exist as a group.
    for (const m of source.matchAll(/\bt\(\s*`([a-zA-Z.]+)\.\$\{/g)) {
      const prefix = `${m[1]}.`;
      if (![...keys.keys()].some((k) => k.startsWith(prefix))) missing.push(`${file}: ${prefix}*`);
    }
  }
  assert.deepEqual(missing, []);
});

test('no user-facing string outside the i18n resources in any component', () => {
  const files = tsxFiles(SRC);
  assert.ok(files.length >= 15, `only ${files.length} components found`);
  const offenders: string[] = [];
  for (const file of files)
    for (const text of strayTexts(readFileSync(file, 'utf8'), file)) offenders.push(`${file}: ${text}`);
  assert.deepEqual(offenders, []);
});

test('the stray-text detector catches what it should and ignores what it should', () => {
  assert.deepEqual(strayTexts('const a = <p>Hello</p>;'), ['Hello']);
  assert.deepEqual(strayTexts('const a = <b aria-label="Close">✕</b>;'), ['aria-label="Close"']);
  assert.deepEqual(strayTexts("const a = <p>{'Hi there'}</p>;"), ['Hi there']);
  assert.deepEqual(strayTexts('const a = <i placeholder={`中文`} />;'), ['placeholder="中文"']);
  assert.deepEqual(strayTexts("const a = <p className=\"x\" aria-label={t('a.b')}>{t('x')} ✕ {' '}</p>;"), []);
});

test('the OS language picks the UI language, and i18next switches at run time', async () => {
  assert.equal(detectLang(['zh-CN']), 'zh-CN');
  assert.equal(detectLang(['zh-TW', 'en']), 'zh-CN');
  assert.equal(detectLang(['de-DE', 'en-US']), 'en');
  assert.equal(detectLang(['fr']), 'en');
  const i18n = createI18n('en');
  assert.equal(i18n.t('symptom.continue'), 'Continue');
  await i18n.changeLanguage('zh-CN');
  assert.equal(i18n.t('symptom.continue'), '继续');
  assert.equal(i18n.t('fix.countdown', { seconds: 5 }), '正在等待另一个安装完成：还剩 5 秒');
});

test('the UI strings follow the rules of every table: 您, {name} placeholders, plural families for counts', () => {
  const entries = nestedEntries('renderer/i18n', en, zhCN);
  assert.deepEqual(informalChinese(entries), []);
  assert.deepEqual(foreignPlaceholders(entries), []);
  // i18next chooses the family by its count option, so the template may show a formatted {total} instead.
  assert.deepEqual(missingPluralForms(entries, {}, false), []);
  const i18n = createI18n('en');
  assert.equal(i18n.t('log.matches', { count: 1 }), '1 match');
  assert.equal(i18n.t('log.matches', { count: 2 }), '2 matches');
  assert.equal(i18n.t('log.lines', { count: 1, total: '1' }), '1 line');
});
