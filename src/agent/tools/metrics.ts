import type { MetricDataQuery } from '../../aws/services/metrics';
import { fromMetricAlarm } from '../../core/alarms/model';
import { comparisonSymbol, formatNumber } from '../../core/alarms/model';
import { parseTimeRange, RANGE_FORMS, windowFor } from '../../core/time/ranges';
import { cell, iso, table } from './text';
import { numberArg, regionsOf, stringArg, type AgentTool } from './types';

const MAX_POINTS = 30;
const DEFAULT_RANGE = '3h';

interface Dimension {
  name: string;
  value: string;
}

function dimensionsArg(value: unknown): Dimension[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === 'string').slice(0, 30).map(([name, v]) => ({ name, value: v as string }));
}

/** At most `max` points: each the mean of an equal run of the series. */
export function downsample(timestamps: readonly number[], values: readonly number[], max: number): { at: number; value: number }[] {
  const size = Math.max(1, Math.ceil(values.length / max));
  const out: { at: number; value: number }[] = [];
  for (let i = 0; i < values.length; i += size) {
    const run = values.slice(i, i + size);
    out.push({ at: timestamps[i], value: run.reduce((a, b) => a + b, 0) / run.length });
  }
  return out;
}

export const getMetricData: AgentTool = {
  name: 'opsLens_getMetricData',
  displayName: 'Get CloudWatch metric data',
  modelDescription: `Reads a CloudWatch metric over a time range and answers with summary statistics (points, minimum, maximum, average, latest) and the series downsampled to at most ${MAX_POINTS} points (each the mean of the points it covers). Give either an alarm's exact name (its metric, statistic and period are used, with its threshold) or namespace, metricName, dimensions (an object of name to value), statistic (default Average) and period in seconds (default 60). range: ${RANGE_FORMS}; default ${DEFAULT_RANGE}.`,
  inputSchema: {
    type: 'object',
    properties: {
      alarmName: { type: 'string', description: 'An alarm whose metric to read.' },
      namespace: { type: 'string', description: 'Metric namespace, e.g. AWS/ECS.' },
      metricName: { type: 'string', description: 'Metric name, e.g. CPUUtilization.' },
      dimensions: { type: 'object', additionalProperties: { type: 'string' }, description: 'Dimension name to value, e.g. {"ClusterName": "prod"}.' },
      statistic: { type: 'string', description: 'Average, Sum, Minimum, Maximum, SampleCount or a percentile such as p99. Default Average.' },
      period: { type: 'number', description: 'Seconds per data point (multiple of 60). Default 60.' },
      range: { type: 'string', description: `How far back, e.g. 1h, 3h, 2d. Default ${DEFAULT_RANGE}.` },
      region: { type: 'string', description: 'AWS region. Default: the first configured region.' },
    },
    additionalProperties: false,
  },
  async run(input, ctx) {
    if (!ctx.metrics) return 'Metric data is not available here.';
    const range = stringArg(input, 'range') ?? DEFAULT_RANGE;
    const window = parseTimeRange(range) ? windowFor(range, ctx.now?.() ?? new Date()) : undefined;
    if (!window) return `The range "${cell(range, 100)}" is not ${RANGE_FORMS}.`;
    const regions = await regionsOf(input, ctx);
    let region = regions[0];
    let query: MetricDataQuery;
    let label: string;
    let threshold = '';
    const alarmName = stringArg(input, 'alarmName');
    if (alarmName) {
      // With several regions (or profiles), the first where the alarm is.
      let found;
      for (const where of regions) {
        found = (await ctx.metrics.describeAlarms(where, [alarmName])).metricAlarms[0];
        region = where;
        if (found) break;
      }
      if (!found) return `No metric alarm named "${cell(alarmName, 200)}" in ${regions.join(', ')}.`;
      const alarm = fromMetricAlarm(region, found);
      if (!alarm.metric) return `Alarm ${alarm.name} is a metric-math alarm; give its metric instead.`;
      query = { Id: 'm0', MetricStat: { Metric: { Namespace: alarm.metric.namespace, MetricName: alarm.metric.name, Dimensions: alarm.metric.dimensions.map((d) => ({ Name: d.name, Value: d.value })) }, Stat: alarm.metric.statistic, Period: alarm.metric.period }, ReturnData: true };
      label = `${alarm.metric.namespace} ${alarm.metric.name} ${alarm.metric.dimensions.map((d) => `${d.name}=${d.value}`).join(', ')} (${alarm.metric.statistic}, ${alarm.metric.period}s)`;
      if (alarm.threshold !== undefined) threshold = ` Alarm ${alarm.name}: ${comparisonSymbol(alarm.comparison)} ${formatNumber(alarm.threshold)}, now ${alarm.state}.`;
    } else {
      const namespace = stringArg(input, 'namespace');
      const metricName = stringArg(input, 'metricName');
      if (!namespace || !metricName) return 'Give an alarm\'s name, or a namespace and metricName.';
      const dimensions = dimensionsArg(input.dimensions);
      const statistic = stringArg(input, 'statistic') ?? 'Average';
      const period = Math.ceil(numberArg(input, 'period', 60, 1, 86400 * 7) / 60) * 60;
      query = { Id: 'm0', MetricStat: { Metric: { Namespace: namespace, MetricName: metricName, Dimensions: dimensions.map((d) => ({ Name: d.name, Value: d.value })) }, Stat: statistic, Period: period }, ReturnData: true };
      label = `${namespace} ${metricName} ${dimensions.map((d) => `${d.name}=${d.value}`).join(', ')} (${statistic}, ${period}s)`;
    }
    const response = await ctx.metrics.getMetricData(region, [query], window.start, window.end);
    const series = response.series[0];
    const values = series?.values ?? [];
    const head = `${cell(label, 300)} in ${region}, ${iso(window.start)} to ${iso(window.end)} (${range}).${threshold}`;
    if (!series || values.length === 0) return `${head}\nNo data points.`;
    const order = series.timestamps.map((t, i) => i).sort((a, b) => series.timestamps[a] - series.timestamps[b]);
    const timestamps = order.map((i) => series.timestamps[i]);
    const sorted = order.map((i) => values[i]);
    const sum = sorted.reduce((a, b) => a + b, 0);
    const points = downsample(timestamps, sorted, MAX_POINTS);
    return [
      head,
      `${sorted.length} point(s): minimum ${formatNumber(Math.min(...sorted))}, maximum ${formatNumber(Math.max(...sorted))}, average ${formatNumber(sum / sorted.length)}, latest ${formatNumber(sorted[sorted.length - 1])} at ${iso(new Date(timestamps[timestamps.length - 1]))}.`,
      `Series, ${points.length} point(s) (at most ${MAX_POINTS}, each the mean of ${Math.ceil(sorted.length / MAX_POINTS)} point(s)):`,
      table(['From', 'Value'], points.map((p) => [iso(new Date(p.at)), formatNumber(p.value)])),
    ].join('\n');
  },
};
