import { outcomeChartSvg } from '../../../src/modules/portal/public/outcome-chart';

/** Every chart made, and whether it was disposed (an undisposed SSR chart leaks its zrender). */
const mockCharts: Array<{ disposed: boolean }> = [];
jest.mock('echarts', () => {
  const actual = jest.requireActual<typeof import('echarts')>('echarts');
  return {
    ...actual,
    init: (...args: Parameters<typeof actual.init>) => {
      const chart = actual.init(...args);
      const seen = { disposed: false };
      mockCharts.push(seen);
      const dispose = chart.dispose.bind(chart);
      chart.dispose = () => {
        seen.disposed = true;
        dispose();
      };
      return chart;
    },
  };
});

describe(outcomeChartSvg.name, () => {
  it('draws one labelled bar per group as SVG, and disposes of the chart', () => {
    const svg = outcomeChartSvg([
      { label: '（一）予以公开', n: 12 },
      { label: '（四）无法提供', n: 7 },
    ]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640" height="320"');
    expect(svg).toContain('（一）予以公开');
    expect(svg).toContain('>12</text>');
    expect(svg).toContain('>7</text>');
    expect(svg).not.toContain('<script');
    expect(mockCharts).toEqual([{ disposed: true }]);
  });
});
