// Detects a text file's encoding (UTF-16LE/BE with or without BOM, UTF-8, else the ANSI code page) for redaction in place.
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';

export interface DetectedEncoding {
  /** iconv-lite encoding name. */
  encoding: 'utf16le' | 'utf16be' | 'utf8' | 'gbk' | 'windows-1252';
  /** The BOM bytes the file starts with (written back unchanged). */
  bom: Uint8Array;
}

/** An ANSI code page the report reads 8-bit logs in. */
export type AnsiEncoding = 'gbk' | 'windows-1252';

/** Picks the ANSI code page of the machine's Windows language: CP936 on Chinese Windows, else Windows-1252. */
export function ansiEncodingFor(windowsLanguage: string | null): AnsiEncoding {
  return windowsLanguage && /^zh/i.test(windowsLanguage) ? 'gbk' : 'windows-1252';
}

function validUtf8(sample: Uint8Array): boolean {
  try {
    // stream: true tolerates a multi-byte sequence cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export function detectEncoding(
  sample: Uint8Array,
  ansi: DetectedEncoding['encoding'] = 'windows-1252',
): DetectedEncoding {
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le', bom: sample.slice(0, 2) };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be', bom: sample.slice(0, 2) };
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf8', bom: sample.slice(0, 3) };
  // UTF-16 without BOM: ASCII-heavy text has a zero in every other byte.
  let zeroOdd = 0;
  let zeroEven = 0;
  const pairs = Math.floor(sample.length / 2);
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  if (pairs >= 4 && zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.05)
    return { encoding: 'utf16le', bom: new Uint8Array() };
  // Zeros at even offsets are UTF-16BE only when the text starts with one: after a head in another encoding of odd
  // length (a UTF-8 line, then the UTF-16LE log Windows wrote) they are UTF-16LE one byte off, read region by region.
  if (pairs >= 4 && zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.05)
    return { encoding: sample[0] === 0 ? 'utf16be' : 'utf16le', bom: new Uint8Array() };
  const ascii = sample.every((b) => b < 0x80);
  return { encoding: ascii || validUtf8(sample) ? 'utf8' : ansi, bom: new Uint8Array() };
}

export async function detectFileEncoding(
  path: string,
  ansi: DetectedEncoding['encoding'] = 'windows-1252',
): Promise<DetectedEncoding> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return detectEncoding(buffer.subarray(0, bytesRead), ansi);
  } finally {
    await handle.close();
  }
}

/** Encodes text back into the file's own encoding (placeholders are ASCII, so every code page can hold them). */
/** Encodes pieces of text into one buffer without joining them first (UTF-16 is written piece by piece). */
export function encodePieces(pieces: string[], encoding: DetectedEncoding['encoding']): Uint8Array {
  if (encoding !== 'utf16le' && encoding !== 'utf16be') return encodeText(pieces.join(''), encoding);
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const out = Buffer.allocUnsafe(length * 2);
  let at = 0;
  for (const piece of pieces) at += out.write(piece, at, 'utf16le');
  return encoding === 'utf16be' ? out.swap16() : out;
}

export function encodeText(text: string, encoding: DetectedEncoding['encoding']): Uint8Array {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf16be') return Buffer.from(text, 'utf16le').swap16();
  return iconv.encode(text, encoding);
}
