// Opens an installer database read-only through a ByteSource: identifies .msi/.msp/.mst/.msm, reads the string pool,
// the schema and the summary information, and decodes tables on demand. Cabinets and Binary streams are never read.
import type { ByteSource } from './byte-source.ts';
import { CfbReader, type CfbEntry } from './cfb-reader.ts';
import { decodeStreamName } from './stream-names.ts';
import { readStringPool, type StringPool } from './string-pool.ts';
import {
  COLUMNS_COLUMNS,
  TABLES_COLUMNS,
  decodeTable,
  schemaFromColumns,
  type ColumnInfo,
  type TableData,
} from './tables.ts';
import { emptySummary, readSummaryInfo, type SummaryInfo } from './summary-info.ts';
import { MsiReadError } from './msi-read-error.ts';

/** Root storage class ids of Windows Installer files. */
const CLSID = {
  database: '{000C1084-0000-0000-C000-000000000046}',
  transform: '{000C1082-0000-0000-C000-000000000046}',
  patch: '{000C1086-0000-0000-C000-000000000046}',
} as const;

/** One table stream larger than this is not a real package's table (the largest real ones are a few MB). */
export const MAX_TABLE_BYTES = 32 * 1024 * 1024;
/** All table data read from one file, at most (memory stays bounded whatever the file declares). */
export const MAX_TOTAL_TABLE_BYTES = 128 * 1024 * 1024;

export interface MsiStreamInfo {
  name: string;
  size: number;
  table: boolean;
}

export class MsiDatabase {
  private readBytes = 0;
  private readonly tableCache = new Map<string, TableData>();

  private constructor(
    private readonly cfb: CfbReader,
    private readonly streams: Map<string, CfbEntry>,
    readonly pool: StringPool,
    readonly tableNames: string[],
    private readonly schema: Map<string, ColumnInfo[]>,
    readonly summary: SummaryInfo,
  ) {}

  static async open(source: ByteSource): Promise<MsiDatabase> {
    const cfb = await CfbReader.open(source);
    const streams = new Map<string, CfbEntry>();
    for (const entry of cfb.entries) {
      const decoded = decodeStreamName(entry.name);
      streams.set((decoded.table ? '!' : '') + decoded.name, entry);
    }
    const clsid = cfb.header.rootClsid;
    if (clsid === CLSID.patch) throw new MsiReadError('patch');
    if (clsid === CLSID.transform) throw new MsiReadError('transform');
    const hasTables = streams.has('!_Tables') && streams.has('!_StringPool');
    if (clsid !== CLSID.database && !hasTables) throw new MsiReadError('not-installer-database');
    if (!streams.has('!_StringPool') || !streams.has('!_StringData'))
      throw new MsiReadError('corrupt', 'the string pool is missing');

    let budget = 0;
    const read = async (key: string): Promise<Uint8Array> => {
      const entry = streams.get(key);
      if (!entry) return new Uint8Array(0);
      const bytes = await cfb.readStream(entry, MAX_TABLE_BYTES);
      budget += bytes.length;
      return bytes;
    };
    const pool = readStringPool(await read('!_StringPool'), await read('!_StringData'));
    const tables = decodeTable('_Tables', TABLES_COLUMNS, await read('!_Tables'), pool);
    const columns = decodeTable('_Columns', COLUMNS_COLUMNS, await read('!_Columns'), pool);
    const tableNames = tables.rows.map((r) => r[0]).filter((n): n is string => typeof n === 'string');
    const schema = schemaFromColumns(columns);
    const summaryEntry = streams.get('\u0005SummaryInformation');
    const summary = summaryEntry ? readSummaryInfo(await cfb.readStream(summaryEntry, 1024 * 1024)) : emptySummary();
    const db = new MsiDatabase(cfb, streams, pool, tableNames, schema, summary);
    db.readBytes = budget;
    if (tableNames.includes('ModuleSignature')) throw new MsiReadError('merge-module');
    return db;
  }

  /** Every stream of the root storage (names decoded; tables prefixed with '!'), without reading any of them. */
  listStreams(): MsiStreamInfo[] {
    return [...this.streams.entries()]
      .filter(([, e]) => e.type === 'stream')
      .map(([name, e]) => ({ name: name.replace(/^!/, ''), size: e.size, table: name.startsWith('!') }));
  }

  hasStream(name: string): boolean {
    return this.streams.has(name);
  }

  columns(table: string): ColumnInfo[] | null {
    return this.schema.get(table) ?? null;
  }

  /** A table's rows, or null when the package has no such table. A listed table without a stream has no rows. */
  async table(name: string): Promise<TableData | null> {
    const cached = this.tableCache.get(name);
    if (cached) return cached;
    const columns = this.schema.get(name);
    if (!columns || !this.tableNames.includes(name)) return null;
    const entry = this.streams.get('!' + name);
    let bytes: Uint8Array = new Uint8Array(0);
    if (entry) {
      bytes = await this.cfb.readStream(entry, MAX_TABLE_BYTES);
      this.readBytes += bytes.length;
      if (this.readBytes > MAX_TOTAL_TABLE_BYTES)
        throw new MsiReadError('too-large', `more than ${MAX_TOTAL_TABLE_BYTES / 1048576} MiB of tables`);
    }
    const data = decodeTable(name, columns, bytes, this.pool);
    this.tableCache.set(name, data);
    return data;
  }

  /** Rows as objects keyed by column name (null when the table is absent). */
  async records(name: string): Promise<Record<string, string | number | null>[] | null> {
    const t = await this.table(name);
    if (!t) return null;
    return t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c.name, row[i] ?? null])));
  }
}
