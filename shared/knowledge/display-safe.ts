// Display safety: characters that make text look like something else (bidi overrides, line separators, controls) are
// refused in repair parameters and shown escaped (<U+202E>) wherever a path or command reaches the user.

/**
 * C0/C1 controls (tab, CR, LF, NEL U+0085 included), the Unicode line and paragraph separators, and the bidi
 * embedding/override/isolate/mark characters (ALM, LRM, RLM, LRE..RLO, LRI..PDI). Zero-width joiners stay allowed:
 * they are part of real names in several scripts.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function hasUnsafeDisplayChars(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/** Replaces each unsafe character with a visible `<U+XXXX>`, so what is shown is what is there. */
export function escapeForDisplay(text: string): string {
  return text.replace(UNSAFE, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
