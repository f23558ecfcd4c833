import type { ScopeId } from '../../../src/core/scope';
import type { MetricAlarm, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { AlarmsByName, DashboardSummary, MetricDataResponse, MetricFilter, MetricsApi } from '../../../src/aws/services/metrics';
import { fetchBatched } from '../../../src/core/metrics/batching';
import type { MetricRef } from '../../../src/core/metrics/queries';

export interface RecordedCall {
  readonly region: string;
  readonly queries: MetricDataQuery[];
  readonly start: Date;
  readonly end: Date;
}

/**
 * A MetricsApi answering from memory: every metric query gets one point per period whose value
 * `valueOf` decides; dashboards and alarms from the maps given. Records each GetMetricData call
 * (after batching, as CloudWatch would receive it).
 */
export class FakeMetrics implements MetricsApi {
  readonly calls: RecordedCall[] = [];
  failRegions = new Set<string>();
  /** What ListMetrics knows, per region; filtered by namespace, metric name and dimension names as CloudWatch filters. */
  listed: Record<string, MetricRef[]> = {};

  constructor(
    readonly dashboards: Record<string, { region: string; body: unknown }> = {},
    readonly alarms: MetricAlarm[] = [],
    readonly valueOf: (id: string, index: number, time: number) => number | undefined = (_id, i) => i,
  ) {}

  async getMetricData(region: string, queries: readonly MetricDataQuery[], start: Date, end: Date): Promise<MetricDataResponse> {
    if (this.failRegions.has(region)) throw new Error(`CloudWatch GetMetricData failed in ${region}: boom`);
    return fetchBatched(queries, async (batch) => {
      this.calls.push({ region, queries: batch, start, end });
      return {
        results: batch.filter((q) => q.ReturnData !== false).map((q) => {
          const period = (q.MetricStat?.Period ?? q.Period ?? 60) * 1000;
          const timestamps: Date[] = [];
          const values: number[] = [];
          for (let t = start.getTime(), i = 0; t < end.getTime(); t += period, i++) {
            const v = this.valueOf(q.Id!, i, t);
            if (v === undefined) continue;
            timestamps.push(new Date(t));
            values.push(v);
          }
          return { Id: q.Id, Label: q.Label ?? q.Id, Timestamps: timestamps, Values: values, StatusCode: 'Complete' };
        }),
      };
    });
  }

  async *listMetricPages(region: string, filter: MetricFilter = {}): AsyncGenerator<MetricRef[]> {
    yield (this.listed[region] ?? []).filter((m) =>
      (!filter.namespace || m.namespace === filter.namespace) &&
      (!filter.metricName || m.metricName === filter.metricName) &&
      (filter.dimensions ?? []).every((d) => m.dimensions.some((md) => md.name === d.name && (d.value === undefined || md.value === d.value))));
  }

  async *listDashboards(region: ScopeId): AsyncGenerator<DashboardSummary[]> {
    yield Object.entries(this.dashboards).filter(([, d]) => d.region === region).map(([name]) => ({ name, region }));
  }

  async getDashboard(region: ScopeId, name: string) {
    const d = this.dashboards[name];
    if (!d || d.region !== region) throw new Error(`CloudWatch GetDashboard failed in ${region}: Dashboard ${name} does not exist`);
    return { name, region, body: typeof d.body === 'string' ? d.body : JSON.stringify(d.body) };
  }

  async describeAlarms(region: string, names: readonly string[]): Promise<AlarmsByName> {
    if (this.failRegions.has(region)) throw new Error(`DescribeAlarms failed in ${region}`);
    return { metricAlarms: this.alarms.filter((a) => names.includes(a.AlarmName ?? '') && (a.AlarmArn ?? '').includes(`:${region}:`)), compositeAlarms: [] };
  }
}
