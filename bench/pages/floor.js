// The floor: the least a MapLibre page can do to draw the same polygons with a data-driven fill.
import { Map as MapLibreMap, Popup, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { BACKGROUND, BORDER, markSettled, scaleOfPage } from './scales.js';

setWorkerUrl(workerUrl);

const scale = scaleOfPage();
const data = await (await fetch(scale.url)).json();
const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: { units: { type: 'geojson', data } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } },
      { id: 'fill', type: 'fill', source: 'units', paint: { 'fill-color': scale.fillExpression } },
      { id: 'line', type: 'line', source: 'units', paint: { 'line-color': BORDER, 'line-width': 0.5 } },
    ],
  },
  bounds: data.bbox,
  fitBoundsOptions: { padding: 24 },
  attributionControl: false,
  fadeDuration: 0,
});
// MapLibre's constructor attaches its drag, wheel and click handlers.
performance.mark('bench:takes-input');
// The same moment the atlas marks as atlas:map-ready: MapLibre has its style and first tiles and takes input.
map.once('load', () => performance.mark('bench:map-loaded'));
map.once('idle', markSettled);
map.on('click', 'fill', (e) => {
  const text = document.createElement('p');
  text.textContent = scale.describe(e.features[0].properties);
  new Popup().setLngLat(e.lngLat).setDOMContent(text).addTo(map);
});
