// Incremental bytes -> text decoding for one encoding; keeps split code units and surrogates across chunks.
import type { LogEncoding } from './encoding-sniffer.ts';

export interface StreamDecoder {
  decode(chunk: Uint8Array): string;
  /** Flushes what is left; an odd trailing byte or cut sequence becomes U+FFFD. */
  end(): string;
}

/** Node's Buffer where it exists (CLI, main process, workers): shared/ stays runnable without it. */
interface NodeBufferLike {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'utf16le'): string };
}
const nodeBuffer = (globalThis as { Buffer?: NodeBufferLike }).Buffer;

export function createStreamDecoder(encoding: LogEncoding): StreamDecoder {
  if (encoding === 'utf-16le' && nodeBuffer) return createUtf16leDecoder(nodeBuffer);
  // The WHATWG decoders cover the legacy code pages too ('gbk' is GB18030's decoder; Node and Electron ship full
  // ICU), so a GBK or CP1252 log needs no iconv-lite, and {stream: true} keeps a cut double-byte character.
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return {
    decode: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}

/**
 * UTF-16LE, the encoding of every msiexec log: Buffer#toString('utf16le') copies the code units into a string, several
 * times faster than TextDecoder (which validated and transcoded a third of a 500 MB log's analysis time). What
 * TextDecoder did besides is kept: an odd byte or a high surrogate at a chunk's end waits for the next chunk, and a
 * lone surrogate becomes U+FFFD, so the text is the same as TextDecoder's for any chunking.
 */
function createUtf16leDecoder(buffers: NodeBufferLike): StreamDecoder {
  let held: Uint8Array = new Uint8Array(0); // at most 3 bytes: a high surrogate and/or an odd byte
  const text = (bytes: Uint8Array) => {
    const decoded = buffers.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
    const checked = decoded as unknown as WellFormedString;
    return checked.isWellFormed() ? decoded : checked.toWellFormed();
  };
  return {
    decode(chunk) {
      let bytes = chunk;
      if (held.length > 0) {
        bytes = new Uint8Array(held.length + chunk.length);
        bytes.set(held);
        bytes.set(chunk, held.length);
      }
      let end = bytes.length & ~1;
      if (end >= 2) {
        const last = bytes[end - 2]! | (bytes[end - 1]! << 8);
        if (last >= 0xd800 && last <= 0xdbff) end -= 2; // its low half is in the next chunk
      }
      held = bytes.slice(end);
      return end > 0 ? text(bytes.subarray(0, end)) : '';
    },
    end() {
      // An odd byte, a high surrogate, or both: one U+FFFD, like the WHATWG decoder at the end of the stream.
      const cut = held.length > 0;
      held = new Uint8Array(0);
      return cut ? '\uFFFD' : '';
    },
  };
}

/** ES2024 string methods (Node 20+, Chromium 111+), not yet in the TypeScript lib this project targets. */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}
