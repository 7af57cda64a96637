// --municipality values are checked against the official 98 before the store is read:
// an unknown name is a usage error with its nearest official names, not an empty table.
import { resolveMunicipality } from '../compare/municipality-names.js';
import { MinutesError } from '../schema/errors.js';

/** The official names of the requested municipalities, in the order given. */
export async function officialMunicipalities(names: readonly string[] | undefined): Promise<string[]> {
  const official: string[] = [];
  for (const name of names ?? []) {
    const resolved = await resolveMunicipality(name);
    if (!resolved.municipality) throw new MinutesError('usage', `unknown municipality "${name}"; nearest: ${resolved.nearest.join(', ')}`);
    official.push(resolved.municipality.officialName);
  }
  return official;
}
