// Which MSI / Burn property names hold secrets, and the line patterns whose values must be hidden (stage A of redaction).

/** Name fragments that mark a property as secret (case-insensitive), as Windows Installer practice and the issue list them. */
const SECRET_NAME = /PASSWORD|PASSWD|PWD|SECRET|TOKEN|KEY|CREDENTIAL/i;
/**
 * Names that contain KEY but are not secrets: registry / component / file columns of "Executing op:" lines, assembly
 * public key tokens, and Windows Installer's own bookkeeping ids (seen in the corpus logs).
 */
const NOT_SECRET = new Set([
  'Key',
  'KeyPath',
  'KeyFile',
  'KeyName',
  'SourceCabKey',
  'PublicKeyToken',
  'PackageKey',
  'MsiRestartManagerSessionKey',
]);

export function isSecretName(name: string, hidden: ReadonlySet<string>): boolean {
  if (hidden.has(name.toUpperCase())) return true;
  return !NOT_SECRET.has(name) && SECRET_NAME.test(name);
}

/** A value not worth hiding: empty, or already masked by Windows Installer ("**********"). */
export function isMaskedOrEmpty(value: string): boolean {
  return value.trim() === '' || /^\*+$/.test(value.trim());
}

const NAME = '[A-Za-z_][A-Za-z0-9_.]*';

/**
 * Property assignments in MSI / Burn logs and command lines. Each has groups: 1 = text before the name,
 * 2 = name, 3 = text between name and value, 4 = value, 5 = text after the value (may be empty).
 */
export const PROPERTY_PATTERNS: RegExp[] = [
  // "Property(S): DBPASSWORD = Hunter2!" (the property dump at the end of a verbose log)
  new RegExp(`(Property\\([A-Z]\\): )(${NAME})( = )([^\\r\\n]*)()`, 'g'),
  // "SVC_SECRET = value" on a line of its own
  new RegExp(`(^[ \\t]*)(${NAME})([ \\t]*=[ \\t]*)([^\\r\\n]*)()`, 'gm'),
  // "PROPERTY CHANGE: Adding X property. Its value is 'v'." / "Modifying X property. Its current value is 'a'. Its new value: 'b'."
  new RegExp(`(PROPERTY CHANGE: [A-Za-z]+ )(${NAME})( property\\. )(Its [^\\r\\n]*)()`, 'g'),
  // Burn: "Initializing string variable 'X' to value 'v'" / "Setting string variable 'X' to value 'v'"
  new RegExp(`(variable ')(${NAME})(' to value ')([^\\r\\n]*)(')`, 'g'),
  // Command lines and ops: NAME=value or NAME="value with spaces"
  new RegExp(`((?:^|[\\s,(;]))(${NAME})(=)("(?:[^"\\r\\n]|"")*"|[^\\s"]+)()`, 'gm'),
];

/**
 * The secret parts of a matched value: for PROPERTY CHANGE lines the quoted values, otherwise the value itself
 * (without surrounding quotes), so the placeholder keeps the line's shape.
 */
export function secretPartsOf(patternIndex: number, value: string): Array<{ start: number; end: number }> {
  if (patternIndex === 2) {
    const parts: Array<{ start: number; end: number }> = [];
    const quoted = /'([^\r\n]*?)'(?=\.(?:\s|$))/g;
    for (let m = quoted.exec(value); m; m = quoted.exec(value)) {
      const start = m.index + 1;
      parts.push({ start, end: start + (m[1] ?? '').length });
    }
    return parts;
  }
  // Burn lines (index 3) capture the closing quote separately, so the whole value is the secret.
  if (patternIndex === 3) return [{ start: 0, end: value.length }];
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return [{ start: 1, end: value.length - 1 }];
  return [{ start: 0, end: value.length }];
}

/** "MsiHiddenProperties = A;B" in any of the property forms: the hidden property names. */
export function hiddenPropertyNames(text: string): string[] {
  const names: string[] = [];
  const re = /MsiHiddenProperties(?: property\. Its (?:current )?value is '|[ \t]*=[ \t]*|' to value ')([^\r\n']*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const name of (m[1] ?? '').split(/[;,\s]+/))
      if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) names.push(name.toUpperCase());
  }
  return names;
}
