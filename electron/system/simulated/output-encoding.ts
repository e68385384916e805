// Bytes <-> text for simulated console output: encode like Windows would (OEM code page, UTF-8, UTF-16LE), decode like the runner.
import iconv from 'iconv-lite';
import type { OutputEncoding } from '../run/command-runner.ts';

/** What a Windows tool would write for this text: OEM code page bytes (CP936 on zh-CN), UTF-8 or UTF-16LE. */
export function encodeOutput(text: string, encoding: OutputEncoding, oemCodePage: number): Uint8Array {
  if (encoding === 'utf8') return new Uint8Array(Buffer.from(text, 'utf8'));
  if (encoding === 'utf16le') return new Uint8Array(Buffer.from(text, 'utf16le'));
  return new Uint8Array(iconv.encode(text, `cp${oemCodePage}`));
}

/**
 * Decodes captured bytes the way the process runner does (OEM code page through iconv-lite; UTF-16LE; UTF-8 with BOM
 * stripped). Kept in step with electron/system/run's decoder so simulated and real output take the same path.
 */
export function decodeOutput(bytes: Uint8Array, encoding: OutputEncoding, oemCodePage: number): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'utf16le') return iconv.decode(buf, 'utf16le');
  if (encoding === 'utf8') return iconv.decode(buf, 'utf8');
  const cp = `cp${oemCodePage}`;
  return iconv.decode(buf, iconv.encodingExists(cp) ? cp : 'cp437');
}
