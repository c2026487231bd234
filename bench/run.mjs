// npm run bench [-- --runs N]: the atlas against a bare MapLibre page (the floor) and an ECharts page (the peer),
// at the atlas's default scale and at all China's counties. Prints a Markdown table and writes bench/results.md.
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { CHECK_TOLERANCE, FRAME_TOLERANCE, VIEWPORT, VISUAL_TOLERANCE, measurePage } from './measure.mjs';
import { ATLAS_OUT, DATA_OUT, PAGES_OUT, ROOT, prepare } from './prepare.mjs';
import { startServer } from './server.mjs';

const AIMS = { firstFrameRatio: 1.15, mapLoadedRatio: 1.15, extraCodeKB: 80, recolourMs: 50, recolourChinaMs: 150, boundaryKB: 120, completePeerRatio: 1.5 };

// --trace: after each load, every frame's time and the share of the map area still to change, with the page's marks.
const { values: flags } = parseArgs({ options: { runs: { type: 'string', default: '5' }, trace: { type: 'boolean', default: false } } });
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${flags.runs}`);

// overlays: the page's own UI over the map (panels, map controls), left out of the first-coloured-frame comparison.
// inputMark: from when the page's map takes input; handOverMark: the atlas's 2D map replaced by MapLibre.
const ATLAS = {
  settled: '#map[data-idle-count]',
  mapArea: '#map',
  overlays: '#app > *, .maplibregl-ctrl',
  info: '.unit-panel',
  loadedMark: 'atlas:map-ready',
  inputMark: 'atlas:takes-input',
  handOverMark: 'atlas:handed-over',
};
const FLOOR = { settled: 'body[data-settled]', mapArea: '#map', overlays: '.maplibregl-ctrl', info: '.maplibregl-popup', loadedMark: 'bench:map-loaded', inputMark: 'bench:takes-input' };
const PEER = { settled: 'body[data-settled]', mapArea: '#map', info: '.peer-tooltip', inputMark: 'bench:takes-input' };
const TARGETS = [
  { id: 'atlas', path: '/', ...ATLAS, recolour: true },
  { id: 'atlas-districts', path: '/?level=districts', ...ATLAS },
  { id: 'floor-circle', path: '/bench/floor.html?scale=circle', ...FLOOR },
  { id: 'peer-circle', path: '/bench/peer.html?scale=circle', ...PEER },
  { id: 'atlas-china', path: '/?level=china', ...ATLAS, recolour: true },
  { id: 'floor-china', path: '/bench/floor.html?scale=china', ...FLOOR },
  { id: 'peer-china', path: '/bench/peer.html?scale=china', ...PEER },
];

const startedAt = Date.now();
// Taken before anything starts: during the run the 1-min load average counts the bench's own Chromium (its GPU
// process alone keeps both cores busy), so only this one says whether other jobs were running.
const loadBefore = loadavg()[0];
const log = (message) => console.error(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}`);

log('building the atlas and the bench pages');
const unitCounts = await prepare();
const server = await startServer([
  { prefix: '/bench/', dir: PAGES_OUT },
  { prefix: '/bench-data/', dir: DATA_OUT },
  { prefix: '/', dir: ATLAS_OUT },
]);
const browser = await launchBrowser();
const analysisPage = await browser.newPage();

