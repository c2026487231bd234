/**
 * npm run data:plants: validates geo/data/plants.csv against geo/units.json and geo/data/sources.csv and writes
 * public/data/plants.json. Exits 1, printing every problem, if any. `npm run data` does the same after the indicators.
 */
import { writePlantsOrExit } from '../lib/plants/files';

writePlantsOrExit();
