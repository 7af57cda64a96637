// Meeting headers written for this project in the styles municipalities use:
// FirstAgenda, "Referat fra mødet i …", labelled fields, and a single decided case.
// `municipality` is the official name ("Silkeborg Kommune"), as the gold annotations write it.
import { describe, expect, test } from 'vitest';
import { extractMeeting, parseDanishDate } from '../../src/extract/meeting/meeting.js';
import { cleanCommitteeName, isCommitteeName, wrappedCommitteeName } from '../../src/extract/meeting/committees.js';
import { DANISH_DATE, DECIDED_IN } from '../../src/extract/common/patterns.js';
import type { Warning } from '../../src/schema/contract.js';
import { contextFrom } from './pages.js';

const dates: [string, string | null][] = [
  ['d. 14-05-2024', '2024-05-14'],
  ['Torsdag d. 19. marts 2020 kl. 14:00', '2020-03-19'],
  ['27. august 2025', '2025-08-27'],
  ['den 3.2.2023', '2023-02-03'],
  ['Mødedato: 1. dec. 2022', '2022-12-01'],
  ['5 juni 2021', '2021-06-05'],
  ['Mødedato: 2024-03-12', '2024-03-12'],
  ['Udvalgsmøde: 20/7 2021', '2021-07-20'],
  ['Dato: 9/6-2020', '2020-06-09'],
  ['1/3 af de ledige', null],
  ['Opgjort pr. 30.6.', null],
  ['31-02-2024', null],
  ['pr. 31. marts', null],
  ['2025-2028', null],
];

describe('parseDanishDate', () => {
  test.each(dates)('%s → %s', (text, iso) => {
    expect(parseDanishDate(text)).toBe(iso);
  });

  test('DANISH_DATE finds a date inside a sentence', () => {
    expect(DANISH_DATE.exec('Behandlet den 9. april 2024 i udvalget')?.[0]).toBe('9. april 2024');
  });
});

const committeeNames: [string, string, boolean][] = [
  ['Arbejdsmarkedsudvalget 2018 - 2021', 'Arbejdsmarkedsudvalget', true],
  ['Børne- og Ungeudvalget (2022-2025)', 'Børne- og Ungeudvalget', true],
  ['Referat fra mødet i Økonomiudvalget', 'Økonomiudvalget', true],
  ['REFERAT Aarhus Byråd', 'Aarhus Byråd', true],
  ['Kommunalbestyrelsen', 'Kommunalbestyrelsen', true],
  ['Norddjurs Beskæftigelsesråd', 'Norddjurs Beskæftigelsesråd', true],
  ['Det ordinære møde i Teknik- og Miljøudvalget', 'Teknik- og Miljøudvalget', true],
  ['Referat - Økonomiudvalget', 'Økonomiudvalget', true],
  ['Økonomiudvalget (ØK)', 'Økonomiudvalget', true],
  ['Økonomiudvalget - Dagsorden', 'Økonomiudvalget', true],
  // Decision and routing labels name the body; their words are not part of its name.
  ['Beslutning i Social- og Sundhedsudvalget', 'Social- og Sundhedsudvalget', true],
  ['Behandlet i Byrådet', 'Byrådet', true],
  ['Sagen afgøres i Teknik- og Miljøudvalget', 'Teknik- og Miljøudvalget', true],
  ['Indstilling til Økonomiudvalget', 'Økonomiudvalget', true],
  ['Behandling i Handicaprådet', 'Handicaprådet', true],
  ['Mødested Byrådssalen', 'Mødested Byrådssalen', false],
  ['Indholdsfortegnelse', 'Indholdsfortegnelse', false],
];

describe('a committee name wrapped over two lines', () => {
  test.each([
    ['Sundheds- og', 'Ældreudvalget', 'Sundheds- og Ældreudvalget'],
    ['Børne-, Unge- og', 'Familieudvalget', 'Børne-, Unge- og Familieudvalget'],
    ['Plan- og', 'Boligudvalget (PBU)', 'Plan- og Boligudvalget'],
    ['Beslutningsprotokol – Erhvervs- og', 'Beskæftigelsesudvalget', 'Erhvervs- og Beskæftigelsesudvalget'],
    ['Referat fra mødet i', 'Økonomiudvalget', null],
    ['Økonomi og', 'Økonomiudvalget', null],
    ['Sundheds- og', 'omsorgsområdet', null],
  ] as const)('%s + %s → %s', (first, second, name) => {
    expect(wrappedCommitteeName(first, second)).toBe(name);
  });
});