// Round-robin, so a slow spell of the machine hits every page alike; round 0 warms caches and is dropped.
const samples = Object.fromEntries(TARGETS.map((t) => [t.id, []]));
const transfers = {};
const doubts = []; // loads whose recording may have missed the final state
const loads = []; // 1-minute load average before each measured load: other jobs on the machine inflate every timing
try {
  for (let round = 0; round <= runs; round++) {
    for (const target of TARGETS) {
      if (round > 0) loads.push(loadavg()[0]);
      const from = server.transfers.length;
      let loaded = from;
      const sample = await measurePage(browser, analysisPage, { ...target, url: server.url + target.path }, () => {
        loaded = server.transfers.length;
      });
      transfers[target.id] = server.transfers.slice(from, loaded);
      if (flags.trace) {
        const frames = sample.trace.frames.map(([at, share]) => `${at} ms ${(share * 100).toFixed(1)}%`).join(', ');
        const marks = Object.entries(sample.trace.marks).map(([name, at]) => `${name} ${at.toFixed(0)} ms`).join(', ');
        log(`${target.id} frames: ${frames}; marks: ${marks}`);
      }
      if (round > 0) samples[target.id].push(sample);
      if (round > 0 && sample.doubtful) doubts.push(`${target.id}, run ${round}: ${sample.doubtful}`);
      log(
        `${round === 0 ? 'warm-up' : `run ${round}/${runs}`} ${target.id}: first coloured frame ${sample.firstColouredMs.toFixed(0)} ms, ` +
          `takes input ${sample.takesInputMs?.toFixed(0) ?? '–'} ms, ` +
          `visually complete ${sample.visuallyCompleteMs.toFixed(0)} ms, within ${VISUAL_TOLERANCE * 100}% ${sample.visuallyCompleteWithinMs.toFixed(0)} ms ` +
          `(${sample.frames} frames${sample.doubtful ? `; DOUBTFUL: ${sample.doubtful}` : ''}), ` +
          `hand-over changes ${sample.handOverChange === null ? '–' : `${(sample.handOverChange * 100).toFixed(1)}%`}, ` +
          `MapLibre loaded ${sample.mapLoadedMs?.toFixed(0) ?? '–'} ms, click ${sample.clickMs?.toFixed(0)} ms`,
      );
    }
  }
} finally {
  await server.close();
}
const chromiumVersion = browser.version();
await browser.close();

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stat = (id, key) => {
  const xs = samples[id].map((s) => s[key]).filter((x) => x !== null);
  return xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) } : null;
};
const bytes = (id, kinds) => {
  const picked = transfers[id].filter((t) => kinds.includes(t.kind));
  return { raw: picked.reduce((a, t) => a + t.raw, 0), gzip: picked.reduce((a, t) => a + t.gzip, 0) };
};
const kb = (n) => (n / 1024).toFixed(n < 10240 ? 1 : 0);

const timing = (label, key, extra = {}) => ({
  label,
  value: (id) => stat(id, key),
  show: (s) => `${s.median.toFixed(0)} [${s.min.toFixed(0)}–${s.max.toFixed(0)}]`,
  ratio: (s) => s.median,
  ...extra,
});
const METRICS = [
  timing('first frame with every polygon coloured, ms (median [min–max])', 'firstColouredMs'),
  timing('first frame that takes input (drag, wheel, click), ms', 'takesInputMs'),
  timing('visually complete (no visible change after, labels included), ms', 'visuallyCompleteMs'),
  timing(`visually complete within ${VISUAL_TOLERANCE * 100}% of pixels, ms`, 'visuallyCompleteWithinMs'),
  {
    label: "pixels the hand-over to MapLibre changes, % of the map area (median [min–max])",
    value: (id) => stat(id, 'handOverChange'),
    show: (s) => `${(s.median * 100).toFixed(1)} [${(s.min * 100).toFixed(1)}–${(s.max * 100).toFixed(1)}]`,
    ratio: (s) => s.median,
    atlasOnly: true,
  },
  timing('MapLibre loaded (its `load` event: style, first tiles, takes input), ms', 'mapLoadedMs', { noPeer: true }),
  timing('click → figures on screen, ms', 'clickMs'),
  { label: 'JS heap after load (main thread, after GC), MB', value: (id) => stat(id, 'heapBytes'), show: (s) => (s.median / 2 ** 20).toFixed(1), ratio: (s) => s.median },
  timing('recolour on a change of indicator (same level and symbols; → map idle), ms', 'recolourIndicatorMs', { atlasOnly: true }),
  timing('a change of indicator that also switches level or symbols (→ map idle; not a recolour), ms', 'indicatorSwitchMs', { atlasOnly: true }),
  timing('recolour on a change of year (→ map idle), ms', 'recolourYearMs', { atlasOnly: true }),
  ...[
    ['JS', ['js']],
    ['CSS', ['css']],
    ['data', ['data']],
    ['other (HTML, icons)', ['other']],
    ['total', ['js', 'css', 'data', 'other']],
  ].map(([name, kinds]) => ({
    label: `${name} transferred, KB gzip (raw)`,
    value: (id) => bytes(id, kinds),
    show: (b) => `${kb(b.gzip)} (${kb(b.raw)})`,
    ratio: (b) => b.gzip,
  })),
];

