/**
 * Drags, wheel zooms and clicks on a map element, followed as the movement of its picture on screen. The first view
 * (src/first-view/reveal.ts) moves its drawn picture by it before the app's script has run; the 2D map turns it into
 * its camera. The one object passes from the first to the second with what it holds (a press still down, a movement
 * not yet drawn into a camera, a click not yet answered), so nothing the user does before MapLibre takes over is lost.
 * No imports: reveal.ts is a classic script that stands alone.
 */

/** A picture's movement on screen: what was drawn at CSS px p is shown at scale · p + (x, y). */
export interface Movement {
  scale: number;
  x: number;
  y: number;
}

export const STILL: Movement = { scale: 1, x: 0, y: 0 };

/** Whether `movement` leaves the picture where it was (compared by value: the first view has its own STILL). */
export function isStill({ scale, x, y }: Movement): boolean {
  return scale === 1 && x === 0 && y === 0;
}

/** Pointer travel (CSS px) under which a press counts as a click, not a drag. */
const CLICK_SLOP = 3;
/** MapLibre's mouse-wheel rate: zoom levels per wheel pixel. */
const WHEEL_ZOOM_RATE = 1 / 450;
/** A wheel zoom ends once the wheel rests this long, as MapLibre's moveend comes. */
const WHEEL_SETTLE_MS = 200;
/** Wheel px per line, for wheels that count in lines. */
const WHEEL_LINE_PX = 40;

export interface GestureHandlers {
  /** The picture moved under way of a drag or wheel zoom. */
  moved(movement: Movement): void;
  /** A drag or wheel zoom ended. */
  settled?(movement: Movement): void;
  /** A press released without moving, at CSS px of the map. Without this handler the click waits for one. */
  clicked?(x: number, y: number): void;
  /** The pointer moved with no button down (null: it left the element). */
  hovered?(point: { x: number; y: number } | null): void;
  /** Cooperative: a gesture was left to the page; say how to move the map instead. */
  leftToPage?(gesture: 'wheel' | 'one-finger'): void;
}

/** Two touches: where their midpoint was, how far apart they were, and the movement then. */
interface Pinch {
  x: number;
  y: number;
  distance: number;
  from: Movement;
}

interface Press {
  pointerId: number;
  /** Where the pointer was when the movement was `from`, and where it is now (CSS px of the map). */
  startX: number;
  startY: number;
  x: number;
  y: number;
  from: Movement;
  dragging: boolean;
}

export class Gestures {
  /** The movement since the picture was last drawn still (`rebase`). */
  movement: Movement = STILL;
  /**
   * Embedded in another page (MapLibre's cooperativeGestures): the wheel without Ctrl (⌘) and one finger scroll the
   * page (the element's touch-action lets the browser pan it); two fingers move the picture.
   */
  cooperative = false;
  /** Touches down while cooperative, at CSS px of the map. */
  private touches = new Map<number, { x: number; y: number }>();
  private pinch: Pinch | null = null;
  private press: Press | null = null;
  /** A click no handler has answered yet, in CSS px of the still picture. */
  private heldClick: { x: number; y: number } | null = null;
  /** The scales the movement may reach: the map's zoom limits as seen from the still picture. */
  private scaleRange: readonly [number, number] = [0, Infinity];
  private wheelTimer: ReturnType<typeof setTimeout> | undefined;
  private idleWaiters: (() => void)[] = [];
  private element: HTMLElement;
  private handlers: GestureHandlers;

  constructor(element: HTMLElement, handlers: GestureHandlers) {
    this.element = element;
    this.handlers = handlers;
    this.listen(element);
  }

  /** Whether a drag or wheel zoom is under way: a press is down, or the wheel not yet at rest. */
  get busy(): boolean {
    return this.press !== null || this.pinch !== null || this.wheelTimer !== undefined;
  }

