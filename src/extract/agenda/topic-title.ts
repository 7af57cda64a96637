// Agenda systems print many titles as "Topic: subject" ("Høring: Ny affaldsplan 2027-2032",
// "Orientering: Status på klimaplanen"). Some topic words are also the labels of a case's
// sections ("Høring:" over the consultation, "Økonomi:" over the costs), so such a title
// standing on the line after a bare "Sag nr. 14" was taken for a section. A section label's
// inline text is a sentence ("Høring: Ældrerådet har ingen bemærkninger."); a title's is a
// short name without a full stop.

/** Topic words that open a title as well as a section; field labels (Sagsnr., Sagsbehandler, Afbud) are never titles. */
const TOPIC_WORDS = ['høring', 'orientering', 'økonomi', 'tidsplan', 'kommunikation', 'vurdering', 'baggrund', 'indledning', 'formål', 'lovgrundlag', 'procesplan', 'temadrøftelse', 'drøftelse'];

const TOPIC_TITLE = new RegExp(`^(?:${TOPIC_WORDS.join('|')})\\s*:\\s*(?<subject>[\\p{Lu}\\p{N}].*)$`, 'iu');

/** Most words of a title's subject after its topic word. */
const MAX_SUBJECT_WORDS = 12;

/** True when the line is a "Topic: subject" title rather than a section label with its text. */
export function isTopicTitle(text: string): boolean {
  const subject = TOPIC_TITLE.exec(text.replace(/\s+/gu, ' ').trim())?.groups?.['subject']?.trim();
  if (!subject) return false;
  // A sentence ends in a full stop or holds one before a capital; a title's year range or "pr. 30. juni" does not.
  if (/\p{L}\.$/u.test(subject) || /\p{Ll}{2}\.\s+\p{Lu}/u.test(subject)) return false;
  return subject.split(/\s+/u).length <= MAX_SUBJECT_WORDS;
}

/** Lines after a bare item number, as data: is the line the item's title? */
export const TOPIC_TITLE_EXAMPLES: readonly { line: string; title: boolean }[] = [
  { line: 'Høring: Ny affaldsplan 2027-2032', title: true },
  { line: 'Orientering: Status på klimaplanen', title: true },
  { line: 'Økonomi: Anlægsoverførsler fra 2025 til 2026', title: true },
  { line: 'Høring: Ældrerådet har ingen bemærkninger til forslaget.', title: false },
  { line: 'Økonomi: Udgiften afholdes inden for rammen.', title: false },
  { line: 'Sagsbehandler: Mette Holm', title: false },
  { line: 'Høring:', title: false },
];
