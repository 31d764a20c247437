// ECharts, tree-shaken to the charts the cockpit uses, the registration of the area maps
// (area_maps.js fetches them on demand) and one palette per screen mode. makeChart() keeps every chart it creates so that the page can
// resize and dispose of them, and marks a chart's element data-rendered="1" once it has drawn
// (the browser tests wait for that).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** Registers the GeoJSON `geojson` as the map `name` (area_maps.js). */
export function registerAreaMap(name, geojson) {
  echarts.registerMap(name, geojson);
}

const palettes = {
  light: {
    text: '#1f2d3d',
    muted: '#5c6773',
    reference: '#ad4e00', // text of reference lines: 5:1 on white, where `secondary` is 2:1
    axis: '#c9d1db',
    split: '#edf0f4',
    up: '#d4380d',
    down: '#1d7f4e',
    primary: '#1f5fbf',
    secondary: '#f0a020',
    tertiary: '#13a8a8',
    series: ['#1f5fbf', '#f0a020', '#13a8a8', '#8a5cd0'],
    mapRange: ['#e6eefb', '#9cbcec', '#3f7fd8', '#1a4a9a'],
    mapBorder: '#ffffff',
  },
  wall: {
    text: '#e8f1ff',
    muted: '#8fa6c8',
    reference: '#ffc53d',
    axis: '#2f4a72',
    split: '#1b2f4d',
    up: '#ff6b4a',
    down: '#3fd28b',
    primary: '#3aa0ff',
    secondary: '#ffc53d',
    tertiary: '#36e2d4',
    series: ['#3aa0ff', '#ffc53d', '#36e2d4', '#b38cff'],
    mapRange: ['#123a66', '#1f6fb8', '#35a4ff', '#8fd3ff'],
    mapBorder: '#0b1a30',
  },
};

let mode = 'light';
const live = new Set();

/** Chooses the palette: 'light' (laptop) or 'wall' (大屏). */
export function setChartMode(next) {
  mode = next === 'wall' ? 'wall' : 'light';
}

/** The palette in force. */
export function palette() {
  return palettes[mode];
}

/** Base font size of chart text: larger on the wall screen. */
export function fontSize() {
  return mode === 'wall' ? 14 : 12;
}

/**
 * Draws `option` in `element` (a sized block) and calls onClick(params) for clicks on data.
 * Returns the chart; it is disposed of by disposeCharts().
 */
export function makeChart(element, option, onClick) {
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  element.dataset.rendered = '0';
  chart.on('finished', () => {
    element.dataset.rendered = '1';
  });
  if (onClick) {
    chart.on('click', onClick);
    element.classList.add('clickable');
  }
  const p = palettes[mode];
  chart.setOption({
    textStyle: { fontFamily: 'inherit', color: p.text, fontSize: fontSize() },
    animationDuration: 400,
    ...option,
  });
  live.add(chart);
  // The browser tests find a bar's pixel position through the chart (convertToPixel) to click it.
  element.zhizaoChart = chart;
  return chart;
}

/** Disposes of every chart drawn since the last call (before a view is replaced). */
export function disposeCharts() {
  for (const chart of live) chart.dispose();
  live.clear();
}

window.addEventListener('resize', () => {
  // One chart failing to lay itself out anew (ECharts' map can, when the window is resized while
  // its geo is being built) must not leave the others at the old size.
  for (const chart of live) {
    try {
      chart.resize();
    } catch (error) {
      console.warn('chart resize failed', error);
    }
  }
});

/** A value axis in the palette's colours. */
export function valueAxis(extra = {}) {
  const p = palettes[mode];
  return {
    type: 'value',
    axisLabel: { color: p.muted, fontSize: fontSize() - 1 },
    axisLine: { show: false },
    splitLine: { lineStyle: { color: p.split } },
    ...extra,
  };
}

/** A category axis in the palette's colours. */
export function categoryAxis(data, extra = {}) {
  const p = palettes[mode];
  return {
    type: 'category',
    data,
    axisLabel: { color: p.text, fontSize: fontSize() - 1 },
    axisLine: { lineStyle: { color: p.axis } },
    axisTick: { show: false },
    ...extra,
  };
}

/** A tooltip in the palette's colours. */
export function tooltip(extra = {}) {
  const dark = mode === 'wall';
  return {
    backgroundColor: dark ? 'rgba(8,24,48,0.92)' : 'rgba(255,255,255,0.96)',
    borderColor: dark ? '#2f4a72' : '#d9dee5',
    textStyle: { color: dark ? '#e8f1ff' : '#1f2d3d', fontSize: fontSize() },
    confine: true,
    ...extra,
  };
}
