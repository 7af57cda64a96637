// The Store over Kysely: one implementation for every dialect.
import type { Kysely } from 'kysely';
import { ExtractedDocument } from '../schema/contract.js';
import { MinutesError } from '../schema/errors.js';
import type { PageLayout } from '../schema/normalised.js';
import type { ParsedPdf } from '../schema/parsed.js';
import { EXTRACTOR } from '../version.js';
import type { DialectName, StoreDialect } from './dialect.js';
import { migrateToLatest, type MigrationReport } from './migrate.js';
import { decodeParsed, encodeParsed, PARSED_CACHE_FORMAT, type EncodedParsed } from './parsed-cache-codec.js';
import { pageFromRow } from './rows.js';
import { recordFailureIn, saveDocumentIn } from './save-document.js';
import type { Database, DocumentRow } from './schema.js';
import type { DocumentStatus, FailureRecord, SaveAction, SaveOptions, Store, StoredDocumentRef } from './types.js';
import { writeTransaction } from './write-transaction.js';

type RefColumns = Pick<DocumentRow, 'id' | 'sha256' | 'path' | 'extractor_version' | 'status' | 'error_code' | 'error_message'>;
const REF_COLUMNS = ['id', 'sha256', 'path', 'extractor_version', 'status', 'error_code', 'error_message'] as const;

function toRef(row: RefColumns): StoredDocumentRef {
  return {
    id: row.id,
    sha256: row.sha256,
    path: row.path,
    extractorVersion: row.extractor_version,
    status: row.status,
    errorCode: row.error_code,
    errorMessage: row.error_message,
  };
}

export class KyselyStore implements Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly #capabilities: StoreDialect;

  constructor(db: Kysely<Database>, capabilities: StoreDialect) {
    this.db = db;
    this.dialect = capabilities.name;
    this.#capabilities = capabilities;
  }

  async migrate(): Promise<void> {
    await this.migrateWithReport();
  }

  /** Like migrate(), and says which migrations it applied. */
  migrateWithReport(): Promise<MigrationReport> {
    return migrateToLatest(this.db, this.#capabilities);
  }

  async findBySha256(sha256: string): Promise<StoredDocumentRef | undefined> {
    const row = await this.db.selectFrom('documents').select(REF_COLUMNS).where('sha256', '=', sha256).executeTakeFirst();
    return row ? toRef(row) : undefined;
  }

  async saveDocument(
    doc: ExtractedDocument,
    pageTexts: readonly { number: number; text: string }[],
    options: SaveOptions = {},
  ): Promise<{ id: number; action: SaveAction }> {
    const checked = ExtractedDocument.safeParse(doc);
    if (!checked.success) {
      throw new MinutesError('invalid_output', `document ${doc.source?.path ?? '?'} does not match the contract: ${checked.error.message}`);
    }
    return writeTransaction(this.db, this.#capabilities, (trx) => saveDocumentIn(trx, this.#capabilities, checked.data, pageTexts, options));
  }

  async recordFailure(failure: FailureRecord): Promise<void> {
    await writeTransaction(this.db, this.#capabilities, (trx) => recordFailureIn(trx, this.#capabilities, failure, EXTRACTOR.name));
  }

  async cacheParsed(sha256: string, parsed: ParsedPdf): Promise<void> {
    await this.cacheEncodedParsed(sha256, encodeParsed(parsed));
  }

  async cacheEncodedParsed(sha256: string, encoded: EncodedParsed): Promise<void> {
    const { jsonBytes } = encoded;
    // Bytes that came over IPC arrive as a Uint8Array; the drivers bind Buffers (a view, no copy).
    const data = Buffer.isBuffer(encoded.data) ? encoded.data : Buffer.from(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength);
    const row = { sha256, format: PARSED_CACHE_FORMAT, data, json_bytes: jsonBytes, created_at: new Date().toISOString() };
    await writeTransaction(this.db, this.#capabilities, (trx) =>
      trx
        .insertInto('parsed_cache')
        .values(row)
        .onConflict((oc) => oc.column('sha256').doUpdateSet({ format: row.format, data: row.data, json_bytes: row.json_bytes, created_at: row.created_at }))
        .execute(),
    );
  }

  async loadParsed(sha256: string): Promise<ParsedPdf | undefined> {
    const row = await this.db.selectFrom('parsed_cache').select(['format', 'data']).where('sha256', '=', sha256).executeTakeFirst();
    return row ? decodeParsed(row.format, row.data) : undefined;
  }

  async listDocuments(filter: { status?: DocumentStatus; notVersion?: string } = {}): Promise<StoredDocumentRef[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select(REF_COLUMNS)
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status as DocumentStatus))
      .$if(filter.notVersion !== undefined, (q) => q.where('extractor_version', '<>', filter.notVersion as string))
      .orderBy('id')
      .execute();
    return rows.map(toRef);
  }

  async loadDocument(id: number, options: { withText?: boolean } = {}): Promise<ExtractedDocument | undefined> {
    const row = await this.db.selectFrom('documents').select(['document']).where('id', '=', id).where('status', '=', 'ok').executeTakeFirst();
    if (!row || row.document === null) return undefined;
    const value = JSON.parse(row.document) as Record<string, unknown>;
    if (options.withText) {
      const rows = await this.db
        .selectFrom('pages')
        .select(['number', 'text', 'ocr_confidence', 'ocr_rotation'])
        .where('document_id', '=', id)
        .orderBy('number')
        .execute();
      value.pages = rows.map(pageFromRow);
    }
    const checked = ExtractedDocument.safeParse(value);
    if (!checked.success) {
      throw new MinutesError('invalid_output', `stored document ${id} no longer matches the contract: ${checked.error.message}`);
    }
    return checked.data;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
