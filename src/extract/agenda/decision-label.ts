// Recognises the label that opens a decision block ("Beslutning", "Beslutninger",
// "Økonomiudvalgets beslutning den 12. marts 2024", "Beslutning i Byrådet den …")
// and tells it from prose that happens to start with "Beslutning i …".
import { cleanCommitteeName, isCommitteeName } from '../meeting/committees.js';
import { parseDanishDate } from '../meeting/danish-dates.js';
import { DECISION_LABEL } from '../common/patterns.js';

/** Longest line still read as a label. */
const MAX_LABEL_LENGTH = 110;

/** The label's inline decision text ('' when the decision starts on the next line), or null when the line is no label. */
export function readDecisionLabel(line: string): { inline: string } | null {
  // Tabs separate a label from its text in table layouts ("Beslutning\tGodkendt."), so they stay.
  const text = line.replace(/[ \u00a0\r\n]+/gu, ' ').trim();
  if (text.length > MAX_LABEL_LENGTH) return null;
  const m = DECISION_LABEL.exec(text);
  if (!m) return null;
  const tail = (m.groups?.['tail'] ?? '').trim();
  if (tail !== '' && parseDanishDate(tail) === null && !isCommitteeName(cleanCommitteeName(tail.replace(/^(?:i|fra|på)\s+/iu, '')))) {
    return null;
  }
  return { inline: m.groups?.['inline']?.trim() ?? '' };
}
