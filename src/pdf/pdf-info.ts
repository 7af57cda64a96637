// The PDF's description of itself: info dictionary and outline (bookmarks). The
// outline gives the start page of every agenda item in FirstAgenda-style referater.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfInfo } from '../schema/parsed.js';

export type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

/** Bookmark trees can be deep or hostile; this many entries are plenty for minutes. */
const MAX_OUTLINE_ENTRIES = 2000;

/** `infoDict` and `outline` as pdf-parse's getInfo() returns them; `doc` resolves bookmark targets. */
export async function readPdfInfo(doc: PDFDocumentProxy, infoDict: unknown, outline: OutlineNode[] | null): Promise<PdfInfo> {
  const dict = (infoDict && typeof infoDict === 'object' ? infoDict : {}) as Record<string, unknown>;
  return {
    title: cleanString(dict['Title']),
    producer: cleanString(dict['Producer']),
    author: cleanString(dict['Author']),
    creator: cleanString(dict['Creator']),
    creationDate: pdfDateToIso(cleanString(dict['CreationDate'])),
    outline: await readOutline(doc, outline),
  };
}

function cleanString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : null;
}

/** "D:20200319140000+01'00'" → "2020-03-19T14:00:00+01:00"; other strings are kept as they are. */
export function pdfDateToIso(value: string | null): string | null {
  if (value === null) return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(value);
  if (!m) return value;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const zone = sign === undefined ? '' : sign === 'Z' || sign === 'z' ? 'Z' : `${sign}${oh}:${om}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}

async function readOutline(doc: PDFDocumentProxy, roots: OutlineNode[] | null): Promise<PdfInfo['outline']> {
  if (!roots) return [];
  const entries: PdfInfo['outline'] = [];
  const stack: OutlineNode[] = [...roots].reverse();
  while (stack.length > 0 && entries.length < MAX_OUTLINE_ENTRIES) {
    const node = stack.pop() as OutlineNode;
    const title = cleanString(node.title);
    if (title !== null) entries.push({ title, page: await destinationPage(doc, node.dest) });
    for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i] as OutlineNode);
  }
  return entries;
}

/** 1-based page a destination points to, or null when it cannot be resolved. */
async function destinationPage(doc: PDFDocumentProxy, dest: string | unknown[] | null): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const target = explicit?.[0];
    if (typeof target === 'number' && Number.isInteger(target)) return target + 1;
    if (target && typeof target === 'object' && 'num' in target && 'gen' in target) {
      return (await doc.getPageIndex(target as { num: number; gen: number })) + 1;
    }
  } catch {
    // A dangling bookmark is not worth failing the document for.
  }
  return null;
}
