// Test support: writes small Compound File Binary (version 3) files in memory, with the layout exposed so tests can
// damage them precisely (loops, huge sizes, truncation), and a minimal MSI database (string pool + tables) on top.
import { encodeStreamName } from '../stream-names.ts';

const END = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_MARK = 0xfffffffd;
const SECTOR = 512;

export interface BuiltCfb {
  bytes: Uint8Array;
  /** Start sector (regular) or mini sector of each stream, by raw name. */
  starts: Map<string, { start: number; mini: boolean; dirIndex: number }>;
  /** File offset of the first FAT sector. */
  fatOffset: number;
  directoryOffset: number;
}

export const MSI_CLSID = '{000C1084-0000-0000-C000-000000000046}';
export const MSP_CLSID = '{000C1086-0000-0000-C000-000000000046}';
export const MST_CLSID = '{000C1082-0000-0000-C000-000000000046}';

function writeGuid(view: DataView, offset: number, guid: string): void {
  const hex = guid.replace(/[{}-]/g, '');
  view.setUint32(offset, Number.parseInt(hex.slice(0, 8), 16), true);
  view.setUint16(offset + 4, Number.parseInt(hex.slice(8, 12), 16), true);
  view.setUint16(offset + 6, Number.parseInt(hex.slice(12, 16), 16), true);
  for (let i = 0; i < 8; i++) view.setUint8(offset + 8 + i, Number.parseInt(hex.slice(16 + i * 2, 18 + i * 2), 16));
}

