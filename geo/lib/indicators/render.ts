/**
 * Output of the indicator build: the JSON the app loads and a static page listing every
 * source. Both are pure functions of the dataset so the output is deterministic and testable.
 */
import type { IndicatorDataset, IndicatorRow } from '../../../src/model/dataset';

/** Stable JSON text: keys in the order the dataset was built (sorted), rows sorted, trailing newline. */
export function renderIndicatorsJson(dataset: IndicatorDataset): string {
  return `${JSON.stringify(dataset, null, 1)}\n`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface UnitName {
  zh: string;
  en: string;
}

const GRADE_MEANING: Record<string, string> = {
  A: 'official bulletin or government site',
  B: 'mainstream press citing the statistics bureau',
  C: 'aggregator or mirror',
  D: 'low authority or unverifiable',
};

function describeFigure(row: IndicatorRow, measure: string, unitName: (id: string) => UnitName | undefined): string {
  const name = unitName(row.unit);
  const label = name ? `${name.zh} ${name.en}` : row.unit;
  const note = row.note ? ` — ${row.note}` : '';
  return `${label} · ${row.indicator} · ${row.year}: ${row.value} ${measure} (grade ${row.grade})${note}`;
}

/**
 * A self-contained page (no script, no external resources): one section per source with its
 * title, publisher, date, link and language, and the figures that cite it.
 */
export function renderSourcesHtml(dataset: IndicatorDataset, unitName: (id: string) => UnitName | undefined): string {
  const rowsBySource = new Map<string, IndicatorRow[]>();
  for (const row of dataset.rows) {
    const list = rowsBySource.get(row.source) ?? [];
    list.push(row);
    rowsBySource.set(row.source, list);
  }
  const sections = Object.entries(dataset.sources).map(([id, source]) => {
    const figures = (rowsBySource.get(id) ?? [])
      .map((row) => `<li>${escapeHtml(describeFigure(row, dataset.indicators[row.indicator]?.measure ?? '', unitName))}</li>`)
      .join('\n');
    return [
      `<section id="${escapeHtml(id)}">`,
      `<h2>${escapeHtml(source.title)}</h2>`,
      '<dl>',
      `<dt>Publisher</dt><dd>${escapeHtml(source.publisher)}</dd>`,
      `<dt>Date</dt><dd>${escapeHtml(source.date)}</dd>`,
      `<dt>Address</dt><dd><a href="${escapeHtml(source.url)}" rel="noreferrer">${escapeHtml(source.url)}</a></dd>`,
      `<dt>Language</dt><dd>${escapeHtml(source.language)}</dd>`,
      `<dt>Source id</dt><dd><code>${escapeHtml(id)}</code></dd>`,
      '</dl>',
      figures === '' ? '<p>No figure cites this source.</p>' : `<ul>\n${figures}\n</ul>`,
      '</section>',
    ].join('\n');
  });
  const grades = Object.entries(GRADE_MEANING)
    .map(([grade, meaning]) => `<li><b>${grade}</b>: ${escapeHtml(meaning)}</li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chengyu Atlas — sources of the figures</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
section { border-top: 1px solid #ccc; padding: 0.5rem 0; }
h2 { font-size: 1.05rem; margin: 0.5rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0; }
dt { color: #666; }
dd { margin: 0; overflow-wrap: anywhere; }
li { margin: 0.15rem 0; }
</style>
</head>
<body>
<h1>Sources of the figures in Chengyu Atlas</h1>
<p>${Object.keys(dataset.sources).length} sources, ${dataset.rows.length} figures. Every figure carries a trust grade:</p>
<ul>
${grades}
</ul>
<p>Derived figures (per capita, growth, shares) are computed from these and carry the sources of all their inputs.</p>
${sections.join('\n')}
</body>
</html>
`;
}
