// Renders a text reference from one language's templates: {params}, plural forms chosen by {count}, nested "@key"
// params, values escaped for display.
// Kept apart from the tables (texts.ts) so the renderer can render with a table it loads for one language only.
import { escapeForDisplay } from './display-safe.ts';
import type { TextRef, TimeParam } from '../contract/evidence.ts';
import { isTimeParam, localTime } from './local-time.ts';
import type { Lang } from '../contract/ids.ts';
import { interpolate } from './local-text.ts';

export type TextParams = Record<string, string | number | TimeParam>;
export type TextInput = TextRef | { key: string; params?: TextParams };
/** The template of a key in the language being rendered (with its fallback applied), or undefined. */
export type TemplateLookup = (key: string) => string | undefined;

/**
 * A param value of the form "@key" or "@key?count=3&x=y" is itself translated first, so a sentence can embed
 * a translated value ("3 hours" / "3 小时") without the caller knowing the language.
 */
/**
 * The template of a key for these params. A text that counts something is a plural family, as i18next writes it:
 * `key_one` / `key_other` (and any other CLDR category a language has), chosen by the `count` param through
 * Intl.PluralRules of the language; `_other` is the family's fallback. A key without a family is used as is.
 */
function templateOf(key: string, params: TextParams, lookup: TemplateLookup, lang: Lang): string | undefined {
  const count = Number(params.count);
  if (params.count !== undefined && Number.isFinite(count)) {
    const form = lookup(`${key}_${pluralRules(lang).select(count)}`) ?? lookup(`${key}_other`);
    if (form !== undefined) return form;
  }
  return lookup(key);
}

const rulesByLang = new Map<Lang, Intl.PluralRules>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let rules = rulesByLang.get(lang);
  if (!rules) rulesByLang.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
}

function resolveParams(
  params: TextParams,
  lookup: TemplateLookup,
  depth: number,
  lang: Lang,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (isTimeParam(value)) out[name] = localTime(value.time, lang);
    else if (typeof value === 'string' && value.startsWith('@') && depth < 3) {
      const [key = '', query = ''] = value.slice(1).split('?', 2);
      const nested: TextParams = {};
      for (const pair of query.split('&')) {
        if (!pair) continue;
        const [k = '', v = ''] = pair.split('=', 2);
        nested[decodeURIComponent(k)] = decodeURIComponent(v);
      }
      out[name] =
        templateOf(key, nested, lookup, lang) !== undefined ? render(key, nested, lookup, depth + 1, lang) : value;
    } else {
      // Values come from the machine (paths, command lines of other users' processes): bidi overrides and line
      // separators are shown escaped, so a sentence cannot be made to read as something else.
      out[name] = typeof value === 'string' ? escapeForDisplay(value) : value;
    }
  }
  return out;
}

function render(key: string, params: TextParams, lookup: TemplateLookup, depth: number, lang: Lang): string {
  // An unknown key shows the key itself.
  return interpolate(templateOf(key, params, lookup, lang) ?? key, resolveParams(params, lookup, depth, lang));
}

/** A text reference rendered with one language's templates (`lang` picks the plural rules). */
export function renderText(ref: TextInput, lookup: TemplateLookup, lang: Lang): string {
  return render(ref.key, ref.params ?? {}, lookup, 0, lang);
}

/** A piece of a rendered text: words of the language, or a value from the machine (a path, a product name, a log
 * line) that must not be translated and is shown as quoted machine text. */
export type TextPart = string | { machine: string };

/**
 * A text reference rendered as parts: the template's own words, translated nested params and numbers as text, and
 * every other param value (which comes from the machine, never from a table) as a machine part, so a page can mark
 * it (translate="no") and a reader or a translator can tell the quoted data from the sentence around it.
 */
export function renderTextParts(ref: TextInput, lookup: TemplateLookup, lang: Lang): TextPart[] {
  const params = ref.params ?? {};
  const template = templateOf(ref.key, params, lookup, lang);
  if (template === undefined) return [ref.key];
  const resolved = resolveParams(params, lookup, 0, lang);
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1]!;
    if (!(name in resolved)) continue;
    if (match.index > at) parts.push(template.slice(at, match.index));
    const raw = params[name];
    const value = String(resolved[name]);
    parts.push(typeof raw === 'string' && !raw.startsWith('@') ? { machine: value } : value);
    at = match.index + match[0].length;
  }
  if (at < template.length) parts.push(template.slice(at));
  return parts;
}

/** Build a nested-param value for translate ("@value.age.hours?count=3"). */
export function nestedParam(key: string, params: TextParams = {}): string {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(isTimeParam(v) ? v.time : String(v))}`)
    .join('&');
  return query ? `@${key}?${query}` : `@${key}`;
}
