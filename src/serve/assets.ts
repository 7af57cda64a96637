// The files the browser may load, by name: the workbench's own scripts and stylesheet, and the
// front-end libraries from node_modules (pdf.js, uPlot). A request names an entry of this map,
// never a path, so no URL reaches a file outside it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));
// From src/serve and from dist/serve alike, ../../src/serve/public is the same folder.
const PUBLIC = fileURLToPath(new URL('../../src/serve/public/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function assetFiles(): Map<string, string> {
  const pdfjs = packageDir('pdfjs-dist');
  const uplot = packageDir('uplot');
  return new Map([
    ['minutes.css', join(PUBLIC, 'minutes.css')],
    ['document.js', join(PUBLIC, 'document.js')],
    ['pdf-view.js', join(PUBLIC, 'pdf-view.js')],
    ['drawn-page.js', join(PUBLIC, 'drawn-page.js')],
    ['compare.js', join(PUBLIC, 'compare.js')],
    ['pdf.min.mjs', join(pdfjs, 'build', 'pdf.min.mjs')],
    ['pdf.worker.min.mjs', join(pdfjs, 'build', 'pdf.worker.min.mjs')],
    ['uPlot.esm.js', join(uplot, 'dist', 'uPlot.esm.js')],
    ['uPlot.min.css', join(uplot, 'dist', 'uPlot.min.css')],
  ]);
}

let files: Map<string, string> | undefined;

/** The asset's bytes and content type, or undefined for a name not in the list. */
export async function readAsset(name: string): Promise<{ body: Uint8Array; type: string } | undefined> {
  files ??= assetFiles();
  const file = files.get(name);
  if (!file) return undefined;
  const ext = name.slice(name.lastIndexOf('.'));
  return { body: await readFile(file), type: TYPES[ext] ?? 'application/octet-stream' };
}
