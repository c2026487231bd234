/**
 * The words every part shares: the map's levels, the classifications, the app's languages, what a missing figure
 * reads. At the bottom of src/ (imports nothing):
 * the model, the strings (src/i18n) and the URL state (src/state/view-state.ts, which re-exports them for the codec)
 * all read them here, so none of those has to import another to name a level or a language.
 */

export const LEVELS = ['units', 'cities', 'districts', 'china'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * The indicator a level opens with when the link names none (or the shown one would leave it mostly grey), where it
 * differs from the catalog's default: all counties open on the 2020 census, which every county has; all China on the
 * area of each county, which the map has as soon as the boundaries arrive.
 */
export const LEVEL_INDICATOR: Readonly<Partial<Record<Level, string>>> = { districts: 'census_population', china: 'land_area' };

/** How a map's figures are cut into classes (src/model/classify.ts). */
export const CLASSIFICATIONS = ['quantile', 'ckmeans', 'equal'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** What a missing figure reads, in the panels, the legends and formatted values alike. */
export const NO_DATA_LABEL: Readonly<Record<Lang, string>> = { zh: '无数据', en: 'no data' };
