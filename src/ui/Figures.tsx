import type { Figure, IndicatorId, IndicatorModel, Rank } from '../model/dataset';
import { indicatorLabel } from '../model/indicator-labels';
import { periodLabel, toMeasure, withBound } from '../model/format';
import { isTotal } from '../model/map-colouring';
import { publishedAbove, rankPeers, type RankPeers } from '../model/coverage';
import { figureLine } from '../model/part-year';
import { ratioBound, sameBasis } from '../model/derived';
import type { UnitProps } from '../model/units';
import type { Level } from '../state/view-state';
import { ordinal, RANK_SCOPE_KEYS, t, type Lang } from '../i18n/strings';
import { Sparkline } from './Sparkline';
import { FigureSources, GradeBadge, boundedFigureText, figureText, unitName } from './figure-parts';

/** "3rd of 44", and among whom: "among the districts and cities in the Circle with a figure". */
function rankText(rank: Rank, scope: RankPeers['scope'], lang: Lang): [string, string] {
  return [
    t(lang, 'rank_in', { rank: rank.rank, ordinal: ordinal(rank.rank), of: rank.of }),
    t(lang, 'rank_among', { scope: t(lang, RANK_SCOPE_KEYS[scope]) }),
  ];
}

/** Change from the previous year that has a figure: percent for totals, points for ratios. */
function changeText(model: IndicatorModel, indicator: IndicatorId, series: Figure[], year: number, lang: Lang): string | null {
  const index = series.findIndex((f) => f.year === year);
  if (index <= 0 || series[index - 1].year !== year - 1) return null;
  // Across a revision (pre-census population, the economic census's GDP) the difference is partly the revision.
  if (!sameBasis(series[index - 1], series[index])) return null;
  const [prev, now] = [series[index - 1].value, series[index].value];
  if (isTotal(indicator)) {
    if (prev === 0) return null;
    const pct = ((now - prev) / prev) * 100;
    // A floor over a point value is at least that change; two approximations only about it.
    return withBound(`${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)}%`, ratioBound(series[index], series[index - 1]), lang);
  }
  const diff = now - prev;
  const measure = toMeasure(model.measure(indicator));
  const unit = measure === 'percent' ? ` ${t(lang, 'percentage_points')}` : '';
  const magnitude = measure === 'percent' ? Math.abs(diff).toFixed(1) : figureText(model, indicator, Math.abs(diff), lang);
  return `${diff >= 0 ? '+' : '−'}${magnitude}${unit}`;
}

/** The selected unit's figures: the shown indicator in full, then every indicator for the year with its grade. */
export function Figures(props: {
  unit: UnitProps;
  units: ReadonlyMap<string, UnitProps>;
  level: Level;
  indicator: IndicatorId;
  year: number;
  model: IndicatorModel;
  lang: Lang;
  /** Shows another unit (one where the figure is published), at a level that draws it. */
  onShow(id: string): void;
}) {
  const { unit, units, level, indicator, year, model, lang, onShow } = props;
  const unitId = unit.id;
  const figure = model.figure(unitId, indicator, year);
  const series = model.series(unitId, indicator);
  const partYears = model.partYears(unitId, indicator);
  const peers = rankPeers(units, level, unit);
  const rank = peers ? (model.ranks(indicator, year, peers.ids).get(unitId) ?? null) : null;
  const share = indicator === 'gdp' ? model.figure(unitId, 'gdp_share_parent', year) : null;
  const change = changeText(model, indicator, series, year, lang);
  const published = figure ? [] : publishedAbove(model, units, unit, indicator, year);
  const neverPublished = !figure && series.length === 0 && partYears.length === 0;
  const others = model
    .indicatorIds()
    .filter((id) => id !== indicator)
    .map((id) => [id, model.figure(unitId, id, year)] as const)
    .filter(([, f]) => f !== null);
  return (
    <div class="figures">
      <h3>
        {indicatorLabel(indicator, lang)} · {year}
      </h3>
      <p class="headline" data-value={figure?.value ?? ''}>
        {figure ? boundedFigureText(model, indicator, figure, lang) : t(lang, 'no_data_year', { year })}
      </p>
      {figure?.basis === 'ec5' && <p class="figure-basis">{t(lang, 'basis_ec5')}</p>}
      {(neverPublished || published.length > 0) && (
        <div class="published-elsewhere">
          {neverPublished && <p>{t(lang, 'not_published', { indicator: indicatorLabel(indicator, lang) })}</p>}
          {published.length > 0 && (
            <>
              <p class="label">{t(lang, 'published_for')}</p>
              <ul>
                {published.map(({ unit: other, figure: theirs }) => (
                  <li key={other.id} data-unit={other.id}>
                    <button type="button" class="link" onClick={() => onShow(other.id)}>
                      {unitName(other, lang)}
                    </button>{' '}
                    · {figureLine(model, indicator, theirs, lang)} ({theirs.year})
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {figure && (
        <dl>
          {rank && peers && (
            <>
              <dt>{t(lang, 'rank')}</dt>
              <dd>{rankText(rank, peers.scope, lang)[0]}</dd>
              <dd class="rank-scope">{rankText(rank, peers.scope, lang)[1]}</dd>
            </>
          )}
          {share && (
            <>
              <dt>{t(lang, 'share_parent')}</dt>
              <dd>{figureText(model, 'gdp_share_parent', share.value, lang)}</dd>
            </>
          )}
          {change && (
            <>
              <dt>{t(lang, 'change')}</dt>
              <dd>{change}</dd>
            </>
          )}
        </dl>
      )}
      {figure?.notes.map((note, i) => (
        <p key={i} class="figure-note" role="note">
          ⚠ {note[lang]}
        </p>
      ))}
      {figure && (
        <>
          <p class="label">{figure.derived ? t(lang, 'derived_from') : t(lang, 'figure_source')}</p>
          <FigureSources figure={figure} model={model} lang={lang} grades detailed />
        </>
      )}
      {series.length > 1 && (
        <>
          <p class="label">{t(lang, 'trend')}</p>
          <Sparkline
            series={series}
            year={year}
            label={`${indicatorLabel(indicator, lang)} ${series[0].year}–${series[series.length - 1].year}`}
            format={(f) => boundedFigureText(model, indicator, f, lang)}
          />
        </>
      )}
      {partYears.length > 0 && (
        <>
          <p class="label">{t(lang, 'part_years')}</p>
          <table class="part-years">
            <tbody>
              {partYears.map((part) => (
                <tr key={`${part.year}|${part.period}`}>
                  <th scope="row">{periodLabel(part.year, part.period, lang)}</th>
                  <td>{boundedFigureText(model, indicator, part, lang)}</td>
                  <td>
                    {part.sources.map((s) => (
                      <GradeBadge key={s.id} grade={s.grade} lang={lang} />
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {others.length > 0 && (
        <details class="other-figures">
          <summary>{t(lang, 'all_figures', { year })}</summary>
          <table>
            <tbody>
              {others.map(([id, f]) => (
                <tr key={id}>
                  <th scope="row">{indicatorLabel(id, lang)}</th>
                  <td>{boundedFigureText(model, id, f, lang)}</td>
                  <td>
                    {f!.sources.map((s) => (
                      <GradeBadge key={s.id} grade={s.grade} lang={lang} />
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
