/**
 * What the 2D map adds where it is the only map (no WebGL2, or MapLibre's code missing): zoom buttons in place of
 * MapLibre's, a line saying why the map is simpler, and the boundaries' credit in place of MapLibre's attribution. Plain DOM in the map container, so the panels (src/ui) need
 * not know.
 */
import { t, type Lang, type StringKey } from '../i18n/strings';

/** Why the 2D map is the only map: the browser has no WebGL2, or MapLibre's code did not arrive (offline, a deploy
 *  that replaced it while the page was open). */
export type FallbackReason = 'no-webgl' | 'map-code-failed';

const NOTICE_KEYS = { 'no-webgl': 'fallback_no_webgl', 'map-code-failed': 'fallback_map_code_failed' } as const satisfies Record<FallbackReason, StringKey>;

export interface FallbackControls {
  setLang(lang: Lang): void;
}

export function mountFallbackControls(container: HTMLElement, lang: Lang, reason: FallbackReason, zoomBy: (delta: number) => void): FallbackControls {
  const zoom = document.createElement('div');
  zoom.className = 'map2d-zoom';
  const button = (label: string, delta: number) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', () => zoomBy(delta));
    zoom.append(b);
    return b;
  };
  const zoomIn = button('+', 1);
  const zoomOut = button('−', -1);
  const footer = document.createElement('div');
  footer.className = 'map2d-footer';
  const notice = document.createElement('p');
  notice.className = 'map2d-notice';
  notice.setAttribute('role', 'status');
  const credit = document.createElement('p');
  credit.className = 'map2d-credit';
  footer.append(notice, credit);
  container.append(zoom, footer);
  const setLang = (next: Lang) => {
    notice.textContent = t(next, NOTICE_KEYS[reason]);
    credit.textContent = t(next, 'map_credit');
    footer.lang = next === 'zh' ? 'zh-CN' : 'en';
    zoomIn.setAttribute('aria-label', t(next, 'zoom_in'));
    zoomOut.setAttribute('aria-label', t(next, 'zoom_out'));
    zoomIn.title = t(next, 'zoom_in');
    zoomOut.title = t(next, 'zoom_out');
  };
  setLang(lang);
  return { setLang };
}
