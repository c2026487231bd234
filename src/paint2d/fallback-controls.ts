/**
 * What the 2D map adds where it is the only map (no WebGL2): zoom buttons in place of MapLibre's, and a line saying
 * why the map is simpler. Plain DOM in the map container, so the panels (src/ui) need not know.
 */
import type { Lang } from '../state/view-state';

const TEXT: Record<Lang, { notice: string; zoomIn: string; zoomOut: string }> = {
  zh: { notice: '此浏览器无法使用交互式 WebGL 地图，现显示简化地图（可拖动、缩放、点击）。', zoomIn: '放大', zoomOut: '缩小' },
  en: {
    notice: 'The interactive WebGL map is unavailable in this browser; showing a simplified map (drag, zoom, click).',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
  },
};

export interface FallbackControls {
  setLang(lang: Lang): void;
}

export function mountFallbackControls(container: HTMLElement, lang: Lang, zoomBy: (delta: number) => void): FallbackControls {
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
    notice.textContent = TEXT[next].notice;
    notice.lang = next === 'zh' ? 'zh-CN' : 'en';
    zoomIn.setAttribute('aria-label', TEXT[next].zoomIn);
    zoomOut.setAttribute('aria-label', TEXT[next].zoomOut);
    zoomIn.title = TEXT[next].zoomIn;
    zoomOut.title = TEXT[next].zoomOut;
  };
  setLang(lang);
  return { setLang };
}
