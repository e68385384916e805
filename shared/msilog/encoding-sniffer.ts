// Guesses the text encoding of a log (or that it is not text at all) from a prefix of its bytes.

export type LogEncoding = 'utf-16le' | 'utf-16be' | 'utf-8' | 'gbk' | 'windows-1252';

export type BinaryKind = 'empty' | 'all-zeros' | 'png' | 'ole-msi' | 'zip' | 'executable' | 'binary';

export type SniffResult =
  { kind: 'text'; encoding: LogEncoding; bomLength: number; hasBom: boolean } | { kind: 'binary'; binary: BinaryKind };

/** How many bytes the sniffer wants before it decides (it decides with less at end of input). */
export const SNIFF_BYTES = 64 * 1024;

const SIGNATURES: ReadonlyArray<{ kind: BinaryKind; bytes: readonly number[] }> = [
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'ole-msi', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'executable', bytes: [0x4d, 0x5a] },
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

export function sniffEncoding(prefix: Uint8Array): SniffResult {
  if (prefix.length === 0) return { kind: 'binary', binary: 'empty' };
  if (prefix[0] === 0xff && prefix[1] === 0xfe)
    return { kind: 'text', encoding: 'utf-16le', bomLength: 2, hasBom: true };
  if (prefix[0] === 0xfe && prefix[1] === 0xff)
    return { kind: 'text', encoding: 'utf-16be', bomLength: 2, hasBom: true };
  if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf)
    return { kind: 'text', encoding: 'utf-8', bomLength: 3, hasBom: true };
  for (const sig of SIGNATURES) if (startsWith(prefix, sig.bytes)) return { kind: 'binary', binary: sig.kind };

  // Zero bytes: UTF-16 text has them at every other position (ASCII-heavy logs); binaries have them anywhere.
  let zeroEven = 0;
  let zeroOdd = 0;
  let control = 0;
  const n = prefix.length;
  for (let i = 0; i < n; i++) {
    const b = prefix[i]!;
    if (b === 0) {
      if (i & 1) zeroOdd++;
      else zeroEven++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (zeroEven + zeroOdd === n) return { kind: 'binary', binary: 'all-zeros' };
  const pairs = Math.max(1, n >> 1);
  if (zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.05)
    return { kind: 'text', encoding: 'utf-16le', bomLength: 0, hasBom: false };
  if (zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.05)
    return { kind: 'text', encoding: 'utf-16be', bomLength: 0, hasBom: false };
  if (zeroEven + zeroOdd > 0 || control / n > 0.05) return { kind: 'binary', binary: 'binary' };

  if (isValidUtf8(prefix)) return { kind: 'text', encoding: 'utf-8', bomLength: 0, hasBom: false };
  return { kind: 'text', encoding: looksLikeGbk(prefix) ? 'gbk' : 'windows-1252', bomLength: 0, hasBom: false };
}

/** Strict UTF-8 check that tolerates a sequence cut at the end of the prefix. */
function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return true; // cut by the prefix boundary
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
    }
    i += need + 1;
  }
  return true;
}

/**
 * GBK: every high byte is a lead byte 0x81-0xFE followed by a trail byte 0x40-0xFE (not 0x7F), and most trail
 * bytes are high too (all GB2312 characters). CP1252 text has isolated high bytes ("ü" then an ASCII letter).
 */
function looksLikeGbk(bytes: Uint8Array): boolean {
  let good = 0;
  let highTrail = 0;
  let bad = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (b >= 0x81 && b <= 0xfe && i + 1 < n) {
      const t = bytes[i + 1]!;
      if (t >= 0x40 && t <= 0xfe && t !== 0x7f) {
        good++;
        if (t >= 0x80) highTrail++;
        i++;
        continue;
      }
    }
    bad++;
  }
  return good > 0 && bad <= good / 20 && highTrail * 2 >= good;
}
