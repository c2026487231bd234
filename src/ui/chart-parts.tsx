/**
 * What every chart beside the map shares: its scale, its axes over the years, and its frame (caption, table
 * equivalent, saving as SVG or PNG with a title, the legend and a source line). Hand-written SVG; colours, widths and
 * type from the look's theme, written as attributes so a saved chart looks as it does on screen.
 */
import { useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { CHART_COLOURS, CHART_DASHES, CHART_TEXT, CHART_WIDTHS } from '../look/theme';
import { sourceLine, type FigureSources } from '../look/source-line';
import { t, type Lang } from '../i18n/strings';
import { downloadBlob } from './download';

/** Tick step of 1, 2, 2.5 or 5 × 10^k giving about `count` intervals. */
export function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10;
  return step * power;
}

/** Round ticks from below the lowest value (and zero) to above the highest. */
export function niceTicks(values: readonly number[], count = 4, withZero = true): number[] {
  const low0 = Math.min(...values, ...(withZero ? [0] : []));
  const high0 = Math.max(...values, ...(withZero ? [0] : []));
  const step = niceStep(high0 - low0 || Math.abs(high0) || 1, count);
  const low = Math.floor(low0 / step) * step;
  const high = Math.ceil(high0 / step) * step || step;
  return Array.from({ length: Math.round((high - low) / step) + 1 }, (_, i) => low + i * step);
}

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** About how wide a label is at the charts' type size: CJK characters count twice. */
export function labelWidth(text: string): number {
  return [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) * CHART_TEXT.size * 0.56;
}

/** The frame with a left margin wide enough for the longest tick label. */
export function fitLeft(frame: Frame, labels: readonly string[]): Frame {
  return { ...frame, left: Math.max(frame.left, 8 + Math.max(0, ...labels.map(labelWidth))) };
}

export interface YearPlot {
  readonly frame: Frame;
  readonly years: readonly number[];
  readonly ticks: readonly number[];
  x(year: number): number;
  y(value: number): number;
}

/** Every year from the first to the last (missing ones stay on the axis, as gaps), against round ticks. */
export function yearPlot(base: Frame, years: readonly number[], values: readonly number[], withZero = true, tickText?: (value: number) => string): YearPlot {
  const ticks = niceTicks(values.length ? values : [0], 4, withZero);
  const frame = tickText ? fitLeft(base, ticks.map(tickText)) : base;
  const first = Math.min(...years);
  const last = Math.max(...years);
  const all = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const [low, high] = [ticks[0], ticks[ticks.length - 1]];
  const plotWidth = frame.width - frame.left - frame.right;
  const bottom = frame.height - frame.bottom;
  return {
    frame,
    years: all,
    ticks,
    x: (year) => (first === last ? frame.left + plotWidth / 2 : frame.left + ((year - first) / (last - first)) * plotWidth),
    y: (value) => bottom - ((value - low) / (high - low || 1)) * (bottom - frame.top),
  };
}

/** SVG text in the charts' type; `muted` for axis labels. */
export function ChartText(props: { x: number; y: number; anchor?: 'start' | 'middle' | 'end'; muted?: boolean; size?: number; halo?: boolean; children: ComponentChildren }) {
  const halo = props.halo ? { stroke: CHART_COLOURS.background, 'stroke-width': CHART_WIDTHS.textHalo, 'paint-order': 'stroke' } : {};
  return (
    <text
      {...halo}
      x={props.x}
      y={props.y}
      text-anchor={props.anchor ?? 'start'}
      font-family={CHART_TEXT.family}
      font-size={props.size ?? CHART_TEXT.size}
      fill={props.muted ? CHART_COLOURS.muted : CHART_COLOURS.text}
    >
      {props.children}
    </text>
  );
}

