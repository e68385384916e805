// What the learning pass's assignment rules found in each piece of a file, kept (packed, bounded) for the redact
// pass: a piece redacted at the same place of the decoded text, with the same length and the same hidden property
// names, is the same text scanned the same way, so its assignments are reused instead of found again.

interface Piece {
  length: number;
  hiddenSize: number;
  packed: Int32Array;
}

export class AssignmentCache {
  private readonly pieces = new Map<number, Piece>();
  private ints = 0;

  /** maxInts bounds the memory (4 integers per finding): past it, pieces are scanned again. */
  constructor(private readonly maxInts = 4 << 20) {}

  add(offset: number, length: number, hiddenSize: number, packed: Int32Array | null): void {
    if (!packed || this.ints + packed.length > this.maxInts) return;
    this.ints += packed.length;
    this.pieces.set(offset, { length, hiddenSize, packed });
  }

  /** The packed assignments of the piece at offset if it is the one learned (else null); each is taken once. */
  take(offset: number, length: number, hiddenSize: number): Int32Array | null {
    const piece = this.pieces.get(offset);
    if (!piece) return null;
    this.pieces.delete(offset);
    this.ints -= piece.packed.length;
    return piece.length === length && piece.hiddenSize === hiddenSize ? piece.packed : null;
  }
}
