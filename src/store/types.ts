// The Store: what the pipeline, the queue and the comparisons need from a database.
// Implemented once over Kysely; SQLite and PostgreSQL differ only by dialect.
import type { ExtractedDocument } from '../schema/contract.js';
import type { ParsedPdf } from '../schema/parsed.js';
import type { PageLayout } from '../schema/normalised.js';
import type { ErrorCode } from '../schema/errors.js';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { EncodedParsed } from './parsed-cache-codec.js';

export type DocumentStatus = 'ok' | 'failed';

export interface StoredDocumentRef {
  id: number;
  sha256: string;
  path: string;
  extractorVersion: string;
  status: DocumentStatus;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface FailureRecord {
  sha256: string;
  path: string;
  bytes: number;
  extractorVersion: string;
  code: ErrorCode;
  message: string;
}

export type SaveAction = 'inserted' | 'replaced' | 'unchanged';

export interface SaveOptions {
  /**
   * Rewrite a document already stored ok with this extractor version (`minutes ingest --force`)
   * instead of leaving it 'unchanged'. One stored by a newer extractor is still left alone.
   */
  replaceCurrent?: boolean;
  /** Where each page's text runs stand (by page number), so a page can be drawn without its PDF. */
  layouts?: readonly PageLayout[];
}

export interface Store {
  /** Typed query builder over the store's tables (see schema.ts), for read-side queries such as comparisons. */
  readonly db: Kysely<Database>;
  /** Which database answers; informational only — queries must not branch on it. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Creates or upgrades the schema; safe to call on every start. */
  migrate(): Promise<void>;
  /** The stored document for this PDF, whatever its extractor version; undefined if never seen. */
  findBySha256(sha256: string): Promise<StoredDocumentRef | undefined>;
  /**
   * Stores one document, its page texts and all its facts in one transaction.
   * Same sha256 + same extractor version already stored ok → 'unchanged' (nothing written);
   * an older version or an earlier failure → 'replaced' (old facts removed in the same transaction);
   * with `replaceCurrent`, the same version is 'replaced' too. `layouts` (by page number) are
   * kept so a page can be drawn without its PDF.
   */
  saveDocument(
    doc: ExtractedDocument,
    pageTexts: readonly { number: number; text: string }[],
    options?: SaveOptions,
  ): Promise<{ id: number; action: SaveAction }>;
  /** Records a file that could not be read; never overwrites a document stored ok. */
  recordFailure(failure: FailureRecord): Promise<void>;
  /** Parsed pages cached by sha256, so reprocessing never parses a PDF again. */
  cacheParsed(sha256: string, parsed: ParsedPdf): Promise<void>;
  /** The same, encoded already (by encodeParsed, in the document process that parsed it). */
  cacheEncodedParsed(sha256: string, encoded: EncodedParsed): Promise<void>;
  loadParsed(sha256: string): Promise<ParsedPdf | undefined>;
  /** Documents for reprocessing: those stored with an extractor version other than `version`. */
  listDocuments(filter?: { status?: DocumentStatus; notVersion?: string }): Promise<StoredDocumentRef[]>;
  /** Reads a stored document back in the contract's shape (validated). */
  loadDocument(id: number, options?: { withText?: boolean }): Promise<ExtractedDocument | undefined>;
  close(): Promise<void>;
}
