// Which known failure pattern (service exists, access denied, file in use, missing prerequisite) a failed step's own
// lines show: numbers first (Win32 codes, HRESULTs, Windows Installer message numbers), the system's phrases last.
import { FAILURE_PATTERNS, type FailurePattern } from '../knowledge/failure-patterns.ts';

export interface PatternMatch {
  pattern: FailurePattern;
  /** The number that matched (a Win32 code, an HRESULT or a message number), or null for a phrase. */
  code: number | null;
}

// Every pattern below is a single pass with no nested or overlapping quantifiers: linear in the text.
/** HRESULT 0x8007xxxx (FACILITY_WIN32): its low word is the Win32 code. Other 0x8xxxxxxx values are kept whole. */
const HEX = /\b0x([0-9a-f]{1,8})\b/gi;
/**
 * A decimal code right after a marker that says it is an error number, in the languages Windows and the common
 * custom-action frameworks print ("error 5", "GetLastError=32", "错误 5", "Fehler 5", "code: 1073"). "Return value 3"
 * is deliberately not a marker (3 is the custom action's verdict, not a Win32 code).
 */
const MARKED_DECIMAL = /(?:error|errorcode|lasterror|code|错误|錯誤|fehler|erreur)[\s:=#(]{0,3}(\d{1,5})\b/gi;

/** Win32 codes and HRESULTs a text mentions, in order (at most `limit`). */
export function codesIn(text: string, limit = 32): { win32: number[]; hresults: number[] } {
  const win32: number[] = [];
  const hresults: number[] = [];
  for (const m of text.matchAll(HEX)) {
    const value = parseInt(m[1]!, 16);
    if (m[1]!.length === 8 && value >>> 16 === 0x8007) win32.push(value & 0xffff);
    else if (m[1]!.length === 8 && value >= 0x80000000) hresults.push(value);
    else if (value < 0x10000) win32.push(value);
    if (win32.length + hresults.length >= limit) break;
  }
  for (const m of text.matchAll(MARKED_DECIMAL)) {
    win32.push(Number(m[1]));
    if (win32.length + hresults.length >= limit) break;
  }
  return { win32, hresults };
}

export interface FailureLines {
  /** The failing step's own words first (the analyzer's `reason`), then the log's error lines. */
  texts: string[];
  /** Windows Installer message numbers of the log's error lines. */
  msiErrors: number[];
}

/** The first known pattern the lines show; numbers anywhere beat a phrase, the step's own line beats the rest. */
export function matchFailurePattern(lines: FailureLines): PatternMatch | null {
  for (const text of lines.texts) {
    const { win32, hresults } = codesIn(text);
    for (const code of win32) {
      const pattern = FAILURE_PATTERNS.find((p) => p.win32.includes(code));
      if (pattern) return { pattern, code };
    }
    for (const code of hresults) {
      const pattern = FAILURE_PATTERNS.find((p) => p.hresults.includes(code));
      if (pattern) return { pattern, code };
    }
  }
  for (const code of lines.msiErrors) {
    const pattern = FAILURE_PATTERNS.find((p) => p.msiErrors.includes(code));
    if (pattern) return { pattern, code };
  }
  for (const text of lines.texts) {
    const lower = text.toLowerCase();
    const pattern = FAILURE_PATTERNS.find((p) => p.systemPhrases.some((phrase) => lower.includes(phrase)));
    if (pattern) return { pattern, code: null };
  }
  return null;
}
