/**
 * What either map is told and what it offers: MapLibre's AtlasMap (src/map) and the 2D CanvasMap (src/paint2d) both
 * meet `AtlasView`, so src/main.tsx draws, focuses and removes "the map" without asking which one is on screen.
 * Here, below both, because neither may import the other (ARCHITECTURE.md).
 */
import type { MapColouring } from '../model/map-colouring';
import type { Padding } from './free-frame';
import type { BoundaryLines } from '../model/units';
import type { Basemap, Camera, Lang, Level } from '../state/view-state';

/** West, south, east, north (degrees). */
export type Bounds = readonly [west: number, south: number, east: number, north: number];

/** Everything a map draws, derived from the app state. */
export interface MapView {
  level: Level;
  lang: Lang;
  zones: boolean;
  /** Whether the vehicle assembly plants are shown (model/plants.ts, plantsShown). */
  plants: boolean;
  /** A unit's id, or a plant's `plant:` selection. */
  selected: string | null;
  /** A unit pointed at outside the map (a chart's bar or line), outlined as a hovered one is. */
  highlighted: string | null;
  /** null: the default framing, `defaultBounds`. */
  camera: Camera | null;
  /** Each unit's fill and circle radius; null: membership colours only. */
  colouring: MapColouring | null;
  /** The boundaries' credit in the view's language (strings.ts, map_credit); MapLibre's attribution control shows it. */
  attribution: string;
  /** The 2D map has no basemap: it ignores this. */
  basemap: Basemap;
  /** All China's boundary lines once loaded (null before): MapLibre's source; the 2D map reads its scene's. */
  nationalLines: BoundaryLines | null;
  /** The default framing (camera null): the Circle, or all China at that level. */
  defaultBounds: Bounds;
  /** Where the default framing goes: the part of the map the panels leave free (look/free-frame.ts). */
  framePadding: Padding;
  /**
   * Embedded in another page (`embed=1`): the wheel and one finger scroll that page; Ctrl (⌘) + wheel zooms the map
   * and two fingers move it, as MapLibre's cooperativeGestures does.
   */
  cooperativeGestures: boolean;
}

/** What the user does on a map, the same from either, so the store cannot tell which map was touched. */
export interface MapHandlers {
  /** `alsoHere`: the other units and zones at the clicked point, which the panel offers instead (look/pick.ts). */
  onSelect(id: string | null, alsoHere?: readonly string[]): void;
  onHover(id: string | null, point: { x: number; y: number } | null): void;
  onCamera(camera: Camera): void;
  /** The online basemap showed no tile in time, or its tiles failed: the view should go back to the offline style. */
  onBasemapFailed(): void;
}

/** A live map in the page. */
export interface AtlasView {
  /** Draws `view`; a camera the map itself reported comes back rounded and leaves it where it is. */
  update(view: MapView): void;
  /** Frames a unit's bounds (after a search, say); the camera reaches the URL through `onCamera`. */
  focusBounds(bounds: Bounds): void;
  /** Takes the map out of the page and stops its listeners. */
  destroy(): void;
}
