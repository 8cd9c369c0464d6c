export { lineChartSvg, niceTicks, escapeXml, type ChartSeries, type ChartTick, type LineChartOptions } from './line-chart.js';
