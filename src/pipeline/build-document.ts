// normalise → extract → assemble → validate: parsed pages in, one contract
// document out. Pure apart from the CPU; used by `minutes ingest` and the queue alike.
import { ExtractedDocument, noFacts, SCHEMA_VERSION, type ExtractedFacts, type PageText, type Warning } from '../schema/contract.js';
import { MinutesError } from '../schema/errors.js';
import type { PageLayout } from '../schema/normalised.js';
import type { ParsedPdf } from '../schema/parsed.js';
import { normalisePages } from '../text/normalise.js';
import { extractFacts, untimed, type StepTimer } from '../extract/index.js';
import { EXTRACTOR } from '../version.js';
import { findProvenanceMismatches } from './provenance-check.js';
import { markOcrProvenance, ocrByPage } from './ocr-provenance.js';
import { textLayerWarnings } from './text-layer-warnings.js';

export { withoutPages } from './without-pages.js';

export interface BuildDocumentInput {
  /** The path as given on the command line (or the source's name for it). */
  path: string;
  sha256: string;
  bytes: number;
  parsed: ParsedPdf;
  /** Include the normalised page texts as `pages` (the store always needs them). */
  withText: boolean;
  /** Measures normalise, each extraction family and validate (the bench); default: not measured. */
  time?: StepTimer;
}

/** How many schema issues a failure message lists; the rest are counted. */
const MAX_ISSUES_IN_MESSAGE = 5;

export async function buildDocument(input: BuildDocumentInput): Promise<ExtractedDocument> {
  return (await buildDocumentWithLayout(input)).document;
}

/** The document and where each run of its page texts sits on the page (stored, to draw pages without the PDF). */
export async function buildDocumentWithLayout(input: BuildDocumentInput): Promise<{ document: ExtractedDocument; layouts: PageLayout[] }> {
  const time = input.time ?? untimed;
  const normalised = time('normalise', () => normalisePages(input.parsed.pages));
  const ocrMarks = ocrByPage(input.parsed.pages);
  const pageTexts: PageText[] = normalised.pages.map((p) => {
    const ocr = ocrMarks.get(p.number);
    return ocr ? { number: p.number, text: p.text, ocr } : { number: p.number, text: p.text };
  });
  const facts = extractOrWarn(input, normalised.pages, time);
  markOcrProvenance(facts, ocrMarks);
  const candidate = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: input.path,
      sha256: input.sha256,
      bytes: input.bytes,
      pages: input.parsed.pages.length,
      title: input.parsed.info.title,
      producer: input.parsed.info.producer,
    },
    extractor: { name: EXTRACTOR.name, version: EXTRACTOR.version },
    ...facts,
    warnings: [...textLayerWarnings(input.parsed.pages), ...normalised.warnings, ...facts.warnings],
    ...(input.withText ? { pages: pageTexts } : {}),
  };
  const document = time('validate', () => validate(candidate, pageTexts));
  return { document, layouts: normalised.pages.map(({ text: _text, ...layout }) => layout) };
}

/** The contract's schema and every provenance snippet against its page text. */
function validate(candidate: unknown, pageTexts: PageText[]): ExtractedDocument {
  const result = ExtractedDocument.safeParse(candidate);
  if (!result.success) {
    const issues = result.error.issues;
    const listed = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    const more = issues.length > listed.length ? ` (+${issues.length - listed.length} more)` : '';
    throw new MinutesError('invalid_output', `the extracted document does not match the contract: ${listed.join('; ')}${more}`);
  }
  const mismatches = findProvenanceMismatches(result.data, pageTexts);
  if (mismatches.length > 0) {
    const first = mismatches[0];
    throw new MinutesError(
      'invalid_output',
      `${mismatches.length} provenance snippet(s) differ from their page text, first at ${first?.at} (page ${first?.page}): ` +
        `${JSON.stringify(first?.expected)} vs ${JSON.stringify(first?.found)}`,
    );
  }
  return result.data;
}


/** A bug in one rule must not lose the document: it is written with a warning and no facts. */
function extractOrWarn(input: BuildDocumentInput, pages: Parameters<typeof extractFacts>[0]['pages'], time: StepTimer): ExtractedFacts {
  try {
    return extractFacts({ path: input.path, info: input.parsed.info, pages }, time);
  } catch (err) {
    const warning: Warning = {
      code: 'extraction_error',
      message: `extraction failed, no facts were extracted: ${err instanceof Error ? err.message : String(err)}`,
      page: null,
    };
    return { ...noFacts(), warnings: [warning] };
  }
}
