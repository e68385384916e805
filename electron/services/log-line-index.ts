// Log lines for the virtualized viewer: one streaming pass builds a line-offset index, then windows of lines are
// read and decoded on demand, so a 1,000,000-line log never sits in memory. Indexes are cached per path.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { LogLines } from '../../shared/contract/api.ts';
import { sniffEncoding as sniffLogEncoding, SNIFF_BYTES } from '../../shared/msilog/encoding-sniffer.ts';
import { ServiceError } from './service-error.ts';

export type LineEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030' | 'windows-1252';

interface LineIndex {
  encoding: LineEncoding;
  /** Byte offset where the text starts (after a BOM). */
  textStart: number;
  /** Byte offset of the first byte of every line; Float64Array so files over 4 GiB still index. */
  starts: Float64Array;
  count: number;
  size: number;
  mtimeMs: number;
}

/**
 * The analyzer's own sniffer (shared/msilog), so the viewer decodes a log exactly as its analysis did and the
 * analysis' line numbers point at the same lines. Binary input (an .msi, a zip, zeros) is refused.
 */
export function sniffEncoding(head: Uint8Array): { encoding: LineEncoding; bomLength: number } {
  const sniffed = sniffLogEncoding(head);
  if (sniffed.kind === 'binary') {
    throw new ServiceError(
      'invalid-input',
      sniffed.binary === 'empty' ? 'The file is empty.' : 'This file is not a text log (it looks like binary data).',
    );
  }
  const map = {
    'utf-16le': 'utf16le',
    'utf-16be': 'utf16be',
    'utf-8': 'utf8',
    gbk: 'gb18030',
    'windows-1252': 'windows-1252',
  } as const;
  return { encoding: map[sniffed.encoding], bomLength: sniffed.bomLength };
}

const CHUNK = 1 << 20;

/** Streams the file once and records where every line starts; CRLF, LF and a stray CR each end a line. */
async function buildIndex(path: string): Promise<LineIndex> {
  const info = await stat(path);
  if (!info.isFile()) throw new ServiceError('invalid-input', `${path} is not a file.`);
  const handle = await open(path, 'r');
  const head = new Uint8Array(SNIFF_BYTES);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  await handle.close();
  if (bytesRead === 0)
    return {
      encoding: 'utf8',
      textStart: 0,
      starts: new Float64Array(0),
      count: 0,
      size: info.size,
      mtimeMs: info.mtimeMs,
    };
  const { encoding, bomLength } = sniffEncoding(head.subarray(0, bytesRead));
  const unit = encoding === 'utf16le' || encoding === 'utf16be' ? 2 : 1;
  const lowFirst = encoding === 'utf16le';

  let starts = new Float64Array(1024);
  let count = 0;
  const push = (offset: number): void => {
    if (count === starts.length) {
      const grown = new Float64Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = offset;
  };

  push(bomLength);
  let position = 0; // absolute offset of the current chunk
  let pendingCr = false; // a CR was the last unit of the previous chunk
  let carry: number | null = null; // odd byte of a UTF-16 unit split across chunks
  for await (const chunk of createReadStream(path, {
    highWaterMark: CHUNK,
    start: bomLength,
  }) as AsyncIterable<Buffer>) {
    const base = position + bomLength;
    if (unit === 1) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (pendingCr) {
          pendingCr = false;
          if (b === 0x0a) {
            push(base + i + 1);
            continue;
          }
          push(base + i);
        }
        if (b === 0x0a) push(base + i + 1);
        else if (b === 0x0d) pendingCr = true;
      }
    } else {
      let i = 0;
      if (carry !== null) {
        // finish the code unit that straddles the chunk boundary
        const first = carry;
        const second = chunk[0]!;
        const value = lowFirst ? first | (second << 8) : (first << 8) | second;
        handleUnit(value, base + 1);
        carry = null;
        i = 1;
      }
      for (; i + 1 < chunk.length; i += 2) {
        const value = lowFirst ? chunk[i]! | (chunk[i + 1]! << 8) : (chunk[i]! << 8) | chunk[i + 1]!;
        handleUnit(value, base + i + 2);
      }
      if (i < chunk.length) carry = chunk[i]!;
    }
    position += chunk.length;
  }
  function handleUnit(value: number, end: number): void {
    if (pendingCr) {
      pendingCr = false;
      if (value === 0x0a) {
        push(end);
        return;
      }
      push(end - 2);
    }
    if (value === 0x0a) push(end);
    else if (value === 0x0d) pendingCr = true;
  }
  const size = info.size;
  if (pendingCr) push(size);
  // A terminator at the very end does not open another (empty) line, matching how the analyzer counts lines.
  if (count > 1 && starts[count - 1] === size) count--;
  if (size === bomLength) count = 0;
  return { encoding, textStart: bomLength, starts: starts.subarray(0, count), count, size, mtimeMs: info.mtimeMs };
}

