import { t, type Lang } from '../i18n/strings';
import { PHONE_QUERY } from './layout';
import { dashPx, LEGEND_KEYS, type LineKey } from '../look/legend';
import type { MapColouring } from '../model/map-colouring';
import { MAX_CIRCLE_RADIUS_PX } from '../model/map-colouring';
import { legendFigureLists, legendPlan } from '../look/legend';
import type { IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import type { Level } from '../state/view-state';
import { FigureSources, unitName } from './figure-parts';
import { NO_DATA_COLOR, radiusFor } from '../model/palette';
import { formatClassLabels, formatValue, measureLabel, type Measure } from '../model/format';
import { indicatorLabel } from '../model/indicator-labels';

const { partial, zone } = LEGEND_KEYS;

/** An outline key drawn as the map draws the layer: its colour, width and dash (src/look). */
const stroke = (key: LineKey) => ({ stroke: key.colour, 'stroke-width': key.width, 'stroke-dasharray': dashPx(key).join(' ') });

interface LegendProps {
  lang: Lang;
  zones: boolean;
  /** Whether the map shows the vehicle plants: their key follows. */
  plants: boolean;
  level: Level;
  colouring: MapColouring;
  measure: Measure | null;
  model: IndicatorModel;
  units: ReadonlyMap<string, UnitProps>;
}

/**
 * Classes with their ranges in the indicator's unit and how many units fall in each in the year, or a total's circle
 * sizes over the Circle's membership; totals and part-year figures said in words; plants and outlines. Each key only
 * where the map draws what it stands for (look/legend.ts's plan).
 */
export function Legend({ lang, zones, plants, level, colouring, measure, model, units }: LegendProps) {
  const plan = legendPlan(colouring, { level, zones, plants }, model);
  const labels = measure ? formatClassLabels(colouring.breaks, measure, lang) : colouring.classes.map((c) => `${c.lo}–${c.hi}`);
  const indicator = indicatorLabel(colouring.indicator, lang);
  const title = `${indicator} · ${colouring.year}${measure ? ` · ${measureLabel(measure, lang)}` : ''}`;
  const name = (id: string) => {
    const unit = units.get(id);
    return unit ? unitName(unit, lang) : id;
  };
  return (
    <details class="legend" open={!matchMedia(PHONE_QUERY).matches}>
      <summary class="legend-title">{title}</summary>
      {plan.classes && (
        <>
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
              <span class="range">{t(lang, 'no_data')}</span>
              <span class="count">{colouring.noDataCount}</span>
            </li>
          </ul>
          {colouring.classes.length > 1 && <p class="hint">{t(lang, 'legend_classes_fixed', { year: colouring.year })}</p>}
        </>
      )}
      {plan.circleValues.length > 0 && measure && (
        <div class="circle-key" data-legend="circles" aria-label={t(lang, 'circle_size', { indicator })}>
          {plan.circleValues.map((v) => {
            const r = radiusFor(v, colouring.maxValue, MAX_CIRCLE_RADIUS_PX);
            return (
              <span key={v} class="circle-sample">
                <svg width={2 * MAX_CIRCLE_RADIUS_PX + 2} height={2 * r + 2} aria-hidden="true">
                  <circle cx={MAX_CIRCLE_RADIUS_PX + 1} cy={r + 1} r={r} fill={LEGEND_KEYS.circles.colour} fill-opacity={LEGEND_KEYS.circles.opacity} />
                </svg>
                {formatValue(v, measure, lang)}
              </span>
            );
          })}
          <p class="hint">{t(lang, 'circle_size', { indicator })}</p>
        </div>
      )}
      {plan.circleCounts && (
        <div class="circle-counts" data-legend="circle-counts">
          <ul>
            <li data-class="circles">
              <svg class="key-circle" viewBox="0 0 14 14" aria-hidden="true">
                <circle cx="7" cy="7" r="6" fill={LEGEND_KEYS.circles.colour} fill-opacity={LEGEND_KEYS.circles.opacity} />
              </svg>
              <span class="range">{t(lang, 'legend_with_circle')}</span>
              <span class="count" title={t(lang, 'units_in_class')}>
                {plan.circleCounts.drawn}
              </span>
            </li>
            <li data-class="no-data">
              <span class="key-circle" aria-hidden="true" />
              <span class="range">{t(lang, 'legend_no_circle')}</span>
              <span class="count">{plan.circleCounts.none}</span>
            </li>
          </ul>
          <p class="hint">{t(lang, 'legend_fill_membership')}</p>
        </div>
      )}
      {legendFigureLists(plan, colouring, model, lang, name).map((list) => (
        <div key={list.key} class="legend-figures" data-legend={list.key}>
          <p class="legend-subtitle">{list.title}</p>
          <ul>
            {list.items.map((item) => (
              <li key={item.id} data-unit={item.id} data-period={item.period}>
                <span class="legend-figure">{item.text}</span>
                {/* Every figure says where it is from, here too: the publisher (linked) and the grade of the page. */}
                {item.figure && <FigureSources figure={item.figure} model={model} lang={lang} grades />}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {plan.plants && (
        <div class="plant-key" data-legend="plants">
          <p class="legend-subtitle">{t(lang, 'legend_plants')}</p>
          <ul>
            {LEGEND_KEYS.plants.colours.map(({ product, colour }) => (
              <li key={product} data-product={product}>
                <svg class="swatch key" viewBox="0 0 14 14" aria-hidden="true">
                  <circle cx="7" cy="7" r="5.5" fill={colour} fill-opacity={LEGEND_KEYS.plants.opacity} stroke={LEGEND_KEYS.plants.stroke} stroke-width={LEGEND_KEYS.plants.strokeWidth} />
                </svg>
                {t(lang, `product_${product}`)}
              </li>
            ))}
          </ul>
          <p class="hint">{t(lang, 'legend_plant_size')}</p>
          <p class="hint">{t(lang, 'legend_plant_placed')}</p>
        </div>
      )}
      <ul class="outlines">
        <li>
          <svg class="swatch key line" viewBox="0 0 18 2" aria-hidden="true">
            <line x1="0" y1="1" x2="18" y2="1" {...stroke(LEGEND_KEYS.circle)} />
          </svg>
          {t(lang, 'legend_circle')}
        </li>
        {plan.partial && (
        <li>
          <span class="swatch hatched" style={{ backgroundColor: partial.fill, backgroundImage: `repeating-linear-gradient(45deg, ${partial.stripe} 0 1.5px, transparent 1.5px 5px)` }} />
          {t(lang, 'legend_partial')}
        </li>
        )}
        {plan.zones && (
          <li>
            <svg class="swatch key zone" viewBox="0 0 22 16" aria-hidden="true">
              <rect x="1" y="1" width="20" height="14" fill={zone.fill} fill-opacity={zone.fillOpacity} {...stroke(zone.line)} />
            </svg>
            {t(lang, 'legend_zone')}
          </li>
        )}
      </ul>
    </details>
  );
}
