// Contexts named by a noun the clause implies: a dated "er der <participle>", a share stated by its
// subject, a verb of covering, a comparison after an amount, a proposal, a relative clause on the noun
// before its comma, a change with a when between verb and "med", a verb before its subject, a unit price,
// a reporting subject with adjectives, and a proposed application. Own Danish examples.
import { describe, expect, test } from 'vitest';
import { extractMoneyAmounts } from '../../src/extract/figures/money.js';
import { extractPercentages } from '../../src/extract/figures/percentages.js';
import { contextFrom, noWarnings } from './pages.js';

const percents = (text: string): string[] => extractPercentages(contextFrom('sag.pdf', text), noWarnings).map((p) => p.context);
const amounts = (text: string): string[] => extractMoneyAmounts(contextFrom('sag.pdf', text), noWarnings).map((m) => m.context);

describe('clause shapes that imply the measured noun', () => {
  test('a dated "er der <participle>" names the use and the date', () => {
    expect(percents('Pr. 30. juni er der brugt 48,5 pct. af rammen til hjælpemidler.')).toEqual(['forbrug af rammen til hjælpemidler pr 30 juni']);
    const text = 'Pr. 30. september er der disponeret 610.000 kr., svarende til 61 % af bevillingen.';
    expect(amounts(text)).toEqual(['disponeret pr 30 september']);
    // The share restates the amount against what follows "af".
    expect(percents(text)).toEqual(['disponeret pr 30 september i forhold til bevillingen']);
  });

  test('a share stated by its subject', () => {
    expect(percents('De afsluttede sager svarer til 40 pct. af sagerne i kvartalet.')).toEqual(['andel af sagerne i kvartalet der er afsluttet']);
    expect(percents('Merudgiften svarer til 1,1 pct. af budgettet.')).toEqual(['merudgift i forhold til budgettet']);
  });

  test('a verb of covering names the share with its noun', () => {
    expect(percents('Fonden dækker 75 procent af projektudgiften.')).toEqual(['Fondens dækning af projektudgiften']);
  });

  test('an amount compared with an earlier period is a change of the subject', () => {
    expect(amounts('Pr. 31. august er udgifterne til tolkning 0,8 mio. kr. højere end sidste år.')).toEqual(['stigning i udgifterne til tolkning pr 31 august']);
  });

  test('a proposal names the amount by its noun and the proposed passive', () => {
    expect(amounts('Forvaltningen foreslår, at underskuddet på 1,6 mio. kr. dækkes af den centrale pulje.')).toEqual(['underskuddet der foreslås dækket']);
  });

  test('a relative clause without a noun of its own measures the noun before its comma', () => {
    expect(amounts('Beløbet indgår i rammen til beskæftigelsesindsatsen, som samlet er på ca. 640 mio. kr.')).toEqual(['beskæftigelsesindsatsen']);
  });
});

describe('changes, inverted verbs, unit prices, reports and applications', () => {
  test('a when between the verb of change and "med" narrows the change', () => {
    expect(percents('Antallet af borgere i fleksjob steg i efteråret med 3,2 pct. i forhold til året før.')).toEqual(['stigning i antal af borgere i fleksjob i efteråret']);
  });

  test('a connective is no measure; a change since a dated month says so', () => {
    expect(percents('Sygefraværet var 5,1 pct. i juni. Fraværet er derfor faldet med 0,6 procentpoint siden juni 2023.')).toEqual(['Sygefraværet i juni', 'fald i fravær siden juni 2023']);
  });

  test('a verb of spending before its subject names the amount by its noun and object', () => {
    expect(amounts('I 2025 investerede byrådet 3,5 mio. kr. i et nyt mentorforløb for unge ledige.')).toEqual(['investering i et nyt mentorforløb for unge ledige']);
  });

  test('one unit that costs on average has an average price', () => {
    expect(amounts('Et praktikforløb koster i gennemsnit 8.400 kr. pr. borger.')).toEqual(['gennemsnitlig pris for et praktikforløb pr borger']);
  });

  test('a reporting subject with adjectives hands the amount to the previous subject', () => {
    const found = amounts('Projektet skulle give en besparelse på 2,0 mio. kr. Den samlede opgørelse for 2025 viser en besparelse på 1.750 t.kr.');
    expect(found[1]).toBe('besparelse af projektet');
  });

  test('a proposed application ("foreslår at søge") is an "ansøgning"', () => {
    expect(amounts('Jobcentret foreslår at søge 900.000 kr. til to virksomhedskonsulenter.')).toEqual(['ansøgning om tilskud til to virksomhedskonsulenter']);
  });
});

describe('a noun after an article, a clause pointing back to the subject, an amount before a line break', () => {
  test('a noun after "en" is no lone participle: the long subject does not replace it', () => {
    expect(amounts('Fonden for Social Udvikling og Inklusion har oprettet en udviklingspulje på 25 mio. kr. til lokale partnerskaber.')).toEqual([
      'udviklingspulje lokale partnerskaber',
    ]);
  });

  test('"…, og området ventes at give …" takes the sentence subject', () => {
    expect(amounts('Tilgangen til ressourceforløb er mindre end ventet, og området ventes at give et mindreforbrug på 1.900 t.kr.')).toEqual([
      'forventet mindreforbrug Tilgangen til ressourceforløb',
    ]);
  });

  test('an amount ending a line does not end the sentence when the next line goes on in lower case', () => {
    expect(amounts('Fonden for Social Udvikling og Inklusion har oprettet en udviklingspulje på 25 mio. kr.\ntil lokale partnerskaber om job.')).toEqual([
      'udviklingspulje lokale partnerskaber om job',
    ]);
  });
});
