import { describe, expect, it } from 'vitest';
import { escapeXml, lineChartSvg, niceTicks } from './line-chart.js';

describe('SVG line chart', () => {
  it('nice ticks are 1/2/5 × 10ⁿ steps covering the range', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(413.2, 421.9, 6)).toEqual([414, 416, 418, 420]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(() => niceTicks(0, Number.NaN)).toThrow(RangeError);
  });

  it('draws every finite point, scales into the plot area, escapes text', () => {
    const svg = lineChartSvg({
      title: 'ISS <mean> altitude & steps',
      xLabel: 'UTC',
      yLabel: 'km',
      series: [{ name: 'a', points: [[0, 400], [1, 401], [2, Number.NaN], [3, 420]] }],
      width: 500,
      height: 300,
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('ISS &lt;mean&gt; altitude &amp; steps');
    const points = /points="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? [];
    expect(points.length).toBe(3); // the NaN point is dropped, not drawn
    for (const p of points) {
      const [x, y] = p.split(',').map(Number);
      expect(x).toBeGreaterThanOrEqual(80);
      expect(x).toBeLessThanOrEqual(500 - 24);
      expect(y).toBeGreaterThanOrEqual(48);
      expect(y).toBeLessThanOrEqual(300 - 64);
    }
    expect(svg).not.toContain('NaN');
  });

  it('refuses an empty chart', () => {
    expect(() => lineChartSvg({ title: '', xLabel: '', yLabel: '', series: [{ name: 'x', points: [] }] })).toThrow(RangeError);
    expect(escapeXml('"<&>"')).toBe('&quot;&lt;&amp;&gt;&quot;');
  });
});
