// The municipality register and how documents name it: all 98 with their codes,
// spelling variants, genitives, typos, mentions in running text and the file path.
import { describe, expect, test } from 'vitest';
import {
  MUNICIPALITIES,
  lookupMunicipality,
  matchMunicipality,
  municipalityKey,
} from '../../src/extract/meeting/municipalities.js';
import { findMunicipality, municipalityFromPath } from '../../src/extract/meeting/meeting.js';
import { pagesFrom } from './pages.js';

describe('register', () => {
  test('holds the 98 municipalities, each with a unique 3-digit kommunekode', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    const codes = MUNICIPALITIES.map((m) => m.code);
    expect(new Set(codes).size).toBe(98);
    for (const code of codes) expect(code >= 101 && code <= 999).toBe(true);
    expect(codes).not.toContain(411); // Christiansø is no municipality
  });

  test('no two municipalities share a matching key', () => {
    const owner = new Map<string, number>();
    for (const m of MUNICIPALITIES) {
      for (const spelling of [m.name, ...m.variants]) {
        const key = municipalityKey(spelling);
        const before = owner.get(key);
        expect(before === undefined || before === m.code, `${spelling} collides`).toBe(true);
        owner.set(key, m.code);
      }
    }
  });

  test.each(MUNICIPALITIES.map((m) => [m.name, m.code] as const))('%s resolves as "<name> Kommune", genitive and lower case', (name, code) => {
    expect(lookupMunicipality(`${name} Kommune`)?.code).toBe(code);
    expect(lookupMunicipality(`${name} Kommunes`)?.code).toBe(code);
    expect(lookupMunicipality(name.toLowerCase())?.code).toBe(code);
    expect(lookupMunicipality(name.toUpperCase())?.code).toBe(code);
  });

  test('the official name keeps "Kommune", Bornholm is a Regionskommune', () => {
    expect(lookupMunicipality('Odder')?.officialName).toBe('Odder Kommune');
    expect(lookupMunicipality('Bornholm')?.officialName).toBe('Bornholms Regionskommune');
  });
});

const variants: [string, number][] = [
  ['Vesthimmerland', 820],
  ['Vesthimmerlands Kommune', 820],
  ['Århus', 751],
  ['Aarhus Byråd', 751],
  ['Århus Kommune', 751],
  ['Høje Taastrup', 169],
  ['Høje-Taastrup Kommune', 169],
  ['Høje-Tåstrup', 169],
  ['Lyngby-Taarbæk', 173],
  ['Lyngby Taarbæk Kommune', 173],
  ['Ringkøbing-Skjern', 760],
  ['Ringkøbing Skjern', 760],
  ['Bornholms Regionskommune', 400],
  ['Bornholm', 400],
  ['Ærø Kommune', 492],
  ['Fanø', 563],
  ['Læsø Kommune', 825],
  ['Samsø', 741],
  ['Ålborg', 851],
  ['Aalborg Kommune', 851],
  ['Åbenrå', 580],
  ['Københavns Kommune', 101],
  ['Faaborg-Midtfyn', 430],
  ['Fåborg-Midtfyn', 430],
  ['Nordfyn', 480],
  ['Nordfyns Kommune', 480],
  ['Ikast-Brande', 756],
  ['Tårnby', 185],
  ['Taarnby', 185],
];

describe('spelling variants', () => {
  test.each(variants)('%s → %i', (spelling, code) => {
    expect(lookupMunicipality(spelling)?.code).toBe(code);
  });

  test.each([
    ['Vesthimerlands', 820],
    ['Norddjurss', 707],
    ['Ringkøbing-Skern', 760],
    ['Frederikssun', 250],
  ] as const)('a misspelling %s resolves by Jaro–Winkler to %i', (spelling, code) => {
    expect(lookupMunicipality(spelling)).toBeNull();
    expect(matchMunicipality(spelling)?.code).toBe(code);
  });

  test.each(['Kommunernes Landsforening', 'Region Midtjylland', 'Danmark', 'Jobcenter'])('%s is no municipality', (text) => {
    expect(matchMunicipality(text)).toBeNull();
  });
});

describe('the municipality of a document', () => {
  test('"X Kommune" mentions outweigh a neighbour named once', () => {
    const pages = pagesFrom(
      'Referat\nSocialudvalget d. 3. april 2024\nSkanderborg Kommune har sammen med Aarhus Kommune søgt puljen.',
      'Skanderborg Kommune forventer et mindreforbrug. Udvalget i Skanderborg drøftede sagen.',
    );
    expect(findMunicipality(pages, 'x.pdf')?.code).toBe(746);
  });

  test('a committee carrying the municipality\'s name counts ("Norddjurs Beskæftigelsesråd")', () => {
    const pages = pagesFrom('Beslutning i Norddjurs Beskæftigelsesråd den 29-08-2024\nGodkendt.');
    expect(findMunicipality(pages, 'sag.pdf')?.code).toBe(707);
  });

  test('"Byrådet i Odder" names Odder, an everyday word at a sentence start does not name Vejen', () => {
    expect(findMunicipality(pagesFrom('Sagen behandles af Byrådet i Odder i juni.'), 'a.pdf')?.code).toBe(727);
    expect(findMunicipality(pagesFrom('Vejen er lukket. Greve Hansen deltog.'), 'a.pdf')).toBeNull();
  });

  test('the path is the fallback when the text names no municipality', () => {
    expect(findMunicipality(pagesFrom('Dagsorden\nØkonomiudvalget'), 'arkiv/odder/2020-03-19.pdf')?.code).toBe(727);
    expect(municipalityFromPath('/data/aarhus_byraad_2025-08-27.pdf')?.code).toBe(751);
    expect(municipalityFromPath('/data/hoeje-taastrup/referat.pdf')?.code).toBe(169);
    expect(municipalityFromPath('/data/ringkoebing_skjern/2024.pdf')?.code).toBe(760);
    expect(municipalityFromPath('/data/aeroe/2024.pdf')?.code).toBe(492);
    expect(municipalityFromPath('/data/referat-2024.pdf')).toBeNull();
  });
});
