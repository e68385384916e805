// The MSI string pool: _StringPool (code page, then length/refcount per string id) + _StringData (the bytes, in
// the database's code page). Ids start at 1; id 0 is the null string. Strings over 64 KiB use an extra entry.
import iconv from 'iconv-lite';
import { MsiReadError } from './msi-read-error.ts';

export interface StringPool {
  /** The database code page (0 = neutral). */
  codepage: number;
  /** 2, or 3 when the pool holds more than 65,535 strings ("long string references"). */
  refSize: 2 | 3;
  /** String by id; null for id 0, an empty slot or an id outside the pool. */
  get(id: number): string | null;
  readonly count: number;
}

/** iconv-lite's name for a Windows code page; neutral (0) is read as Windows-1252, like msitools on Linux. */
export function codepageEncoding(codepage: number): string {
  if (codepage === 65001) return 'utf8';
  if (codepage === 0 || codepage === 1252) return 'win1252';
  const name = `cp${codepage}`;
  return iconv.encodingExists(name) ? name : 'win1252';
}

export function decodeCodepage(bytes: Uint8Array, codepage: number): string {
  return iconv.decode(bytes as never, codepageEncoding(codepage));
}

export function readStringPool(pool: Uint8Array, data: Uint8Array): StringPool {
  if (pool.length < 4 || pool.length % 4 !== 0) throw new MsiReadError('corrupt', 'the string pool is damaged');
  const d = new DataView(pool.buffer, pool.byteOffset, pool.byteLength);
  const head = d.getUint32(0, true);
  const codepage = head & 0x7fffffff;
  const refSize: 2 | 3 = head & 0x80000000 ? 3 : 2;
  const count = pool.length / 4;
  const offsets: number[] = [0];
  const lengths: number[] = [0];
  let offset = 0;
  for (let i = 1; i < count;) {
    let length = d.getUint16(i * 4, true);
    const refs = d.getUint16(i * 4 + 2, true);
    if (length === 0 && refs !== 0 && i + 1 < count) {
      // A string of 64 KiB or more takes two entries: the next one holds the low word of the length in its length
      // field and the high word in its refcount field (as Windows Installer and msitools write it).
      length = d.getUint16((i + 1) * 4 + 2, true) * 0x10000 + d.getUint16((i + 1) * 4, true);
      i += 2;
    } else i += 1;
    if (offset + length > data.length)
      throw new MsiReadError('corrupt', 'the string pool points past the end of the string data');
    offsets.push(offset);
    lengths.push(length);
    offset += length;
  }
  const cache = new Map<number, string>();
  const encoding = codepageEncoding(codepage);
  return {
    codepage,
    refSize,
    count: offsets.length,
    get(id) {
      if (id <= 0 || id >= offsets.length || lengths[id] === 0) return null;
      let s = cache.get(id);
      if (s === undefined) {
        s = iconv.decode(data.subarray(offsets[id]!, offsets[id]! + lengths[id]!) as never, encoding);
        cache.set(id, s);
      }
      return s;
    },
  };
}
