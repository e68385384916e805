// The one text lookup for domain texts: translate(TextRef, lang) over every knowledge text table, with fallbacks.
import type { Lang } from '../contract/ids.ts';
import type { TextRef } from '../contract/evidence.ts';
import type { LocalText, TextTable } from './local-text.ts';
import { renderText, type TextInput } from './text-render.ts';
import { knowledgeTexts } from './knowledge-texts.ts';
import { DIAGNOSIS_TEXTS } from './texts/diagnosis.ts';
import { PROBE_TEXTS } from './texts/probes.ts';
import { PACKAGE_TEXTS } from './texts/package.ts';
import { REPAIR_TEXTS } from './texts/repairs.ts';
import { reportTexts } from './texts/report.ts';
import { DEPLOY_TEXTS } from './texts/deploy.ts';
import { FLEET_TEXTS } from './texts/fleet.ts';
import { PRODUCT_TEXTS } from './texts/products.ts';
import { SESSION_TEXTS } from './texts/session.ts';
import { FAILURE_PATTERN_TEXTS } from './failure-patterns.ts';
import { WORD_TEXTS } from './texts/words.ts';
import { HEADLINE_TEXTS } from './headlines.ts';
import { CLI_TEXTS } from './texts/cli.ts';
import { CLI_HELP_TEXTS } from './texts/cli-help.ts';

export { nestedParam, type TextInput, type TextParams } from './text-render.ts';

/** Named tables, so a test can report which table lacks or duplicates a key. */
export function textTables(): Array<{ name: string; table: TextTable }> {
  return [
    { name: 'words', table: WORD_TEXTS },
    { name: 'knowledge', table: knowledgeTexts() },
    { name: 'diagnosis', table: DIAGNOSIS_TEXTS },
    { name: 'probes', table: PROBE_TEXTS },
    { name: 'package', table: PACKAGE_TEXTS },
    { name: 'repairs', table: REPAIR_TEXTS },
    { name: 'report', table: reportTexts },
    { name: 'deploy', table: DEPLOY_TEXTS },
    { name: 'fleet', table: FLEET_TEXTS },
    { name: 'products', table: PRODUCT_TEXTS },
    { name: 'session', table: SESSION_TEXTS },
    { name: 'failure-patterns', table: FAILURE_PATTERN_TEXTS },
    { name: 'headlines', table: HEADLINE_TEXTS },
    { name: 'cli', table: CLI_TEXTS },
    { name: 'cli-help', table: CLI_HELP_TEXTS },
  ];
}

let merged: Map<string, LocalText> | null = null;

function table(): Map<string, LocalText> {
  if (merged) return merged;
  merged = new Map();
  for (const { table: t } of textTables())
    for (const [key, text] of Object.entries(t)) if (!merged.has(key)) merged.set(key, text);
  return merged;
}

/** The LocalText of a key, or undefined. */
export function lookupText(key: string): LocalText | undefined {
  return table().get(key) ?? table().get(`${key}_other`);
}

/** A key exists as a text of its own or as a plural family (key_one, key_other: see text-render.ts). */
export function hasText(key: string): boolean {
  return table().has(key) || table().has(`${key}_other`);
}

/** Every key of every table (for tests and tooling). */
export function allTextKeys(): string[] {
  return [...table().keys()];
}

/** A language's template of a key: the other language's empty string falls back to English. */
function template(key: string, lang: Lang): string | undefined {
  const text = table().get(key);
  return text ? text[lang] || text.en : undefined;
}

/** "Label:" in the language's own punctuation (Chinese: "标签："). */
export function labelWord(label: string): TextRef {
  return { key: 'format.label', params: { label } };
}

/** "Label: value" in the language's own punctuation (Chinese: "标签：值"). */
export function labelled(label: string, value: string): TextRef {
  return { key: 'format.labelled', params: { label, value } };
}

/** Translate a text reference into the given language (English fallback, then the key). */
export function translate(ref: TextInput, lang: Lang): string {
  return renderText(ref, (key) => template(key, lang), lang);
}

/**
 * Every template of one language, key -> text, fallbacks applied: what the renderer loads for the language it
 * shows (the Vite build writes one chunk per language), so the first screen carries no domain text at all.
 */
export function languageTable(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of table().keys()) out[key] = template(key, lang)!;
  return out;
}
