// A bounded, random-access reader of Compound File Binary containers ([MS-CFB]), the file format of .msi/.msp/.mst.
//
// Why not the `cfb` package from npm: its read() takes the whole file as one buffer (read_file uses readFileSync)
// and eagerly copies every stream's content, so a 1 GB package would be loaded whole. No well-kept library on the
// npm registry reads a compound file through random access. This reader reads only the header, the DIFAT, the FAT
// sectors it needs (lazily), the directory, the mini FAT and the streams it is asked for, and every chain walk is
// bounded by the file's sector count (a loop or a chain running off the file is an error, never a hang).
import type { ByteSource } from './byte-source.ts';
import { MsiReadError } from './msi-read-error.ts';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAX_REG_SECT = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECT = 0xffffffff;
const NO_STREAM = 0xffffffff;
const MINI_SECTOR_SIZE = 64;
const MINI_STREAM_CUTOFF = 4096;
/** More directory entries than any real installer has (each stream or storage is one entry). */
const MAX_DIRECTORY_ENTRIES = 262_144;

export interface CfbEntry {
  /** Index in the directory. */
  id: number;
  /** Raw name (UTF-16 code units, MSI names are compressed into the 0x3800-0x4840 range). */
  name: string;
  type: 'storage' | 'stream';
  /** Declared size in bytes (may be a lie in a damaged file: checked when read). */
  size: number;
  start: number;
}

export interface CfbHeader {
  majorVersion: 3 | 4;
  sectorSize: number;
  /** CLSID of the root storage, upper-case with braces (tells .msi, .msp and .mst apart). */
  rootClsid: string;
}

export class CfbReader {
  private readonly fatCache = new Map<number, DataView>();
  private miniFat: DataView | null = null;
  private miniStreamSectors: number[] | null = null;

  private constructor(
    private readonly source: ByteSource,
    readonly header: CfbHeader,
    private readonly fatSectors: number[],
    private readonly sectorCount: number,
    private readonly firstMiniFat: number,
    private readonly miniFatCount: number,
    private root: { start: number; size: number },
    private directory: CfbEntry[],
  ) {}

