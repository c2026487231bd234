/**
 * Writes the first view into the built index.html: the default view's map (first-view.ts) and panels (panels.tsx),
 * with the script that reveals them (reveal.ts), and the share card (share-card.ts) beside it. Build only: the dev
 * server serves index.html without them, and the app starts from its 2D frame as before.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, runnerImport, type Plugin } from 'vite';
import type { OutputAsset, OutputBundle, OutputChunk, RolldownOutput } from 'rolldown';
import { tsImport } from 'tsx/esm/api';
import type { Topology } from 'topojson-specification';
import type * as CheckFormat from '../data/check-format';
import type { IndicatorDataset } from '../model/dataset';
import type { PlantsFile } from '../model/plants';
import type * as FirstView from './first-view';
import type * as Panels from './panels';
import type * as ShareCard from './share-card';

/** Where index.html wants the first view's map: inside the map's container. */
const MARKER = '<!--first-view-->';
/** Where it wants the panels' copies and the script: after the panels' container, which the script fills. */
const PANELS_MARKER = '<!--first-panels-->';
const PANELS_ENTRY = fileURLToPath(new URL('./panels.tsx', import.meta.url));
const REVEAL_ENTRY = fileURLToPath(new URL('./reveal.ts', import.meta.url));
const REVEAL_FILE = 'first-view.js';

/**
 * reveal.ts as one classic script, the only kind that runs before the page is painted. Bundled on its own: as a chunk
 * of the app's build it would import the modules it shares with the app (the 2D map's gestures) from a shared chunk.
 */
async function revealScript(): Promise<OutputChunk> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, target: 'es2022', rolldownOptions: { input: REVEAL_ENTRY, output: { format: 'iife' } } },
  })) as RolldownOutput;
  const chunk = output.output.find((o): o is OutputChunk => o.type === 'chunk' && o.isEntry);
  if (!chunk) throw new Error('first view: the reveal script was not built');
  // It may not import: nothing else is loaded before it.
  if (chunk.imports.length || chunk.dynamicImports.length) throw new Error(`first view: ${REVEAL_ENTRY} imports at run time; it must stand alone`);
  return chunk;
}

/**
 * The app's own modules, loaded when the page is built: imported by vite.config.ts they would be bundled into the
 * config, whose loader asks for file extensions the app's imports do not write.
 */
const appModule = <T>(path: string) => tsImport(fileURLToPath(new URL(path, import.meta.url)), import.meta.url) as Promise<T>;

/**
 * panels.tsx and the components it renders, loaded through Vite: they import their styles, which only Vite's
 * loader takes; the styles themselves reach the page as the panels' stylesheet (`panelStylesheet`).
 */
async function panelsModule(): Promise<typeof Panels> {
  const stylesLeftOut: Plugin = {
    name: 'first-panels-styles-left-out',
    enforce: 'pre',
    resolveId: (id) => (/\.css(\?|$)/.test(id) ? '\0first-panels-style' : null),
    load: (id) => (id === '\0first-panels-style' ? 'export {}' : null),
  };
  return (await runnerImport<typeof Panels>(PANELS_ENTRY, { plugins: [stylesLeftOut], logLevel: 'warn' })).module;
}

/**
 * The panels' stylesheet, loaded with the page's own: the panels are in the first frame, before the chunk that
 * brings their styles is loaded (Vite's loader then finds the stylesheet in the page and does not add it again).
 */
function panelStylesheet(bundle: OutputBundle): string {
  const app = Object.values(bundle).find((o): o is OutputChunk => o.type === 'chunk' && (o.facadeModuleId ?? '').endsWith('/src/ui/App.tsx'));
  const css = [...(app?.viteMetadata?.importedCss ?? [])];
  if (!app || css.length === 0) throw new Error("first view: the panels' chunk (src/ui/App.tsx) and its stylesheet were not found in the build");
  return css.map((file) => `<link rel="stylesheet" crossorigin href="./${file}">`).join('');
}

interface DefaultViewData {
  topology: Topology;
  dataset: IndicatorDataset;
  /** Read by the panels (the search finds the plants). */
  plants: PlantsFile;
}

/** The default view's data files, checked as the app checks them: a malformed one fails the build. */
async function defaultViewData(publicDir: string): Promise<DefaultViewData> {
  const { checkIndicators, checkPlants, checkTopology, DataFormatError, dataFormatMessage } = await appModule<typeof CheckFormat>('../data/check-format.ts');
  const read = <T>(file: string, check: (file: string, json: unknown) => T): T => {
    const json: unknown = JSON.parse(readFileSync(`${publicDir}/${file}`, 'utf8'));
    try {
      return check(file, json);
    } catch (error) {
      if (error instanceof DataFormatError) throw new Error(`first view: ${dataFormatMessage(error.file, error.problem, 'en')}`);
      throw error;
    }
  };
  return {
    topology: read('data/boundaries.topo.json', checkTopology),
    dataset: read('data/indicators.json', checkIndicators),
    plants: read('data/plants.json', checkPlants),
  };
}

/** Where index.html names the share card: relative, or absolute where the build knows the site's address. */
const SHARE_CARD_REFERENCE = /content="\.\/share-card\.png"/g;

/**
 * Emits the share card, and points index.html's og:image and twitter:image at it: with VITE_SITE_URL (the address
 * the atlas is published at, e.g. https://example.org/atlas/) absolutely, as OpenGraph asks; else relatively, which
 * some platforms resolve against the page and others ignore.
 */
export function shareCardPlugin(): Plugin {
  let publicDir = '';
  let siteUrl = '';
  return {
    name: 'share-card',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
      siteUrl = config.env.VITE_SITE_URL ?? '';
    },
    async generateBundle() {
      const [{ shareCard, SHARE_CARD_FILE }, { topology, dataset }] = await Promise.all([appModule<typeof ShareCard>('./share-card.ts'), defaultViewData(publicDir)]);
      this.emitFile({ type: 'asset', fileName: SHARE_CARD_FILE, source: shareCard(topology, dataset) });
    },
    transformIndexHtml(html) {
      if (!html.includes('content="./share-card.png"')) throw new Error('share card: index.html does not name ./share-card.png');
      return siteUrl ? html.replace(SHARE_CARD_REFERENCE, `content="${new URL('share-card.png', siteUrl).href}"`) : html;
    },
  };
}

export function firstViewPlugin(): Plugin {
  let publicDir = '';
  return {
    name: 'first-view',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async buildStart() {
      this.emitFile({ type: 'asset', name: REVEAL_FILE, source: (await revealScript()).code });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, { bundle }) {
        for (const marker of [MARKER, PANELS_MARKER, '</head>']) if (!html.includes(marker)) throw new Error(`first view: index.html has no ${marker}`);
        const reveal = Object.values(bundle ?? {}).find((output): output is OutputAsset => output.type === 'asset' && output.names.includes(REVEAL_FILE));
        if (!reveal || !bundle) throw new Error('first view: the reveal script was not built');
        const [{ firstViewMarkup }, { firstPanelsMarkup }, { topology, dataset, plants }] = await Promise.all([
          appModule<typeof FirstView>('./first-view.ts'),
          panelsModule(),
          defaultViewData(publicDir),
        ]);
        return html
          .replace('</head>', `${panelStylesheet(bundle)}</head>`)
          .replace(MARKER, firstViewMarkup(topology, dataset))
          .replace(PANELS_MARKER, `${firstPanelsMarkup(topology, dataset, plants)}<script src="./${reveal.fileName}"></script>`);
      },
    },
  };
}
