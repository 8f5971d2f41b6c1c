/**
 * A page's first chart drawn at build time, as SVG images from ECharts' server-side renderer:
 * the reader sees it with the page's first paint, before any script has run (and without
 * scripts at all); the page script then puts the live chart in its place. One image for each
 * width class (a phone, a window or embed of about 700 px, anything wider) and theme (light,
 * dark); a <picture> picks one by media query. Images, not inline SVG: the site's CSP forbids the style attributes ECharts writes, and
 * an <img> can be timed (Element Timing, `elementtiming="chart-drawn"`).
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { describe } from '../lib/charts/describe.ts';
import { frameText } from '../lib/charts/frame-text.ts';
import { siteRoot } from '../lib/charts/embed.ts';
import { buildOption, chartHeight, estimateText } from '../lib/charts/option.ts';
import { drawsNothing } from '../lib/charts/view.ts';
import { dictionary, type Lang } from '../i18n/index.ts';
import type { FactsFile } from '../lib/dataset/layout.ts';
import { prepare, type PreparedChart } from './views.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendPlainComponent, TitleComponent, SVGRenderer]);

/**
 * The chart's width in px on a 390 px phone, in a window or embed about 700 px wide, and on a wide
 * screen (src/components/site.css: main's padding and max-width, the frame's border). An image is
 * scaled to the width it is shown at, its text with it: three widths keep the text at 3/4 of its
 * size or more from 601 px up (two gave half size at 601 px).
 */
export const DRAWN_WIDTHS = { narrow: 368, medium: 626, wide: 1066 } as const;
/** Where the narrow image is used (the stylesheet's phone breakpoint), and the medium one. */
const NARROW = '(max-width: 600px)';
const MEDIUM = '(max-width: 900px)';
const DARK = '(prefers-color-scheme: dark)';

export interface DrawnImage {
  src: string;
  width: number;
  height: number;
  /** Its width and theme as a file name part: `368`, `368.dark` (view-images.ts names its files so). */
  variant: string;
}

/** An image as SVG text. */
export interface DrawnSvg {
  variant: string;
  width: number;
  height: number;
  svg: string;
}

export interface DrawnChart {
  /** The chart's title and what it shows, for the image's alt text. */
  alt: string;
  /** <source> elements, in order: the first whose media query matches is used. */
  sources: (DrawnImage & { media: string })[];
  /** The light, wide image (the <img> itself). */
  fallback: DrawnImage;
  /** The notes under the chart (like with like, reports left out …), as the page script writes them. */
  notes: string[];
}

function svgText(option: ReturnType<typeof buildOption>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  // No tooltip (not registered here: nothing to point at in an image), no animation.
  const { tooltip: _, ...still } = option;
  chart.setOption({ ...still, animation: false });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const image = (width: number, dark: boolean, media: string | null) => ({ width, dark, media, variant: `${width}${dark ? '.dark' : ''}` });
/** Each image's width, theme and media query, in the order a <picture> tries them (the last, light and wide, is the <img>). */
export const DRAWN_IMAGES: { width: number; dark: boolean; media: string | null; variant: string }[] = [
  image(DRAWN_WIDTHS.narrow, true, `${NARROW} and ${DARK}`),
  image(DRAWN_WIDTHS.narrow, false, NARROW),
  image(DRAWN_WIDTHS.medium, true, `${MEDIUM} and ${DARK}`),
  image(DRAWN_WIDTHS.medium, false, MEDIUM),
  image(DRAWN_WIDTHS.wide, true, DARK),
  image(DRAWN_WIDTHS.wide, false, null),
];

/**
 * The images of a prepared chart as SVG text, one per width and theme (in DRAWN_IMAGES' order), or null
 * when it draws nothing (no report, or no figure). `version` and `root` make the source line.
 */
export function drawSvgs(chart: PreparedChart, lang: Lang, version: string, root: string): DrawnSvg[] | null {
  const { view } = chart;
  if (view.empty || drawsNothing(view)) return null;
  const text = frameText(lang, chart.state, view, chart.years, chart.reports, version, root);
  return DRAWN_IMAGES.map(({ width, dark, variant }) => {
    const height = chartHeight(view, text.subtitle, text.source, width, estimateText);
    return { variant, width, height, svg: svgText(buildOption(view, { ...text, dark, width, still: true, lang }), width, height) };
  });
}

/**
 * The images of a prepared chart, inlined, or null when it draws nothing: the page then shows what
 * its script says, as before.
 */
export function drawChart(chart: PreparedChart, lang: Lang, version: string, root: string): DrawnChart | null {
  const svgs = drawSvgs(chart, lang, version, root);
  if (!svgs) return null;
  const images = svgs.map(({ svg, ...image }) => ({ ...image, src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }));
  return {
    alt: `${chart.view.title}. ${describe(chart.view, dictionary(lang).describe)}`,
    sources: images.slice(0, -1).map((image, i) => ({ ...image, media: DRAWN_IMAGES[i]!.media! })),
    fallback: images[images.length - 1]!,
    notes: chart.view.notes,
  };
}

/** The site's address for a drawn chart's source line: as the live chart's (embed.ts siteRoot) when the site's address is configured. */
export function drawnRoot(site: URL | undefined, base: string): string {
  return site ? siteRoot(site.href, base) : base;
}

/** The chart the compare and embed pages show without parameters (DEFAULT_STATE), drawn. */
export function drawDefaultChart(facts: FactsFile, lang: Lang, version: string, root: string): DrawnChart | null {
  return drawChart(prepare(facts, lang, {}), lang, version, root);
}
