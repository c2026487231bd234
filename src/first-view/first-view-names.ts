/** The names the first view draws (first-view.ts writes them, reveal.ts draws them): what both read, and no code. */
import type { LabelledObject } from '../model/units';
import type { Lang, Level } from '../state/view-state';

/** The canvas reveal.ts draws the names on; main.tsx removes it with the first view. */
export const FIRST_VIEW_NAMES_ID = 'first-view-names';

/**
 * The label points of the units the default level shows and of the zones, in the SVG's user units, with both
 * languages' zone suffixes.
 */
export interface FirstViewNames {
  level: Level;
  zoneSuffix: Record<Lang, string>;
  /** By the layer they belong to: [id, x, y, name_zh, name_en]. */
  points: Record<LabelledObject, [string, number, number, string, string][]>;
}
