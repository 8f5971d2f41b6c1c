/**
 * The ECharts lifecycle in one place: register the few parts we use (tree-shaken imports from
 * echarts/core), init on an element, follow its size with a ResizeObserver, set options, export
 * PNG/SVG, dispose. The first 'rendered' and 'finished' events are marked (performance marks
 * `chart-rendered`, `chart-finished`), and every frame drawn fires `chartrendered` on the element,
 * for scripts/measure-pages.ts and the browser tests.
 */
import * as echarts from 'echarts/core';
import { GridComponent, LegendPlainComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { CHART_FONT, type ChartOption, type TextMeasure } from '../lib/charts/option.ts';

// Only what the charts use (each part costs page weight; see scripts/measure-pages.ts).
// The screen-reader description is our own text (describe.ts), so no AriaComponent. Tooltips
// load when a pointer first comes over a chart (the table view carries the same numbers).
// Series types are registered by the pages that draw them (line-bar.ts; the tile map's scatter).
echarts.use([GridComponent, LegendPlainComponent, TitleComponent, CanvasRenderer]);

let tooltip: Promise<unknown> | null = null;
const loadTooltip = () => (tooltip ??= import('echarts/lib/component/tooltip'));

export interface ChartHandle {
  render(option: ChartOption, height: number): void;
  /** Width the chart is drawn at. */
  width(): number;
  clear(): void;
  toPng(background: string): string;
  toSvg(option: ChartOption): Promise<string>;
  dispose(): void;
}

let measurer: CanvasRenderingContext2D | null = null;

/** Width of a text as the chart's canvas draws it (the same font ECharts is given). */
export const measureText: TextMeasure = (text, size, bold = false) => {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * size;
  measurer.font = `${bold ? 'bold ' : ''}${size}px ${CHART_FONT}`;
  return measurer.measureText(text).width;
};

let firstFinished = false;
let firstRendered = false;

export function mountChart(el: HTMLElement): ChartHandle {
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  // The marks time a chart: frames drawn before the first option (an empty canvas resized) do not count.
  let drawn = false;
  chart.on('rendered', () => {
    if (!drawn) return;
    if (!firstRendered) {
      firstRendered = true;
      performance.mark('chart-rendered');
    }
    el.dispatchEvent(new Event('chartrendered'));
  });
  chart.on('finished', () => {
    if (firstFinished || !drawn) return;
    firstFinished = true;
    performance.mark('chart-finished');
    document.documentElement.dataset.chartFinished = '1';
  });
  // Follow the element's size; no animation, and nothing to do when ECharts already has that size.
  const fit = () => {
    if (chart.getWidth() !== el.clientWidth || chart.getHeight() !== el.clientHeight) chart.resize({ animation: { duration: 0 } });
  };
  const observer = new ResizeObserver(fit);
  observer.observe(el);
  let last: ChartOption | null = null;
  el.addEventListener(
    'pointerenter',
    () => {
      void loadTooltip().then(() => {
        if (last?.tooltip) chart.setOption({ tooltip: last.tooltip });
      });
    },
    { once: true },
  );
  return {
    render(option, height) {
      last = option;
      if (el.style.height !== `${height}px`) {
        el.style.height = `${height}px`;
        fit();
      }
      drawn = true;
      chart.setOption(option, { notMerge: true });
    },
    width: () => el.clientWidth || 800,
    clear: () => chart.clear(),
    toPng: (background) => chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background }),
    async toSvg(option) {
      const { SVGRenderer } = await import('echarts/renderers');
      echarts.use(SVGRenderer);
      const ssr = echarts.init(null, null, { renderer: 'svg', ssr: true, width: el.clientWidth || 800, height: el.clientHeight || 420 });
      ssr.setOption({ ...option, animation: false });
      const svg = ssr.renderToSVGString();
      ssr.dispose();
      return svg;
    },
    dispose() {
      observer.disconnect();
      chart.dispose();
    },
  };
}
