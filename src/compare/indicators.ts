// The canonical indicators of the Danish employment field, as data.
// Each phrase is a conjunction of words (after stop words are dropped and every word
// is stemmed); an indicator links a text when any of its phrases is found in it.
// Compound words are handled by the matcher ("ledighedsprocenten" holds "ledighed"
// and "procent"), so phrases name the parts, not every compound.
import { z } from 'zod';
import { Unit } from '../schema/contract.js';

export const IndicatorDefinition = z.object({
  /** Stable snake-case id used on the command line and in exports. */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Danish label for tables. */
  label: z.string().min(1),
  /** The unit the indicator is usually reported in. */
  unit: Unit,
  /** Phrases and synonyms naming the indicator; each is matched as a whole. */
  phrases: z.array(z.string().min(1)).min(1),
  /** Phrases that veto the indicator even when one of its phrases is found. */
  excludes: z.array(z.string().min(1)).default([]),
});
export type IndicatorDefinition = z.input<typeof IndicatorDefinition>;
export type Indicator = z.output<typeof IndicatorDefinition>;

const DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    id: 'aktiveringsgrad',
    label: 'Aktiveringsgrad',
    unit: 'percent',
    phrases: ['aktiveringsgrad', 'aktiveringsprocent', 'andel i aktivering', 'aktiveringsandel'],
  },
  {
    id: 'ledighedsprocent',
    label: 'Fuldtidsledige i pct. af arbejdsstyrken',
    unit: 'percent',
    phrases: [
      'ledighedsprocent',
      'fuldtidsledige arbejdsstyrken',
      'ledige procent arbejdsstyrken',
      'ledigheden arbejdsstyrken',
      'bruttoledighed',
      'nettoledighed',
    ],
    excludes: ['fleksjob', 'ledighedsydelse', 'fleksjobvisiterede'],
  },
  {
    id: 'helaarspersoner_offentlig_forsoergelse',
    label: 'Helårspersoner / fuldtidspersoner på offentlig forsørgelse',
    unit: 'persons',
    phrases: [
      'helårspersoner',
      'fuldtidspersoner',
      'personer på offentlig forsørgelse',
      'borgere på offentlig forsørgelse',
      'offentligt forsørgede',
      'antal på offentlig forsørgelse',
    ],
    excludes: ['forventede andel', 'forventet antal', 'resultatmål'],
  },
  {
    id: 'andel_med_jobmaal',
    label: 'Andel ledige med jobmål / plan',
    unit: 'percent',
    phrases: ['jobmål', 'plan for ledige', 'foreligge plan', 'plan for indsats', 'plan med beskæftigelsesmål', 'beskæftigelsesmål styrkeområde', 'jobplan'],
  },
  {
    id: 'uddannelsestilbud_andel',
    label: 'Uddannelsestilbud som andel af alle tilbud',
    unit: 'percent',
    phrases: ['uddannelsestilbud', 'uddannelsesrettede tilbud', 'opkvalificeringstilbud andel', 'tilbud om opkvalificering andel'],
  },
  {
    id: 'voksenelevaftaler',
    label: 'Voksenelevaftaler (voksenlærlinge)',
    unit: 'count',
    phrases: ['voksenelevaftaler', 'voksenelever', 'voksenlærlinge', 'voksenlærlingeaftaler', 'voksenlærlingeforløb'],
  },
  {
    id: 'jobformidlinger',
    label: 'Jobformidlinger pr. måned',
    unit: 'count',
    phrases: ['jobformidlinger', 'jobformidlingsopgaver', 'formidlingsopgaver', 'formidlinger til job', 'formidlede job'],
  },
  {
    id: 'samarbejdsgrad',
    label: 'Virksomhedssamarbejde: samarbejdsgrad',
    unit: 'percent',
    phrases: ['samarbejdsgrad', 'virksomheder samarbejder med jobcentret andel', 'andel virksomheder samarbejde', 'virksomhedssamarbejde andel'],
  },
  {
    id: 'nye_virksomhedssamarbejder',
    label: 'Nye virksomhedssamarbejder',
    unit: 'count',
    phrases: ['samarbejde nye virksomheder', 'nye virksomhedssamarbejder', 'nye samarbejdsaftaler virksomheder', 'nye virksomhedsaftaler'],
  },
  {
    id: 'danskuddannelse_bestaaelse',
    label: 'Beståelsesprocent på danskuddannelse',
    unit: 'percent',
    phrases: ['beståelsesprocent', 'bestået prøve danskuddannelse', 'danskprøve bestået', 'prøve i dansk bestået', 'bestået danskprøven'],
  },
  {
    id: 'danskuddannelse_gennemloebstid',
    label: 'Gennemløbstid på danskuddannelse',
    unit: 'lessons',
    phrases: ['gennemløbstid', 'gennemløbshastighed', 'danskuddannelse lektioner', 'gennemførelsestid danskuddannelse'],
  },
  {
    id: 'sygedagpenge_langvarige',
    label: 'Sygedagpengesager over 52/53 uger',
    unit: 'count',
    phrases: [
      'sygedagpengesager 52 uger',
      'sygedagpengesager 53 uger',
      'sygedagpenge 52 uger',
      'sygedagpenge 53 uger',
      'langvarige sygedagpengesager',
      'langvarige sygedagpengeforløb',
      'sygemeldte 52 uger',
    ],
  },
  {
    id: 'sygedagpenge_varighed',
    label: 'Sygedagpenge: varighed og antal forløb',
    unit: 'persons',
    phrases: ['antal sygedagpengemodtagere', 'sygedagpengeforløb varighed', 'antal sygedagpengesager', 'varighed sygedagpenge', 'helårspersoner på sygedagpenge'],
    excludes: ['52 uger', '53 uger', 'langvarige'],
  },
  {
    id: 'jobafklaring',
    label: 'Jobafklaringsforløb',
    unit: 'persons',
    phrases: ['jobafklaring', 'jobafklaringsforløb', 'ressourceforløb'],
  },
  {
    id: 'fleksjob_ledighed',
    label: 'Ledighed blandt fleksjobvisiterede (ledighedsydelse)',
    unit: 'percent',
    phrases: [
      'ledighedsprocent fleksjob',
      'ledighedsprocent ledighedsydelse',
      'ledighed fleksjobordningen',
      'ledige fleksjobvisiterede',
      'fleksjobledighed',
      'ledighedsydelsesmodtagere andel fleksjobvisiterede',
    ],
  },
  {
    id: 'fleksjob_antal',
    label: 'Personer i fleksjob',
    unit: 'persons',
    phrases: ['personer i fleksjob', 'fleksjobansatte', 'ansat i fleksjob', 'antal fleksjob', 'småjob fleksjob'],
    excludes: ['ledighed', 'ledighedsydelse', 'ledige'],
  },
  {
    id: 'star_fokusmaal_samtaler',
    label: 'STAR fokusmål: mindst fire samtaler på 12 måneder',
    unit: 'percent',
    phrases: ['fire samtaler', '4 samtaler', 'samtaler seneste 12 måneder', 'fokusmål samtaler'],
  },
  {
    id: 'star_fokusmaal_225_timer',
    label: 'STAR fokusmål: 225 timers beskæftigelse eller tilbud på 12 måneder',
    unit: 'percent',
    phrases: ['225 timer', '225 timers beskæftigelse', 'fokusmål beskæftigelsesrettet tilbud'],
  },
  {
    id: 'star_resultatmaal',
    label: 'STAR resultatmål: faktisk mod forventet andel på offentlig forsørgelse',
    unit: 'percent',
    phrases: ['forventede andel offentlig forsørgelse', 'faktiske andel forventede', 'resultatmål forsørgelse', 'flere end forventet offentlig forsørgelse', 'forventet antal offentlig forsørgelse'],
  },
  {
    id: 'unge_valg_erhvervsuddannelse',
    label: 'Unges valg af erhvervsuddannelse efter 9./10. klasse',
    unit: 'percent',
    phrases: ['vælge erhvervsuddannelse', 'valgt erhvervsuddannelse', 'søgning erhvervsuddannelser', 'søger erhvervsuddannelse', 'erhvervsuddannelse efter 9 klasse', 'eud søgning'],
  },
  {
    id: 'unge_valg_gymnasial',
    label: 'Unges valg af gymnasial uddannelse efter 9./10. klasse',
    unit: 'percent',
    phrases: ['vælge gymnasial uddannelse', 'valgt gymnasial uddannelse', 'søgning gymnasiale uddannelser', 'søger gymnasiet', 'gymnasial uddannelse efter 9 klasse'],
  },
  {
    id: 'uddannelseshjaelp_uddannelsesparate',
    label: 'Uddannelseshjælp: andel uddannelsesparate',
    unit: 'percent',
    phrases: ['uddannelsesparate', 'uddannelsesparate unge', 'uddannelseshjælp uddannelsesparate', 'uddannelsesparate uddannelseshjælpsmodtagere'],
    // Survey subgroups ("borgere, der er uddannelsesparate") are not the share on uddannelseshjælp.
    excludes: ['borgere', 'borgerne', 'jobparate'],
  },
  {
    id: 'uddannelseshjaelp_aktivitetsparate',
    label: 'Uddannelseshjælp: andel aktivitetsparate unge',
    unit: 'percent',
    phrases: ['aktivitetsparate', 'aktivitetsparate unge', 'uddannelseshjælp aktivitetsparate', 'aktivitetsparate uddannelseshjælpsmodtagere'],
    excludes: ['borgere', 'borgerne', 'jobparate', 'kontanthjælp'],
  },
  {
    id: 'uddannelseshjaelp_afgang',
    label: 'Unge i job eller uddannelse efter uddannelseshjælp',
    unit: 'percent',
    phrases: ['afsluttet forløb uddannelseshjælp', 'uddannelseshjælp job uddannelse', 'afgang fra uddannelseshjælp', 'fra uddannelseshjælp til uddannelse'],
  },
  {
    id: 'ungdomsuddannelse_gennemfoert',
    label: 'Unge med gennemført ungdomsuddannelse (25-årige)',
    unit: 'percent',
    phrases: ['gennemført ungdomsuddannelse', 'fuldført ungdomsuddannelse', 'har ungdomsuddannelse', '25-årige ungdomsuddannelse', 'ungdomsuddannelse 25 år'],
  },
  {
    id: 'unge_uden_uddannelse_job',
    label: 'Unge uden uddannelse og uden job',
    unit: 'percent',
    phrases: [
      'hverken uddannelse beskæftigelse',
      'uden ungdomsuddannelse tilknytning arbejdsmarkedet',
      'ikke uddannelse tilknytning arbejdsmarkedet',
      'unge uden job uddannelse',
    ],
  },
  {
    id: 'unge_paabegyndt_uddannelse',
    label: 'Unge i indsats der påbegynder uddannelse eller job',
    unit: 'percent',
    phrases: ['påbegynder ungdomsuddannelse', 'påbegyndt ungdomsuddannelse', 'påbegyndte uddannelse', 'fgu uddannelse', 'overgang fgu', 'fgu til uddannelse'],
  },
  {
    id: 'brugertilfredshed',
    label: 'Brugertilfredshed i jobcentret',
    unit: 'percent',
    phrases: ['brugertilfredshed', 'brugerundersøgelse', 'tilfredshedsscore', 'tilfredse forløb jobcenteret', 'tilfredse meget tilfredse', 'borgertilfredshed'],
  },
  {
    id: 'igu_forloeb',
    label: 'IGU-forløb (integrationsgrunduddannelse)',
    unit: 'count',
    phrases: ['igu pladser', 'igu forløb', 'integrationsgrunduddannelse', 'igu'],
  },
  {
    id: 'flygtninge_beskaeftigelse',
    label: 'Flygtninge og familiesammenførte i beskæftigelse',
    unit: 'percent',
    phrases: ['flygtninge beskæftigelse', 'familiesammenførte beskæftigelse', 'flygtninge selvforsørgende', 'beskæftigelsesfrekvens flygtninge', 'integrationsborgere job'],
  },
  {
    id: 'afgoerelser_inden_for_frist',
    label: 'Afgørelser inden for servicemål eller lovens frist',
    unit: 'percent',
    phrases: ['afgørelse servicemål', 'afgørelse tidsrammen', 'sagsbehandlingstid', 'afgørelser inden frist'],
  },
  {
    id: 'rehabiliteringsteam_sager',
    label: 'Sager i rehabiliteringsteamet',
    unit: 'count',
    phrases: ['rehabiliteringsteamet', 'rehabiliteringsteam sager', 'revurdering rehabiliteringsteamet'],
  },
  {
    id: 'foertidspension_tilkendelser',
    label: 'Tilkendelser af førtidspension',
    unit: 'persons',
    phrases: ['tilkendte førtidspensioner', 'tilkendelser førtidspension', 'førtidspensionstilkendelser', 'tilkendt førtidspension'],
  },
  {
    id: 'langtidsledighed',
    label: 'Langtidsledige',
    unit: 'persons',
    phrases: ['langtidsledige', 'langtidsledighed', 'langvarig ledighed', 'langvarigt ledige'],
  },
  {
    id: 'loennede_timer',
    label: 'Ydelsesmodtagere med lønnede timer',
    unit: 'percent',
    phrases: ['lønnede timer', 'ordinære timer ydelsesmodtagere', 'ordinær beskæftigelse timer'],
    excludes: ['225'],
  },
  {
    id: 'virksomhedsrettet_aktivering',
    label: 'Andel virksomhedsrettede tilbud (praktik og løntilskud)',
    unit: 'percent',
    phrases: ['virksomhedsrettede tilbud', 'virksomhedsrettet aktivering', 'virksomhedspraktik løntilskud', 'virksomhedsrettet indsats andel'],
  },
  {
    id: 'beskaeftigelsesfrekvens',
    label: 'Beskæftigelsesfrekvens',
    unit: 'percent',
    phrases: ['beskæftigelsesfrekvens', 'beskæftigelsesgrad', 'andel i beskæftigelse', 'erhvervsfrekvens'],
    excludes: ['flygtninge', 'familiesammenførte', 'ungdomsuddannelse'],
  },
  {
    id: 'besparelse_forsoergelse',
    label: 'Besparelse på forsørgelse og beskæftigelsesindsats',
    unit: 'dkk',
    phrases: ['besparelse', 'mindreforbrug forsørgelse', 'investeringscase besparelse', 'økonomisk gevinst investering'],
  },
  {
    id: 'raaderum_bidrag',
    label: 'Bidrag til budgettets politiske råderum',
    unit: 'dkk',
    phrases: ['råderum', 'råderumspulje', 'politisk råderum'],
  },
];

/** The taxonomy, validated once when the module loads (a typo in a phrase list fails fast). */
export const INDICATORS: readonly Indicator[] = Object.freeze(
  DEFINITIONS.map((d) => Object.freeze(IndicatorDefinition.parse(d))),
);

export function findIndicator(id: string): Indicator | undefined {
  return INDICATORS.find((i) => i.id === id);
}
