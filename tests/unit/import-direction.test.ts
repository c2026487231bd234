/**
 * Which part of src/ may import which (ARCHITECTURE.md): the model (with the shared vocabulary, model/vocabulary.ts)
 * is at the bottom; the strings (src/i18n) and the URL state read the model only, the data checks the model and the
 * strings; the look (src/look) is below every painter; MapLibre (src/map), the 2D painter (src/paint2d) and the
 * panels (src/ui) do not reach into one another. Tests may cross these lines; the app's modules may not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

const RULES: Record<string, readonly string[]> = {
  look: ['map', 'paint2d', 'ui', 'first-view'],
  model: ['state', 'i18n', 'data', 'look', 'map', 'paint2d', 'ui', 'first-view'],
  i18n: ['state', 'data', 'look', 'map', 'paint2d', 'ui', 'first-view'],
  state: ['i18n', 'data', 'look', 'map', 'paint2d', 'ui', 'first-view'],
  data: ['state', 'look', 'map', 'paint2d', 'ui', 'first-view'],
  map: ['paint2d', 'ui', 'first-view'],
  paint2d: ['map', 'ui', 'first-view'],
  ui: ['map', 'paint2d', 'first-view'],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The parts of src/ a module imports from (static, dynamic and type-only imports alike). */
function importedParts(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
  return specifiers.map((s) => relative(SRC, resolve(dirname(file), s)).split('/')[0]);
}

describe('import direction', () => {
  it('reads the imports (the panels read the look)', () => {
    expect(importedParts(join(SRC, 'ui/Legend.tsx'))).toEqual(expect.arrayContaining(['look', 'model', 'i18n']));
  });

  it.each(Object.entries(RULES))('src/%s imports none of %j', (part, forbidden) => {
    const crossings = sources(join(SRC, part)).flatMap((file) =>
      importedParts(file)
        .filter((imported) => forbidden.includes(imported))
        .map((imported) => `${relative(SRC, file)} → ${imported}`),
    );
    expect(crossings).toEqual([]);
  });
});
