// Renders a text reference from one language's templates: {{params}}, nested "@key" params, values escaped for display.
// Kept apart from the tables (texts.ts) so the renderer can render with a table it loads for one language only.
import { escapeForDisplay } from './display-safe.ts';
import type { TextRef } from '../contract/evidence.ts';
import { interpolate } from './local-text.ts';

export type TextParams = Record<string, string | number>;
export type TextInput = TextRef | { key: string; params?: TextParams };
/** The template of a key in the language being rendered (with its fallback applied), or undefined. */
export type TemplateLookup = (key: string) => string | undefined;

/**
 * A param value of the form "@key" or "@key?n=3&x=y" is itself translated first, so a sentence can embed
 * a translated value ("3 hours" / "3 小时") without the caller knowing the language.
 */
function resolveParams(params: TextParams, lookup: TemplateLookup, depth: number): TextParams {
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
      out[name] = lookup(key) !== undefined ? render(key, nested, lookup, depth + 1) : value;
    } else {
      // Values come from the machine (paths, command lines of other users' processes): bidi overrides and line
      // separators are shown escaped, so a sentence cannot be made to read as something else.
      out[name] = typeof value === 'string' ? escapeForDisplay(value) : value;
    }
  }
  return out;
}

function render(key: string, params: TextParams, lookup: TemplateLookup, depth: number): string {
  // An unknown key shows the key itself.
  return interpolate(lookup(key) ?? key, resolveParams(params, lookup, depth));
}

/** A text reference rendered with one language's templates. */
export function renderText(ref: TextInput, lookup: TemplateLookup): string {
  return render(ref.key, ref.params ?? {}, lookup, 0);
}

/** Build a nested-param value for translate ("@value.age.hours?n=3"). */
export function nestedParam(key: string, params: TextParams = {}): string {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return query ? `@${key}?${query}` : `@${key}`;
}

/**
 * A count with its noun in the right form ("1 entry", "2 entries"; Chinese has one form, written in both keys): the
 * key for exactly one, else the other one, rendered with {n}. Use it wherever a sentence would say "{count} things".
 */
export function countParam(n: number, oneKey: string, otherKey: string): string {
  return nestedParam(n === 1 ? oneKey : otherKey, { n });
}
