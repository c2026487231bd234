export interface HoverInfo {
  text: string;
  x: number;
  y: number;
}

/** Follows the pointer over the map; text only. */
export function Tooltip({ hover }: { hover: HoverInfo | null }) {
  if (!hover) return null;
  return (
    <div class="tooltip" role="status" style={{ transform: `translate(${hover.x + 14}px, ${hover.y + 14}px)` }}>
      {hover.text}
    </div>
  );
}
