/**
 * What the 2D map adds where it is the only map (no WebGL2, or MapLibre's code missing): zoom buttons in place of
 * MapLibre's, and a line saying why the map is simpler. Plain DOM in the map container, so the panels (src/ui) need
 * not know.
 */
import type { Lang } from '../state/view-state';

/** Why the 2D map is the only map: the browser has no WebGL2, or MapLibre's code did not arrive (offline, a deploy
 *  that replaced it while the page was open). */
export type FallbackReason = 'no-webgl' | 'map-code-failed';

const TEXT: Record<Lang, { notice: Record<FallbackReason, string>; zoomIn: string; zoomOut: string }> = {
  zh: {
    notice: {
      'no-webgl': '此浏览器无法使用交互式 WebGL 地图，现显示简化地图（可拖动、缩放、点击）。',
      'map-code-failed': '交互式地图的程序未能下载（网络中断？），现显示简化地图（可拖动、缩放、点击）。刷新页面可重试。',
    },
    zoomIn: '放大',
    zoomOut: '缩小',
  },
  en: {
    notice: {
      'no-webgl': 'The interactive WebGL map is unavailable in this browser; showing a simplified map (drag, zoom, click).',
      'map-code-failed':
        "The interactive map's code could not be downloaded (offline?); showing a simplified map (drag, zoom, click). Reload the page to try again.",
    },
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
  },
};

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
  const notice = document.createElement('p');
  notice.className = 'map2d-notice';
  notice.setAttribute('role', 'status');
  container.append(zoom, notice);
  const setLang = (next: Lang) => {
    notice.textContent = TEXT[next].notice[reason];
    notice.lang = next === 'zh' ? 'zh-CN' : 'en';
    zoomIn.setAttribute('aria-label', TEXT[next].zoomIn);
    zoomOut.setAttribute('aria-label', TEXT[next].zoomOut);
    zoomIn.title = TEXT[next].zoomIn;
    zoomOut.title = TEXT[next].zoomOut;
  };
  setLang(lang);
  return { setLang };
}
