// What the learning pass found in each piece of a file that the redact pass would find again (assignments, machine
// names, profile folders: packed-findings.ts), kept (packed, bounded) for the redact pass: a piece redacted at the same
// place of the decoded text, with the same length and the same hidden property names, is the same text scanned the same
// way, so those findings are reused instead of found again.
import { knownSize, type KnownFindings } from '../../../shared/report/redaction/packed-findings.ts';

interface Piece {
  length: number;
  hiddenSize: number;
  known: KnownFindings;
}

export class FindingsCache {
  private readonly pieces = new Map<number, Piece>();
  private ints = 0;

  /** maxInts bounds the memory (a few integers per finding): past it, pieces are scanned again. */
  constructor(private readonly maxInts = 4 << 20) {}

  add(offset: number, length: number, hiddenSize: number, known: KnownFindings | null): void {
    if (!known || this.ints + knownSize(known) > this.maxInts) return;
    this.ints += knownSize(known);
    this.pieces.set(offset, { length, hiddenSize, known });
  }

  /** The findings of the piece at offset if it is the one learned (else null); each is taken once. */
  take(offset: number, length: number, hiddenSize: number): KnownFindings | null {
    const piece = this.pieces.get(offset);
    if (!piece) return null;
    this.pieces.delete(offset);
    this.ints -= knownSize(piece.known);
    return piece.length === length && piece.hiddenSize === hiddenSize ? piece.known : null;
  }
}