  static async open(source: ByteSource): Promise<CfbReader> {
    if (source.size === 0) throw new MsiReadError('empty');
    const head = await source.read(0, 512);
    if (head.length < 8 || SIGNATURE.some((b, i) => head[i] !== b)) throw new MsiReadError('not-compound-file');
    if (head.length < 512) throw new MsiReadError('truncated', 'the 512-byte header is cut short');
    const h = view(head);
    const major = h.getUint16(0x1a, true);
    const shift = h.getUint16(0x1e, true);
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12)) || h.getUint16(0x1c, true) !== 0xfffe)
      throw new MsiReadError('corrupt', `unsupported compound file version ${major} / sector shift ${shift}`);
    if (h.getUint16(0x20, true) !== 6 || h.getUint32(0x38, true) !== MINI_STREAM_CUTOFF)
      throw new MsiReadError('corrupt', 'invalid mini stream parameters in the header');
    const sectorSize = 1 << shift;
    const sectorCount = Math.ceil(Math.max(0, source.size - sectorSize) / sectorSize);
    const fatCount = h.getUint32(0x2c, true);
    const firstDir = h.getUint32(0x30, true);
    const firstMiniFat = h.getUint32(0x3c, true);
    const miniFatCount = h.getUint32(0x40, true);
    let difatNext = h.getUint32(0x44, true);
    const difatCount = h.getUint32(0x48, true);
    // Every FAT sector covers sectorSize/4 sectors; more FAT sectors than the file could need is a lie.
    const perSector = sectorSize / 4;
    if (fatCount === 0) throw new MsiReadError('corrupt', 'the header declares no allocation table');
    // Each FAT sector is itself a sector of the file: more of them than the file has means it was cut short.
    if (fatCount > sectorCount)
      throw new MsiReadError(
        'truncated',
        `the header declares ${fatCount} allocation-table sectors, the file has ${sectorCount}`,
      );
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(h.getUint32(0x4c + i * 4, true));
    const seenDifat = new Set<number>();
    for (let d = 0; d < difatCount && fatSectors.length < fatCount; d++) {
      if (difatNext > MAX_REG_SECT) break;
      if (seenDifat.has(difatNext)) throw new MsiReadError('corrupt', 'the allocation-table index (DIFAT) loops');
      seenDifat.add(difatNext);
      const sector = view(await readSector(source, difatNext, sectorSize, sectorCount));
      for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++)
        fatSectors.push(sector.getUint32(i * 4, true));
      difatNext = sector.getUint32(sectorSize - 4, true);
    }
    if (fatSectors.length < fatCount)
      throw new MsiReadError('corrupt', 'the allocation-table index (DIFAT) is shorter than the header says');
    for (const s of fatSectors)
      if (s > MAX_REG_SECT || s >= sectorCount)
        throw new MsiReadError('truncated', `an allocation-table sector (${s}) lies beyond the end of the file`);
    const header: CfbHeader = { majorVersion: major as 3 | 4, sectorSize, rootClsid: '' };
    const reader = new CfbReader(
      source,
      header,
      fatSectors,
      sectorCount,
      firstMiniFat,
      miniFatCount,
      {
        start: END_OF_CHAIN,
        size: 0,
      },
      [],
    );
    await reader.checkNothingBeyondEnd();
    return reader.loadDirectory(firstDir);
  }

  /**
   * A download cut short may lose only the cabinet at the end while the tables survive: the allocation table
   * still marks the missing sectors as used. Only the FAT sectors covering the file's end are read.
   */
  private async checkNothingBeyondEnd(): Promise<void> {
    const perSector = this.header.sectorSize / 4;
    const covered = this.fatSectors.length * perSector;
    for (let index = Math.floor(this.sectorCount / perSector); index * perSector < covered; index++) {
      for (let s = Math.max(this.sectorCount, index * perSector); s < (index + 1) * perSector; s++) {
        const next = await this.next(s);
        if (next !== FREE_SECT)
          throw new MsiReadError('truncated', `the file ends at sector ${this.sectorCount}, sector ${s} is in use`);
      }
    }
  }

  /** Entries directly under the root storage (MSI keeps all its streams there). */
  get entries(): readonly CfbEntry[] {
    return this.directory;
  }

  /** Reads a stream whole; refuses sizes above `maxBytes` (tables are small; cabinets are never read). */
  async readStream(entry: CfbEntry, maxBytes: number): Promise<Uint8Array> {
    if (entry.type !== 'stream') throw new MsiReadError('corrupt', `"${entry.name}" is not a stream`);
    if (entry.size > this.source.size)
      throw new MsiReadError('corrupt', `a stream declares ${entry.size} bytes in a file of ${this.source.size}`);
    if (entry.size > maxBytes)
      throw new MsiReadError('too-large', `a stream of ${entry.size} bytes where at most ${maxBytes} are expected`);
    if (entry.size === 0) return new Uint8Array(0);
    return entry.size < MINI_STREAM_CUTOFF
      ? this.readMini(entry.start, entry.size)
      : this.readChain(entry.start, entry.size);
  }

  // ------------------------------------------------------------------ internals
  private async loadDirectory(firstDir: number): Promise<CfbReader> {
    const perSector = this.header.sectorSize / 128;
    const sectors = await this.chain(firstDir, Math.ceil(MAX_DIRECTORY_ENTRIES / perSector), 'directory');
    const bytes = await this.readSectors(sectors);
    const count = bytes.length / 128;
    const d = view(bytes);
    const raw = (i: number) => {
      const o = i * 128;
      const nameLength = Math.min(64, d.getUint16(o + 0x40, true));
      let name = '';
      for (let k = 0; k < nameLength - 2; k += 2) {
        const c = d.getUint16(o + k, true);
        if (c === 0) break;
        name += String.fromCharCode(c);
      }
      const high = d.getUint32(o + 0x7c, true);
      const low = d.getUint32(o + 0x78, true);
      // Version 3 files may leave garbage in the high half ([MS-CFB] 2.6.3): only version 4 uses it.
      const size = this.header.majorVersion === 4 ? high * 2 ** 32 + low : low;
      return {
        type: d.getUint8(o + 0x42),
        name,
        left: d.getUint32(o + 0x44, true),
        right: d.getUint32(o + 0x48, true),
        child: d.getUint32(o + 0x4c, true),
        start: d.getUint32(o + 0x74, true),
        size,
        clsid: guidAt(d, o + 0x50),
      };
    };
    if (count === 0 || raw(0).type !== 5) throw new MsiReadError('corrupt', 'the directory has no root entry');
    const root = raw(0);
    this.header.rootClsid = root.clsid;
    this.root = { start: root.start, size: root.size };
    // The root's children form a red-black tree (left/right siblings); walk it with a visited set (loops are errors).
    const entries: CfbEntry[] = [];
    const seen = new Set<number>();
    const stack = [root.child];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === NO_STREAM) continue;
      if (id >= count) throw new MsiReadError('truncated', `directory entry ${id} lies beyond the directory`);
      if (seen.has(id)) throw new MsiReadError('corrupt', 'the directory tree loops');
      seen.add(id);
      const e = raw(id);
      if (e.type === 1 || e.type === 2)
        entries.push({ id, name: e.name, type: e.type === 1 ? 'storage' : 'stream', size: e.size, start: e.start });
      else throw new MsiReadError('corrupt', `directory entry ${id} has an invalid type`);
      stack.push(e.left, e.right);
    }
    this.directory = entries.sort((a, b) => a.id - b.id);
    return this;
  }

  /** Next sector of a chain, reading the FAT sector that holds it on first use. */
  private async next(sector: number): Promise<number> {
    const perSector = this.header.sectorSize / 4;
    const index = Math.floor(sector / perSector);
    let fat = this.fatCache.get(index);
    if (!fat) {
      const at = this.fatSectors[index];
      if (at === undefined) throw new MsiReadError('corrupt', `sector ${sector} is outside the allocation table`);
      fat = view(await readSector(this.source, at, this.header.sectorSize, this.sectorCount));
      this.fatCache.set(index, fat);
    }
    return fat.getUint32((sector % perSector) * 4, true);
  }

  /** The sectors of a chain: at most `limit` of them (a stream's own length), loop- and bounds-checked. */
  private async chain(start: number, limit: number, what: string): Promise<number[]> {
    const sectors: number[] = [];
    const seen = new Set<number>();
    let s = start;
    while (s !== END_OF_CHAIN && sectors.length < limit) {
      if (s > MAX_REG_SECT || s === FREE_SECT)
        throw new MsiReadError('corrupt', `the ${what} chain points at a free or reserved sector`);
      if (s >= this.sectorCount)
        throw new MsiReadError('truncated', `the ${what} continues at sector ${s}, beyond the end of the file`);
      if (seen.has(s)) throw new MsiReadError('corrupt', `the ${what} sector chain loops`);
      seen.add(s);
      sectors.push(s);
      s = await this.next(s);
    }
    return sectors;
  }

  /** Reads the first `needed` bytes of a list of sectors, one read per run of consecutive sectors. */
  private async readSectors(sectors: number[], needed = sectors.length * this.header.sectorSize): Promise<Uint8Array> {
    const size = this.header.sectorSize;
    const out = new Uint8Array(needed);
    for (let i = 0; i * size < needed;) {
      let j = i + 1;
      while (j < sectors.length && j * size < needed && sectors[j] === sectors[j - 1]! + 1) j++;
      const want = Math.min(needed - i * size, (j - i) * size);
      const bytes = await this.source.read((sectors[i]! + 1) * size, want);
      // Only the file's last sector may be short, and only past the bytes the stream needs.
      if (bytes.length < want) throw new MsiReadError('truncated', `sector ${sectors[j - 1]} is cut short`);
      out.set(bytes, i * size);
      i = j;
    }
    return out;
  }

  private async readChain(start: number, size: number): Promise<Uint8Array> {
    const count = Math.ceil(size / this.header.sectorSize);
    const sectors = await this.chain(start, count, 'stream');
    if (sectors.length < count) throw new MsiReadError('corrupt', 'a stream ends before its declared size');
    return this.readSectors(sectors, size);
  }

  private async readMini(start: number, size: number): Promise<Uint8Array> {
    if (!this.miniFat) {
      const sectors = await this.chain(this.firstMiniFat, this.miniFatCount, 'mini allocation table');
      this.miniFat = view(await this.readSectors(sectors));
    }
    const miniFat = this.miniFat;
    const count = Math.ceil(size / MINI_SECTOR_SIZE);
    const out = new Uint8Array(count * MINI_SECTOR_SIZE);
    const seen = new Set<number>();
    let m = start;
    for (let i = 0; i < count; i++) {
      if (m > MAX_REG_SECT) throw new MsiReadError('corrupt', 'a small stream ends before its declared size');
      if (seen.has(m)) throw new MsiReadError('corrupt', 'a small stream\u2019s sector chain loops');
      seen.add(m);
      out.set(await this.readMiniSector(m), i * MINI_SECTOR_SIZE);
      if ((m + 1) * 4 > miniFat.byteLength)
        throw new MsiReadError('corrupt', 'a small stream lies outside the mini allocation table');
      m = miniFat.getUint32(m * 4, true);
    }
    return out.subarray(0, size);
  }

  private async readMiniSector(m: number): Promise<Uint8Array> {
    const offset = m * MINI_SECTOR_SIZE;
    if (offset + MINI_SECTOR_SIZE > this.root.size)
      throw new MsiReadError('corrupt', 'a small stream lies outside the mini stream');
    const size = this.header.sectorSize;
    const index = Math.floor(offset / size);
    if (!this.miniStreamSectors) {
      // The mini stream is the root entry's own chain; it is bounded by the file's sector count.
      const count = Math.ceil(this.root.size / size);
      if (count > this.sectorCount)
        throw new MsiReadError('corrupt', 'the mini stream is declared larger than the file');
      this.miniStreamSectors = await this.chain(this.root.start, count, 'mini stream');
    }
    const sector = this.miniStreamSectors[index];
    if (sector === undefined) throw new MsiReadError('corrupt', 'the mini stream ends before its declared size');
    const bytes = await this.source.read((sector + 1) * size + (offset % size), MINI_SECTOR_SIZE);
    if (bytes.length < MINI_SECTOR_SIZE) throw new MsiReadError('truncated', 'the mini stream is cut short');
    return bytes;
  }
}

async function readSector(source: ByteSource, sector: number, size: number, sectorCount: number): Promise<Uint8Array> {
  if (sector > MAX_REG_SECT) throw new MsiReadError('corrupt', 'a reserved sector number is used as data');
  if (sector >= sectorCount) throw new MsiReadError('truncated', `sector ${sector} lies beyond the end of the file`);
  const bytes = await source.read((sector + 1) * size, size);
  if (bytes.length < size) throw new MsiReadError('truncated', `sector ${sector} is cut short`);
  return bytes;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A GUID stored little-endian (Data1..Data3) then 8 bytes, as '{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}'. */
export function guidAt(d: DataView, o: number): string {
  const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');
  const tail = Array.from({ length: 8 }, (_, i) => hex(d.getUint8(o + 8 + i), 2)).join('');
  return `{${hex(d.getUint32(o, true), 8)}-${hex(d.getUint16(o + 4, true), 4)}-${hex(d.getUint16(o + 6, true), 4)}-${tail.slice(0, 4)}-${tail.slice(4)}}`;
}
