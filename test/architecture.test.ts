// The import rules of ARCHITECTURE.md, checked on the source: no cycles, and the
// pure layers (schema, pdf, text, extract) never reach into the layers that do I/O.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return listTs(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Runtime (non-type) relative imports of a file, resolved to .ts paths. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  const pattern = /^\s*(import|export)\s+(?!type\b)[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm;
  for (const m of source.matchAll(pattern)) specifiers.push((m[2] ?? m[3]) as string);
  return specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
}

const files = listTs(srcDir);
const graph = new Map(files.map((f) => [f, runtimeImports(f).filter((t) => files.includes(t))]));
const layerOf = (file: string): string => relative(srcDir, file).split('/')[0] ?? '';

describe('architecture', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('has no import cycles', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(srcDir, f)).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the pure layers free of I/O layers', () => {
    const pure = new Set(['schema', 'pdf', 'text', 'extract']);
    const io = new Set(['pipeline', 'store', 'compare', 'queue', 'serve', 'cli']);
    const violations: string[] = [];
    for (const [file, targets] of graph) {
      if (!pure.has(layerOf(file))) continue;
      for (const t of targets) if (io.has(layerOf(t))) violations.push(`${relative(srcDir, file)} → ${relative(srcDir, t)}`);
    }
    expect(violations).toEqual([]);
  });

  it('lets schema import nothing but zod and itself', () => {
    const violations = [...graph]
      .filter(([file]) => layerOf(file) === 'schema')
      .flatMap(([file, targets]) => targets.filter((t) => layerOf(t) !== 'schema').map((t) => `${relative(srcDir, file)} → ${relative(srcDir, t)}`));
    expect(violations).toEqual([]);
  });
});