function table(columns, atlasId, floorId, peerId) {
  const ratio = (metric, a, b) => {
    const x = a && metric.ratio(a), y = b && metric.ratio(b);
    return x && y ? (x / y).toFixed(2) : 'n/a';
  };
  const header = `| metric | ${columns.map((c) => c.title).join(' | ')} | atlas/floor | atlas/peer |`;
  const rule = `|---|${columns.map(() => '--:').join('|')}|--:|--:|`;
  const rows = METRICS.map((metric) => {
    const cells = columns.map((c) => {
      if (!c.id) return 'n/a';
      if (metric.atlasOnly && !c.id.startsWith('atlas')) return '–';
      if (metric.noPeer && c.id.startsWith('peer')) return '–';
      const v = metric.value(c.id);
      return v ? metric.show(v) : metric.atlasOnly ? '–' : 'n/a';
    });
    const atlas = atlasId && metric.value(atlasId);
    return `| ${metric.label} | ${cells.join(' | ')} | ${ratio(metric, atlas, metric.atlasOnly ? null : metric.value(floorId))} | ${ratio(metric, atlas, metric.atlasOnly || metric.noPeer ? null : metric.value(peerId))} |`;
  });
  return [header, rule, ...rows].join('\n');
}

const circleTable = table(
  [
    { title: 'atlas `/`', id: 'atlas' },
    { title: 'atlas `?level=districts`', id: 'atlas-districts' },
    { title: 'floor: bare MapLibre', id: 'floor-circle' },
    { title: 'peer: ECharts', id: 'peer-circle' },
  ],
  'atlas',
  'floor-circle',
  'peer-circle',
);
const chinaTable = table(
  [
    { title: 'atlas `?level=china`', id: 'atlas-china' },
    { title: 'floor: bare MapLibre', id: 'floor-china' },
    { title: 'peer: ECharts', id: 'peer-china' },
  ],
  'atlas-china',
  'floor-china',
  'peer-china',
);

const firstFrame = (id) => stat(id, 'firstColouredMs').median;
const completeWithin = (id) => stat(id, 'visuallyCompleteWithinMs').median;
const completeRatio = completeWithin('atlas') / completeWithin('peer-circle');
const mapLoaded = (id) => stat(id, 'mapLoadedMs')?.median ?? NaN;
const codeGzip = (id) => bytes(id, ['js', 'css']).gzip;
const boundary = transfers.atlas.filter((t) => t.path.includes('boundaries'));
const boundaryGzip = boundary.reduce((a, t) => a + t.gzip, 0);
/** The slower of the two recolours (indicator, year) by median: the aim holds for both. */
const recolourOf = (id) =>
  [stat(id, 'recolourIndicatorMs'), stat(id, 'recolourYearMs')].filter(Boolean).sort((a, b) => b.median - a.median)[0] ?? null;
