// Vocabularies that turn the words around a figure into a context phrase naming what
// it measures: verbs of change and cost and their nouns ("steg med" → "stigning i …",
// "koster" → "… udgift"), expectation words ("ventes" → "forventet"), the measure
// nouns whose definite form is put in its citation form inside such phrases, and the
// verbs that end a sentence's subject. Data lists, not branches: extend the lists.

/** A verb of change before "med" + figure → the noun naming the change ("ændrede sig med 3 %" → "ændring i …"). */
export const CHANGE_NOUNS: Readonly<Record<string, string>> = {
  steg: 'stigning', stiger: 'stigning', stige: 'stigning', steget: 'stigning', stigende: 'stigning',
  øget: 'stigning', øges: 'stigning', øgedes: 'stigning', forøget: 'stigning', vokset: 'stigning', voksede: 'stigning',
  faldt: 'fald', falder: 'fald', falde: 'fald', faldet: 'fald',
  ændrede: 'ændring', ændret: 'ændring', ændres: 'ændring', ændrer: 'ændring',
  reduceret: 'reduktion', reduceres: 'reduktion', reducerede: 'reduktion', nedbragt: 'reduktion', nedbringes: 'reduktion',
};

/** A verb tying an amount to its subject → the noun naming the amount ("Projektet koster 3 mio. kr." → "Projektets udgift"). */
export const AMOUNT_VERB_NOUNS: Readonly<Record<string, string>> = {
  koster: 'udgift', kostede: 'udgift', koste: 'udgift',
  bidrage: 'bidrag', bidrager: 'bidrag', bidrog: 'bidrag',
  spare: 'besparelse', sparer: 'besparelse', sparede: 'besparelse',
  investere: 'investering', investerer: 'investering', investeres: 'investering', investerede: 'investering',
};

/** Words saying the figure is expected, not realised: the context then says "forventet". */
export const EXPECTATION_WORDS: readonly string[] = [
  'forventes', 'ventes', 'forventet', 'forventede', 'forventer', 'forventning', 'forventningen', 'skønnes', 'estimeres', 'prognosen',
];

/** Measure nouns (citation form) whose definite forms ("andelen", "antallet", "ledigheden") are reduced inside built phrases. */
export const MEASURE_NOUNS: readonly string[] = [
  'andel', 'antal', 'ledighed', 'grad', 'procent', 'frekvens', 'fravær', 'forbrug', 'udgift', 'niveau', 'tal', 'ændring',
  'varighed', 'ventetid', 'tilgang', 'afgang', 'besparelse', 'indtægt', 'rate', 'sats', 'gennemsnit',
];

/** Verbs that end a sentence's subject ("Andelen af ledige … skulle svare til"): auxiliaries and reporting verbs. */
export const SUBJECT_END_VERBS: readonly string[] = [
  'skal', 'skulle', 'er', 'var', 'blev', 'bliver', 'har', 'havde', 'kan', 'kunne', 'vil', 'ville', 'må', 'måtte', 'bør', 'burde',
  'ventes', 'forventes', 'viser', 'viste', 'giver', 'gav', 'koster', 'kostede', 'udgør', 'udgjorde', 'ligger', 'lå', 'endte',
  'steg', 'faldt', 'ændrede', 'medfører', 'betyder', 'forventer', 'skønnes', 'får', 'fik',
];

/** Prepositions that open a fronted adverbial ("Blandt de unge under 30 år er ledigheden …", "I hele landet var …"). */
export const FRONTING_PREPOSITIONS: readonly string[] = ['blandt', 'i', 'på', 'for', 'hos', 'inden', 'uden', 'ved'];

/** Words opening a clause that restates the clause before it ("…, hvilket svarer til 38,5 %", "…, finansieret af puljen på …"). */
export const RESTATING_CLAUSE = /^(?:hvilket|hvad|svarende|svarer|finansieret|finansieres|afsat|fordelt|dækket|betalt)\b/iu;

/** Generic measure words that name nothing on their own: "kommunens andel", "tallet", "Andelen endte". */
export const GENERIC_MEASURE_WORDS: readonly string[] = [
  'andel', 'andelen', 'tal', 'tallet', 'tallene', 'niveau', 'niveauet', 'resultat', 'resultatet', 'resultaterne', 'status',
  'endte', 'blev', 'var', 'er', 'nåede', 'landede', 'procent', 'procenten',
];

const CITATION = new RegExp(`^(\\p{L}*?)(${MEASURE_NOUNS.join('|')})(?:en|et|let|n|t|ne|erne|ene)?$`, 'iu');

/** "Andelen" → "andel", "antallet" → "antal", "Bruttoledigheden" → "bruttoledighed"; other words unchanged. */
export function citationForm(word: string): string {
  const m = CITATION.exec(word);
  if (!m) return word;
  return `${m[1] ?? ''}${m[2] ?? ''}`.toLowerCase();
}

/** A measure noun in any form: "andel", "Andelen", "bruttoledigheden", "besparelse". */
export function isMeasureNoun(word: string): boolean {
  return CITATION.test(word);
}

/** "Investeringscasen" → "Investeringscasens", "Udvalget" → "Udvalgets"; names ending in s/x/z take an apostrophe. */
export function genitive(word: string): string {
  return /[sxz]$/iu.test(word) ? `${word}'` : `${word}s`;
}

/** "det korrigerede budget" → "korrigeret budget": a definite adjective after den/det in its citation form. */
export function indefiniteAdjectives(text: string): string {
  return text.replace(/(?<![\p{L}])(?:den|det)\s+(\p{L}{3,}?)ede(?=\s+\p{L})/giu, (_m, stem: string) => `${stem}et`);
}
