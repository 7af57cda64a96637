// A line (or a cell) that holds nothing but a case identifier: a KLE number, an ESDH number or a
// long numeric id. Shared by the item reader and the heading-cell splitter.
import { ESDH_NUMBER, KLE_NUMBER, NUMERIC_CASE_ID } from '../common/patterns.js';

const WHOLE_CASE_IDS = [KLE_NUMBER, ESDH_NUMBER, NUMERIC_CASE_ID].map((p) => new RegExp(`^${p.source}$`, p.flags));

/** A line holding only a case identifier (KLE, ESDH or a long numeric id). */
export function isCaseNumberLine(text: string): boolean {
  const t = text.trim();
  return t !== '' && WHOLE_CASE_IDS.some((p) => p.test(t));
}
