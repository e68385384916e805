// A ZIP written to disk as it is produced: node:zlib's deflateRaw compresses on the thread pool (so the next chunk is
// redacted while the previous one is compressed) and zlib.crc32 checksums natively; entries stream with data
// descriptors, ZIP64 only when an entry or the archive passes 4 GiB. (fflate stays where the browser needs it.)
import { open, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { createDeflateRaw, crc32, type ZlibOptions } from 'node:zlib';

const MAX32 = 0xffffffff;
/** Compressed bytes waiting for the disk before the producer is asked to wait: bounded memory. */
const MAX_QUEUED = 8 << 20;

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private queued = 0;
  private chain: Promise<void> = Promise.resolve();
  private failed: Error | null = null;

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await open(path, 'w'));
  }

  /** Bytes written so far (the archive's size once closed). */
  get bytes(): number {
    return this.offset;
  }

  private write(buffer: Buffer): void {
    this.offset += buffer.length;
    this.queued += buffer.length;
    this.chain = this.chain.then(async () => {
      if (this.failed) return;
      try {
        await this.handle.write(buffer);
      } catch (error) {
        this.failed = error instanceof Error ? error : new Error(String(error));
      }
      this.queued -= buffer.length;
    });
  }

  private async settle(limit: number): Promise<void> {
    if (this.queued > limit) await this.chain;
    if (this.failed) throw this.failed;
  }

  /**
   * Adds one entry from a stream of chunks. Level 1 for big logs: deflate dominates the export time, and level 1 is
   * several times faster for a slightly larger file on log text.
   */
  async addStream(name: string, chunks: AsyncIterable<Uint8Array>, level: 1 | 6 = 6): Promise<void> {
    const { time, date } = dosDateTime(new Date());
    const entry: Entry = {
      name: Buffer.from(name, 'utf8'),
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
      time,
      date,
    };
    this.write(this.localHeader(entry));
    // A deep write buffer lets the producer run ahead while the thread pool compresses (Transform stream option).
    const deflate = createDeflateRaw({ level, chunkSize: 256 * 1024, writableHighWaterMark: 4 << 20 } as ZlibOptions);
    let error: Error | null = null;
    deflate.on('error', (e) => (error = e));
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length;
      this.write(chunk);
    });
    const ended = once(deflate, 'end');
    try {
      for await (const chunk of chunks) {
        if (chunk.length === 0) continue;
        entry.crc = crc32(chunk, entry.crc);
        entry.size += chunk.length;
        if (!deflate.write(chunk)) await once(deflate, 'drain');
        await this.settle(MAX_QUEUED);
        if (error) throw error;
      }
    } catch (e) {
      deflate.destroy();
      throw e;
    }
    deflate.end();
    await ended;
    if (error) throw error;
    this.write(this.dataDescriptor(entry));
    this.entries.push(entry);
    await this.settle(MAX_QUEUED);
  }

  async addText(name: string, text: string): Promise<void> {
    await this.addStream(
      name,
      (async function* () {
        yield Buffer.from(text, 'utf8');
      })(),
    );
  }

  /** Writes the central directory and closes the file; returns the archive's size. */
  async close(): Promise<number> {
    const start = this.offset;
    for (const entry of this.entries) this.write(this.centralHeader(entry));
    const size = this.offset - start;
    const zip64 = this.entries.length >= 0xffff || start >= MAX32 || size >= MAX32 || this.entries.some(isZip64);
    if (zip64) this.write(this.zip64End(start, size));
    this.write(this.end(start, size, zip64));
    await this.settle(0);
    await this.chain;
    if (this.failed) throw this.failed;
    await this.handle.close();
    return this.offset;
  }

  /** On failure: close the file (the caller removes it). */
  async abort(): Promise<void> {
    await this.chain.catch(() => undefined);
    await this.handle.close().catch(() => undefined);
  }

  private localHeader(e: Entry): Buffer {
    const b = Buffer.alloc(30);
    b.writeUInt32LE(0x04034b50, 0);
    b.writeUInt16LE(45, 4); // version needed: 4.5 (ZIP64 descriptors are possible)
    b.writeUInt16LE(0x0808, 6); // sizes in a data descriptor; UTF-8 names
    b.writeUInt16LE(8, 8); // deflate
    b.writeUInt16LE(e.time, 10);
    b.writeUInt16LE(e.date, 12);
    b.writeUInt16LE(e.name.length, 26);
    return Buffer.concat([b, e.name]);
  }

  private dataDescriptor(e: Entry): Buffer {
    const big = isZip64(e);
    const b = Buffer.alloc(big ? 24 : 16);
    b.writeUInt32LE(0x08074b50, 0);
    b.writeUInt32LE(e.crc >>> 0, 4);
    if (big) {
      b.writeBigUInt64LE(BigInt(e.compressed), 8);
      b.writeBigUInt64LE(BigInt(e.size), 16);
    } else {
      b.writeUInt32LE(e.compressed, 8);
      b.writeUInt32LE(e.size, 12);
    }
    return b;
  }

  private centralHeader(e: Entry): Buffer {
    const big = isZip64(e);
    const extra = big ? Buffer.alloc(28) : Buffer.alloc(0);
    if (big) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
      extra.writeBigUInt64LE(BigInt(e.compressed), 12);
      extra.writeBigUInt64LE(BigInt(e.offset), 20);
    }
    const b = Buffer.alloc(46);
    b.writeUInt32LE(0x02014b50, 0);
    b.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, 4.5
    b.writeUInt16LE(45, 6);
    b.writeUInt16LE(0x0808, 8);
    b.writeUInt16LE(8, 10);
    b.writeUInt16LE(e.time, 12);
    b.writeUInt16LE(e.date, 14);
    b.writeUInt32LE(e.crc >>> 0, 16);
    b.writeUInt32LE(big ? MAX32 : e.compressed, 20);
    b.writeUInt32LE(big ? MAX32 : e.size, 24);
    b.writeUInt16LE(e.name.length, 28);
    b.writeUInt16LE(extra.length, 30);
    b.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    b.writeUInt32LE(big ? MAX32 : e.offset, 42);
    return Buffer.concat([b, e.name, extra]);
  }

  private zip64End(start: number, size: number): Buffer {
    const b = Buffer.alloc(56 + 20);
    b.writeUInt32LE(0x06064b50, 0);
    b.writeBigUInt64LE(44n, 4);
    b.writeUInt16LE(45, 12);
    b.writeUInt16LE(45, 14);
    b.writeBigUInt64LE(BigInt(this.entries.length), 24);
    b.writeBigUInt64LE(BigInt(this.entries.length), 32);
    b.writeBigUInt64LE(BigInt(size), 40);
    b.writeBigUInt64LE(BigInt(start), 48);
    // locator
    b.writeUInt32LE(0x07064b50, 56);
    b.writeBigUInt64LE(BigInt(start + size), 64);
    b.writeUInt32LE(1, 72);
    return b;
  }

  private end(start: number, size: number, zip64: boolean): Buffer {
    const b = Buffer.alloc(22);
    b.writeUInt32LE(0x06054b50, 0);
    const count = zip64 ? 0xffff : this.entries.length;
    b.writeUInt16LE(count, 8);
    b.writeUInt16LE(count, 10);
    b.writeUInt32LE(zip64 ? MAX32 : size, 12);
    b.writeUInt32LE(zip64 ? MAX32 : start, 16);
    return b;
  }
}

function isZip64(e: Entry): boolean {
  return e.size >= MAX32 || e.compressed >= MAX32 || e.offset >= MAX32;
}