/** Grid lines with their values, the baseline, a label per year (thinned when crowded), the shown year dashed. */
export function YearAxes({ plot, tickText, year }: { plot: YearPlot; tickText(value: number): string; year?: number }) {
  const { frame, years, ticks } = plot;
  const bottom = frame.height - frame.bottom;
  const every = years.length > 8 ? 2 : 1;
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={frame.left} x2={frame.width - frame.right} y1={plot.y(tick)} y2={plot.y(tick)} stroke={CHART_COLOURS.grid} stroke-width={CHART_WIDTHS.grid} />
          <ChartText x={frame.left - 4} y={plot.y(tick) + 4} anchor="end" muted>
            {tickText(tick)}
          </ChartText>
        </g>
      ))}
      <line x1={frame.left} x2={frame.width - frame.right} y1={bottom} y2={bottom} stroke={CHART_COLOURS.axis} stroke-width={CHART_WIDTHS.axis} />
      {year !== undefined && years.includes(year) && (
        <line x1={plot.x(year)} x2={plot.x(year)} y1={frame.top} y2={bottom} stroke={CHART_COLOURS.axis} stroke-dasharray={CHART_DASHES.currentYear} />
      )}
      {years.map((yr, i) =>
        i % every === 0 || i === years.length - 1 ? (
          <ChartText key={yr} x={plot.x(yr)} y={bottom + 14} anchor="middle">
            {yr}
          </ChartText>
        ) : null,
      )}
    </g>
  );
}

/** A line through consecutive points; `d` of an SVG path. */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
}

export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  /** How the key is drawn: a line (dashed for reference lines), a bar, or a hollow point. */
  readonly shape: 'line' | 'dash' | 'bar' | 'hollow';
  /** A unit the key stands for: pointing at the key outlines it. */
  readonly unit?: string;
  /** Offered as a button beside the key (a line taken off the chart); not in the saved chart. */
  readonly removeLabel?: string;
  onRemove?(): void;
}

/** One key of a legend, as SVG: on screen and in the saved chart alike. */
function LegendSwatch({ item, x, y }: { item: LegendItem; x: number; y: number }) {
  if (item.shape === 'bar') return <rect x={x} y={y - 5} width={14} height={10} fill={item.colour} />;
  if (item.shape === 'hollow') return <circle cx={x + 7} cy={y} r={CHART_WIDTHS.markerApart} fill={CHART_COLOURS.background} stroke={item.colour} stroke-width={CHART_WIDTHS.markerStroke} />;
  return <line x1={x} x2={x + 14} y1={y} y2={y} stroke={item.colour} stroke-width={CHART_WIDTHS.line} stroke-dasharray={item.shape === 'dash' ? CHART_DASHES.reference : undefined} />;
}

/** The saved chart's layout, px. */
const SAVED = { width: 640, margin: 16, titleHeight: 30, legendRow: 18, sourceLine: 14, scale: 2 } as const;

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function svgText(x: number, y: number, text: string, size: number, colour: string, weight = 'normal'): SVGTextElement {
  const element = svgElement('text', { x, y, 'font-family': CHART_TEXT.family, 'font-size': size, fill: colour, 'font-weight': weight });
  element.textContent = text; // text, never markup
  return element;
}

/** A line of text broken after its separators (" · ", "、", ", ") into lines of at most `width` px. */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const piece of text.split(/(?<= · |、|, )/u)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && labelWidth(last + piece) <= width) lines[lines.length - 1] = last + piece;
    else lines.push(piece);
  }
  return lines;
}

/** A legend key as the page draws it: its swatch (a small SVG) and its words. */
interface DrawnKey {
  readonly swatch: SVGSVGElement;
  readonly label: string;
}

/**
 * The chart as a standalone SVG document: a title over the chart's own SVG, the legend's keys under it (their
 * swatches as drawn on screen, several to a row), and the source line at the foot.
 */
