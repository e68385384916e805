// Incremental bytes -> text decoding for one encoding; keeps split code units and surrogates across chunks.
import iconv from 'iconv-lite';
import type { LogEncoding } from './encoding-sniffer.ts';

export interface StreamDecoder {
  decode(chunk: Uint8Array): string;
  /** Flushes what is left; an odd trailing byte or cut sequence becomes U+FFFD. */
  end(): string;
}

export function createStreamDecoder(encoding: LogEncoding): StreamDecoder {
  if (encoding === 'gbk' || encoding === 'windows-1252') {
    // Legacy code pages: iconv-lite's streaming decoder keeps a cut double-byte GBK character for the next chunk.
    const decoder = iconv.getDecoder(encoding === 'gbk' ? 'gbk' : 'win1252');
    return {
      decode: (chunk) => decoder.write(chunk as Parameters<typeof decoder.write>[0]),
      end: () => decoder.end() ?? '',
    };
  }
  // The built-in decoder is the fastest path and handles split code units / surrogate pairs with {stream: true}.
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return {
    decode: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}
