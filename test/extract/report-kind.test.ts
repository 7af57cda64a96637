// Kind first: a report or letter is told from an agenda before its committee, date and items are
// read; the vocabularies' own examples are the data these tests run over.
import { describe, expect, test } from 'vitest';
import { CASE_LABEL_EXAMPLES, isCaseLabelLine } from '../../src/extract/agenda/case-structure.js';
import { cleanCommitteeName, ROUTING_EXAMPLES } from '../../src/extract/meeting/committees.js';
import { extractFacts } from '../../src/extract/index.js';
import { extractMeeting } from '../../src/extract/meeting/meeting.js';
import { isReportTitleLine, REPORT_TITLE_EXAMPLES } from '../../src/extract/meeting/report-titles.js';
import type { Warning } from '../../src/schema/contract.js';
import { contextFrom } from './pages.js';

describe('vocabularies with their examples', () => {
  test.each(REPORT_TITLE_EXAMPLES)('report title "$line": $report', ({ line, report }) => {
    expect(isReportTitleLine(line)).toBe(report);
  });
  test.each(ROUTING_EXAMPLES)('routing words off "$text"', ({ text, committee }) => {
    expect(cleanCommitteeName(text)).toBe(committee);
  });
  test.each(CASE_LABEL_EXAMPLES)('case label "$line": $caseLabel', ({ line, caseLabel }) => {
    expect(isCaseLabelLine(line)).toBe(caseLabel);
  });
});

const CONTACT_BLOCK = ['SOCIAL, SUNDHED OG', 'BESKÆFTIGELSE', 'Dato: 19. november 2012', 'Tlf. dir.: 44773549', 'Kontakt: Mette Hansen', 'Sagsnr: 2011-29939', 'Dok.nr: 2012-202381'];

describe('a notat below a contact block', () => {
  const text = [...CONTACT_BLOCK, 'Notat', 'Processen for det nære sundhedsvæsen', '1. Indledning', 'Notatet beskriver processen.', '2. Baggrund', 'KL lancerede udspillet i marts.'].join('\n');

  test('is a report; its numbered sections are no agenda items', () => {
    const facts = extractFacts(contextFrom('bilag/notat.pdf', text));
    expect(facts.documentKind).toBe('report');
    expect(facts.agendaItems).toEqual([]);
  });

  test('its "Dato:" is its own date: kept as a guess, with meeting_date_uncertain', () => {
    const warnings: Warning[] = [];
    const facts = extractMeeting(contextFrom('bilag/notat.pdf', text), (w) => warnings.push(w));
    expect(facts).toMatchObject({ committee: null, meetingDate: '2012-11-19' });
    expect(warnings.map((w) => w.code)).toContain('meeting_date_uncertain');
  });

  test('addressed to a committee, the same "Dato:" is the meeting\'s, without a warning', () => {
    const warnings: Warning[] = [];
    const addressed = ['Notat', 'Til: Beskæftigelsesudvalget', 'Dato: 10. februar 2025', 'Emne: Målopfølgning'].join('\n');
    const facts = extractMeeting(contextFrom('notat.pdf', addressed), (w) => warnings.push(w));
    expect(facts).toMatchObject({ committee: 'Beskæftigelsesudvalget', meetingDate: '2025-02-10', documentKind: 'report' });
    expect(warnings.map((w) => w.code)).not.toContain('meeting_date_uncertain');
  });
});

describe('a letter or e-mail (kind other)', () => {
  test('its addressee is no meeting\'s committee and its send date no meeting date', () => {
    const warnings: Warning[] = [];
    const text = ['Fra: En Borger', 'Sendt: 26. august 2025 14:52', 'Emne: Før mødet i byrådssalen', 'Til Aarhus Byråd 26-08-2025', 'Kære byrådsmedlem', '1. Hvad forstås ved særbehandling?'].join('\n');
    const facts = extractFacts(contextFrom('bilag/henvendelse.pdf', text));
    const meeting = extractMeeting(contextFrom('bilag/henvendelse.pdf', text), (w) => warnings.push(w));
    expect(facts.documentKind).toBe('other');
    expect(facts.agendaItems).toEqual([]);
    expect(meeting.committee).toBeNull();
    expect(warnings.map((w) => w.code)).toContain('meeting_date_uncertain');
  });
});

describe('an excerpt of a referat that no header calls one', () => {
  test('keeps its agenda items: its cases carry case labels', () => {
    const text = ['7. Opfølgning på mål for 2025', 'Sagsfremstilling', 'Af de 2 mål er 2 nået.', 'Beslutning', 'Godkendt.', '8. Mål for 2026', 'Sagsfremstilling', 'Målene fastsættes.'].join('\n');
    const facts = extractFacts(contextFrom('referat.pdf', text));
    expect(facts.agendaItems.map((a) => a.number)).toEqual([7, 8]);
  });
});
