// The \u0005SummaryInformation property set ([MS-OLEPS]) of a package: template (platform;languages), package code,
// schema, word count flags (compressed, admin image, "elevation not required"), code page and the text fields.
import { decodeCodepage } from './string-pool.ts';
import { MsiReadError } from './msi-read-error.ts';

export interface SummaryInfo {
  codepage: number | null;
  title: string | null;
  subject: string | null;
  author: string | null;
  keywords: string | null;
  comments: string | null;
  /** "Intel;1033", "x64;1033,2052", "Arm64;0". For a patch: the product codes it targets. */
  template: string | null;
  lastSavedBy: string | null;
  /** The package code (a GUID) for an .msi. */
  revisionNumber: string | null;
  createTime: string | null;
  lastSaveTime: string | null;
  /** Page Count: the minimum installer version (schema), e.g. 200 or 500. */
  pageCount: number | null;
  /** Word Count: source flags (1 short names, 2 compressed, 4 administrative image, 8 elevation not required). */
  wordCount: number | null;
  characterCount: number | null;
  creatingApplication: string | null;
  security: number | null;
}

const PID = {
  codepage: 1,
  title: 2,
  subject: 3,
  author: 4,
  keywords: 5,
  comments: 6,
  template: 7,
  lastSavedBy: 8,
  revisionNumber: 9,
  createTime: 12,
  lastSaveTime: 13,
  pageCount: 14,
  wordCount: 15,
  characterCount: 16,
  creatingApplication: 18,
  security: 19,
} as const;

const VT_I2 = 2;
const VT_I4 = 3;
const VT_LPSTR = 30;
const VT_FILETIME = 64;
const VT_EMPTY = 0;

export function emptySummary(): SummaryInfo {
  return {
    codepage: null,
    title: null,
    subject: null,
    author: null,
    keywords: null,
    comments: null,
    template: null,
    lastSavedBy: null,
    revisionNumber: null,
    createTime: null,
    lastSaveTime: null,
    pageCount: null,
    wordCount: null,
    characterCount: null,
    creatingApplication: null,
    security: null,
  };
}

export function readSummaryInfo(bytes: Uint8Array): SummaryInfo {
  const bad = (what: string) => new MsiReadError('corrupt', `the summary information is damaged (${what})`);
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 48 || d.getUint16(0, true) !== 0xfffe) throw bad('header');
  if (d.getUint32(24, true) < 1) throw bad('no section');
  const section = d.getUint32(44, true);
  if (section + 8 > bytes.length) throw bad('section offset');
  const count = d.getUint32(section + 4, true);
  if (section + 8 + count * 8 > bytes.length) throw bad('property count');
  const raw = new Map<number, number>();
  for (let i = 0; i < count; i++)
    raw.set(d.getUint32(section + 8 + i * 8, true), section + d.getUint32(section + 12 + i * 8, true));
  const typeAt = (o: number) => {
    if (o + 8 > bytes.length) throw bad('property offset');
    return d.getUint32(o, true) & 0xffff;
  };
  const summary = emptySummary();
  const codepageAt = raw.get(PID.codepage);
  if (codepageAt !== undefined && typeAt(codepageAt) === VT_I2) summary.codepage = d.getUint16(codepageAt + 4, true);
  for (const [key, pid] of Object.entries(PID) as [keyof SummaryInfo, number][]) {
    const o = raw.get(pid);
    if (o === undefined || key === 'codepage') continue;
    const type = typeAt(o);
    if (type === VT_EMPTY) continue;
    let value: string | number | null = null;
    if (type === VT_I2) value = d.getInt16(o + 4, true);
    else if (type === VT_I4) value = d.getInt32(o + 4, true);
    else if (type === VT_LPSTR) {
      const length = d.getUint32(o + 4, true);
      if (o + 8 + length > bytes.length) throw bad('text length');
      let text = bytes.subarray(o + 8, o + 8 + length);
      const nul = text.indexOf(0);
      if (nul >= 0) text = text.subarray(0, nul);
      value = decodeCodepage(text, summary.codepage ?? 0);
    } else if (type === VT_FILETIME) {
      const ticks = d.getUint32(o + 8, true) * 2 ** 32 + d.getUint32(o + 4, true);
      const ms = ticks / 10_000 - 11_644_473_600_000;
      value =
        ticks === 0 || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15 ? null : new Date(Math.round(ms)).toISOString();
    }
    (summary as unknown as Record<string, string | number | null>)[key] = value;
  }
  return summary;
}

/** Word Count flags in words. */
export function sourceFlags(wordCount: number | null): {
  shortFileNames: boolean;
  compressed: boolean;
  administrativeImage: boolean;
  elevationNotRequired: boolean;
} {
  const w = wordCount ?? 0;
  return {
    shortFileNames: (w & 1) !== 0,
    compressed: (w & 2) !== 0,
    administrativeImage: (w & 4) !== 0,
    elevationNotRequired: (w & 8) !== 0,
  };
}