const recolourMs = recolourOf('atlas');
const recolourChinaMs = recolourOf('atlas-china');
const verdict = (met) => (met ? 'met' : 'missed');
const firstFrameRatio = firstFrame('atlas') / firstFrame('floor-circle');
const extraCode = codeGzip('atlas') - codeGzip('floor-circle');
const mapLoadedRatio = mapLoaded('atlas') / mapLoaded('floor-circle');
const mapLoadedChinaRatio = mapLoaded('atlas-china') / mapLoaded('floor-china');
const aims = [
  `- time to first coloured frame, atlas/floor ≤ ${AIMS.firstFrameRatio}: **${verdict(firstFrameRatio <= AIMS.firstFrameRatio)}** (${firstFrameRatio.toFixed(2)}: ${firstFrame('atlas').toFixed(0)} ms against ${firstFrame('floor-circle').toFixed(0)} ms; the peer ${firstFrame('peer-circle').toFixed(0)} ms)`,
  `- JS+CSS beyond MapLibre's own ≤ ${AIMS.extraCodeKB} KB gzip: **${verdict(extraCode / 1024 <= AIMS.extraCodeKB)}** (${kb(extraCode)} KB: atlas ${kb(codeGzip('atlas'))} KB − floor ${kb(codeGzip('floor-circle'))} KB)`,
  recolourMs
    ? `- recolour ≤ ${AIMS.recolourMs} ms median at Circle scale (indicator and year): **${verdict(recolourMs.median <= AIMS.recolourMs)}** (slower of the two: ${recolourMs.median.toFixed(0)} ms)`
    : `- recolour ≤ ${AIMS.recolourMs} ms median at Circle scale: **not measured** (no recolour finished)`,
  recolourChinaMs
    ? `- recolour ≤ ${AIMS.recolourChinaMs} ms median at all-China scale (indicator and year): **${verdict(recolourChinaMs.median <= AIMS.recolourChinaMs)}** (slower of the two: ${recolourChinaMs.median.toFixed(0)} ms)`
    : `- recolour ≤ ${AIMS.recolourChinaMs} ms median at all-China scale: **not measured** (no recolour finished at that level)`,
  `- first coloured frame at or before the ECharts peer's (issue 8), Circle scale: **${verdict(firstFrame('atlas') <= firstFrame('peer-circle'))}** (${firstFrame('atlas').toFixed(0)} ms against ${firstFrame('peer-circle').toFixed(0)} ms); all-China scale: **${verdict(firstFrame('atlas-china') <= firstFrame('peer-china'))}** (${firstFrame('atlas-china').toFixed(0)} ms against ${firstFrame('peer-china').toFixed(0)} ms)`,
  `- MapLibre loaded, atlas/floor ≤ ${AIMS.mapLoadedRatio} (issue 8), Circle scale: **${verdict(mapLoadedRatio <= AIMS.mapLoadedRatio)}** (${mapLoadedRatio.toFixed(2)}: ${mapLoaded('atlas').toFixed(0)} ms against ${mapLoaded('floor-circle').toFixed(0)} ms); all-China scale: **${verdict(mapLoadedChinaRatio <= AIMS.mapLoadedRatio)}** (${mapLoadedChinaRatio.toFixed(2)}: ${mapLoaded('atlas-china').toFixed(0)} ms against ${mapLoaded('floor-china').toFixed(0)} ms)`,
  `- visually complete within ${VISUAL_TOLERANCE * 100}% of pixels, atlas/peer ≤ ${AIMS.completePeerRatio} (issue 26), Circle scale: **${verdict(completeRatio <= AIMS.completePeerRatio)}** (${completeRatio.toFixed(2)}: ${completeWithin('atlas').toFixed(0)} ms against ECharts' ${completeWithin('peer-circle').toFixed(0)} ms)`,
  `- boundary data for the default view ≤ ${AIMS.boundaryKB} KB gzip: **${verdict(boundary.length > 0 && boundaryGzip / 1024 <= AIMS.boundaryKB)}** (${boundary.map((t) => `${t.path} ${kb(t.gzip)} KB gzip, ${kb(t.raw)} KB raw`).join('; ') || 'no boundary request seen'})`,
];

const cpu = cpus();
const loadNote =
  loadBefore > cpu.length / 2
    ? ` · **machine busy with other jobs** (1-min load average ${loadBefore.toFixed(1)} before the run, on ${cpu.length} cores): timings are inflated and noisy`
    : ` · quiet machine (1-min load average ${loadBefore.toFixed(1)} before the run; ${median(loads).toFixed(1)} during it, the bench's own Chromium)`;
