import { chartSvg } from '../chart-svg';

export interface ChartBar {
  readonly label: string;
  readonly n: number;
}

/**
 * A small horizontal bar chart of the outcome mix as SVG, rendered on the server (ECharts SSR,
 * no script in the page: it is shown as an `<img>`, with the same figures in a table beside it).
 * Drawn by `chartSvg`, which always disposes the chart.
 */
export function outcomeChartSvg(bars: readonly ChartBar[], width = 640, height = 320): string {
  return chartSvg(
    {
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.label),
        axisLabel: { fontSize: 13, color: '#1b1b1f' },
      },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.n),
          itemStyle: { color: '#a4161a' },
          label: { show: true, position: 'right', color: '#1b1b1f' },
        },
      ],
    },
    width,
    height,
  );
}
