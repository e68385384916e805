// Bytes <-> text for simulated console output: encode like Windows would (OEM code page, UTF-8, UTF-16LE), decode like the runner.
import iconv from 'iconv-lite';
import type { OutputEncoding } from '../run/command-runner.ts';

/** What a Windows tool would write for this text: OEM code page bytes (CP936 on zh-CN), UTF-8 or UTF-16LE. */
export function encodeOutput(text: string, encoding: OutputEncoding, oemCodePage: number): Uint8Array {
  if (encoding === 'utf8') return new Uint8Array(Buffer.from(text, 'utf8'));
  if (encoding === 'utf16le') return new Uint8Array(Buffer.from(text, 'utf16le'));
  return new Uint8Array(iconv.encode(text, `cp${oemCodePage}`));
}

/** Decoding is the process runner's own function, so simulated output takes exactly the real decoding path. */
export { decodeOutput } from '../run/output-decoding.ts';
