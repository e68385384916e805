// What every redaction rule reports: a region of the text to replace (a Finding), and how a set of them is resolved
// (sorted, overlaps merged so nothing between two overlapping findings survives) and applied to the text.
import type { RedactionKind } from './redaction-kinds.ts';

export interface Finding {
  kind: RedactionKind;
  /** The region replaced by the placeholder. */
  start: number;
  end: number;
  /** Where the unit that made it sensitive begins (a key before its value); a stream never cuts between from and end. */
  from: number;
  /** Stable identity of the value: the same canonical text always gets the same placeholder. */
  canonical: string;
  /** The value as found (shown masked in the preview for secrets). */
  sample: string;
}

export function finding(
  kind: RedactionKind,
  text: string,
  start: number,
  end: number,
  canonical: string,
  from = start,
): Finding {
  return { kind, start, end, from: Math.min(from, start), canonical, sample: text.slice(start, end) };
}

/**
 * Sorts findings and resolves overlaps: the earliest (then the longest) wins, and a finding that overlaps it only in
 * part extends it, so every character any rule flagged is replaced.
 */
export function resolveFindings(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  let last: Finding | null = null;
  for (const f of findings) {
    if (f.end <= f.start) continue;
    if (last && f.start < last.end) {
      if (f.end > last.end) {
        last.end = f.end;
        last.from = Math.min(last.from, f.from);
      }
      continue;
    }
    out.push(f);
    last = f;
  }
  return out;
}

/**
 * The text with each resolved finding replaced by its placeholder, as pieces (slices of the text and placeholders):
 * writing pieces out one by one avoids flattening one long concatenated string.
 */
export function applyFindings(text: string, resolved: Finding[], placeholderOf: (f: Finding) => string): string[] {
  if (resolved.length === 0) return [text];
  const pieces: string[] = [];
  let at = 0;
  for (const f of resolved) {
    if (f.start > at) pieces.push(text.slice(at, f.start));
    pieces.push(placeholderOf(f));
    at = f.end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return pieces;
}
