/**
 * The part of Canvas 2D that the exported picture draws its title, legend, names and credits with (export-png.ts,
 * labels.ts), and a context that writes those calls as SVG elements instead: the SVG export is the PNG's own drawing
 * code, run against this. Text is measured by a real canvas (`measure`), so wrapping and placing come out the same.
 */
import { hatchPattern } from './svg-painter';

export type PictureContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'lineJoin'
  | 'fillRect'
  | 'strokeRect'
  | 'fillText'
  | 'strokeText'
  | 'measureText'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'rect'
  | 'fill'
  | 'stroke'
  | 'setLineDash'
  | 'createPattern'
>;

/** Text as SVG character data or attribute text. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const num = (value: number) => String(Math.round(value * 100) / 100);

/** The one pattern a picture fills with: the hatch of "partly in the Circle" (the legend's swatch). */
const HATCH: CanvasPattern = Object.freeze({ setTransform() {} }) as CanvasPattern;
const HATCH_ID = 'picture-hatch';

export class SvgContext implements PictureContext {
  fillStyle: string | CanvasGradient | CanvasPattern = '#000000';
  strokeStyle: string | CanvasGradient | CanvasPattern = '#000000';
  lineWidth = 1;
  globalAlpha = 1;
  font = '10px sans-serif';
  textAlign: CanvasTextAlign = 'start';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  lineJoin: CanvasLineJoin = 'miter';
  private dash: number[] = [];
  private path: string[] = [];
  private readonly body: string[] = [];
  private readonly defs = new Set<string>();

  /** `measure`: a canvas context whose measureText gives the widths (its font is set to this one's first). */
  constructor(private readonly measure: CanvasRenderingContext2D) {}

  /** Markup as it comes: a nested map (export-svg.ts) or a definition it needs. */
  raw(markup: string): void {
    this.body.push(markup);
  }

  /** The whole document, `width` × `height` px. */
  markup(width: number, height: number): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<defs>${[...this.defs].join('')}</defs>${this.body.join('')}</svg>\n`
    );
  }

  measureText(text: string): TextMetrics {
    this.measure.font = this.font;
    return this.measure.measureText(text);
  }

  createPattern(): CanvasPattern {
    this.defs.add(hatchPattern(HATCH_ID, [1, 0, 0, 1, 0, 0]));
    return HATCH;
  }

  setLineDash(segments: number[]): void {
    this.dash = [...segments];
  }

  beginPath(): void {
    this.path = [];
  }

  moveTo(x: number, y: number): void {
    this.path.push(`M${num(x)} ${num(y)}`);
  }

  lineTo(x: number, y: number): void {
    this.path.push(`L${num(x)} ${num(y)}`);
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.path.push(`M${num(x)} ${num(y)}h${num(w)}v${num(h)}h${num(-w)}z`);
  }

  arc(x: number, y: number, r: number, start: number, end: number, counterclockwise = false): void {
    const at = (angle: number) => `${num(x + r * Math.cos(angle))} ${num(y + r * Math.sin(angle))}`;
    const sweep = counterclockwise ? 0 : 1;
    if (Math.abs(end - start) >= 2 * Math.PI - 1e-9) {
      // A whole circle: two half arcs (one arc cannot start and end at the same point).
      this.path.push(`M${at(start)}A${num(r)} ${num(r)} 0 1 ${sweep} ${at(start + Math.PI)}A${num(r)} ${num(r)} 0 1 ${sweep} ${at(start)}z`);
      return;
    }
    const span = counterclockwise ? start - end : end - start;
    const large = ((span % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI) > Math.PI ? 1 : 0;
    this.path.push(`${this.path.length ? 'L' : 'M'}${at(start)}A${num(r)} ${num(r)} 0 ${large} ${sweep} ${at(end)}`);
  }

  fill(): void {
    this.body.push(`<path d="${this.path.join('')}" ${this.paint('fill', this.fillStyle)}/>`);
  }

  stroke(): void {
    this.body.push(`<path d="${this.path.join('')}" fill="none" ${this.strokePaint()}/>`);
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    this.body.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" ${this.paint('fill', this.fillStyle)}/>`);
  }

  strokeRect(x: number, y: number, w: number, h: number): void {
    this.body.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="none" ${this.strokePaint()}/>`);
  }

  fillText(text: string, x: number, y: number): void {
    this.body.push(`<text ${this.textAttributes(x, y)} ${this.paint('fill', this.fillStyle)}>${escapeXml(text)}</text>`);
  }

  strokeText(text: string, x: number, y: number): void {
    this.body.push(`<text ${this.textAttributes(x, y)} fill="none" ${this.strokePaint()}>${escapeXml(text)}</text>`);
  }

  private paint(name: 'fill' | 'stroke', style: string | CanvasGradient | CanvasPattern): string {
    const value = style === HATCH ? `url(#${HATCH_ID})` : typeof style === 'string' ? escapeXml(style) : 'none';
    return `${name}="${value}"${this.globalAlpha === 1 ? '' : ` ${name}-opacity="${num(this.globalAlpha)}"`}`;
  }

  private strokePaint(): string {
    const dash = this.dash.length ? ` stroke-dasharray="${this.dash.map(num).join(' ')}"` : '';
    return `${this.paint('stroke', this.strokeStyle)} stroke-width="${num(this.lineWidth)}" stroke-linejoin="${this.lineJoin}"${dash}`;
  }

  /** Position, font and alignment as Canvas 2D's: `font` is "<weight> <size>px <family>" (labels.ts, setFont). */
  private textAttributes(x: number, y: number): string {
    const match = /^(\d+) ([\d.]+)px (.+)$/.exec(this.font);
    const [weight, size, family] = match ? [match[1], match[2], match[3]] : ['400', '10', 'sans-serif'];
    const anchor = this.textAlign === 'center' ? ' text-anchor="middle"' : this.textAlign === 'right' || this.textAlign === 'end' ? ' text-anchor="end"' : '';
    const baseline = this.textBaseline === 'middle' ? ' dominant-baseline="central"' : '';
    return `x="${num(x)}" y="${num(y)}" font-family="${escapeXml(family)}" font-size="${size}" font-weight="${weight}"${anchor}${baseline}`;
  }
}
