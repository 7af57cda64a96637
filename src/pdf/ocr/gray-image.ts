// An 8-bit grayscale raster as pdftoppm writes it (binary PGM, P5), and the quarter
// turns that bring a scanned page upright. Pure: buffers in, buffers out.

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major, one byte per pixel. */
  pixels: Uint8Array;
}

/** Reads a binary PGM with maxval 255 (what `pdftoppm -gray` writes). */
export function parsePgm(bytes: Uint8Array): GrayImage {
  const fields: string[] = [];
  let pos = 0;
  while (fields.length < 4) {
    while (pos < bytes.length && isSpace(bytes[pos] as number)) pos++;
    if (bytes[pos] === 0x23) {
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++; // comment line
      continue;
    }
    const start = pos;
    while (pos < bytes.length && !isSpace(bytes[pos] as number)) pos++;
    if (start === pos) break;
    fields.push(String.fromCharCode(...bytes.subarray(start, pos)));
  }
  const [magic, w, h, max] = fields;
  const width = Number(w);
  const height = Number(h);
  if (magic !== 'P5' || max !== '255' || !(width > 0) || !(height > 0)) {
    throw new Error(`not an 8-bit binary PGM (header ${JSON.stringify(fields.join(' '))})`);
  }
  const pixels = bytes.subarray(pos + 1, pos + 1 + width * height);
  if (pixels.length !== width * height) throw new Error(`PGM holds ${pixels.length} of ${width * height} pixels`);
  return { width, height, pixels };
}

export function encodePgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header, 0);
  out.set(image.pixels, header.length);
  return out;
}

export type QuarterTurn = 0 | 90 | 180 | 270;

/** Rotates clockwise by a quarter-turn multiple. */
export function rotateClockwise(image: GrayImage, degrees: QuarterTurn): GrayImage {
  if (degrees === 0) return image;
  const { width: w, height: h, pixels } = image;
  const out = new Uint8Array(w * h);
  if (degrees === 180) {
    for (let i = 0, n = w * h; i < n; i++) out[n - 1 - i] = pixels[i] as number;
    return { width: w, height: h, pixels: out };
  }
  // 90: the left column becomes the top row; 270: the right column does.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const target = degrees === 90 ? x * h + (h - 1 - y) : (w - 1 - x) * h + y;
      out[target] = pixels[y * w + x] as number;
    }
  }
  return { width: h, height: w, pixels: out };
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Half the size in each direction (2×2 pixels averaged): enough to tell a page's orientation, in a quarter of the time. */
export function halve(image: GrayImage): GrayImage {
  const width = Math.max(1, Math.floor(image.width / 2));
  const height = Math.max(1, Math.floor(image.height / 2));
  const out = new Uint8Array(width * height);
  const src = image.pixels;
  const w = image.width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 2 * y * w + 2 * x;
      const sum = (src[i] as number) + (src[i + 1] ?? 255) + (src[i + w] ?? 255) + (src[i + w + 1] ?? 255);
      out[y * width + x] = sum >> 2;
    }
  }
  return { width, height, pixels: out };
}
