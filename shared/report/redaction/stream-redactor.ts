// Redaction of text that arrives in chunks (a 500 MB log): whole lines are redacted as they complete; a line longer
// than MAX_LINE is cut where no finding (a key and its value, a name, an address) straddles the cut, so a secret
// across the cut is still redacted; the learning pass reads long lines in overlapping windows for the same reason.
import type { Redactor } from './redactor.ts';
import { valueEnd } from './assignments.ts';
import type { Finding } from './findings.ts';

/** A line longer than this (no newline in sight) is cut, so memory stays bounded. */
export const MAX_LINE = 1 << 20;
/** Findings are computed this far past a cut; longer than any literal, address or key the rules look for. */
const MARGIN = 8192;

/** A secret value that ran past a forced cut: the next text continues it up to the value's end. */
interface OpenSecret {
  canonical: string;
}

export class StreamRedactor {
  private carry = '';
  private open: OpenSecret | null = null;

  constructor(private readonly redactor: Redactor) {}

  /** Adds decoded text; returns the redacted text of everything that can be decided so far. */
  push(text: string): string {
    return this.pushPieces(text).join('');
  }

  /** The rest of the stream, redacted. */
  flush(): string {
    return this.flushPieces().join('');
  }

  /** push() as pieces (slices and placeholders), so a writer can encode them without joining. */
  pushPieces(text: string): string[] {
    let buffer = this.carry + text;
    this.carry = '';
    const open = this.closeOpenSecret(buffer);
    if (open.consumed > 0) buffer = buffer.slice(open.consumed);
    const result: string[] = open.text ? [open.text] : [];
    const cut = buffer.lastIndexOf('\n') + 1;
    if (cut > 0) {
      result.push(...this.redactor.redactPieces(buffer.slice(0, cut)));
      buffer = buffer.slice(cut);
    }
    while (buffer.length > MAX_LINE) {
      const piece = this.cutLongLine(buffer);
      result.push(piece.text);
      buffer = buffer.slice(piece.consumed);
    }
    this.carry = buffer;
    return result;
  }

  /** Characters taken in but not yet redacted (the start of an unfinished line). */
  get pending(): number {
    return this.carry.length;
  }

  /**
   * The step of pushPieces that needs nothing but findings: when no secret is open and what stays after the last
   * newline is not over-long, takes the text and returns the whole lines to redact (redactPieces of them is then
   * exactly what pushPieces would return). Null, changing nothing, when the step needs pushPieces itself.
   */
  takeLines(text: string): string | null {
    if (this.open) return null;
    const buffer = this.carry + text;
    const cut = buffer.lastIndexOf('\n') + 1;
    if (buffer.length - cut > MAX_LINE) return null;
    this.carry = buffer.slice(cut);
    return buffer.slice(0, cut);
  }

  flushPieces(): string[] {
    const closed = this.closeOpenSecret(this.carry);
    const rest = this.carry.slice(closed.consumed);
    this.carry = '';
    return [...(closed.text ? [closed.text] : []), ...this.redactor.redactPieces(rest)];
  }

  /** Replaces the continuation of a secret cut at the previous forced cut. */
  private closeOpenSecret(buffer: string): { text: string; consumed: number } {
    if (!this.open || buffer === '') return { text: '', consumed: 0 };
    const newline = buffer.indexOf('\n');
    const lineEnd = newline < 0 ? buffer.length : buffer.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    const end = valueEnd(buffer, 0, lineEnd, -1);
    const secret = this.open;
    if (end === buffer.length) return { text: this.placeholder(secret, buffer), consumed: buffer.length };
    this.open = null;
    return { text: end > 0 ? this.placeholder(secret, buffer.slice(0, end)) : '', consumed: end };
  }

  private placeholder(secret: OpenSecret, sample: string): string {
    return this.redactor.placeholder('secret', secret.canonical, sample);
  }

  /** Redacts the head of an over-long line up to a safe cut; returns the text and how much of the buffer it used. */
  private cutLongLine(buffer: string): { text: string; consumed: number } {
    const findings = this.redactor.findings(buffer);
    const low = buffer.length >> 1;
    const cut = safeCut(findings, buffer.length - MARGIN);
    if (cut >= low) return { text: this.redactor.apply(buffer.slice(0, cut), before(findings, cut)), consumed: cut };
    // One unit spans the whole window: a huge secret value. Replace it to the buffer's end and keep replacing after.
    const hard = buffer.length - MARGIN;
    const covering = findings.find((f) => f.start < hard && hard < f.end);
    if (covering && covering.kind === 'secret' && covering.end === buffer.length) {
      this.open = { canonical: covering.canonical };
      return { text: this.redactor.apply(buffer, findings), consumed: buffer.length };
    }
    const clipped = findings.filter((f) => f.start < hard).map((f) => (f.end > hard ? { ...f, end: hard } : f));
    return { text: this.redactor.apply(buffer.slice(0, hard), clipped), consumed: hard };
  }
}

/** The latest position at or before `at` that is inside no finding's unit (its key and value): units merged once. */
function safeCut(findings: Finding[], at: number): number {
  const units = findings.map((f) => [f.from, f.end] as const).sort((a, b) => a[0] - b[0]);
  let cut = at;
  let runStart = -1;
  let runEnd = -1;
  for (const [from, end] of units) {
    if (from > runEnd) {
      if (runStart < cut && cut < runEnd) return runStart;
      runStart = from;
      runEnd = end;
    } else runEnd = Math.max(runEnd, end);
    if (from >= cut) break;
  }
  if (runStart < cut && cut < runEnd) cut = runStart;
  return cut;
}

function before(findings: Finding[], cut: number): Finding[] {
  return findings.filter((f) => f.end <= cut);
}

/**
 * Splits text arriving in chunks into pieces for the learning pass: whole lines, and over-long lines in windows that
 * overlap by MARGIN characters, so a key and its value are seen together whatever the chunk boundaries.
 */
export class LearningChunker {
  private carry = '';

  /** Characters taken in and not yet returned (the next piece starts this far before the text pushed next). */
  get pending(): number {
    return this.carry.length;
  }

  push(text: string): string {
    const buffer = this.carry + text;
    const cut = buffer.lastIndexOf('\n') + 1;
    if (cut === 0 && buffer.length > MAX_LINE) {
      this.carry = buffer.slice(buffer.length - MARGIN);
      return buffer;
    }
    this.carry = buffer.slice(cut);
    return buffer.slice(0, cut);
  }

  flush(): string {
    const rest = this.carry;
    this.carry = '';
    return rest;
  }
}
