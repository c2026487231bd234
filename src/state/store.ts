import { linesFollowSelection, type Catalog, type ViewState } from './view-state';
import type { IgnoredParam } from './url-codec';
import { decodeUrl, encodeUrl } from './url-codec';
import { historyActionFor } from './history-policy';
import { appLink, appPath } from './link-path';
import { Observable } from './observable';

type Listener = (state: ViewState, prev: ViewState) => void;

/** How long camera moves wait before the URL follows (browsers throttle replaceState floods). */
const CAMERA_URL_DELAY_MS = 400;

/**
 * The app state and its mirror in the URL. Deliberate steps push a history entry so Back/Forward walk
 * through them; camera moves replace the current entry, throttled. Popstate decodes the URL again.
 */
export class Store {
  private state: ViewState;
  private extra: [string, string][];
  private readonly listeners = new Set<Listener>();
  private cameraTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the link held that the view could not use: read at the start, and units that never arrived. */
  readonly ignored: Observable<readonly IgnoredParam[]>;

  constructor(private catalog: Catalog) {
    const decoded = decodeUrl(location.search, location.hash, catalog);
    this.state = decoded.state;
    this.extra = decoded.extra;
    this.ignored = new Observable<readonly IgnoredParam[]>(decoded.ignored);
    // Rewrite a mangled URL into its sane form once, so what the address bar shows is what is on screen.
    if (decoded.ignored.length) history.replaceState(null, '', this.path());
    addEventListener('popstate', () => {
      const next = decodeUrl(location.search, location.hash, this.catalog);
      this.extra = next.extra;
      this.commit(next.state);
    });
  }

  get(): ViewState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Applies a change. `transient` steps (the year while the slider is dragged or playing) leave history alone;
   * `settle()` then records where they ended as one entry, so Back undoes the whole drag or animation.
   */
  update(patch: Partial<ViewState>, options: { transient?: boolean } = {}): void {
    const next = linesFollowSelection({ ...this.state, ...patch }, (id) => this.isUnit(id));
    const action = historyActionFor(this.state, next);
    if (action === 'none') return;
    // A camera move still waiting for its throttled URL write belongs to the entry being left: write it now,
    // or Back would return to the camera from before the move.
    const pendingCamera = this.cameraTimer !== undefined && action === 'push' && !options.transient ? this.path() : null;
    this.commit(next);
    if (options.transient) return;
    clearTimeout(this.cameraTimer);
    this.cameraTimer = undefined;
    if (action === 'push') {
      if (pendingCamera) history.replaceState(null, '', pendingCamera);
      history.pushState(null, '', this.path());
    } else {
      this.cameraTimer = setTimeout(() => {
        this.cameraTimer = undefined;
        history.replaceState(null, '', this.path());
      }, CAMERA_URL_DELAY_MS);
    }
  }

  /** Records the state reached by transient steps as one history entry, if it moved. */
  settle(): void {
    const path = this.path();
    if (path !== appPath(location.pathname, location.search, location.hash)) history.pushState(null, '', path);
  }

  /**
   * Units that arrived after start (all China's, with that level): links may now select them, and none is awaited
   * any more. A unit the view names that did not arrive is dropped and reported, its entry corrected.
   */
  addUnits(ids: readonly string[]): void {
    const before = this.catalog;
    this.catalog = { ...before, unitIds: [...new Set([...before.unitIds, ...ids])], awaitsUnit: undefined };
    // The view read again as a link, against what is now known: the codec drops and reports what is no unit.
    const { search, hash } = encodeUrl(this.state, before, this.extra);
    const checked = decodeUrl(search, hash, this.catalog);
    if (checked.ignored.length === 0) return;
    this.ignored.set([...this.ignored.get(), ...checked.ignored]);
    this.commit(checked.state);
    history.replaceState(null, '', this.path());
  }

  /** Tells every listener to draw the same view again: data behind it has arrived. History is left alone. */
  refresh(): void {
    this.commit({ ...this.state });
  }

  private isUnit(id: string): boolean {
    return this.catalog.unitIds.includes(id) || (this.catalog.awaitsUnit?.(id) ?? false);
  }

  /** The shareable address of the current view: absolute, on this page's origin. */
  url(): string {
    return this.urlFor({});
  }

  /** The address of the current view with `patch` applied, leaving the view as it is (its embed variant, say). */
  urlFor(patch: Partial<ViewState>): string {
    const { search, hash } = encodeUrl({ ...this.state, ...patch }, this.catalog, this.extra);
    return appLink(location, search, hash);
  }

  /** The current view as a same-origin path, for history entries (`pushState` throws for another origin). */
  path(): string {
    const { search, hash } = encodeUrl(this.state, this.catalog, this.extra);
    return appPath(location.pathname, search, hash);
  }

  private commit(next: ViewState): void {
    const prev = this.state;
    this.state = next;
    for (const l of this.listeners) l(next, prev);
  }
}
