// Hides secret property values in log text we show or export: *PASSWORD*, *SECRET*, *TOKEN*, *KEY*... and MsiHiddenProperties.
import { P } from './patterns.ts';

export const REDACTED = '**********';

export function isSecretName(name: string, hidden: ReadonlySet<string>): boolean {
  return P.SECRET_NAME.test(name) || hidden.has(name.toUpperCase());
}

/** "Property(S): NAME = value" (the word is localized): the name and where its value starts, by hand. */
function propertyLine(text: string): { name: string; valueAt: number } | null {
  const open = text.indexOf('(');
  if (open < 0 || open > 40 || text.charCodeAt(open + 2) !== 41) return null;
  const role = text[open + 1];
  if (role !== 'S' && role !== 'C' && role !== 'N') return null;
  let i = open + 3;
  while (text.charCodeAt(i) === 32) i++;
  if (text[i] !== ':' && text[i] !== '：') return null;
  i++;
  while (text.charCodeAt(i) === 32) i++;
  const eq = text.indexOf(' = ', i);
  if (eq <= i) return null;
  const name = text.slice(i, eq);
  if (name.includes(' ') || name.includes('=')) return null;
  return { name, valueAt: eq + 3 };
}

/** Redacts "Property(S): NAME = v", "PROPERTY CHANGE: ... NAME property. Its value is 'v'" and NAME=v pairs. */
export function redactLine(text: string, hidden: ReadonlySet<string>): string {
  let out = text;
  const prop = propertyLine(out);
  if (prop && isSecretName(prop.name, hidden)) return out.slice(0, prop.valueAt) + REDACTED;
  const change = P.PROPERTY_CHANGE_NAME.exec(out);
  if (change && isSecretName(change[1]!, hidden)) out = out.replace(P.QUOTED, `'${REDACTED}'`);
  // NAME=value / NAME="value with spaces" (command lines, CustomActionData)
  out = out.replace(P.NAME_VALUE, (whole, name: string, value: string) =>
    value && value !== REDACTED && isSecretName(name, hidden) ? `${name}=${REDACTED}` : whole,
  );
  return out;
}

/** MsiHiddenProperties value "A;B;C" -> set of upper-case names. */
export function parseHiddenProperties(value: string): Set<string> {
  return new Set(
    value
      .split(';')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  );
}
