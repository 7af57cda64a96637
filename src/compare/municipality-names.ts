// Names a user types for --municipality, resolved against the official 98: any spelling
// the extractor knows, a misspelling it accepts, or the same name typed without æ, ø, å
// ("Tonder", "Hoje-Taastrup", "Aero"). An unknown name gets its nearest official names.
import { matchMunicipality, MUNICIPALITIES, municipalityKey, type Municipality } from '../extract/meeting/municipalities.js';
import { loadTextTools } from './text-tools.js';

export type MunicipalityResolution = { municipality: Municipality } | { municipality: null; nearest: string[] };

/**
 * Folds æ, ø, å and their ASCII spellings (ae, oe, aa) to one letter each, so "Tønder",
 * "Toender" and "Tonder" share a key, as do "Ærø", "Aeroe" and "Aero".
 */
export function asciiKey(name: string): string {
  return municipalityKey(name)
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/aa/g, 'a')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

let asciiIndex: Map<string, Municipality> | undefined;

function byAsciiKey(): Map<string, Municipality> {
  if (asciiIndex) return asciiIndex;
  asciiIndex = new Map();
  for (const m of MUNICIPALITIES) for (const spelling of [m.name, ...m.variants]) asciiIndex.set(asciiKey(spelling), m);
  return asciiIndex;
}

/** How many nearest names an unknown name is answered with. */
const NEAREST = 3;

export async function resolveMunicipality(name: string): Promise<MunicipalityResolution> {
  const found = matchMunicipality(name) ?? byAsciiKey().get(asciiKey(name)) ?? null;
  if (found) return { municipality: found };
  const tools = await loadTextTools();
  const key = asciiKey(name);
  const nearest = MUNICIPALITIES.map((m) => ({ name: m.officialName, score: tools.jaroWinkler(key, asciiKey(m.name)) }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'da'))
    .slice(0, NEAREST)
    .map((m) => m.name);
  return { municipality: null, nearest };
}
