/** Server-rendered SVG charts: pure functions from figures to accessible SVG strings. */
export { trendChart, describeTrend, segments, type TrendChartInput, type TrendSeries, type TrendPoint } from './trend-chart.js';
export { barChart, describeBars, type BarChartInput, type BarItem } from './bar-chart.js';
export { pChart, pLimits, describePChart, type PChartInput, type PChartPoint } from './p-chart.js';
export { chartId, esc, STYLES } from './svg.js';
export { checkWellFormed } from './xml-check.js';
