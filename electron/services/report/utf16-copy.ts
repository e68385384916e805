// The redacted copy of a uniform UTF-16 file written from the file's own bytes: the text between two findings is
// copied as it was read (no re-encoding), only placeholders are encoded; and its text decoded again for the redact pass
// without the checks the learning pass made. Valid because such a file's text is its bytes read two at a time
// (RegionDecoder: one encoding, nothing dropped), so character c is bytes [2c, 2c + 2).
import type { Finding } from '../../../shared/report/redaction/findings.ts';

/** The raw bytes read so far and not yet written, taken in order as the text they decode to is written. */
export class RawBytes {
  private readonly chunks: Buffer[] = [];
  private head = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length) this.chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  /** The next `count` bytes (a view when they lie in one chunk). */
  take(count: number): Buffer {
    const parts: Buffer[] = [];
    let left = count;
    while (left > 0 && this.chunks.length) {
      const chunk = this.chunks[0]!;
      const n = Math.min(left, chunk.length - this.head);
      parts.push(chunk.subarray(this.head, this.head + n));
      this.head += n;
      left -= n;
      if (this.head === chunk.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    if (left > 0) throw new Error('redacted copy: fewer bytes read than characters decoded');
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, count);
  }
}

/**
 * The bytes of text (as `bytes`, two per character) with each resolved finding replaced by its placeholder encoded
 * in the same byte order.
 */
export function applyToUtf16(
  bytes: Buffer,
  resolved: Finding[],
  placeholderOf: (f: Finding) => string,
  bigEndian: boolean,
): Buffer {
  if (resolved.length === 0) return bytes;
  const placeholders = resolved.map(placeholderOf);
  let length = bytes.length;
  resolved.forEach((f, i) => (length += 2 * (placeholders[i]!.length - (f.end - f.start))));
  const out = Buffer.allocUnsafe(length);
  let from = 0;
  let at = 0;
  resolved.forEach((f, i) => {
    at += bytes.copy(out, at, 2 * from, 2 * f.start);
    const written = out.write(placeholders[i]!, at, 'utf16le');
    if (bigEndian) out.subarray(at, at + written).swap16();
    at += written;
    from = f.end;
  });
  bytes.copy(out, at, 2 * from);
  return out;
}

/**
 * The text of a uniform UTF-16 file for the redact pass, cut exactly where the learning pass's RegionDecoder cut it
 * (`lengths`: the characters it gave for each chunk, then at the end), whatever sizes the reads return: the same text,
 * without looking for characters that betray another encoding again (the learning pass found none, or the file would
 * not be uniform). Bytes past what the learning pass read (a log still being written) are left out of the copy: they
 * were never checked, and the report describes the file as it was read.
 */
export class Utf16Replay {
  private pending: Buffer = Buffer.alloc(0);
  private next = 0;

  constructor(
    private readonly lengths: readonly number[],
    private readonly bigEndian: boolean,
  ) {}

  /** The pieces of text the bytes so far complete (none while a piece still waits for bytes). */
  write(chunk: Uint8Array): string[] {
    const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.pending = this.pending.length ? Buffer.concat([this.pending, view]) : view;
    const out: string[] = [];
    while (this.next < this.lengths.length && 2 * this.lengths[this.next]! <= this.pending.length)
      out.push(this.take(this.lengths[this.next++]!));
    return out;
  }

  /** The rest: a file cut short since the learning pass gives what is left of it. */
  end(): string[] {
    const out = this.write(new Uint8Array(0));
    if (this.next < this.lengths.length) out.push(this.take(this.pending.length >> 1));
    this.next = this.lengths.length;
    this.pending = Buffer.alloc(0);
    return out;
  }

  private take(chars: number): string {
    const used = this.pending.subarray(0, 2 * chars);
    this.pending = this.pending.subarray(2 * chars);
    return this.bigEndian ? Buffer.from(used).swap16().toString('utf16le') : used.toString('utf16le');
  }
}
