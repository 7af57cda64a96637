// File names are bytes; most are UTF-8, some (old archives, other code pages) are not.
// A name that is not UTF-8 is shown with its odd bytes as `\xNN` and read through its raw
// bytes, so it is found instead of failing with ENOENT under a mangled name.
import { resolve } from 'node:path';

/** One valid UTF-8 sequence, or (group 1) a byte that starts none, over a latin1 view of the bytes. */
const UTF8_OR_STRAY_BYTE =
  /[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}|([\x80-\xff])/g;

/** The name as text: UTF-8 decoded, each stray byte as `\xNN`. */
export function displayName(raw: Buffer): string {
  return raw.toString('latin1').replace(UTF8_OR_STRAY_BYTE, (sequence: string, stray: string | undefined) =>
    stray === undefined ? Buffer.from(sequence, 'latin1').toString('utf8') : `\\x${stray.charCodeAt(0).toString(16)}`,
  );
}

/** True when the bytes are the UTF-8 encoding of some text, so a string path reaches them. */
export function isUtf8Name(raw: Buffer): boolean {
  return Buffer.from(raw.toString('utf8'), 'utf8').equals(raw);
}

/** Paths shown as text → the raw bytes to open them by; only names that are not UTF-8 are listed. */
export type RawPaths = ReadonlyMap<string, Buffer>;

/** The same paths made absolute (the raw bytes too), for workers that run in another folder. */
export function absoluteRawPaths(raw: RawPaths): Map<string, Buffer> {
  const cwd = Buffer.from(`${process.cwd()}/`);
  return new Map([...raw].map(([path, bytes]) => [resolve(path), bytes[0] === 0x2f ? bytes : Buffer.concat([cwd, bytes])]));
}

/** What to hand to `fs` for a path that may have come from a non-UTF-8 name. */
export function openable(path: string, raw: RawPaths | undefined): string | Buffer {
  return raw?.get(path) ?? path;
}
