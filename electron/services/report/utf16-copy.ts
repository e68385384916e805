// The redacted copy of a uniform UTF-16 file written from the file's own bytes: the text between two findings is
// copied as it was read (no re-encoding), only placeholders are encoded; its bytes are cut into whole lines as the
// learning pass cut its text, and decoded only where they are scanned (on a scan thread), not on the thread that writes
// the copy. Valid because such a file's text is its bytes read two at a time (RegionDecoder: one encoding, nothing
// dropped), so character c is bytes [2c, 2c + 2).
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
 * UTF-16 bytes of text (two per character) with each resolved finding replaced by its placeholder encoded in the same
 * byte order.
 */
export function applyToUtf16(
  utf16: Uint8Array,
  resolved: Finding[],
  placeholderOf: (f: Finding) => string,
  bigEndian: boolean,
): Buffer {
  const bytes = Buffer.from(utf16.buffer, utf16.byteOffset, utf16.byteLength);
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

/** The text of UTF-16 bytes (two per character) in the given byte order; the bytes themselves are not changed. */
export function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bigEndian ? Buffer.from(view).swap16().toString('utf16le') : view.toString('utf16le');
}

/**
 * The bytes of a uniform UTF-16 file for the redact pass, cut exactly where the learning pass's RegionDecoder cut its
 * text (`lengths`: the characters it gave for each chunk, then at the end), whatever sizes the reads return: the same
 * text, without looking for characters that betray another encoding again (the learning pass found none, or the file
 * would not be uniform). Bytes past what the learning pass read (a log still being written) are left out of the copy:
 * they were never checked, and the report describes the file as it was read.
 */
export class Utf16Replay {
  private pending: Buffer = Buffer.alloc(0);
  private next = 0;

  constructor(private readonly lengths: readonly number[]) {}

  /** The bytes of the pieces of text the bytes so far complete (none while a piece still waits for bytes). */
  write(chunk: Uint8Array): Buffer[] {
    const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.pending = this.pending.length ? Buffer.concat([this.pending, view]) : view;
    const out: Buffer[] = [];
    while (this.next < this.lengths.length && 2 * this.lengths[this.next]! <= this.pending.length)
      out.push(this.take(this.lengths[this.next++]!));
    return out;
  }

  /** The rest: a file cut short since the learning pass gives what is left of it. */
  end(): Buffer[] {
    const out = this.write(new Uint8Array(0));
    if (this.next < this.lengths.length) out.push(this.take(this.pending.length >> 1));
    this.next = this.lengths.length;
    this.pending = Buffer.alloc(0);
    return out;
  }

  private take(chars: number): Buffer {
    const used = this.pending.subarray(0, 2 * chars);
    this.pending = this.pending.subarray(2 * chars);
    return used;
  }
}

/** Byte index of the last line feed (U+000A) of UTF-16 bytes, or -1: each 0x0A byte is checked for its place. */
function lastLineFeed(bytes: Buffer, bigEndian: boolean): number {
  const low = bigEndian ? 1 : 0; // where the 0x0A byte sits in its two-byte unit
  for (let at = bytes.lastIndexOf(0x0a); at >= 0; at = at > 0 ? bytes.lastIndexOf(0x0a, at - 1) : -1)
    if ((at & 1) === low && bytes[at ^ 1] === 0) return at - low;
  return -1;
}

/** Free buffers kept for reuse (a few more than the pieces a pass holds in flight). */
const MAX_FREE = 16;
/** Smallest buffer made: a piece of CHUNK_BYTES plus the start of its first line, so most pieces fit any free one. */
const MIN_BUFFER = 576 << 10;

/**
 * Buffers for the lines of pieces, on shared memory and reused: posting one to a scan thread copies nothing (the
 * thread reads the same memory), and a pass allocates a few buffers instead of one per piece (each new one counted as
 * external memory that makes V8 collect sooner). A buffer is given back once no thread reads it any more.
 */
export class LineBuffers {
  private readonly free: SharedArrayBuffer[] = [];
  private readonly out = new WeakSet<SharedArrayBuffer>();

  /** A buffer of `size` bytes (not zeroed: the caller fills it). */
  get(size: number): Buffer {
    const index = this.free.findIndex((memory) => memory.byteLength >= size);
    const memory = index >= 0 ? this.free.splice(index, 1)[0]! : new SharedArrayBuffer(Math.max(size, MIN_BUFFER));
    this.out.add(memory);
    return Buffer.from(memory, 0, size);
  }

  /** Gives a buffer from get() back (a view of anything else is ignored); it must not be read after. */
  release(bytes: Uint8Array): void {
    const memory = bytes.buffer;
    if (!(memory instanceof SharedArrayBuffer) || !this.out.has(memory)) return;
    this.out.delete(memory);
    if (this.free.length < MAX_FREE) this.free.push(memory);
  }
}

/**
 * Whole lines of UTF-16 bytes, cut as StreamRedactor.takeLines cuts text: the bytes up to the last line feed (with the
 * start of the line kept from before), copied into a buffer of their own (from `buffers`, when given), so a scan thread
 * can be sent exactly them.
 */
export class Utf16Lines {
  private carry: Buffer[] = [];
  private carried = 0;

  constructor(
    private readonly bigEndian: boolean,
    /** Characters that may stay after the last line feed (StreamRedactor cuts a longer line from its text). */
    private readonly maxLine: number,
    private readonly buffers: LineBuffers | null = null,
  ) {}

  /**
   * The whole lines `bytes` completes (empty when it holds no line feed), or null, taking nothing, when what would
   * stay after the last line feed is longer than maxLine characters.
   */
  take(bytes: Buffer): Buffer | null {
    const feed = lastLineFeed(bytes, this.bigEndian);
    const stays = feed < 0 ? this.carried + bytes.length : bytes.length - feed - 2;
    if (stays > 2 * this.maxLine) return null;
    if (feed < 0) {
      this.keep(bytes);
      return EMPTY;
    }
    const parts = [...this.carry, bytes.subarray(0, feed + 2)];
    const lines = this.buffers ? copyInto(this.buffers.get(this.carried + feed + 2), parts) : Buffer.concat(parts);
    this.carry = [];
    this.carried = 0;
    this.keep(bytes.subarray(feed + 2));
    return lines;
  }

  /** The bytes kept after the last line feed, then `more`; nothing is kept after. */
  drain(more: Buffer = EMPTY): Buffer {
    const rest = Buffer.concat([...this.carry, more]);
    this.carry = [];
    this.carried = 0;
    return rest;
  }

  private keep(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.carry.push(bytes);
    this.carried += bytes.length;
  }
}

function copyInto(target: Buffer, parts: Buffer[]): Buffer {
  let at = 0;
  for (const part of parts) at += part.copy(target, at);
  return target;
}

const EMPTY = Buffer.alloc(0);
