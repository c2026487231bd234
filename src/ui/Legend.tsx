import { t, type Lang } from '../i18n/strings';
import { PHONE_QUERY } from './layout';
import { COLORS } from '../look/theme';
import type { MapColouring } from '../model/map-colouring';
import { MAX_CIRCLE_RADIUS_PX, circleKeyValues } from '../model/map-colouring';
import { NO_DATA_COLOR, CIRCLE_FILL, radiusFor } from '../model/palette';
import { formatClassLabels, formatValue, NO_DATA_LABEL, measureLabel, type Measure } from '../model/format';
import { indicatorLabel } from '../model/indicator-labels';

interface LegendProps {
  lang: Lang;
  zones: boolean;
  colouring: MapColouring;
  measure: Measure | null;
}

/** Classes with their ranges in the indicator's unit and how many units fall in each, "no data", circles, outlines. */
export function Legend({ lang, zones, colouring, measure }: LegendProps) {
  const labels = measure ? formatClassLabels(colouring.breaks, measure, lang) : colouring.classes.map((c) => `${c.lo}–${c.hi}`);
  const title = `${indicatorLabel(colouring.indicator, lang)} · ${colouring.year}${measure ? ` · ${measureLabel(measure, lang)}` : ''}`;
  const circleKey = colouring.radii !== null ? circleKeyValues(colouring.maxValue) : [];
  return (
    <details class="legend" open={!matchMedia(PHONE_QUERY).matches}>
      <summary class="legend-title">{title}</summary>
      <ul>
        {colouring.classes.map((c, i) => (
          <li key={i} data-class={i}>
            <span class="swatch" style={{ background: c.color }} />
            <span class="range">{labels[i]}</span>
            <span class="count" title={t(lang, 'units_in_class')}>
              {c.count}
            </span>
          </li>
        ))}
        <li data-class="no-data">
          <span class="swatch" style={{ background: NO_DATA_COLOR }} />
          <span class="range">{NO_DATA_LABEL[lang]}</span>
          <span class="count">{colouring.noDataCount}</span>
        </li>
      </ul>
      {circleKey.length > 0 && measure && (
        <div class="circle-key" aria-label={t(lang, 'circle_size')}>
          {circleKey.map((v) => {
            const r = radiusFor(v, colouring.maxValue, MAX_CIRCLE_RADIUS_PX);
            return (
              <span key={v} class="circle-sample">
                <svg width={2 * MAX_CIRCLE_RADIUS_PX + 2} height={2 * r + 2} aria-hidden="true">
                  <circle cx={MAX_CIRCLE_RADIUS_PX + 1} cy={r + 1} r={r} fill={CIRCLE_FILL} fill-opacity="0.75" />
                </svg>
                {formatValue(v, measure, lang)}
              </span>
            );
          })}
          <p class="hint">{t(lang, 'circle_size')}</p>
        </div>
      )}
      <ul class="outlines">
        <li>
          <span class="swatch line" style={{ borderColor: COLORS.circleLine }} />
          {t(lang, 'legend_circle')}
        </li>
        <li>
          <span class="swatch hatched" />
          {t(lang, 'legend_partial')}
        </li>
        {zones && (
          <li>
            <span class="swatch zone" style={{ borderColor: COLORS.zone }} />
            {t(lang, 'legend_zone')}
          </li>
        )}
      </ul>
    </details>
  );
}
