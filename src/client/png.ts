/**
 * A PNG of a chart option drawn off screen, on a white background: the light PNG offered whatever
 * the screen's theme (the page's chart may be dark). The chart parts are those chart.ts and the
 * page registered with ECharts.
 */
import * as echarts from 'echarts/core';
import type { ChartOption } from '../lib/charts/option.ts';

export function lightPng(option: ChartOption, width: number, height: number): string {
  const holder = document.createElement('div');
  const chart = echarts.init(holder, null, { renderer: 'canvas', width: width || 800, height: height || 420 });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  } finally {
    chart.dispose();
  }
}
