// The issuing municipality against the ones a text only mentions, and the basis recorded for it.
import { describe, expect, test } from 'vitest';
import { HEADER_ISSUER_EXAMPLES, headerLineIssuer } from '../../src/extract/meeting/issuing-municipality.js';
import { extractMeeting } from '../../src/extract/meeting/meeting.js';
import { contextFrom } from './pages.js';

describe('a header line naming the issuer', () => {
  test.each(HEADER_ISSUER_EXAMPLES)('$line → $code', ({ line, code }) => {
    expect(headerLineIssuer(line)?.code ?? null).toBe(code);
  });
});

describe('header, then path, then mentions', () => {
  const meeting = (path: string, text: string) => extractMeeting(contextFrom(path, text), () => undefined);

  test('a KL letter filed in Ballerup\'s archive is Ballerup\'s, though it names Greve Kommune three times', () => {
    const text = [
      'Til kommunalbestyrelsen',
      'Tilslutning til udbuddet',
      'KL udsendte et brev til alle kommuner om fælles udbud.',
      'Senest har Greve Kommune sendt et brev til alle borgmestre.',
      'I brevet fra Greve Kommune peges der på en anden model.',
      'I brevet fra Greve Kommune udtrykkes der også kritik.',
    ].join('\n');
    expect(meeting('arkiv/ballerup/bilag/kl-brev.pdf', text)).toMatchObject({ municipality: 'Ballerup Kommune', municipalityBasis: 'path' });
    // Without the archive's name the text's mentions are all there is.
    expect(meeting('bilag/kl-brev.pdf', text)).toMatchObject({ municipality: 'Greve Kommune', municipalityBasis: 'mention' });
  });

  test('a notat headed by its own municipality is that municipality\'s, whatever the path says', () => {
    const text = 'LYNGBY-TAARBÆK KOMMUNE\nCenter for Borgerservice\nNOTAT\nProjektet har fået tilbud fra København og Gentofte Kommune.';
    expect(meeting('arkiv/ballerup/notat.pdf', text)).toMatchObject({ municipality: 'Lyngby-Taarbæk Kommune', municipalityCode: 173, municipalityBasis: 'header' });
  });

  test('nothing to go on: no municipality and no basis', () => {
    expect(meeting('notat.pdf', 'Notat\nOm arkiverne.')).toMatchObject({ municipality: null, municipalityBasis: null });
  });
});
