/**
 * Writes the first view into the built index.html (first-view.ts) with the script that reveals it (reveal.ts).
 * Build only: the dev server serves index.html without it, and the app starts from its 2D frame as before.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { OutputChunk } from 'rolldown';
import { tsImport } from 'tsx/esm/api';
import type * as CheckFormat from '../data/check-format';
import type * as FirstView from './first-view';

/** Where index.html wants the first view: inside the map's container. */
const MARKER = '<!--first-view-->';
const REVEAL_ENTRY = fileURLToPath(new URL('./reveal.ts', import.meta.url));
const REVEAL_NAME = 'first-view';

/**
 * The app's own modules, loaded when the page is built: imported by vite.config.ts they would be bundled into the
 * config, whose loader asks for file extensions the app's imports do not write.
 */
const appModule = <T>(path: string) => tsImport(fileURLToPath(new URL(path, import.meta.url)), import.meta.url) as Promise<T>;

/** The first view's markup from the data files, checked as the app checks them: a malformed one fails the build. */
async function firstViewFromData(publicDir: string): Promise<string> {
  const [{ checkIndicators, checkTopology, DataFormatError, dataFormatMessage }, { firstViewMarkup }] = await Promise.all([
    appModule<typeof CheckFormat>('../data/check-format.ts'),
    appModule<typeof FirstView>('./first-view.ts'),
  ]);
  const read = <T>(file: string, check: (file: string, json: unknown) => T): T => {
    const json: unknown = JSON.parse(readFileSync(`${publicDir}/${file}`, 'utf8'));
    try {
      return check(file, json);
    } catch (error) {
      if (error instanceof DataFormatError) throw new Error(`first view: ${dataFormatMessage(error.file, error.problem, 'en')}`);
      throw error;
    }
  };
  return firstViewMarkup(read('data/boundaries.topo.json', checkTopology), read('data/indicators.json', checkIndicators));
}

export function firstViewPlugin(): Plugin {
  let publicDir = '';
  return {
    name: 'first-view',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: REVEAL_ENTRY, name: REVEAL_NAME });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, { bundle }) {
        if (!html.includes(MARKER)) throw new Error(`first view: index.html has no ${MARKER} marker`);
        const reveal = Object.values(bundle ?? {}).find(
          (output): output is OutputChunk => output.type === 'chunk' && output.isEntry && output.name === REVEAL_NAME,
        );
        if (!reveal) throw new Error('first view: the reveal script was not built');
        // It runs as a classic script, the only kind that runs before the page is painted: it may not import.
        if (reveal.imports.length || reveal.exports.length) throw new Error(`first view: ${reveal.fileName} imports or exports; it must stand alone`);
        return html.replace(MARKER, `${await firstViewFromData(publicDir)}<script src="./${reveal.fileName}"></script>`);
      },
    },
  };
}
