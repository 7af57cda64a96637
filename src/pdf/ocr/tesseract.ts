// Tesseract as a bounded child: which languages it has, the orientation of a page
// image (OSD) and the words on it as TSV. The image goes in on stdin as PGM.
import { encodePgm, type GrayImage, type QuarterTurn } from './gray-image.js';
import { runBounded, type BoundedChildOptions } from './bounded-child.js';

/** One thread per child: the pool already runs one document per core. */
const ENV = { OMP_THREAD_LIMIT: '1' };

export type ChildLimits = Pick<BoundedChildOptions, 'timeoutMs' | 'memoryBytes'>;

/** The languages tesseract can read (`--list-langs`), or null when it is not installed. */
export async function tesseractLanguages(): Promise<string[] | null> {
  try {
    const { stdout } = await runBounded('tesseract', ['--list-langs'], {
      timeoutMs: 10_000,
      memoryBytes: 512 * 1024 * 1024,
      maxOutputBytes: 64 * 1024,
    });
    return stdout
      .toString('utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim())
      .filter((line) => line !== '');
  } catch {
    return null;
  }
}

/**
 * The clockwise quarter turn that makes the page upright, from tesseract's OSD
 * ("Rotate: 90"); 0 when OSD finds too few letters to tell (a photo, a near-empty page).
 */
export async function uprightTurn(image: GrayImage, dpi: number, limits: ChildLimits): Promise<QuarterTurn> {
  try {
    const { stdout } = await runBounded('tesseract', ['stdin', 'stdout', '--psm', '0', '--dpi', String(dpi)], {
      ...limits,
      maxOutputBytes: 64 * 1024,
      env: ENV,
      input: encodePgm(image),
    });
    return parseOsdRotation(stdout.toString('utf8'));
  } catch {
    return 0;
  }
}

export function parseOsdRotation(osd: string): QuarterTurn {
  const turn = Number(/^Rotate:\s*(\d+)/m.exec(osd)?.[1]);
  return turn === 90 || turn === 180 || turn === 270 ? turn : 0;
}

/** Tesseract's TSV (level, page, block, par, line, word, box, conf, text) for an upright page image. */
export async function recogniseTsv(image: GrayImage, dpi: number, language: string, limits: ChildLimits): Promise<string> {
  const { stdout } = await runBounded(
    'tesseract',
    // No second pass for white-on-black text: it costs about a third of the time and scans are black on white.
    ['stdin', 'stdout', '-l', language, '--psm', '3', '--dpi', String(dpi), '-c', 'tessedit_do_invert=0', 'tsv'],
    { ...limits, maxOutputBytes: 32 * 1024 * 1024, env: ENV, input: encodePgm(image) },
  );
  return stdout.toString('utf8');
}
