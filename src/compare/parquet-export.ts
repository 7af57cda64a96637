// `minutes export --format parquet`: the same records as the CSV export, as a Parquet
// file with typed, nullable columns (hyparquet-writer, pure JavaScript). Written as it
// goes: every row group is handed on as bytes once encoded, so an archive of any size
// streams out with one row group in memory.
import type { Kysely } from 'kysely';
import type { SchemaElement } from 'hyparquet';
import { ByteWriter, ParquetWriter, type ColumnSource } from 'hyparquet-writer';
import type { Database } from '../store/schema.js';
import { EXPORT_COLUMNS, exportRecords, type ExportOptions, type ExportRecord } from './export.js';
import { PARQUET_COLUMN_TYPES, type ExportColumn, type ParquetColumnType } from './parquet-columns.js';
import { EXTRACTOR } from '../version.js';

/** Records per row group: large enough for good compression, small enough to keep memory modest. */
const ROW_GROUP_ROWS = 50_000;
const DAY_MS = 86_400_000;

const ELEMENT: Readonly<Record<ParquetColumnType, Omit<SchemaElement, 'name' | 'repetition_type'>>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
  double: { type: 'DOUBLE' },
  int32: { type: 'INT32' },
  int64: { type: 'INT64' },
  boolean: { type: 'BOOLEAN' },
  date: { type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } },
  json: { type: 'BYTE_ARRAY', converted_type: 'JSON', logical_type: { type: 'JSON' } },
};

/** The Parquet schema of one export: every column optional (a missing value is null). */
export function parquetSchema(columns: readonly ExportColumn[]): SchemaElement[] {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((name) => ({ name, repetition_type: 'OPTIONAL' as const, ...ELEMENT[PARQUET_COLUMN_TYPES[name]] })),
  ];
}

/** One cell as the column's type wants it; null for an empty one. */
export function parquetValue(type: ParquetColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'string':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'double':
    case 'int32':
      return Number(value);
    case 'int64':
      return BigInt(value as number | string);
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 'true';
    case 'date':
      return daysSinceEpoch(String(value));
    case 'json':
      return value;
  }
}

/** `YYYY-MM-DD` → days since 1970-01-01, as Parquet's DATE counts them. */
function daysSinceEpoch(isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

/** A ByteWriter whose bytes are taken away after each row group, so the file never sits in memory whole. */
class DrainingWriter extends ByteWriter {
  private readonly drained: Uint8Array[] = [];
  flush(): void {
    // A copy: the buffer is written over once the index is back at 0.
    if (this.index > 0) this.drained.push(new Uint8Array(this.buffer.slice(0, this.index)));
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
  take(): Uint8Array[] {
    return this.drained.splice(0);
  }
}

/** The export as Parquet bytes, chunk by chunk; `counted.records` grows as rows are encoded. */
export async function* exportParquet(
  db: Kysely<Database>,
  options: Omit<ExportOptions, 'format'>,
  counted: { records: number } = { records: 0 },
  rowGroupRows = ROW_GROUP_ROWS,
): AsyncGenerator<Uint8Array> {
  const columns: readonly ExportColumn[] = EXPORT_COLUMNS[options.what];
  const writer = new DrainingWriter();
  const parquet = new ParquetWriter({
    writer,
    schema: parquetSchema(columns),
    createdBy: `${EXTRACTOR.name} ${EXTRACTOR.version} (hyparquet-writer)`,
    kvMetadata: [{ key: 'minutes.export', value: options.what }],
  });
  let pending: ExportRecord[] = [];
  const writeGroup = async (group: readonly ExportRecord[]): Promise<void> => {
    if (group.length === 0) return;
    await parquet.write({ columnData: columnData(columns, group), rowGroupSize: group.length });
    counted.records += group.length;
  };
  for await (const batch of exportRecords(db, options)) {
    pending.push(...batch);
    while (pending.length >= rowGroupRows) {
      await writeGroup(pending.splice(0, rowGroupRows));
      yield* writer.take();
    }
  }
  await writeGroup(pending);
  pending = [];
  await parquet.finish();
  yield* writer.take();
}

function columnData(columns: readonly ExportColumn[], records: readonly ExportRecord[]): ColumnSource[] {
  return columns.map((name) => {
    const type = PARQUET_COLUMN_TYPES[name];
    return { name, data: records.map((r) => parquetValue(type, r[name])) as ColumnSource['data'] };
  });
}
