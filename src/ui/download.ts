/**
 * Saving the map's picture: its file name, and the download itself (the picture is src/paint2d/export-png.ts's, or
 * as SVG export-svg.ts's).
 */
import type { ViewState } from '../state/view-state';

export type PictureFormat = 'png' | 'svg';

export function exportFileName(state: Pick<ViewState, 'indicator' | 'year' | 'level'>, format: PictureFormat = 'png'): string {
  return `chengyu-atlas_${state.indicator}_${state.year}_${state.level}.${format}`;
}

/** Saves `blob` as a download through a temporary link, as browsers only start downloads from one. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked only once the browser has had time to start reading it: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