function decode(bytes: Buffer, encoding: LineEncoding): string {
  return iconv.decode(bytes, encoding === 'utf16be' ? 'utf-16be' : encoding, { stripBOM: false });
}

/** Removes one line terminator (CRLF, LF or CR) from the end of a decoded line. */
function stripTerminator(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n') || text.endsWith('\r')) return text.slice(0, -1);
  return text;
}

export interface LogLineService {
  getLines(path: string, from: number, count: number): Promise<LogLines>;
  search(path: string, query: string, limit: number): Promise<{ matches: number[]; truncated: boolean }>;
  /** The detected encoding of a file (indexes it if needed). */
  encodingOf(path: string): Promise<LineEncoding>;
}

type FileHandle = Awaited<ReturnType<typeof open>>;

async function readAt(handle: FileHandle, start: number, end: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.max(0, end - start));
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, start + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

/** A window up to this size is read in one go. */
const WINDOW_BYTES = 8 << 20;

/** Longest line returned to the viewer: a pathological multi-megabyte "line" is cut, not shipped whole. */
const MAX_LINE_CHARS = 20_000;

export function createLogLineService(options: { maxCachedIndexes?: number } = {}): LogLineService {
  const maxCached = options.maxCachedIndexes ?? 8;
  const cache = new Map<string, Promise<LineIndex>>();

  async function indexOf(path: string): Promise<LineIndex> {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new ServiceError('not-found', `The log file ${path} does not exist or cannot be read.`);
    }
    const cached = cache.get(path);
    if (cached) {
      const index = await cached.catch(() => null);
      if (index && index.size === info.size && index.mtimeMs === info.mtimeMs) {
        cache.delete(path); // refresh LRU position
        cache.set(path, cached);
        return index;
      }
      cache.delete(path);
    }
    const building = buildIndex(path);
    cache.set(path, building);
    building.catch(() => cache.delete(path));
    while (cache.size > maxCached) cache.delete(cache.keys().next().value as string);
    return building;
  }

  async function readRange(path: string, start: number, end: number): Promise<Buffer> {
    const handle = await open(path, 'r');
    try {
      return await readAt(handle, start, end);
    } finally {
      await handle.close();
    }
  }

  return {
    async getLines(path, from, count) {
      const index = await indexOf(path);
      const first = Math.min(from, index.count);
      const last = Math.min(from + count, index.count);
      const lineEnd = (i: number): number => (i + 1 < index.count ? index.starts[i + 1]! : index.size);
      const lines: string[] = [];
      if (last > first) {
        const windowStart = index.starts[first]!;
        const windowEnd = lineEnd(last - 1);
        const handle = await open(path, 'r');
        try {
          // Usually one read for the whole window; a window with giant lines is read line by line, each capped.
          const whole = windowEnd - windowStart <= WINDOW_BYTES ? await readAt(handle, windowStart, windowEnd) : null;
          for (let i = first; i < last; i++) {
            const start = index.starts[i]!;
            const end = Math.min(lineEnd(i), start + MAX_LINE_CHARS * 4 + 4);
            const bytes = whole
              ? whole.subarray(start - windowStart, end - windowStart)
              : await readAt(handle, start, end);
            const text = stripTerminator(decode(bytes, index.encoding));
            lines.push(text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text);
          }
        } finally {
          await handle.close();
        }
      }
      return { from: first, lines, total: index.count };
    },

    async search(path, query, limit) {
      const index = await indexOf(path);
      const needle = query.toLowerCase();
      const matches: number[] = [];
      // Decode in blocks of whole lines so the decoder never splits a character or a line.
      const BLOCK_LINES = 20_000;
      for (let first = 0; first < index.count; first += BLOCK_LINES) {
        const last = Math.min(first + BLOCK_LINES, index.count);
        const start = index.starts[first]!;
        const end = last < index.count ? index.starts[last]! : index.size;
        const text = decode(await readRange(path, start, end), index.encoding);
        const lines = text.split(/\r\n|\n|\r/);
        for (let k = 0; k < last - first; k++) {
          if ((lines[k] ?? '').toLowerCase().includes(needle)) {
            if (matches.length === limit) return { matches, truncated: true };
            matches.push(first + k);
          }
        }
      }
      return { matches, truncated: false };
    },

    async encodingOf(path) {
      return (await indexOf(path)).encoding;
    },
  };
}
