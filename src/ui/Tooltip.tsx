export interface HoverInfo {
  text: string;
  x: number;
  y: number;
}

const OFFSET_PX = 14;

/**
 * Where the tooltip goes: below right of the pointer, or on the other side of it in whichever direction the pointer
 * is past the middle of the screen, so a long name near the right or bottom edge stays on screen (a phone is narrow).
 * Percentages in a translate are of the tooltip's own size, which is not known before it is drawn.
 */
export function tooltipTransform(x: number, y: number, screen: { width: number; height: number }): string {
  const left = x > screen.width / 2 ? `calc(${x - OFFSET_PX}px - 100%)` : `${x + OFFSET_PX}px`;
  const top = y > screen.height / 2 ? `calc(${y - OFFSET_PX}px - 100%)` : `${y + OFFSET_PX}px`;
  return `translate(${left}, ${top})`;
}

/** Follows the pointer over the map; text only. */
export function Tooltip({ hover }: { hover: HoverInfo | null }) {
  if (!hover) return null;
  const screen = { width: window.innerWidth, height: window.innerHeight };
  return (
    <div class="tooltip" role="status" style={{ transform: tooltipTransform(hover.x, hover.y, screen) }}>
      {hover.text}
    </div>
  );
}