describe('committee names', () => {
  test.each(committeeNames)('%s → %s (committee: %s)', (raw, clean, isCommittee) => {
    expect(cleanCommitteeName(raw)).toBe(clean);
    expect(isCommitteeName(raw)).toBe(isCommittee);
  });

  test('DECIDED_IN reads the body and date of a decision line', () => {
    const m = DECIDED_IN.exec('Beslutning i Syddjurs Sundhedsudvalg den 04-03-2025');
    expect(m?.groups?.['committee']).toBe('Syddjurs Sundhedsudvalg');
    expect(m?.groups?.['date']).toBe('04-03-2025');
  });
});

interface HeaderCase {
  name: string;
  path: string;
  pages: string[];
  expected: {
    municipality: string | null;
    municipalityCode: number | null;
    committee: string | null;
    meetingDate: string | null;
    documentKind: string;
  };
}

const headers: HeaderCase[] = [
  {
    name: 'FirstAgenda referat with title and committee on separate lines',
    path: 'in/ref.pdf',
    pages: [
      'REFERAT\nSocial- og Sundhedsudvalget d. 02-10-2023\nMødedato \tMandag d. 2. oktober 2023 kl. 15:00\nMødested \tRådhuset',
      'Punkt 12: Godkendelse af dagsorden\nSagsnr.: 00.01.00-A00-1-23\nBeslutning\nGodkendt.\nSilkeborg Kommune',
    ],
    expected: { municipality: 'Silkeborg Kommune', municipalityCode: 740, committee: 'Social- og Sundhedsudvalget', meetingDate: '2023-10-02', documentKind: 'minutes' },
  },
  {
    name: 'dagsorden with an election term after the committee',
    path: 'in/dags.pdf',
    pages: ['DAGSORDEN\nKultur- og Fritidsudvalget 2022 - 2025 d. 07-11-2024\nMødedato \tTorsdag d. 7. november 2024', 'Punkt 1: Eventuelt\nForvaltningen indstiller, at Fanø Kommune …'],
    expected: { municipality: 'Fanø Kommune', municipalityCode: 563, committee: 'Kultur- og Fritidsudvalget', meetingDate: '2024-11-07', documentKind: 'agenda' },
  },
  {
    name: 'title and council on one line',
    path: 'x.pdf',
    pages: ['REFERAT Roskilde Byråd d. 27-08-2025\nMødedato Onsdag d. 27. august 2025 kl. 16:00'],
    expected: { municipality: 'Roskilde Kommune', municipalityCode: 265, committee: 'Roskilde Byråd', meetingDate: '2025-08-27', documentKind: 'minutes' },
  },
  {
    name: '"Referat fra mødet i …" with a labelled date',
    path: 'x.pdf',
    pages: ['Referat fra mødet i Økonomiudvalget\nDato: 12. marts 2024\nSted: Mødelokale 1\nKalundborg Kommune'],
    expected: { municipality: 'Kalundborg Kommune', municipalityCode: 326, committee: 'Økonomiudvalget', meetingDate: '2024-03-12', documentKind: 'minutes' },
  },
  {
    name: 'a single case decided by a council named after the municipality',
    path: 'x.pdf',
    pages: [
      'Budgetopfølgning 2. kvartal\n12/44 Åben sag\nSagsfremstilling\nUdvalget godkendte 4. maj 2023 rammen.',
      'Indstilling\nDirektøren indstiller, at sagen godkendes.\nBeslutning i Syddjurs Ældreråd den 04-03-2025\nGodkendt.',
    ],
    expected: { municipality: 'Syddjurs Kommune', municipalityCode: 706, committee: 'Syddjurs Ældreråd', meetingDate: '2025-03-04', documentKind: 'minutes' },
  },
  {
    name: 'an agenda quoting an earlier committee\'s decision stays an agenda',
    path: 'x.pdf',
    pages: ['Dagsorden\nByrådet\nMødedato: 24. april 2024\nHedensted Kommune', 'Punkt 3: Regnskab 2023\nBeslutning i Økonomiudvalget den 10-04-2024\nAnbefales.'],
    expected: { municipality: 'Hedensted Kommune', municipalityCode: 766, committee: 'Byrådet', meetingDate: '2024-04-24', documentKind: 'agenda' },
  },
  {
    name: 'committee and weekday date on one line, "Tillægsdagsorden"',
    path: 'x.pdf',
    pages: ['Tillægsdagsorden\nBørne- og Ungeudvalget (BUU) - tirsdag den 12. marts 2024\nSkive Kommune'],
    expected: { municipality: 'Skive Kommune', municipalityCode: 779, committee: 'Børne- og Ungeudvalget', meetingDate: '2024-03-12', documentKind: 'agenda' },
  },
  {
    name: 'a running header with separated fields, a header wrapped over lines',
    path: 'x.pdf',
    pages: ['Guldborgsund Kommune · Social- og Seniorudvalget · Referat 2. oktober 2025\nReferat fra mødet i Social- og\nSeniorudvalget torsdag den\n2. oktober 2025 kl. 15.00'],
    expected: { municipality: 'Guldborgsund Kommune', municipalityCode: 376, committee: 'Social- og Seniorudvalget', meetingDate: '2025-10-02', documentKind: 'minutes' },
  },
  {
    name: 'the committee wrapped over header lines only',
    path: 'x.pdf',
    pages: ['Mariagerfjord Kommune\nReferat fra mødet i Teknik- og\nMiljøudvalget tirsdag den\n9. december 2025 kl. 9.00\nMødested: Rådhuset'],
    expected: { municipality: 'Mariagerfjord Kommune', municipalityCode: 846, committee: 'Teknik- og Miljøudvalget', meetingDate: '2025-12-09', documentKind: 'minutes' },
  },
  {
    name: 'a notat to a committee, with the meeting in a "Til:" field',
    path: 'x.pdf',
    pages: ['Ballerup Kommune\nNOTAT\nTil:\tBeskæftigelsesudvalget, mødet den 3. april 2025\nFra:\tJobcentret'],
    expected: { municipality: 'Ballerup Kommune', municipalityCode: 151, committee: 'Beskæftigelsesudvalget', meetingDate: '2025-04-03', documentKind: 'report' },
  },
  {
    name: '"Notat til <udvalg>" and "Møde den …"',
    path: 'x.pdf',
    pages: ['Thisted Kommune\nNotat til Arbejdsmarkedsudvalget\nMøde den 16. september 2025\nStatus på planen'],
    expected: { municipality: 'Thisted Kommune', municipalityCode: 787, committee: 'Arbejdsmarkedsudvalget', meetingDate: '2025-09-16', documentKind: 'report' },
  },
  {
    name: 'a notat with no meeting',
    path: 'arkiv/herning/notat.pdf',
    pages: ['Notat om ledighed\nAjourført: 3. juni 2024\nUdarbejdet af Jobcentret\nLedigheden er faldet.'],
    expected: { municipality: 'Herning Kommune', municipalityCode: 657, committee: null, meetingDate: null, documentKind: 'report' },
  },
  {
    name: 'a decision label with a date in the header does not become the committee name',
    path: 'x.pdf',
    pages: [
      'Odder Kommune\nReferat\nSocial- og Sundhedsudvalget\nMødetidspunkt:\t03.06.2025 kl. 16:00\nSag nr. 1 – Godkendelse af dagsorden\nBeslutning i Social- og Sundhedsudvalget den 3. juni 2025\nGodkendt.',
    ],
    expected: { municipality: 'Odder Kommune', municipalityCode: 727, committee: 'Social- og Sundhedsudvalget', meetingDate: '2025-06-03', documentKind: 'minutes' },
  },
  {
    name: 'a routing label ("Sagen afgøres i …") right under the title',
    path: 'x.pdf',
    pages: ['Dagsorden\nSagen afgøres i Teknik- og Miljøudvalget den 14. oktober 2025\nLemvig Kommune\nPunkt 1: Trafikplan'],
    expected: { municipality: 'Lemvig Kommune', municipalityCode: 665, committee: 'Teknik- og Miljøudvalget', meetingDate: '2025-10-14', documentKind: 'agenda' },
  },
  {
    name: 'a regional municipality keeps its own official name',
    path: 'x.pdf',
    pages: ['Referat\nBeskæftigelsesudvalget - onsdag den 5. februar 2025\nBornholms Regionskommune'],
    expected: { municipality: 'Bornholms Regionskommune', municipalityCode: 400, committee: 'Beskæftigelsesudvalget', meetingDate: '2025-02-05', documentKind: 'minutes' },
  },
  {
    name: 'a compound report title ("Halvårsmålopfølgning") makes a stand-alone report',
    path: 'x.pdf',
    pages: ['Varde Kommune\nHalvårsmålopfølgning – Ungeindsatsen 2025\nBehandlet i Social- og Arbejdsmarkedsudvalget den 9. september 2025\nMål 1. Flere unge i uddannelse'],
    expected: { municipality: 'Varde Kommune', municipalityCode: 573, committee: 'Social- og Arbejdsmarkedsudvalget', meetingDate: '2025-09-09', documentKind: 'report' },
  },
  {
    name: 'a derived report title ("Afrapportering") makes a report',
    path: 'x.pdf',
    pages: ['Tønder Kommune\nAfrapportering på beskæftigelsesindsatsen\nErhvervsudvalget, 4. marts 2025'],
    expected: { municipality: 'Tønder Kommune', municipalityCode: 550, committee: 'Erhvervsudvalget', meetingDate: '2025-03-04', documentKind: 'report' },
  },
  {
    name: 'a compound committee name wrapped after its "X-, Y- og" in a narrow header',
    path: 'x.pdf',
    pages: ['Hjørring Kommune\nDAGSORDEN\nKlima-, Miljø- og\nTeknikudvalget\nDato:\t14-01-2026 kl. 15:00\nSted:\tByrådssalen'],
    expected: { municipality: 'Hjørring Kommune', municipalityCode: 860, committee: 'Klima-, Miljø- og Teknikudvalget', meetingDate: '2026-01-14', documentKind: 'agenda' },
  },
  {
    name: 'a title with no report, agenda or minutes word stays other',
    path: 'x.pdf',
    pages: ['Vejledning om sygefraværssamtaler\nBeskæftigelsesudvalget, 4. marts 2025\nTønder Kommune'],
    expected: { municipality: 'Tønder Kommune', municipalityCode: 550, committee: 'Beskæftigelsesudvalget', meetingDate: '2025-03-04', documentKind: 'other' },
  },
];

describe('extractMeeting', () => {
  test.each(headers)('$name', ({ path, pages, expected }) => {
    const warnings: Warning[] = [];
    const { municipalityBasis, ...facts } = extractMeeting(contextFrom(path, ...pages), (w) => warnings.push(w));
    expect(facts).toEqual(expected);
    // Whenever a municipality is found, how it was decided is recorded too.
    expect(municipalityBasis === null).toBe(expected.municipality === null);
    const complete = expected.committee !== null && expected.meetingDate !== null && expected.municipality !== null;
    expect(warnings.some((w) => w.code === 'metadata_missing')).toBe(!complete);
  });
});

describe('a committee named in the sentence before the date', () => {
  test('"Afdeling, måned år. Forelægges <udvalg> den <dato>": the committee is the body only', () => {
    const text = 'Holbæk Kommune\nKvalitetsrapport 2025 for Social- og Sundhedsudvalget\nSocialafdelingen, januar 2026. Forelægges Social- og Sundhedsudvalget den 10. februar 2026.';
    const facts = extractMeeting(contextFrom('rapport.pdf', text), () => undefined);
    expect(facts.committee).toBe('Social- og Sundhedsudvalget');
    expect(facts.meetingDate).toBe('2026-02-10');
  });
});
