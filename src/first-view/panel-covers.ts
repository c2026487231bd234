/**
 * Where the panels lie over the map, measured in the page: what look/free-frame.ts frames the default view clear of.
 * Read by reveal.ts for the first view (once the panels' copy is placed) and by main.tsx for the maps, so that both
 * frame the same picture. Imports no code of the app's beyond the look's pure framing.
 */
import { MAP_COVERS, type Cover } from '../look/free-frame';

/** The boxes of the panels shown over `mapRoot`, CSS px from its top left corner. */
export function panelCovers(appRoot: Element, mapRoot: Element): Cover[] {
  const map = mapRoot.getBoundingClientRect();
  return [...appRoot.querySelectorAll(MAP_COVERS)]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left - map.left, top: r.top - map.top, right: r.right - map.left, bottom: r.bottom - map.top };
    });
}