export function savedChartSvg(chart: SVGSVGElement, title: string, legend: readonly DrawnKey[], source: string): string {
  const box = chart.viewBox.baseVal;
  const width = SAVED.width;
  const chartHeight = (box.height / box.width) * (width - 2 * SAVED.margin);
  const perRow = 3;
  const legendHeight = Math.ceil(legend.length / perRow) * SAVED.legendRow;
  const sourceLines = wrapText(source, width - 2 * SAVED.margin);
  const top = SAVED.titleHeight + chartHeight + legendHeight + SAVED.sourceLine + 4;
  const height = top + (sourceLines.length - 1) * SAVED.sourceLine + SAVED.margin;
  const root = svgElement('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}` });
  root.append(svgElement('rect', { width, height, fill: CHART_COLOURS.background }));
  root.append(svgText(SAVED.margin, 22, title, CHART_TEXT.titleSize, CHART_COLOURS.text, '600'));
  const place = (element: SVGSVGElement, x: number, y: number, w: number, h: number) => {
    const copy = element.cloneNode(true) as SVGSVGElement;
    for (const [key, value] of Object.entries({ x, y, width: w, height: h })) copy.setAttribute(key, String(value));
    copy.removeAttribute('class');
    root.append(copy);
  };
  place(chart, SAVED.margin, SAVED.titleHeight, width - 2 * SAVED.margin, chartHeight);
  const columnWidth = (width - 2 * SAVED.margin) / perRow;
  legend.forEach((key, i) => {
    const x = SAVED.margin + (i % perRow) * columnWidth;
    const y = SAVED.titleHeight + chartHeight + Math.floor(i / perRow) * SAVED.legendRow + 6;
    place(key.swatch, x, y, 16, 12);
    root.append(svgText(x + 20, y + 10, key.label, CHART_TEXT.size, CHART_COLOURS.text));
  });
  sourceLines.forEach((line, i) => root.append(svgText(SAVED.margin, top + i * SAVED.sourceLine, line, CHART_TEXT.size - 1, CHART_COLOURS.muted)));
  return new XMLSerializer().serializeToString(root);
}

/** The saved SVG drawn into a canvas at twice its size. */
async function pngOf(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * SAVED.scale;
    canvas.height = image.naturalHeight * SAVED.scale;
    const context = canvas.getContext('2d')!;
    context.scale(SAVED.scale, SAVED.scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export interface ChartFrameProps {
  lang: Lang;
  /** What the chart shows, in words: its caption, the SVG's name and the saved chart's title. */
  title: string;
  legend: readonly LegendItem[];
  sources: FigureSources;
  /** The file name without extension. */
  fileName: string;
  /** The chart's SVG (its root must be an <svg> with a viewBox). */
  children: ComponentChildren;
  /** The same figures as a table, for screen readers and anyone who wants the numbers. */
  table: ComponentChildren;
  /** Controls and notes between the caption and the chart. */
  tools?: ComponentChildren;
  /** Notes under the chart. */
  notes?: ComponentChildren;
  /** Where a legend key's unit is outlined from (absent: keys point at nothing). */
  onPoint?(unit: string | null): void;
}

/** A chart with its caption, legend, table equivalent, and buttons that save it as SVG or PNG. */
export function ChartFrame(props: ChartFrameProps) {
  const { lang, title, legend, sources, fileName } = props;
  const figure = useRef<HTMLElement>(null);
  const saved = () => {
    const svg = figure.current?.querySelector<SVGSVGElement>('.chart-body svg');
    const keys = [...(figure.current?.querySelectorAll<SVGSVGElement>('.chart-legend svg') ?? [])];
    const drawn = keys.map((swatch, i) => ({ swatch, label: legend[i].label }));
    return svg ? savedChartSvg(svg, title, drawn, sourceLine(sources, lang, 3)) : null;
  };
  const saveSvg = () => {
    const svg = saved();
    if (svg) downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
  };
  const savePng = async () => {
    const svg = saved();
    if (svg) downloadBlob(await pngOf(svg), `${fileName}.png`);
  };
  return (
    <figure class="chart" ref={figure}>
      <figcaption>{title}</figcaption>
      {props.tools}
      <div class="chart-body">
        {props.children}
      </div>
      {legend.length > 0 && (
        <ul class="chart-legend">
          {legend.map((item) => (
            <li
              key={item.label}
              onMouseEnter={item.unit ? () => props.onPoint?.(item.unit!) : undefined}
              onMouseLeave={item.unit ? () => props.onPoint?.(null) : undefined}
            >
              <svg width="16" height="12" aria-hidden="true">
                <LegendSwatch item={item} x={1} y={6} />
              </svg>
              {item.label}
              {item.onRemove && (
                <button type="button" class="chart-remove" aria-label={item.removeLabel} onClick={item.onRemove}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.notes}
      <div class="chart-actions">
        <details class="chart-table">
          <summary>{t(lang, 'chart_table')}</summary>
          {props.table}
        </details>
        <button type="button" class="download" onClick={saveSvg}>
          {t(lang, 'download_svg')}
        </button>
        <button type="button" class="download" onClick={() => void savePng()}>
          {t(lang, 'download_png')}
        </button>
      </div>
      <p class="chart-source muted">{sourceLine(sources, lang, 3)}</p>
    </figure>
  );
}
