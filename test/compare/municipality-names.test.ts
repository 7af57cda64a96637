// --municipality names: every spelling of the 98 resolves, ASCII spellings too, and an
// unknown name is answered with the official names nearest to it.
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../src/extract/meeting/municipalities.js';
import { asciiKey, resolveMunicipality } from '../../src/compare/municipality-names.js';

const official = async (name: string): Promise<string | null> => (await resolveMunicipality(name)).municipality?.officialName ?? null;

describe('resolveMunicipality', () => {
  it.each([
    ['Tonder', 'Tønder Kommune'],
    ['Toender', 'Tønder Kommune'],
    ['Hoje-Taastrup', 'Høje-Taastrup Kommune'],
    ['hoje tastrup', 'Høje-Taastrup Kommune'],
    ['Aero', 'Ærø Kommune'],
    ['Aeroe Kommune', 'Ærø Kommune'],
    ['Arhus', 'Aarhus Kommune'],
    ['Kobenhavn', 'København Kommune'],
    ['Bronderslev', 'Brønderslev Kommune'],
    ['Vesthimmerland', 'Vesthimmerlands Kommune'],
    ['Bornholm', 'Bornholms Regionskommune'],
  ])('%s → %s', async (typed, expected) => {
    expect(await official(typed)).toBe(expected);
  });

  it('gives every one of the 98 a distinct ASCII key, so folding merges no two municipalities', () => {
    const keys = new Set(MUNICIPALITIES.map((m) => asciiKey(m.name)));
    expect(MUNICIPALITIES.length).toBe(98);
    expect(keys.size).toBe(98);
  });

  it('answers an unknown name with its three nearest official names', async () => {
    expect(await resolveMunicipality('Atlantis')).toMatchObject({ municipality: null });
    const near = await resolveMunicipality('Silkebjerg');
    expect(near.municipality).toBeNull();
    expect(near.municipality === null && near.nearest).toHaveLength(3);
    expect(near.municipality === null && near.nearest[0]).toBe('Silkeborg Kommune');
  });
});
