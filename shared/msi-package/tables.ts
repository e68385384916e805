// MSI tables: the schema (_Tables, _Columns) and the column-major row data of each table stream, decoded to values.
import type { StringPool } from './string-pool.ts';
import { MsiReadError } from './msi-read-error.ts';

// Column type bits (msiquery.h / [MS-MSI] conventions as written in _Columns.Type).
const TYPE_SIZE = 0x00ff;
const TYPE_VALID = 0x0100;
const TYPE_STRING = 0x0800;
const TYPE_NULLABLE = 0x1000;
const TYPE_KEY = 0x2000;
const TYPE_TEMPORARY = 0x4000;

export interface ColumnInfo {
  name: string;
  /** Raw type word from _Columns. */
  type: number;
  kind: 'string' | 'int16' | 'int32' | 'binary';
  nullable: boolean;
  key: boolean;
  /** Declared maximum string length (0 = unlimited); for integers the byte size. */
  size: number;
}

export type CellValue = string | number | null;
export interface TableData {
  name: string;
  columns: ColumnInfo[];
  /** Rows in stored order; a 'binary' cell is 1 when a stream is attached, null otherwise. */
  rows: CellValue[][];
}

export function columnInfo(name: string, type: number): ColumnInfo {
  const size = type & TYPE_SIZE;
  const stringish = (type & TYPE_STRING) !== 0;
  const binary = (type & ~TYPE_NULLABLE) === (TYPE_STRING | TYPE_VALID);
  const kind: ColumnInfo['kind'] = binary ? 'binary' : stringish ? 'string' : size <= 2 ? 'int16' : 'int32';
  return { name, type, kind, nullable: (type & TYPE_NULLABLE) !== 0, key: (type & TYPE_KEY) !== 0, size };
}

function cellBytes(column: ColumnInfo, refSize: number): number {
  if (column.kind === 'binary' || column.kind === 'int16') return 2;
  return column.kind === 'string' ? refSize : 4;
}

/** Decodes a table stream (all values of column 1, then of column 2, ...). */
export function decodeTable(name: string, columns: ColumnInfo[], bytes: Uint8Array, pool: StringPool): TableData {
  const stored = columns.filter((c) => (c.type & TYPE_TEMPORARY) === 0);
  const widths = stored.map((c) => cellBytes(c, pool.refSize));
  const rowSize = widths.reduce((a, b) => a + b, 0);
  if (rowSize === 0 || bytes.length % rowSize !== 0)
    throw new MsiReadError('corrupt', `table ${name} has a stream of ${bytes.length} bytes, not whole rows`);
  const count = bytes.length / rowSize;
  const rows: CellValue[][] = Array.from({ length: count }, () => new Array<CellValue>(stored.length).fill(null));
  let offset = 0;
  stored.forEach((column, c) => {
    const width = widths[c]!;
    for (let r = 0; r < count; r++, offset += width) {
      const raw =
        width === 2
          ? bytes[offset]! | (bytes[offset + 1]! << 8)
          : width === 3
            ? bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16)
            : (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>>
              0;
      rows[r]![c] = cellValue(column, raw, pool, name);
    }
  });
  return { name, columns: stored, rows };
}

function cellValue(column: ColumnInfo, raw: number, pool: StringPool, table: string): CellValue {
  if (raw === 0) return null;
  switch (column.kind) {
    case 'string': {
      if (raw >= pool.count)
        throw new MsiReadError('corrupt', `table ${table} refers to string ${raw}, the pool has ${pool.count}`);
      return pool.get(raw);
    }
    case 'binary':
      return 1;
    case 'int16':
      return raw - 0x8000;
    case 'int32':
      return raw - 0x80000000;
  }
}

/** The schema of the system tables themselves (they are not listed in _Columns). */
export const TABLES_COLUMNS: ColumnInfo[] = [columnInfo('Name', TYPE_VALID | TYPE_STRING | TYPE_KEY | 64)];
export const COLUMNS_COLUMNS: ColumnInfo[] = [
  columnInfo('Table', TYPE_VALID | TYPE_STRING | TYPE_KEY | 64),
  columnInfo('Number', TYPE_VALID | TYPE_KEY | 2),
  columnInfo('Name', TYPE_VALID | TYPE_STRING | 64),
  columnInfo('Type', TYPE_VALID | 2),
];

/** Table name -> its columns in order, from the decoded _Columns rows. */
export function schemaFromColumns(columnsTable: TableData): Map<string, ColumnInfo[]> {
  const byTable = new Map<string, { number: number; column: ColumnInfo }[]>();
  for (const [table, number, name, type] of columnsTable.rows) {
    if (typeof table !== 'string' || typeof number !== 'number' || typeof name !== 'string' || typeof type !== 'number')
      throw new MsiReadError('corrupt', 'the column list (_Columns) has an incomplete row');
    const list = byTable.get(table) ?? [];
    // Stored as an int16: types above 0x7FFF come back negative.
    list.push({ number, column: columnInfo(name, type & 0xffff) });
    byTable.set(table, list);
  }
  const schema = new Map<string, ColumnInfo[]>();
  for (const [table, list] of byTable)
    schema.set(
      table,
      list.sort((a, b) => a.number - b.number).map((x) => x.column),
    );
  return schema;
}