  /** Resolves once no drag or wheel zoom is under way. */
  whenIdle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  /**
   * Follows another element from now on, for other handlers: a press still down goes on there (the pointer is
   * captured by it), and a click not yet answered is answered by them.
   */
  attach(element: HTMLElement, handlers: GestureHandlers): void {
    this.unlisten(this.element);
    this.element = element;
    this.handlers = handlers;
    this.listen(element);
    if (this.press) this.capture(this.press.pointerId);
    const click = this.heldClick;
    if (click && handlers.clicked) {
      this.heldClick = null;
      handlers.clicked(click.x * this.movement.scale + this.movement.x, click.y * this.movement.scale + this.movement.y);
    }
  }

  /**
   * The picture is drawn as moved (into a camera, say): the movement starts again from still, and may reach
   * `zoomRange` (zoom levels below and above the picture's own; scale 2^zoom).
   */
  rebase(zoomRange: readonly [number, number] = [-Infinity, Infinity]): void {
    this.movement = STILL;
    this.scaleRange = [2 ** zoomRange[0], 2 ** zoomRange[1]];
    if (this.press) Object.assign(this.press, { startX: this.press.x, startY: this.press.y, from: STILL });
  }

  /** Stops following the element. */
  detach(): void {
    this.unlisten(this.element);
    clearTimeout(this.wheelTimer);
    this.wheelTimer = undefined;
    this.press = null;
    this.pinch = null;
    this.touches.clear();
  }

  private cooperativeTouch(e: PointerEvent): boolean {
    return this.cooperative && e.pointerType === 'touch';
  }

