import type { Figure } from '../model/dataset';

/** A small line over the years; gaps where a year has no figure; the shown year marked. */
export function Sparkline({ series, year, label }: { series: Figure[]; year: number; label: string }) {
  if (series.length < 2) return null;
  const width = 220;
  const height = 44;
  const pad = 4;
  const years = series.map((f) => f.year);
  const values = series.map((f) => f.value);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  const [v0, v1] = [Math.min(...values), Math.max(...values)];
  const x = (yr: number) => pad + ((yr - y0) / (y1 - y0 || 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - v0) / (v1 - v0 || 1)) * (height - 2 * pad);
  // Consecutive years join; a missing year breaks the line, so a gap is never drawn as a trend.
  let d = '';
  series.forEach((f, i) => {
    const joined = i > 0 && f.year === series[i - 1].year + 1;
    d += `${joined ? 'L' : 'M'}${x(f.year).toFixed(1)},${y(f.value).toFixed(1)}`;
  });
  const current = series.find((f) => f.year === year);
  return (
    <svg class="sparkline" width={width} height={height + 14} role="img" aria-label={label}>
      <path d={d} fill="none" stroke="#3b528b" stroke-width="1.8" />
      {series.map((f) => (
        <circle key={f.year} cx={x(f.year)} cy={y(f.value)} r={f.year === year ? 3.5 : 1.8} fill={f.year === year ? '#b2182b' : '#3b528b'} />
      ))}
      <text x={pad} y={height + 12} font-size="10" fill="#5a5650">
        {y0}
      </text>
      <text x={width - pad} y={height + 12} font-size="10" fill="#5a5650" text-anchor="end">
        {y1}
      </text>
      {current && (
        <text x={x(current.year)} y={height + 12} font-size="10" fill="#b2182b" text-anchor="middle">
          {current.year !== y0 && current.year !== y1 ? current.year : ''}
        </text>
      )}
    </svg>
  );
}
