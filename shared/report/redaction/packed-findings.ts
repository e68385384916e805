// Findings of the assignment rules kept compactly between the two passes over a big log (the learning pass finds them,
// the redact pass reuses them instead of scanning again): four integers each, the text they point into gives the
// rest. Only findings whose canonical form the text gives back (a secret as written, a name lower-cased) are packed.
import { finding, type Finding } from './findings.ts';
import { REDACTION_KINDS } from './redaction-kinds.ts';

const FIELDS = 4;

function canonicalOf(kind: Finding['kind'], sample: string): string {
  return kind === 'secret' ? sample : sample.toLowerCase();
}

/** The findings as [start, end, from, kind] quadruples; null when one of them cannot be rebuilt from the text. */
export function packFindings(found: readonly Finding[]): Int32Array | null {
  const packed = new Int32Array(found.length * FIELDS);
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (f.canonical !== canonicalOf(f.kind, f.sample)) return null;
    packed.set([f.start, f.end, f.from, REDACTION_KINDS.indexOf(f.kind)], i * FIELDS);
  }
  return packed;
}

/** The findings packFindings packed, rebuilt on the same text (in the same order). */
export function unpackFindings(text: string, packed: Int32Array): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < packed.length; i += FIELDS) {
    const kind = REDACTION_KINDS[packed[i + 3]!]!;
    const [start, end, from] = [packed[i]!, packed[i + 1]!, packed[i + 2]!];
    out.push(finding(kind, text, start, end, canonicalOf(kind, text.slice(start, end)), from));
  }
  return out;
}
