// Hides secret property values in log text we show or export: *PASSWORD*, *SECRET*, *TOKEN*, *KEY*... and MsiHiddenProperties.

export const REDACTED = '**********';
const SECRET_NAME_RE = /PASSWORD|PASSWD|PWD|SECRET|TOKEN|KEY|CREDENTIAL/i;

export function isSecretName(name: string, hidden: ReadonlySet<string>): boolean {
  return SECRET_NAME_RE.test(name) || hidden.has(name.toUpperCase());
}

/** Redacts "Property(S): NAME = v", "PROPERTY CHANGE: ... NAME property. Its value is 'v'" and NAME=v pairs. */
export function redactLine(text: string, hidden: ReadonlySet<string>): string {
  let out = text;
  const prop = /^(.*?\([SCN]\)\s*[:：]\s*)([^\s=]+)( = )(.*)$/.exec(out);
  if (prop && isSecretName(prop[2]!, hidden)) return prop[1]! + prop[2]! + prop[3]! + REDACTED;
  const change = /PROPERTY CHANGE: (?:Adding|Modifying|Deleting) (\S+) property/.exec(out);
  if (change && isSecretName(change[1]!, hidden)) out = out.replace(/'[^']*'/g, `'${REDACTED}'`);
  // NAME=value / NAME="value with spaces" (command lines, CustomActionData)
  out = out.replace(/([A-Za-z_][\w.]*)=("[^"]*"|'[^']*'|[^\s,;)]*)/g, (whole, name: string, value: string) =>
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
