// The peer: what one would build with ECharts instead, tree-shaken to the map series, tooltip and canvas renderer.
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { BACKGROUND, BORDER, markSettled, scaleOfPage } from './scales.js';

echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

// Web Mercator, so the shapes and framing match the MapLibre pages (ECharts' default is plain lng/lat).
const mercatorY = (lat) => (-180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const mercator = {
  project: ([lng, lat]) => [lng, mercatorY(lat)],
  unproject: ([x, y]) => [x, (360 / Math.PI) * Math.atan(Math.exp((-y * Math.PI) / 180)) - 90],
};

const scale = scaleOfPage();
const data = await (await fetch(scale.url)).json();
const [west, south, east, north] = data.bbox;
echarts.registerMap('units', data);
const chart = echarts.init(document.getElementById('map'), null, { renderer: 'canvas' });
chart.on('finished', markSettled);
chart.setOption({
  animation: false,
  backgroundColor: BACKGROUND,
  tooltip: { trigger: 'item', triggerOn: 'click', className: 'peer-tooltip', transitionDuration: 0 },
  series: [
    {
      type: 'map',
      map: 'units',
      nameProperty: 'id',
      projection: mercator,
      boundingCoords: [[west, north], [east, south]],
      aspectScale: 1,
      preserveAspect: 'contain',
      left: 24,
      right: 24,
      top: 24,
      bottom: 24,
      label: { show: false },
      select: { disabled: true },
      itemStyle: { borderColor: BORDER, borderWidth: 0.5 },
      tooltip: { formatter: (item) => scale.describe(item.data.props) },
      data: data.features.map((f) => ({ name: f.properties.id, props: f.properties, itemStyle: { areaColor: scale.colourOf(f.properties) } })),
    },
  ],
});
// The series takes clicks (its tooltip) from here; it does not pan or zoom.
performance.mark('bench:takes-input');
