// --indicator ids are checked against the taxonomy before the store is read.
import { findIndicator, INDICATORS } from '../compare/index.js';
import { MinutesError } from '../schema/errors.js';

export function checkIndicators(ids: readonly string[] | undefined): void {
  const unknown = (ids ?? []).filter((id) => !findIndicator(id));
  if (unknown.length) {
    throw new MinutesError('usage', `unknown indicator ${unknown.join(', ')}; known: ${INDICATORS.map((i) => i.id).join(', ')}`);
  }
}