  private twoFingers(): { x: number; y: number; distance: number } {
    const [a, b] = [...this.touches.values()];
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, distance: Math.hypot(a.x - b.x, a.y - b.y) };
  }

  /** Cooperative touches: one finger may still tap; a second starts a pinch that pans and zooms. */
  private touchDown(e: PointerEvent): void {
    const point = this.pointOf(e);
    this.touches.set(e.pointerId, point);
    if (this.touches.size === 2) {
      this.press = null;
      this.pinch = { ...this.twoFingers(), from: this.movement };
    } else if (this.touches.size === 1) {
      this.press = { pointerId: e.pointerId, startX: point.x, startY: point.y, x: point.x, y: point.y, from: this.movement, dragging: false };
    }
  }

  private touchMove(e: PointerEvent): void {
    const point = this.pointOf(e);
    this.touches.set(e.pointerId, point);
    const pinch = this.pinch;
    if (pinch && this.touches.size === 2) {
      const now = this.twoFingers();
      const [min, max] = this.scaleRange;
      const scale = Math.min(Math.max(pinch.from.scale * (now.distance / pinch.distance || 1), min), max);
      const k = scale / pinch.from.scale;
      // The picture's point under the fingers' first midpoint follows the midpoint.
      this.move({ scale, x: now.x - k * (pinch.x - pinch.from.x), y: now.y - k * (pinch.y - pinch.from.y) });
    } else if (this.press && Math.hypot(point.x - this.press.startX, point.y - this.press.startY) >= CLICK_SLOP) {
      this.press = null;
      this.handlers.leftToPage?.('one-finger');
      this.resolveIdle();
    }
  }

  private touchEnd(e: PointerEvent): void {
    this.touches.delete(e.pointerId);
    if (this.pinch) {
      this.pinch = null;
      this.press = null;
      this.handlers.settled?.(this.movement);
    } else if (this.press?.pointerId === e.pointerId) {
      this.press = null;
      if (e.type === 'pointerup') this.click(this.pointOf(e));
    }
    this.resolveIdle();
  }

  private readonly onPointerDown = (e: PointerEvent) => {
    if (this.cooperativeTouch(e)) return this.touchDown(e);
    if (e.button !== 0 || this.press) return;
    this.capture(e.pointerId);
    const { x, y } = this.pointOf(e);
    this.press = { pointerId: e.pointerId, startX: x, startY: y, x, y, from: this.movement, dragging: false };
  };

  private readonly onPointerMove = (e: PointerEvent) => {
    if (this.cooperativeTouch(e) && this.touches.has(e.pointerId)) return this.touchMove(e);
    const point = this.pointOf(e);
    const press = this.press;
    if (!press || press.pointerId !== e.pointerId) return this.handlers.hovered?.(point);
    press.x = point.x;
    press.y = point.y;
    const dx = point.x - press.startX;
    const dy = point.y - press.startY;
    if (!press.dragging && Math.hypot(dx, dy) < CLICK_SLOP) return;
    press.dragging = true;
    this.move({ ...press.from, x: press.from.x + dx, y: press.from.y + dy });
  };

  private readonly onPointerEnd = (e: PointerEvent) => {
    if (this.cooperativeTouch(e) && this.touches.has(e.pointerId)) return this.touchEnd(e);
    const press = this.press;
    if (!press || press.pointerId !== e.pointerId) return;
    this.press = null;
    if (press.dragging) this.handlers.settled?.(this.movement);
    else if (e.type === 'pointerup') this.click(this.pointOf(e));
    this.resolveIdle();
  };

  private readonly onPointerLeave = () => {
    if (!this.press) this.handlers.hovered?.(null);
  };

  private readonly onWheel = (e: WheelEvent) => {
    // Embedded: the wheel scrolls the page, unless Ctrl (⌘) asks the map to zoom.
    if (this.cooperative && !e.ctrlKey && !e.metaKey) return this.handlers.leftToPage?.('wheel');
    e.preventDefault();
    const { x, y } = this.pointOf(e);
    const pixels = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * WHEEL_LINE_PX : e.deltaY;
    const { scale } = this.movement;
    const [min, max] = this.scaleRange;
    const next = Math.min(Math.max(scale * 2 ** (-pixels * WHEEL_ZOOM_RATE), min), max);
    const k = next / scale;
    this.move({ scale: next, x: x - k * (x - this.movement.x), y: y - k * (y - this.movement.y) });
    // A press down goes on from here.
    if (this.press) Object.assign(this.press, { startX: this.press.x, startY: this.press.y, from: this.movement });
    clearTimeout(this.wheelTimer);
    this.wheelTimer = setTimeout(() => {
      this.wheelTimer = undefined;
      if (!this.press) this.handlers.settled?.(this.movement);
      this.resolveIdle();
    }, WHEEL_SETTLE_MS);
  };

  private move(movement: Movement): void {
    this.movement = movement;
    this.handlers.moved(movement);
  }

  private click(point: { x: number; y: number }): void {
    if (this.handlers.clicked) return this.handlers.clicked(point.x, point.y);
    const { scale, x, y } = this.movement;
    this.heldClick = { x: (point.x - x) / scale, y: (point.y - y) / scale };
  }

  private resolveIdle(): void {
    if (this.busy) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private capture(pointerId: number): void {
    try {
      this.element.setPointerCapture(pointerId);
    } catch {
      // The pointer is no longer down (released between the events): its pointerup has been or will be seen.
    }
  }

  /** CSS px of the map's container: the element itself may be moved by the gesture (the first view's transform). */
  private pointOf(e: MouseEvent): { x: number; y: number } {
    const rect = (this.element.parentElement ?? this.element).getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  private listeners(): [string, EventListener][] {
    return [
      ['pointerdown', this.onPointerDown as EventListener],
      ['pointermove', this.onPointerMove as EventListener],
      ['pointerup', this.onPointerEnd as EventListener],
      ['pointercancel', this.onPointerEnd as EventListener],
      ['pointerleave', this.onPointerLeave],
      ['wheel', this.onWheel as EventListener],
    ];
  }

  private listen(element: HTMLElement): void {
    // Not passive: a wheel over the map zooms it, not the page.
    for (const [type, listener] of this.listeners()) element.addEventListener(type, listener, { passive: false });
  }

  private unlisten(element: HTMLElement): void {
    for (const [type, listener] of this.listeners()) element.removeEventListener(type, listener);
  }
}

/** Where the first view leaves its gestures for the 2D map (a registered symbol: the two are separate scripts). */
const CARRIED = Symbol.for('chengyu-atlas.gestures');

/** Leaves `gestures` on `element` for whoever takes over from it. */
export function leaveGestures(element: HTMLElement, gestures: Gestures): void {
  Object.assign(element, { [CARRIED]: gestures });
}

/** The gestures left on `element`, if any. */
export function gesturesLeftOn(element: HTMLElement): Gestures | null {
  return (element as unknown as Record<symbol, Gestures | undefined>)[CARRIED] ?? null;
}
