/**
 * A small dependency-free SVG line-chart writer (SVG 1.1, W3C 2011): one or more series of (x, y) points,
 * linear axes with "nice" ticks (1, 2, 5 × 10ⁿ; Heckbert, "Nice numbers for graph labels", Graphics Gems,
 * 1990), optional custom x ticks (dates), title and axis labels. Output is deterministic text.
 */

export interface ChartSeries {
  readonly name: string;
  /** Points in data units; non-finite points are dropped (never drawn as NaN). */
  readonly points: readonly (readonly [number, number])[];
  readonly color?: string;
}

export interface ChartTick {
  readonly value: number;
  readonly label: string;
}

export interface LineChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly ChartSeries[];
  /** Pixel size (default 960 × 540). */
  readonly width?: number;
  readonly height?: number;
  /** Custom x ticks (e.g. month starts); default: nice numeric ticks. */
  readonly xTicks?: readonly ChartTick[];
  /** Draw a dot at each point (default false). */
  readonly dots?: boolean;
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Nice tick values covering [lo, hi] (about `count` of them). */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`axis range must be finite, got ${lo}…${hi}`);
  if (hi <= lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const fmt = (v: number): string => (Math.round(v * 100) / 100).toString();

/** Renders the chart as an SVG document. Throws RangeError when there is nothing finite to draw. */
export function lineChartSvg(o: LineChartOptions): string {
  const width = o.width ?? 960;
  const height = o.height ?? 540;
  const m = { left: 80, right: 24, top: 48, bottom: 64 };
  const series = o.series.map((s) => ({ ...s, points: s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)) }));
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) throw new RangeError('line chart: no finite points to draw');
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of all) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (x1 === x0) [x0, x1] = [x0 - 1, x1 + 1];
  const pad = (y1 - y0) * 0.05 || 1;
  [y0, y1] = [y0 - pad, y1 + pad];
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const sx = (x: number): number => m.left + ((x - x0) / (x1 - x0)) * pw;
  const sy = (y: number): number => m.top + (1 - (y - y0) / (y1 - y0)) * ph;
  const xTicks = o.xTicks ?? niceTicks(x0, x1).map((v) => ({ value: v, label: fmt(v) }));
  const yTicks = niceTicks(y0, y1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="28" text-anchor="middle" font-size="16">${escapeXml(o.title)}</text>`,
  ];
  for (const v of yTicks) {
    const y = fmt(sy(v));
    parts.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${m.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(fmt(v))}</text>`);
  }
  for (const t of xTicks.filter((t) => t.value >= x0 && t.value <= x1)) {
    const x = fmt(sx(t.value));
    parts.push(`<line x1="${x}" x2="${x}" y1="${m.top}" y2="${m.top + ph}" stroke="#eee"/>`);
    parts.push(`<text x="${x}" y="${m.top + ph + 18}" text-anchor="middle">${escapeXml(t.label)}</text>`);
  }
  parts.push(`<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${m.left + pw / 2}" y="${height - 16}" text-anchor="middle">${escapeXml(o.xLabel)}</text>`);
  parts.push(
    `<text transform="translate(20 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">${escapeXml(o.yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length] ?? '#000';
    const pts = s.points.map(([x, y]) => `${fmt(sx(x))},${fmt(sy(y))}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${escapeXml(color)}" stroke-width="1.5" points="${pts}"><title>${escapeXml(s.name)}</title></polyline>`);
    if (o.dots === true) for (const [x, y] of s.points) parts.push(`<circle cx="${fmt(sx(x))}" cy="${fmt(sy(y))}" r="1.5" fill="${escapeXml(color)}"/>`);
    parts.push(`<text x="${m.left + 10}" y="${m.top + 16 + 16 * i}" fill="${escapeXml(color)}">${escapeXml(s.name)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
