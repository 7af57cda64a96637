// The document without its page texts (what the JSON holds unless --with-text). Its own
// file so the ingest harness can use it without loading the normaliser and extractors.
import type { ExtractedDocument } from '../schema/contract.js';

export function withoutPages(doc: ExtractedDocument): ExtractedDocument {
  const { pages: _pages, ...rest } = doc;
  return rest;
}
