// Bytes -> text for command output: the OEM console code page through iconv-lite, UTF-16LE, UTF-8 (BOMs stripped).
import iconv from 'iconv-lite';
import type { OutputEncoding } from './command-runner.ts';

/** Used when the OEM code page could not be detected: 936 for a Chinese UI, else 437 (US OEM). */
export function defaultOemCodePage(locale: string = Intl.DateTimeFormat().resolvedOptions().locale): number {
  return /^zh\b/i.test(locale) ? 936 : 437;
}

/** The iconv-lite encoding name for a Windows code page, or null when iconv-lite lacks it. 65001 is UTF-8. */
export function iconvNameForCodePage(codePage: number): string | null {
  if (codePage === 65001) return 'utf8';
  if (codePage === 1200) return 'utf16le';
  const name = `cp${codePage}`;
  return iconv.encodingExists(name) ? name : null;
}

/**
 * Decodes one output buffer. A tool that claims OEM but actually wrote UTF-16LE (sfc.exe does) is recognised by its
 * BOM or by a NUL in every other byte of ASCII text, so the report never shows mojibake full of NULs.
 */
export function decodeOutput(bytes: Uint8Array, encoding: OutputEncoding, oemCodePage: number): string {
  if (bytes.length === 0) return '';
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'utf16le' || looksLikeUtf16le(buffer)) return iconv.decode(buffer, 'utf16le');
  if (encoding === 'utf8') return iconv.decode(buffer, 'utf8');
  return iconv.decode(buffer, iconvNameForCodePage(oemCodePage) ?? iconvNameForCodePage(defaultOemCodePage())!);
}

function looksLikeUtf16le(buffer: Buffer): boolean {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return true;
  if (buffer.length < 4) return false;
  const sample = Math.min(buffer.length, 200) & ~1;
  let zeros = 0;
  for (let i = 1; i < sample; i += 2) if (buffer[i] === 0) zeros++;
  return zeros >= (sample / 2) * 0.9;
}

/** The code page number in `chcp` output ("Active code page: 936", "活动代码页: 936", "Página de códigos activa: 850"). */
export function parseChcpOutput(text: string): number | null {
  const match = /(\d{3,5})\D*$/.exec(text.trim());
  const value = match ? Number(match[1]) : NaN;
  return Number.isInteger(value) && value > 0 ? value : null;
}
