// Numbers read from log text (exit codes, HRESULTs, PIDs): kept only when they fit a signed or unsigned 32-bit value,
// so the analysis always satisfies its schema; anything else is null (the caller keeps the raw text).

export const INT32_MIN = -2147483648;
export const UINT32_MAX = 4294967295;

export function fits32(value: number): boolean {
  return Number.isSafeInteger(value) && value >= INT32_MIN && value <= UINT32_MAX;
}

/** "1603", "-1978335226", "4294967295" -> the number; null when it is not a decimal or does not fit in 32 bits. */
export function codeFromDigits(text: string): number | null {
  const t = text.trim();
  let i = t.charCodeAt(0) === 45 ? 1 : 0;
  if (i === t.length || t.length - i > 10) return null;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const value = Number(t);
  return fits32(value) ? value : null;
}

/** "0x80070643", "0x643", "1603" or "-2147023293"; null when it is not a number or does not fit in 32 bits. */
export function parseCode(text: string): number | null {
  const t = text.trim();
  if (t.length > 2 && t.charCodeAt(0) === 48 && (t.charCodeAt(1) | 0x20) === 120) {
    const hex = t.slice(2);
    if (hex.length > 8) {
      // Leading zeros are harmless ("0x0000000080070643"); more significant digits are not.
      let z = 0;
      while (z < hex.length - 1 && hex.charCodeAt(z) === 48) z++;
      if (hex.length - z > 8) return null;
      return parseHex(hex.slice(z));
    }
    return parseHex(hex);
  }
  return codeFromDigits(t);
}

function parseHex(hex: string): number | null {
  let value = 0;
  for (let i = 0; i < hex.length; i++) {
    const c = hex.charCodeAt(i) | 0x20;
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return null;
    value = value * 16 + d;
  }
  return fits32(value) ? value : null;
}

/** A process id written in hex in "MSI (s) (D0:A0)"; null when it is not hex or not a 32-bit value. */
export function pidFromHex(text: string): number | null {
  if (text.length === 0 || text.length > 8) return null;
  return parseHex(text);
}
