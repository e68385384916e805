// The one text lookup for domain texts: translate(TextRef, lang) over every knowledge text table, with fallbacks.
import { escapeForDisplay } from './display-safe.ts';
import type { Lang } from '../contract/ids.ts';
import type { TextRef } from '../contract/evidence.ts';
import { interpolate, type LocalText, type TextTable } from './local-text.ts';
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

export type TextParams = Record<string, string | number>;
export type TextInput = TextRef | { key: string; params?: TextParams };

/** Named tables, so a test can report which table lacks or duplicates a key. */
export function textTables(): Array<{ name: string; table: TextTable }> {
  return [
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
  return table().get(key);
}

export function hasText(key: string): boolean {
  return table().has(key);
}

/** Every key of every table (for tests and tooling). */
export function allTextKeys(): string[] {
  return [...table().keys()];
}

/**
 * A param value of the form "@key" or "@key?n=3&x=y" is itself translated first, so a sentence can embed
 * a translated value ("3 hours" / "3 小时") without the caller knowing the language.
 */
function resolveParams(params: TextParams, lang: Lang, depth: number): TextParams {
  const out: TextParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' && value.startsWith('@') && depth < 3) {
      const [key = '', query = ''] = value.slice(1).split('?', 2);
      const nested: TextParams = {};
      for (const pair of query.split('&')) {
        if (!pair) continue;
        const [k = '', v = ''] = pair.split('=', 2);
        nested[decodeURIComponent(k)] = decodeURIComponent(v);
      }
      out[name] = hasText(key) ? render(key, nested, lang, depth + 1) : value;
    } else {
      // Values come from the machine (paths, command lines of other users' processes): bidi overrides and line
      // separators are shown escaped, so a sentence cannot be made to read as something else.
      out[name] = typeof value === 'string' ? escapeForDisplay(value) : value;
    }
  }
  return out;
}

function render(key: string, params: TextParams, lang: Lang, depth: number): string {
  const text = table().get(key);
  // Fallbacks: the other language's empty string falls back to English; an unknown key shows the key itself.
  const template = text ? text[lang] || text.en : key;
  return interpolate(template, resolveParams(params, lang, depth));
}

/** Translate a text reference into the given language (English fallback, then the key). */
export function translate(ref: TextInput, lang: Lang): string {
  return render(ref.key, ref.params ?? {}, lang, 0);
}

/** Build a nested-param value for translate ("@value.age.hours?n=3"). */
export function nestedParam(key: string, params: TextParams = {}): string {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return query ? `@${key}?${query}` : `@${key}`;
}
