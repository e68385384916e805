// The rules every text table follows (knowledge tables and the wizard's UI strings alike): one register in Chinese,
// one placeholder syntax, plural families for counts. Pure checks, run by words.test.ts and renderer/src/i18n tests.

export interface TextEntry {
  table: string;
  key: string;
  en: string;
  zh: string;
}

/** Flattens a nested UI string table ({ a: { b: 'x' } }) into entries keyed "a.b". */
export function nestedEntries(table: string, en: object, zh: object): TextEntry[] {
  const leaves = (node: object, prefix: string, into: Map<string, string>): Map<string, string> => {
    for (const [k, v] of Object.entries(node))
      if (typeof v === 'string') into.set(prefix + k, v);
      else leaves(v as object, `${prefix}${k}.`, into);
    return into;
  };
  const zhLeaves = leaves(zh, '', new Map());
  return [...leaves(en, '', new Map())].map(([key, text]) => ({ table, key, en: text, zh: zhLeaves.get(key) ?? '' }));
}

/** Chinese speaks to the user as 您 throughout. */
export function informalChinese(entries: TextEntry[]): string[] {
  return entries.filter((e) => e.zh.includes('你')).map((e) => `${e.table}:${e.key}`);
}

/** {name} only: no i18next {{name}}, no printf %s, no template ${name}. */
export function foreignPlaceholders(entries: TextEntry[]): string[] {
  return entries.filter((e) => /\{\{|%[sd]|\$\{/.test(e.en + e.zh)).map((e) => `${e.table}:${e.key}`);
}

/** "{count} files", "{n} minutes": a number placeholder directly before an English plural noun. */
const COUNTED_NOUN = /\{(count|n|total|minutes|hours|days|seconds|files|entries|rules|times)\} [a-z]+s\b/;

/**
 * A number followed by an English noun must be a plural family (key_one and key_other, as i18next names them), so
 * "1 files" cannot happen; `alwaysPlural` names keys whose number is never 1 by construction, with the reason.
 */
export function missingPluralForms(
  entries: TextEntry[],
  alwaysPlural: Record<string, string> = {},
  familyNeedsCountParam = true,
): string[] {
  const keys = new Set(entries.map((e) => `${e.table}:${e.key}`));
  const offenders: string[] = [];
  for (const e of entries) {
    if (e.key in alwaysPlural) continue;
    const family = /_(one|other)$/.test(e.key);
    if (COUNTED_NOUN.test(e.en) && !family) offenders.push(`${e.table}:${e.key}: ${e.en}`);
    if (!family) continue;
    const base = e.key.replace(/_(one|other)$/, '');
    for (const form of ['one', 'other'])
      if (!keys.has(`${e.table}:${base}_${form}`)) offenders.push(`${e.table}:${base} lacks _${form}`);
    if (familyNeedsCountParam && !e.en.includes('{count}')) offenders.push(`${e.table}:${e.key} has no {count}`);
  }
  return offenders;
}
