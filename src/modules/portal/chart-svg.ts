import type { EChartsOption } from 'echarts';

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 340;

/**
 * The chart drawn on the server as SVG (ECharts' SSR renderer): no script on the page, the image
 * works without JavaScript and prints. The chart is always disposed (it would keep the process
 * alive otherwise).
 */
export function chartSvg(
  option: EChartsOption,
  width = CHART_WIDTH,
  height = CHART_HEIGHT,
): string {
  // Loaded on the first chart only: a process (or test suite) that draws none never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const echarts = require('echarts') as typeof import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The SVG answer's policy: its own inline styles only, nothing loaded, no script. */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";
