/**
 * The panels of the default view (top bar, legend, the map's description), rendered at build time into index.html
 * beside the first view's map, so that the first frame is the whole view rather than a map waiting for its panels.
 * It is the app's own App component in the state a link without parameters opens, once per language and layout
 * (`PANEL_VARIANTS`); reveal.ts puts the copy that fits the link and the screen in place, and main.tsx renders the
 * live App into the very same elements (Preact's render keeps elements that match). Build only: loaded through
 * Vite (vite-plugin.ts), as the components import their styles.
 */
import type { Topology } from 'topojson-specification';
import { renderToString } from 'preact-render-to-string';
import { escapeHtml } from '../../geo/lib/indicators/render';
import { unitIndex } from '../data/boundaries';
import type { IndicatorDataset, IndicatorModel } from '../model/dataset';
import type { MapColouring } from '../model/map-colouring';
import type { UnitProps } from '../model/units';
import { createIndicatorModel } from '../model/derived';
import type { PlantsFile } from '../model/plants';
import { catalogOf } from '../state/catalog';
import { colouringCache } from '../state/colouring-cache';
import { Observable } from '../state/observable';
import { Store } from '../state/store';
import { stateParams } from '../state/url-codec';
import type { Catalog, Lang, ViewState } from '../state/view-state';
import { App, type MapMessage } from '../ui/App';
import type { HoverInfo } from '../ui/Tooltip';
import { PHONE_QUERY } from '../ui/layout';
import type { FirstViewPicture } from './link-rule';
import { FIRST_PANELS_CLASS, HELD_STYLE_ATTRIBUTE, PLACEHOLDER_ORIGIN, type PanelLayout } from './panel-copies';


export interface PanelVariant {
  lang: Lang;
  layout: PanelLayout;
}

export const PANEL_VARIANTS: readonly PanelVariant[] = [
  { lang: 'zh', layout: 'desktop' },
  { lang: 'en', layout: 'desktop' },
  { lang: 'zh', layout: 'phone' },
  { lang: 'en', layout: 'phone' },
];

/**
 * What a render reads of the browser, standing in for it while the components render in Node: the page's address
 * (the store decodes it), its history (written only for a link it corrects), and the layout media query. Effects,
 * which use the rest of the browser, do not run in renderToString.
 */
function inStaticPage<T>(search: string, layout: PanelLayout, render: () => T): T {
  const page: Record<string, unknown> = {
    location: new URL(`${PLACEHOLDER_ORIGIN}/${search}`),
    history: { pushState() {}, replaceState() {} },
    addEventListener() {},
    matchMedia: (query: string) => ({ matches: layout === 'phone' && query === PHONE_QUERY }),
  };
  const before = Object.keys(page).map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const [name, value] of Object.entries(page)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  try {
    return render();
  } finally {
    for (const [name, descriptor] of before) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
}

/** What every copy is rendered from, built once for all of them. */
export interface PanelsData {
  units: Map<string, UnitProps>;
  model: IndicatorModel;
  catalog: Catalog;
  colouringOf: (state: ViewState) => MapColouring;
  plants: PlantsFile;
}

export function panelsData(topology: Topology, dataset: IndicatorDataset, plants: PlantsFile): PanelsData {
  const units = unitIndex(topology);
  const model = createIndicatorModel(dataset, [...units.values()]);
  return { units, model, catalog: catalogOf(units, model, dataset), colouringOf: colouringCache(model, units), plants };
}

/**
 * The App's markup for a link without parameters but `lang`, on a screen of `layout`, and the parameters a link must
 * leave out or write as that one does to open it (link-rule.ts): every one, as any of them changes the panels.
 */
export function panelsMarkup({ units, model, catalog, colouringOf, plants }: PanelsData, { lang, layout }: PanelVariant): { markup: string; picture: FirstViewPicture } {
  const search = lang === 'zh' ? '' : `?lang=${lang}`;
  return inStaticPage(search, layout, () => {
    const store = new Store(catalog);
    if (store.ignored.get().length > 0) throw new Error(`panels: the default link with ${search} is not a clean link`);
    const markup = renderToString(
      <App
        store={store}
        units={units}
        model={model}
        plants={plants}
        colouringOf={colouringOf}
        hover={new Observable<HoverInfo | null>(null)}
        highlight={new Observable<string | null>(null)}
        picked={new Observable<readonly string[] | null>(null)}
        mapMessage={new Observable<MapMessage | null>(null)}
        basemapFailed={new Observable(false)}
        onlineBasemapAllowed={new Observable(false)}
        focusUnit={() => {}}
        exportPicture={() => Promise.reject(new Error('panels: a picture is not drawn at build time'))}
      />,
    );
    return { markup, picture: Object.fromEntries(stateParams(store.get()).map((p) => [p.name, p.value])) };
  });
}

/**
 * Style attributes kept as `data-style` for reveal.ts to apply: the page's Content-Security-Policy (style-src 'self')
 * refuses style attributes in markup, not styles set from a script. The renderer escapes `<`, `>` and `"` in
 * attribute values, so inside a tag ` style="` can only begin an attribute.
 */
function heldStyles(markup: string): string {
  return markup.replace(/(<[a-z][^<>]*?)\sstyle="/g, `$1 ${HELD_STYLE_ATTRIBUTE}="`);
}

/** Every variant's markup as an inert template, with its layout and link rule, for reveal.ts to pick from. */
export function firstPanelsMarkup(topology: Topology, dataset: IndicatorDataset, plants: PlantsFile): string {
  const data = panelsData(topology, dataset, plants);
  return PANEL_VARIANTS.map((variant) => {
    const { markup, picture } = panelsMarkup(data, variant);
    // Text the renderer wrote is escaped, so nothing in it can close the template early; checked all the same.
    if (/<\/template/i.test(markup)) throw new Error('panels: the markup contains "</template"');
    const htmlLang = variant.lang === 'zh' ? 'zh-CN' : 'en';
    return `<template class="${FIRST_PANELS_CLASS}" data-layout="${variant.layout}" data-lang="${htmlLang}" data-picture="${escapeHtml(JSON.stringify(picture))}">${heldStyles(markup)}</template>`;
  }).join('');
}
