// Builds everything the bench serves: the atlas, the floor and peer pages, and their GeoJSON.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { decodeBoundaries, decodeNational, nationalAdditions, nationalUnits, unitIndex } from '../src/data/boundaries.ts';
import { createIndicatorModel } from '../src/model/derived.ts';
import { computeMapColouring } from '../src/model/map-colouring.ts';
import { unitsOfLevel } from '../src/model/level-units.ts';
import { bestCoveredYear } from '../src/state/catalog.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The atlas is built here rather than into dist/: e2e runs rebuild dist/ at any moment, and a bench serving a folder
// that is being emptied measures a broken page.
export const ATLAS_OUT = `${ROOT}bench/out/atlas`;
export const PAGES_OUT = `${ROOT}bench/out/pages`;
export const DATA_OUT = `${ROOT}bench/out/data`;

/** The atlas's own colouring of a level (the same modules the app runs), as a fill colour per unit id. */
function atlasFills(units, dataset, level, indicator) {
  const model = createIndicatorModel(dataset, [...units.values()]);
  const coverage = new Map(model.years(indicator).map((year) => [year, [...units.keys()].filter((u) => model.figure(u, indicator, year)).length]));
  const year = bestCoveredYear(coverage);
  const ids = unitsOfLevel(units, level).filter((u) => u.level !== 'zone').map((u) => u.id);
  return { fills: computeMapColouring(model, ids, indicator, year, 'quantile').fills, year };
}

function bboxOf(features) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1]);
    } else c.forEach(visit);
  };
  for (const f of features) visit(f.geometry.coordinates);
  return box;
}

/** Decoded TopoJSON carries float noise in every coordinate; 5 decimals (about 1 m) is finer than its quantisation. */
function rounded(geometry) {
  const round = (c) => (typeof c[0] === 'number' ? c.map((x) => Math.round(x * 1e5) / 1e5) : c.map(round));
  return { ...geometry, coordinates: round(geometry.coordinates) };
}

const feature = (f, colour) => ({
  type: 'Feature',
  properties: { id: f.properties.id, name: f.properties.name_zh, colour },
  geometry: rounded(f.geometry),
});

/**
 * The atlas's two measured views as plain GeoJSON, each unit with the colour the atlas gives it: its default view
 * (Chongqing's 38 districts and counties, Sichuan's 21 prefectures; GDP in the best-covered year), framed by the
 * Circle's outline; and all China's county-level units at its `china` level (area, the one indicator there), framed
 * whole. The same simplified shapes the atlas draws, so every page draws the same polygons in the same colours.
 * @returns the number of units at each scale
 */
async function writeData() {
  await mkdir(DATA_OUT, { recursive: true });
  const readJson = async (path) => JSON.parse(await readFile(`${ROOT}${path}`, 'utf8'));
  const topology = await readJson('public/data/boundaries.topo.json');
  const boundaries = decodeBoundaries(topology);
  const nationalTopology = await readJson('public/data/china.topo.json');
  const national = decodeNational(nationalTopology);
  const dataset = await readJson('public/data/indicators.json');
  const units = unitIndex(topology);

  const circle = atlasFills(units, dataset, 'units', 'gdp');
  const circleUnits = unitsOfLevel(units, 'units').filter((u) => u.level !== 'zone').map((u) => u.id);
  const byId = new Map([...boundaries.prefectures.features, ...boundaries.counties.features, ...boundaries.provinces.features].map((f) => [f.properties.id, f]));
  await writeFile(
    `${DATA_OUT}/circle.geojson`,
    JSON.stringify({ type: 'FeatureCollection', bbox: bboxOf(boundaries.circle.features), features: circleUnits.map((id) => feature(byId.get(id), circle.fills.get(id))) }),
  );

  for (const unit of nationalAdditions(units, nationalUnits(nationalTopology))) units.set(unit.id, unit);
  const china = atlasFills(units, dataset, 'china', 'land_area');
  await writeFile(
    `${DATA_OUT}/china.geojson`,
    JSON.stringify({ type: 'FeatureCollection', bbox: bboxOf(national.features), features: national.features.map((f) => feature(f, china.fills.get(f.properties.id))) }),
  );
  return { circle: circleUnits.length, circleYear: circle.year, china: national.features.length };
}

export async function prepare() {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: ATLAS_OUT, emptyOutDir: true } });
  await build({
    configFile: false,
    root: `${ROOT}bench/pages`,
    base: './',
    logLevel: 'warn',
    build: {
      outDir: PAGES_OUT,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1200,
      rollupOptions: { input: { floor: `${ROOT}bench/pages/floor.html`, peer: `${ROOT}bench/pages/peer.html` } },
    },
  });
  return writeData();
}
