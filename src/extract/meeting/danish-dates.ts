// Danish dates as minutes print them ("14-05-2024", "19. marts 2020", "1. dec. 2022", "20/7 2021") → ISO.
import { DANISH_DATE, DANISH_MONTHS } from '../common/patterns.js';

/** Parses the first Danish date in text to YYYY-MM-DD, or null (also for impossible dates). */
export function parseDanishDate(text: string): string | null {
  const m = DANISH_DATE.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  const day = Number(g['d1'] ?? g['d2'] ?? g['d3'] ?? g['d4']);
  const numericMonth = g['m1'] ?? g['m3'] ?? g['m4'];
  const month = numericMonth !== undefined ? Number(numericMonth) : (DANISH_MONTHS[(g['m2'] ?? '').toLowerCase()] ?? 0);
  const year = Number(g['y1'] ?? g['y2'] ?? g['y3'] ?? g['y4']);
  if (!(day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1970 && year <= 2100)) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
