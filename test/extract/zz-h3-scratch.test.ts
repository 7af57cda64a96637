import { it } from 'vitest';
import { extractPercentages } from '../../src/extract/percentages.js';
import { extractMoneyAmounts } from '../../src/extract/money.js';
import { contextFrom, noWarnings } from './pages.js';
const texts = [
  'Ambitionen var, at de langtidsledige højst skulle udgøre 15 pct. af de ledige. Opgørelsen viser, at andelen var 17,9 pct. mod 16,3 pct. på landsplan. Målet er ikke nået.',
  'Målet er, at mindst 70 procent af de unge under 25 år, der modtager uddannelseshjælp, er i gang med en uddannelse efter et år.',
  'Der var sat et mål om, at beskæftigelsesfrekvensen for flygtninge skulle stige med 3 procentpoint. Resultatet blev en stigning på 1,8 procentpoint, så målet er kun delvist nået.',
  'Andelen af sygedagpengeforløb, der varer mere end 52 uger, var 21,3 pct. i 1. kvartal 2025 mod 19,8 pct. i hele landet. Det er en stigning på 1,4 procentpoint i forhold til samme kvartal sidste år.',
  'Tre år efter ankomsten er 68 pct. af flygtningene i beskæftigelse eller uddannelse, mens landsgennemsnittet er 63 pct. Andelen i løntilskud viser en ændring på -2,1 procentpoint siden 2024.',
  'Til sammenligning var ledigheden 2,4 procent i kommunen og 2,8 procent i hele landet. Administrationen foreslår at afsætte kr. 1,1 mio. til en ekstra indsats for langtidsledige.',
  'Beskæftigelsesplan 2024 indeholder 10 mål. Ledigheden i Esbjerg var 3,1 % i december 2024 mod 2,9 % i hele landet.',
  'Forbruget pr. 31. marts udgør 363,2 mio. kr., svarende til 24,9 pct. af årets budget.',
  'Jobcentret foreslår tre indsatser, der skal nedbringe antallet af lange sygedagpengeforløb. De koster tilsammen 2.500.000 kr. i 2025, fordelt som vist i tabel 2.',
  'I 2023 investerede kommunen 2.500.000 kr. i en tidlig indsats for sygemeldte. Investeringen skulle give en nettobesparelse på mindst 4.000.000 kr. i 2024. Opgørelsen viser en besparelse på 3.150 t.kr., og målet er ikke indfriet.',
];
it('x', () => {
  for (const t of texts) {
    const ctx = contextFrom('doc.pdf', t);
    for (const p of extractPercentages(ctx, noWarnings)) console.log(`P ${p.raw} | ${p.scope} | ${p.context}`);
    for (const m of extractMoneyAmounts(ctx, noWarnings)) console.log(`M ${m.raw} | ${m.context}`);
  }
});
it('y', () => {
  const ctx = contextFrom('doc.pdf', 'I 2023 investerede kommunen 2.500.000 kr. i en tidlig indsats for sygemeldte. Investeringen\nskulle give en nettobesparelse på mindst 4.000.000 kr. i 2024. Opgørelsen viser en', 'besparelse på 3.150 t.kr., og målet er ikke indfriet.\nTil sammenligning var ledigheden 2,4 procent i kommunen.');
  for (const m of extractMoneyAmounts(ctx, noWarnings)) console.log(`M2 ${m.raw} | ${m.context}`);
});
