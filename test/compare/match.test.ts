// Taxonomy matching on phrasings written for this test (none copied from the seeds),
// positive and negative, plus the word tools it stands on.
import { beforeAll, describe, expect, it } from 'vitest';
import { IndicatorDefinition, INDICATORS } from '../../src/compare/indicators.js';
import { linkGoal, sentences } from '../../src/compare/link-facts.js';
import { createIndicatorMatcher, type IndicatorMatcher } from '../../src/compare/match.js';
import { loadTextTools } from '../../src/compare/text-tools.js';

let matcher: IndicatorMatcher;
beforeAll(async () => {
  matcher = await createIndicatorMatcher();
});

describe('taxonomy', () => {
  it('has at least 25 valid indicators with unique ids', () => {
    expect(INDICATORS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) expect(IndicatorDefinition.safeParse(i).success).toBe(true);
  });

  it('covers the indicators the field asks for', () => {
    const ids = INDICATORS.map((i) => i.id);
    for (const id of [
      'aktiveringsgrad', 'ledighedsprocent', 'helaarspersoner_offentlig_forsoergelse', 'andel_med_jobmaal', 'uddannelsestilbud_andel',
      'voksenelevaftaler', 'jobformidlinger', 'samarbejdsgrad', 'danskuddannelse_bestaaelse', 'sygedagpenge_langvarige', 'jobafklaring',
      'fleksjob_ledighed', 'star_fokusmaal_samtaler', 'star_fokusmaal_225_timer', 'unge_valg_erhvervsuddannelse', 'unge_valg_gymnasial',
      'uddannelseshjaelp_uddannelsesparate', 'uddannelseshjaelp_aktivitetsparate', 'brugertilfredshed',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('rejects a definition with a bad id or no phrases', () => {
    expect(IndicatorDefinition.safeParse({ id: 'Aktivering grad', label: 'x', unit: 'percent', phrases: ['x'] }).success).toBe(false);
    expect(IndicatorDefinition.safeParse({ id: 'x', label: 'x', unit: 'percent', phrases: [] }).success).toBe(false);
  });
});

describe('word tools', () => {
  it('tokenises Danish letters whole (natural’s default tokenizers drop æøå)', async () => {
    const tools = await loadTextTools();
    expect(tools.tokenize('Økonomiudvalgets mål for Ærø: 67,7 % og IGU-forløb')).toEqual([
      'økonomiudvalgets', 'mål', 'for', 'ærø', '67', '7', 'og', 'igu', 'forløb',
    ]);
  });

  it('stems Danish inflections to one stem', async () => {
    const tools = await loadTextTools();
    expect(tools.stem('aktiveringsgraden')).toBe(tools.stem('aktiveringsgrad'));
    expect(tools.stem('sygedagpengesagerne')).toBe(tools.stem('sygedagpengesager'));
    expect(tools.stem('erhvervsuddannelserne')).toBe(tools.stem('erhvervsuddannelse'));
  });
});

/** [text, expected indicator id or null] — phrasings of our own. */
const CASES: readonly [string, string | null][] = [
  // aktiveringsgrad
  ['Aktiveringsgraden for de sygemeldte lå på 28 procent i tredje kvartal.', 'aktiveringsgrad'],
  ['aktiveringsgrad, forsikrede ledige under 30 år', 'aktiveringsgrad'],
  ['Aktiverinsgraden for kontanthjælpsmodtagere', 'aktiveringsgrad'], // a letter lost in the PDF
  ['Aktiveringsprocenten blandt nytilkomne', 'aktiveringsgrad'],
  // ledighed
  ['Fuldtidsledige opgjort i pct. af arbejdsstyrken, Lolland', 'ledighedsprocent'],
  ['den registrerede ledighedsprocent i kommunen', 'ledighedsprocent'],
  ['Ledighedsprocenten blandt fleksjobvisiterede var højere end sidste år', 'fleksjob_ledighed'],
  ['ledige i fleksjobordningen på ledighedsydelse', 'fleksjob_ledighed'],
  // forsørgelse
  ['antal helårspersoner på kontanthjælp og dagpenge', 'helaarspersoner_offentlig_forsoergelse'],
  ['fuldtidspersoner i alt, 16-66 år', 'helaarspersoner_offentlig_forsoergelse'],
  ['borgere på offentlig forsørgelse i alt', 'helaarspersoner_offentlig_forsoergelse'],
  ['Flere på offentlig forsørgelse end STAR’s forventede andel for kommunen', 'star_resultatmaal'],
  // plans, offers, agreements
  ['nyledige, der har fået et jobmål i deres plan', 'andel_med_jobmaal'],
  ['Uddannelsestilbuddenes andel af den samlede aktive indsats', 'uddannelsestilbud_andel'],
  ['nye aftaler med voksenelever i det private', 'voksenelevaftaler'],
  ['Jobformidlingerne pr. måned til ordinære stillinger', 'jobformidlinger'],
  ['samarbejdsgraden med de lokale virksomheder', 'samarbejdsgrad'],
  ['samarbejde med 8 nye virksomheder hvert kvartal', 'nye_virksomhedssamarbejder'],
  // sprog, sygedagpenge
  ['beståelsesprocenten ved danskprøverne på sprogcentret', 'danskuddannelse_bestaaelse'],
  ['sygedagpengesagerne, der har varet over 52 uger', 'sygedagpenge_langvarige'],
  ['Langvarige sygedagpengeforløb i Sorø', 'sygedagpenge_langvarige'],
  ['borgere i jobafklaringsforløb ved årets udgang', 'jobafklaring'],
  // STAR
  ['langvarige modtagere med fire samtaler eller flere på et år', 'star_fokusmaal_samtaler'],
  ['mindst 225 timer med ordinært arbejde på et år', 'star_fokusmaal_225_timer'],
  // unge
  ['søgningen til erhvervsuddannelserne efter 9. klasse', 'unge_valg_erhvervsuddannelse'],
  ['elever der har valgt en gymnasial uddannelse i foråret', 'unge_valg_gymnasial'],
  ['Aktivitetsparate unge på uddannelseshjælp, andel', 'uddannelseshjaelp_aktivitetsparate'],
  ['andelen af uddannelsesparate unge blandt modtagerne', 'uddannelseshjaelp_uddannelsesparate'],
  ['unge, der hverken er i uddannelse eller i beskæftigelse', 'unge_uden_uddannelse_job'],
  // tilfredshed
  ['Brugertilfredsheden i jobcentret ligger højt', 'brugertilfredshed'],
  ['andel brugere, som var tilfredse eller meget tilfredse med jobcentrets hjælp', 'brugertilfredshed'],
  // negative: nothing in the taxonomy
  ['Godkendelse af dagsorden', null],
  ['Svarprocenten i spørgeskemaet blev 41', null],
  ['refusion fra staten på udgifterne', null],
  ['Mødet sluttede, og medlemmerne deltog', null],
  ['Budgetopfølgning pr. 30. juni for Teknik- og Miljøudvalget', null],
  ['Beskæftigelsesplan 2024 blev vedtaget', null],
  ['Plan for vejvedligeholdelse', null],
  ['andel af kommunens biler, der kører på el', null],
];

describe('matching', () => {
  it.each(CASES)('%s → %s', (text, expected) => {
    const link = matcher.match(text);
    expect(link?.indicatorId ?? null).toBe(expected);
    if (link) {
      expect(link.confidence).toBeGreaterThanOrEqual(matcher.threshold);
      expect(link.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('scores an exact word above a misspelling of it', () => {
    const exact = matcher.match('aktiveringsgraden for ledige')?.confidence ?? 0;
    const slipped = matcher.match('aktiverinsgraden for ledige')?.confidence ?? 0;
    expect(exact).toBeGreaterThan(slipped);
    expect(slipped).toBeGreaterThan(0);
  });

  it('leaves a fact unlinked below the threshold, yet still reports its best guess in scores()', async () => {
    const strict = await createIndicatorMatcher({ threshold: 0.99 });
    expect(strict.match('aktiveringsgraden for ledige')).toBeNull();
    expect(strict.scores('aktiveringsgraden for ledige')[0]?.indicatorId).toBe('aktiveringsgrad');
  });

  it('does not let a short word match inside a compound ("plan" in "beskæftigelsesplan")', () => {
    expect(matcher.scores('Beskæftigelsesplanen for ledige').map((l) => l.indicatorId)).not.toContain('andel_med_jobmaal');
  });
});

describe('goal linking', () => {
  it('splits sentences but keeps "9. eller 10. klasse" and "pr. 1. januar" whole', () => {
    expect(sentences('Mindst 40 % skal vælge efter 9. eller 10. klasse. Tallet var 30 pr. 1. januar.')).toEqual([
      'Mindst 40 % skal vælge efter 9. eller 10. klasse.',
      'Tallet var 30 pr. 1. januar.',
    ]);
  });

  it('takes the indicator from the sentence that sets the target, not the background', () => {
    const text =
      'I 2028 skal mindst 85 % af de 25-årige have fuldført en ungdomsuddannelse. ' +
      'Sidste år stod 14 % af de unge hverken i uddannelse eller beskæftigelse.';
    expect(linkGoal(matcher, text, null)?.indicatorId).toBe('ungdomsuddannelse_gennemfoert');
  });

  it('falls back to the status text, with a lower confidence', () => {
    const link = linkGoal(matcher, 'Indsatsen skal styrkes i år.', 'Aktiveringsgraden steg til 41 procent.');
    expect(link?.indicatorId).toBe('aktiveringsgrad');
    expect(link?.confidence ?? 1).toBeLessThan(matcher.match('Aktiveringsgraden steg til 41 procent.')?.confidence ?? 0);
  });

  it('returns null when neither text names an indicator', () => {
    expect(linkGoal(matcher, 'Udvalget skal besøge to skoler.', 'Besøgene er gennemført.')).toBeNull();
  });
});

describe('compounds', () => {
  it('lets one compound stand for two phrase words ("ledighedsprocent" = ledighed + procent)', () => {
    expect(matcher.match('Ledighedsprocenten blandt fleksjobvisiterede')?.indicatorId).toBe('fleksjob_ledighed');
  });

  it('does not let a word that is one phrase word whole also be another phrase word’s compound part', () => {
    // "uddannelseshjælp" alone must not satisfy "fra uddannelseshjælp til uddannelse".
    expect(matcher.scores('Antallet af unge på uddannelseshjælp steg').map((l) => l.indicatorId)).not.toContain('uddannelseshjaelp_afgang');
    expect(matcher.match('unge, der går fra uddannelseshjælp til uddannelse')?.indicatorId).toBe('uddannelseshjaelp_afgang');
  });
});