/** Builds a CFB whose root holds the given streams (raw directory names). */
export function buildCfb(streams: { name: string; data: Uint8Array }[], clsid = MSI_CLSID): BuiltCfb {
  const sectors: Uint8Array[] = [];
  const fat: number[] = [];
  const alloc = (data: Uint8Array): number => {
    const count = Math.max(1, Math.ceil(data.length / SECTOR));
    const first = sectors.length;
    for (let i = 0; i < count; i++) {
      const s = new Uint8Array(SECTOR);
      s.set(data.subarray(i * SECTOR, (i + 1) * SECTOR));
      sectors.push(s);
      fat.push(i === count - 1 ? END : first + i + 1);
    }
    return first;
  };
  // Small streams go to the mini stream (64-byte mini sectors), as the format requires.
  const mini: number[] = [];
  const miniData: Uint8Array[] = [];
  const starts = new Map<string, { start: number; mini: boolean; dirIndex: number }>();
  const placed = streams.map((s, i) => {
    if (s.data.length >= 4096) {
      const start = alloc(s.data);
      starts.set(s.name, { start, mini: false, dirIndex: i + 1 });
      return { ...s, start };
    }
    const count = Math.max(1, Math.ceil(s.data.length / 64));
    const first = mini.length;
    for (let k = 0; k < count; k++) {
      const chunk = new Uint8Array(64);
      chunk.set(s.data.subarray(k * 64, (k + 1) * 64));
      miniData.push(chunk);
      mini.push(k === count - 1 ? END : first + k + 1);
    }
    starts.set(s.name, { start: s.data.length === 0 ? END : first, mini: true, dirIndex: i + 1 });
    return { ...s, start: s.data.length === 0 ? END : first };
  });
  const miniStream = new Uint8Array(miniData.length * 64);
  miniData.forEach((c, i) => miniStream.set(c, i * 64));
  const miniStreamStart = miniStream.length ? alloc(miniStream) : END;
  const miniFatBytes = new Uint8Array(Math.max(1, Math.ceil((mini.length * 4) / SECTOR)) * SECTOR).fill(0xff);
  const mfv = new DataView(miniFatBytes.buffer);
  mini.forEach((v, i) => mfv.setUint32(i * 4, v, true));
  const miniFatStart = mini.length ? alloc(miniFatBytes) : END;
  // Directory: root + one entry per stream, chained through right siblings (a valid, if unbalanced, tree).
  const dir = new Uint8Array(Math.ceil((placed.length + 1) / 4) * SECTOR);
  const dv = new DataView(dir.buffer);
  const entry = (i: number, name: string, type: number, start: number, size: number, right: number, child: number) => {
    const o = i * 128;
    for (let k = 0; k < name.length && k < 31; k++) dv.setUint16(o + k * 2, name.charCodeAt(k), true);
    dv.setUint16(o + 0x40, (Math.min(name.length, 31) + 1) * 2, true);
    dv.setUint8(o + 0x42, type);
    dv.setUint8(o + 0x43, 1);
    dv.setUint32(o + 0x44, FREE, true);
    dv.setUint32(o + 0x48, right, true);
    dv.setUint32(o + 0x4c, child, true);
    dv.setUint32(o + 0x74, start, true);
    dv.setUint32(o + 0x78, size, true);
  };
  for (let i = placed.length + 1; i < dir.length / 128; i++) {
    dv.setUint32(i * 128 + 0x44, FREE, true);
    dv.setUint32(i * 128 + 0x48, FREE, true);
    dv.setUint32(i * 128 + 0x4c, FREE, true);
  }
  entry(0, 'Root Entry', 5, miniStreamStart, miniStream.length, FREE, placed.length ? 1 : FREE);
  writeGuid(dv, 0x50, clsid);
  placed.forEach((s, i) =>
    entry(i + 1, s.name, 2, s.start, s.data.length, i + 2 <= placed.length ? i + 2 : FREE, FREE),
  );
  const dirStart = alloc(dir);
  // FAT sectors themselves are marked FATSECT; enough of them to cover every sector including their own.
  let fatCount = 1;
  while (fatCount * 128 < sectors.length + fatCount) fatCount++;
  const fatStart = sectors.length;
  for (let i = 0; i < fatCount; i++) {
    sectors.push(new Uint8Array(SECTOR));
    fat.push(FAT_MARK);
  }
  const fatBytes = new Uint8Array(fatCount * SECTOR).fill(0xff);
  const fv = new DataView(fatBytes.buffer);
  fat.forEach((v, i) => fv.setUint32(i * 4, v, true));
  for (let i = 0; i < fatCount; i++) sectors[fatStart + i]!.set(fatBytes.subarray(i * SECTOR, (i + 1) * SECTOR));

  const header = new Uint8Array(SECTOR);
  const hv = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  hv.setUint16(0x18, 0x3e, true);
  hv.setUint16(0x1a, 3, true);
  hv.setUint16(0x1c, 0xfffe, true);
  hv.setUint16(0x1e, 9, true);
  hv.setUint16(0x20, 6, true);
  hv.setUint32(0x2c, fatCount, true);
  hv.setUint32(0x30, dirStart, true);
  hv.setUint32(0x38, 4096, true);
  hv.setUint32(0x3c, miniFatStart, true);
  hv.setUint32(0x40, mini.length ? miniFatBytes.length / SECTOR : 0, true);
  hv.setUint32(0x44, END, true);
  for (let i = 0; i < 109; i++) hv.setUint32(0x4c + i * 4, i < fatCount ? fatStart + i : FREE, true);
  const bytes = new Uint8Array(SECTOR * (sectors.length + 1));
  bytes.set(header);
  sectors.forEach((s, i) => bytes.set(s, (i + 1) * SECTOR));
  return { bytes, starts, fatOffset: (fatStart + 1) * SECTOR, directoryOffset: (dirStart + 1) * SECTOR };
}

// ------------------------------------------------------------------ a minimal MSI database
export type TestCell = string | number | null;
export interface TestTable {
  name: string;
  /** [name, type word] as in _Columns (e.g. 0x2D48 key string 72, 0x1502 nullable int16). */
  columns: [string, number][];
  rows: TestCell[][];
}

export const COL = {
  keyString: 0x2d48,
  string: 0x0dff,
  nullableString: 0x1dff,
  int16: 0x0502,
  nullableInt16: 0x1502,
  nullableInt32: 0x1104,
  binary: 0x1900,
};

