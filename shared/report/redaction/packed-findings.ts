// What the learning pass found in a piece of a big log that the redact pass would find again in the same text (the
// assignment rules, machine names, profile folders), kept compactly between the two passes: a few integers each, the
// text they point into gives the rest. Only findings whose canonical form the text gives back (a secret as written, a
// name lower-cased) and places whose name is the text itself are packed.
import { finding, type Finding } from './findings.ts';
import { REDACTION_KINDS } from './redaction-kinds.ts';

const FIELDS = 4;

/** A piece's findings the redact pass reuses, packed: each is rebuilt on the same text, in the same order. */
export interface KnownFindings {
  /** The assignment rules' findings (made with the hidden property names the piece was read with). */
  assignments: Int32Array;
  /** findMachineNames' findings. */
  machines: Int32Array;
  /** findProfileNames' places, as [start, end] pairs. */
  profiles: Int32Array;
}

/** A place in the text whose name is the text there (profile folders). */
export interface NamedPlace {
  start: number;
  end: number;
  name: string;
}

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

/** The places as [start, end] pairs; null when a name is not the text at its place. */
export function packPlaces(text: string, places: readonly NamedPlace[]): Int32Array | null {
  const packed = new Int32Array(places.length * 2);
  for (let i = 0; i < places.length; i++) {
    const { start, end, name } = places[i]!;
    if (text.slice(start, end) !== name) return null;
    packed[2 * i] = start;
    packed[2 * i + 1] = end;
  }
  return packed;
}

/** The places packPlaces packed, rebuilt on the same text (in the same order). */
export function unpackPlaces(text: string, packed: Int32Array): NamedPlace[] {
  const out: NamedPlace[] = [];
  for (let i = 0; i < packed.length; i += 2) {
    const start = packed[i]!;
    const end = packed[i + 1]!;
    out.push({ start, end, name: text.slice(start, end) });
  }
  return out;
}

/** Integers a KnownFindings holds (a cache's bound counts them). */
export function knownSize(known: KnownFindings): number {
  return known.assignments.length + known.machines.length + known.profiles.length;
}
