import type { Figure, Grade, IndicatorId, IndicatorModel } from '../model/dataset';
import type { UnitProps } from '../model/units';
import { t, type Lang } from '../i18n/strings';
import { formatGrade, formatValue, toMeasure, withBound } from '../model/format';

/** The name a panel shows for a unit; zones carry the map's "approximate" mark. */
export function unitName(unit: UnitProps, lang: Lang): string {
  return (lang === 'zh' ? unit.name_zh : unit.name_en) + (unit.approx ? t(lang, 'approx_suffix') : '');
}

/** A value in the indicator's display unit; a measure this app cannot format falls back to the raw number. */
export function figureText(model: IndicatorModel, indicator: IndicatorId, value: number | null, lang: Lang): string {
  const measure = toMeasure(model.measure(indicator));
  if (measure) return formatValue(value, measure, lang);
  return value === null ? t(lang, 'no_data') : `${value} ${model.measure(indicator)}`;
}

/** A figure's value as the source bounds it: "at least 2.54 million vehicles", "about 630 billion yuan". */
export function boundedFigureText(model: IndicatorModel, indicator: IndicatorId, figure: Figure | null, lang: Lang): string {
  return withBound(figureText(model, indicator, figure?.value ?? null, lang), figure?.bound, lang);
}

/** Only web addresses become links: a `javascript:` URL in the data must never be clickable. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Each source of a figure (with its grade unless a column of its own shows it); the publisher is the link text, the full title its tooltip. */
export function FigureSources(props: { figure: Figure; model: IndicatorModel; lang: Lang; grades: boolean; detailed?: boolean }) {
  const { figure, model, lang, grades, detailed = false } = props;
  return (
    <ul class="figure-sources">
      {figure.sources.map(({ id, grade }) => {
        const record = model.source(id);
        // Detailed (the unit panel): the title is the link, publisher and date follow; compact: the publisher links.
        const text = (detailed ? record?.title : record?.publisher) ?? id;
        const title = record ? `${record.title} (${record.date})` : undefined;
        return (
          <li key={`${id}|${grade}`}>
            {grades && <GradeBadge grade={grade} lang={lang} />}
            {record && isWebUrl(record.url) ? (
              <a href={record.url} target="_blank" rel="noopener noreferrer" title={title} onClick={(e) => e.stopPropagation()}>
                {text}
              </a>
            ) : (
              <span title={title}>{text}</span>
            )}
            {detailed && record && <span class="source-meta"> · {record.publisher} · {record.date}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function GradeBadge({ grade, lang }: { grade: Grade; lang: Lang }) {
  return (
    <abbr class={`grade grade-${grade}`} title={formatGrade(grade, lang)}>
      {grade}
    </abbr>
  );
}