/** Encodes strings with a code page function (ASCII by default) into _StringPool/_StringData and table streams. */
export function buildMsi(
  tables: TestTable[],
  options: {
    codepage?: number;
    encode?: (s: string) => Uint8Array;
    extraStreams?: { name: string; data: Uint8Array }[];
    forceLongRefs?: boolean;
    clsid?: string;
  } = {},
): BuiltCfb {
  const encode = options.encode ?? ((s: string) => new TextEncoder().encode(s));
  const ids = new Map<string, number>();
  const strings: Uint8Array[] = [];
  const intern = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) {
      strings.push(encode(s));
      id = strings.length;
      ids.set(s, id);
    }
    return id;
  };
  const all: TestTable[] = [
    { name: '_Tables', columns: [['Name', COL.keyString]], rows: tables.map((t) => [t.name]) },
    {
      name: '_Columns',
      columns: [
        ['Table', COL.keyString],
        ['Number', COL.int16 | 0x2000],
        ['Name', COL.string],
        ['Type', COL.int16],
      ],
      rows: tables.flatMap((t) => t.columns.map(([n, type], i) => [t.name, i + 1, n, type])),
    },
    ...tables,
  ];
  for (const t of all)
    for (const r of t.rows) r.forEach((c, i) => typeof c === 'string' && isString(t.columns[i]![1]) && intern(c));
  const refSize = options.forceLongRefs || strings.length > 0xffff ? 3 : 2;
  const streams: { name: string; data: Uint8Array }[] = [];
  for (const t of all) {
    const widths = t.columns.map(([, type]) => width(type, refSize));
    const rowSize = widths.reduce((a, b) => a + b, 0);
    const data = new Uint8Array(rowSize * t.rows.length);
    let offset = 0;
    t.columns.forEach(([, type], c) => {
      for (const row of t.rows) {
        const v = row[c] ?? null;
        let raw = 0;
        if (v !== null) {
          if ((type & 0xfff) === 0x900) raw = 1;
          else if (isString(type)) raw = intern(String(v));
          else raw = widths[c] === 2 ? Number(v) + 0x8000 : (Number(v) + 0x80000000) >>> 0;
        }
        for (let b = 0; b < widths[c]!; b++) data[offset + b] = (raw >>> (8 * b)) & 0xff;
        offset += widths[c]!;
      }
    });
    if (data.length) streams.push({ name: encodeStreamName(t.name, true), data });
  }
  const pool = new Uint8Array(4 + strings.length * 4 + strings.filter((s) => s.length > 0xffff).length * 4);
  const pv = new DataView(pool.buffer);
  pv.setUint32(0, ((options.codepage ?? 0) | (refSize === 3 ? 0x80000000 : 0)) >>> 0, true);
  let p = 4;
  for (const s of strings) {
    if (s.length > 0xffff) {
      pv.setUint16(p, 0, true);
      pv.setUint16(p + 2, 1, true);
      pv.setUint16(p + 4, s.length & 0xffff, true);
      pv.setUint16(p + 6, s.length >>> 16, true);
      p += 8;
    } else {
      pv.setUint16(p, s.length, true);
      pv.setUint16(p + 2, 1, true);
      p += 4;
    }
  }
  const data = new Uint8Array(strings.reduce((a, s) => a + s.length, 0));
  let d = 0;
  for (const s of strings) data.set(s, (d += s.length) - s.length);
  streams.push({ name: encodeStreamName('_StringPool', true), data: pool });
  streams.push({ name: encodeStreamName('_StringData', true), data });
  return buildCfb([...streams, ...(options.extraStreams ?? [])], options.clsid);
}

function isString(type: number): boolean {
  return (type & 0x800) !== 0 && (type & 0xfff) !== 0x900;
}

function width(type: number, refSize: number): number {
  if ((type & 0xfff) === 0x900) return 2;
  if (type & 0x800) return refSize;
  return (type & 0xff) <= 2 ? 2 : 4;
}
