// Colour names a verdict legend may define ("Grøn = målet er nået", "Blå: i gang"):
// the colours of status lamps in Danish follow-ups, in both genders.
export const LEGEND_COLOURS: readonly string[] = [
  'grøn', 'grønt', 'gul', 'gult', 'rød', 'rødt', 'blå', 'blåt', 'grå', 'gråt', 'orange', 'hvid', 'hvidt', 'sort', 'sorte', 'lilla', 'lyserød',
];
