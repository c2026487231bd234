import { useEffect, useRef } from 'preact/hooks';
import { t, type Lang } from '../i18n/strings';
import type { Grade } from '../model/dataset';
import type { Plant, PlantSource } from '../model/plants';
import { placeOf, type UnitProps } from '../model/units';
import { GradeBadge } from './figure-parts';

const PLACED_KEY = { park: 'plant_placed_park', district: 'plant_placed_district', zone: 'plant_placed_zone', city: 'plant_placed_city' } as const;

/** Only web addresses become links: a `javascript:` URL in the data must never be clickable. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function number(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(value);
}

/** One cited page with its grade: the title links, publisher and date follow. */
function SourceLink({ id, grade, sources, lang }: { id: string; grade: Grade; sources: Readonly<Record<string, PlantSource>>; lang: Lang }) {
  const record = Object.hasOwn(sources, id) ? sources[id] : undefined;
  return (
    <span class="plant-source">
      <GradeBadge grade={grade} lang={lang} />{' '}
      {record && isWebUrl(record.url) ? (
        <a href={record.url} target="_blank" rel="noopener noreferrer">
          {record.title}
        </a>
      ) : (
        <span>{record?.title ?? id}</span>
      )}
      {record && <span class="source-meta"> · {record.publisher} · {record.date}</span>}
    </span>
  );
}

/**
 * The selected plant (`sel=plant:…`) in the unit panel's frame: company, brands, where it is and where the map puts
 * it, products, opening, capacity and output each with its graded source, the note. Rendered as text, never as HTML.
 */
export function PlantPanel(props: {
  plant: Plant;
  /** Other plants are placed at the same point: the map moves each a little apart (look/plants.ts). */
  sharesPoint: boolean;
  sources: Readonly<Record<string, PlantSource>>;
  units: ReadonlyMap<string, UnitProps>;
  lang: Lang;
  onClose(): void;
}) {
  const { plant, sharesPoint, sources, units, lang, onClose } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [plant.id]);
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const unit = units.get(plant.unit);
  const unitName = unit ? (lang === 'zh' ? unit.name_zh : unit.name_en) : plant.unit;
  const place = unit && unit.level !== 'prefecture' ? placeOf(unit, units, lang) : null;
  const where = [unitName, place].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
  const { capacity, output } = plant;
  return (
    <section class="unit-panel plant-panel" aria-labelledby="unit-panel-title" data-plant={plant.id}>
      <button type="button" class="close" onClick={onClose} aria-label={t(lang, 'close')}>
        ×
      </button>
      <p class="plant-kind">{t(lang, 'plant')}</p>
      <h2 id="unit-panel-title" tabIndex={-1} ref={heading}>
        {plant.company[lang]}
      </h2>
      <p class="secondary-name" lang={other}>
        {plant.company[other]}
      </p>
      <dl class="facts">
        <dt>{t(lang, 'plant_brands')}</dt>
        <dd>{plant.brands[lang].join(lang === 'zh' ? '、' : ', ')}</dd>
        <dt>{t(lang, 'plant_where')}</dt>
        <dd data-field="where">
          {where}
          {plant.park && (
            <>
              <br />
              {t(lang, 'plant_park')}: {plant.park[lang]}
            </>
          )}
          <br />
          <small class="plant-placed">
            {t(lang, PLACED_KEY[plant.placed])}
            {sharesPoint && `${lang === 'zh' ? '' : ' '}${t(lang, 'plant_spread')}`}
          </small>
        </dd>
        <dt>{t(lang, 'plant_products')}</dt>
        <dd data-field="products">{plant.products.map((p) => t(lang, `product_${p}`)).join(lang === 'zh' ? '、' : ', ')}</dd>
        <dt>{t(lang, 'plant_opened')}</dt>
        <dd>{plant.opened ?? t(lang, 'unknown')}</dd>
        <dt>{t(lang, 'plant_capacity')}</dt>
        <dd data-field="capacity">
          {capacity ? (
            <>
              {t(lang, capacity.kind === 'design' ? 'plant_capacity_design' : 'plant_capacity_planned', { value: number(capacity.value, lang), year: capacity.year })}
              <br />
              <SourceLink id={capacity.source} grade={capacity.grade} sources={sources} lang={lang} />
            </>
          ) : (
            t(lang, 'unknown')
          )}
        </dd>
        <dt>{t(lang, 'plant_output')}</dt>
        <dd data-field="output">
          {output ? (
            <>
              {t(lang, 'plant_output_value', { value: number(output.value, lang), year: output.year })}
              <br />
              <SourceLink id={output.source} grade={output.grade} sources={sources} lang={lang} />
            </>
          ) : (
            t(lang, 'unknown')
          )}
        </dd>
      </dl>
      {plant.note && <p class="note">{plant.note[lang]}</p>}
      <h3>{t(lang, 'plant_sources')}</h3>
      <ul class="figure-sources" data-field="sources">
        {plant.sources.map(({ id, grade }) => (
          <li key={id}>
            <SourceLink id={id} grade={grade} sources={sources} lang={lang} />
          </li>
        ))}
      </ul>
    </section>
  );
}
