/** The shipped data, prepared as the app prepares it, for the tests of the map's look. */
import { readFileSync } from 'node:fs';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { decodeBoundaries, unitIndex } from '../../src/data/boundaries';
import type { IndicatorDataset } from '../../src/model/dataset';
import { createIndicatorModel } from '../../src/model/derived';
import type { BoundaryLines, UnitProps } from '../../src/model/units';
import { addNational, addPlants, prepareScene } from '../../src/paint2d/render';
import { checkPlants } from '../../src/data/check-format';
import { plantPoints } from '../../src/look/plants';
import { catalogOf } from '../../src/state/catalog';
import { colouringCache } from '../../src/state/colouring-cache';
import { defaultState } from '../../src/state/url-codec';

const read = (name: string) => JSON.parse(readFileSync(`public/data/${name}`, 'utf8')) as unknown;
export const topology = read('boundaries.topo.json') as Topology;
const china = read('china.topo.json') as Topology;
export const boundaries = decodeBoundaries(topology);
const dataset = read('indicators.json') as IndicatorDataset;
export const units = unitIndex(topology);
export const model = createIndicatorModel(dataset, [...units.values()]);
export const defaultView = defaultState(catalogOf(units, model, dataset));
export const colouring = colouringCache(model, units);
/** The 2D scene with all China's units added, as after the national level was first shown. */
export const scene = prepareScene(topology);
export const nationalLines = read('china-lines.json') as BoundaryLines;
addNational(scene, china, china.objects.counties as GeometryCollection<UnitProps>, nationalLines);
/** The plants as the app checks and places them; the scene draws them while a car indicator is shown. */
export const plantsFile = checkPlants('data/plants.json', read('plants.json'));
export const plants = plantPoints(plantsFile.plants);
addPlants(scene, plants);