const report = `# Bench results

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${cpu[0]?.model.trim()} × ${cpu.length} cores · Node ${process.version} · Chromium ${chromiumVersion} (headless, SwiftShader WebGL2) · viewport ${VIEWPORT.width}×${VIEWPORT.height} · medians of ${runs} runs after a warm-up · served gzipped from 127.0.0.1 · run took ${((Date.now() - startedAt) / 1000).toFixed(0)} s${loadNote}

## The atlas's default view: ${unitCounts.circle} units (Chongqing's 38 districts and counties, Sichuan's 21 prefectures)

The floor and peer draw these ${unitCounts.circle} polygons, framed like the atlas (the Circle's outline), each in the colour the atlas
gives it (GDP ${unitCounts.circleYear}, computed by the atlas's own modules). \`?level=districts\` is the atlas's own county-level view; ratios compare \`/\`.

${circleTable}

## All China: ${unitCounts.china.toLocaleString('en')} county-level units, coloured by area

The atlas's \`china\` level (2D first paint from \`data/china.topo.json\`, then MapLibre on pre-built vector tiles). The floor
and peer draw the same simplified polygons as one GeoJSON, in the atlas's colours (area classes, quantile).

${chinaTable}

## Aims

${aims.join('\n')}

## Recordings to doubt

${doubts.length ? doubts.map((d) => `- ${d}`).join('\n') : `None: in every measured load, a screenshot taken after the recording matched its last frame (within ${CHECK_TOLERANCE * 100}% of pixels).`}

## Method

- Frames: Chromium's screencast frames (CDP \`Page.startScreencast\`, JPEG at half size) from the navigation
  (\`performance.timeOrigin\`) until the page has settled and no frame came for a moment. The pages only mark when they
  have settled (atlas: MapLibre's first \`idle\`; floor: \`idle\`; peer: ECharts \`finished\`) so the recording can stop.
  Each load's last frame is checked against a screenshot taken afterwards; a mismatch is listed under "Recordings to doubt".
- First coloured frame: the first frame after which the map area's *solid* pixels (those inside a block of one colour in the
  final frame: fills, background, large symbols; not text, borders or edges) match the final frame, all but ${FRAME_TOLERANCE * 100}%.
  Pixels under the page's own panels and map controls (where they end up) are left out: they are no polygons, and the
  atlas's panels come a moment after its map. Visually complete counts them.
  Visually complete: the same over every pixel of the map area, so labels and outlines count too; "within ${VISUAL_TOLERANCE * 100}%": the
  first frame after which every frame differs from the final one in at most ${VISUAL_TOLERANCE * 100}% of those pixels.
- First frame that takes input: the first coloured frame, or the page's mark of when its map starts taking drags, wheel
  and clicks if that comes later (atlas \`atlas:takes-input\`: the first view's or the 2D map's listeners; floor
  \`bench:takes-input\`: MapLibre constructed; peer \`bench:takes-input\`: ECharts given its option, clicks only, it
  does not pan).
- Hand-over: the share of the map area's pixels (as above) in which the last frame before the atlas's 2D map gave way
  to MapLibre (\`atlas:handed-over\`) differs from the final frame.
- MapLibre loaded: \`performance.mark\` at MapLibre's \`load\` event (atlas \`atlas:map-ready\`, floor \`bench:map-loaded\`),
  from the navigation. Before it the atlas's 2D map already takes clicks and hover.
- Click: mouseup at the viewport's centre → the info element (\`.unit-panel\`, MapLibre popup, ECharts tooltip) is visible,
  plus one animation frame.
- Heap: CDP \`Runtime.getHeapUsage\` after a forced GC, main thread only (MapLibre's worker is not counted).
- Bytes: what the bench server sent during the load (gzip level 6), by file type; the atlas's data includes indicators.json.
`;

await writeFile(`${ROOT}bench/results.md`, report);
console.log(report);
