import type { Figure } from '../model/dataset';

/**
 * A small line over the years, drawn from a zero baseline (so a small change is not drawn as a steep one); gaps
 * where a year has no figure; the shown year marked; the first and last year's figures written out under it.
 */
export function Sparkline({ series, year, label, format }: { series: Figure[]; year: number; label: string; format(figure: Figure): string }) {
  if (series.length < 2) return null;
  const width = 220;
  const height = 44;
  const pad = 4;
  const years = series.map((f) => f.year);
  const values = series.map((f) => f.value);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  const [v0, v1] = [Math.min(0, ...values), Math.max(0, ...values)];
  const x = (yr: number) => pad + ((yr - y0) / (y1 - y0 || 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - v0) / (v1 - v0 || 1)) * (height - 2 * pad);
  // Consecutive years join; a missing year breaks the line, so a gap is never drawn as a trend.
  let d = '';
  series.forEach((f, i) => {
    const joined = i > 0 && f.year === series[i - 1].year + 1;
    d += `${joined ? 'L' : 'M'}${x(f.year).toFixed(1)},${y(f.value).toFixed(1)}`;
  });
  const current = series.find((f) => f.year === year);
  const ends = [series[0], series[series.length - 1]];
  return (
    <>
      <svg class="sparkline" width={width} height={height + 14} role="img" aria-label={label}>
        <line class="baseline" x1={pad} x2={width - pad} y1={y(0)} y2={y(0)} stroke="#8d877c" stroke-width="1" />
        <path d={d} fill="none" stroke="#3b528b" stroke-width="1.8" />
        {series.map((f) => (
          <circle key={f.year} cx={x(f.year)} cy={y(f.value)} r={f.year === year ? 3.5 : 1.8} fill={f.year === year ? '#b2182b' : '#3b528b'} />
        ))}
        {current && current.year !== y0 && current.year !== y1 && (
          <text x={x(current.year)} y={height + 12} font-size="10" fill="#b2182b" text-anchor="middle">
            {current.year}
          </text>
        )}
      </svg>
      <p class="sparkline-ends">
        {ends.map((f) => (
          <span key={f.year} class={f.year === year ? 'current' : undefined}>
            <b>{f.year}</b> {format(f)}
          </span>
        ))}
      </p>
    </>
  );
}
