// What a store holds, in a form two runs can be compared by: every document row
// (sha256, status, code) and every stored document's JSON, with the path it was read
// under reduced to its file name (two runs read the same files from different folders).
import { basename } from 'node:path';
import { openStore, type DatabaseLocation } from '../../../src/store/index.js';

export interface StoreSnapshot {
  rows: { sha256: string; status: string; code: string | null; file: string }[];
  documents: Record<string, unknown>;
}

export async function storeSnapshot(location: DatabaseLocation): Promise<StoreSnapshot> {
  const store = await openStore({ ...location, migrate: false });
  try {
    const refs = await store.listDocuments();
    const rows = refs.map((r) => ({ sha256: r.sha256, status: r.status, code: r.errorCode ?? null, file: basename(r.path) }));
    rows.sort((a, b) => a.sha256.localeCompare(b.sha256));
    const documents: Record<string, unknown> = {};
    for (const ref of refs.filter((r) => r.status === 'ok')) {
      const doc = await store.loadDocument(ref.id, { withText: true });
      if (doc) documents[ref.sha256] = { ...doc, source: { ...doc.source, path: basename(doc.source.path) } };
    }
    return { rows, documents };
  } finally {
    await store.close();
  }
}
