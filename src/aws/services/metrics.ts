import type { ScopeId } from '../../core/scope';
import type { CompositeAlarm, LogAlarm, MetricAlarm, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';
import { describeAlarmPages } from './cloudWatch';
import { queryPromQlRange } from './promql';
import { fetchBatched, type BatchedResult, type MetricSeries } from '../../core/metrics/batching';
import { MAX_QUERIES_PER_CALL } from '../../core/metrics/period';
import type { MetricRef } from '../../core/metrics/queries';

export type { MetricDataQuery, MetricSeries };

export interface MetricFilter {
  readonly namespace?: string;
  readonly metricName?: string;
  /** Metrics that have these dimensions (a missing value matches any value). */
  readonly dimensions?: readonly { name: string; value?: string }[];
}

export interface MetricDataOptions {
  /** Queries per call (CloudWatch allows 500). */
  readonly maxQueriesPerCall?: number;
  /** Calls in flight at once. */
  readonly concurrency?: number;
  /** Data points per page before CloudWatch paginates (default 100,800). */
  readonly maxDatapoints?: number;
}

export type MetricDataResponse = BatchedResult;

export interface DashboardSummary {
  readonly name: string;
  readonly region: ScopeId;
  readonly arn?: string;
  readonly lastModified?: Date;
  readonly size?: number;
}

export interface DashboardDefinition {
  readonly name: string;
  readonly region: ScopeId;
  readonly arn?: string;
  /** The dashboard body: JSON text, not parsed. */
  readonly body: string;
}

export interface AlarmsByName {
  readonly metricAlarms: MetricAlarm[];
  readonly compositeAlarms: CompositeAlarm[];
  /** Scheduled Logs Insights query alarms (absent where a reader asked only for the other two). */
  readonly logAlarms?: LogAlarm[];
}

/** The CloudWatch metric and dashboard operations charts use. Features depend on this seam, not on the SDK. */
export interface MetricsApi {
  /**
   * GetMetricData for any number of queries: at most 500 per call (an expression stays with the
   * queries it names), every NextToken page followed, pages merged per series.
   */
  getMetricData(scope: ScopeId, queries: readonly MetricDataQuery[], start: Date, end: Date, options?: MetricDataOptions): Promise<MetricDataResponse>;
  /** Every page of ListMetrics (500 metrics per page). */
  listMetricPages(scope: ScopeId, filter?: MetricFilter): AsyncGenerator<MetricRef[]>;
  /** Every page of ListDashboards. */
  listDashboards(scope: ScopeId): AsyncGenerator<DashboardSummary[]>;
  getDashboard(scope: ScopeId, name: string): Promise<DashboardDefinition>;
  /** DescribeAlarms by name (100 names per call), alarms of every type. */
  describeAlarms(scope: ScopeId, names: readonly string[]): Promise<AlarmsByName>;
  /** QueryMetrics over a range (`/api/v1/query_range`): the Prometheus-style JSON answer, errors included. */
  queryPromQl?(scope: ScopeId, params: Readonly<Record<string, string>>): Promise<unknown>;
}

export class SdkMetrics implements MetricsApi {
  constructor(private readonly session: AwsSession) {}

  async getMetricData(scope: ScopeId, queries: readonly MetricDataQuery[], start: Date, end: Date, options: MetricDataOptions = {}): Promise<MetricDataResponse> {
    if (queries.length === 0) return { series: [], messages: [], calls: 0 };
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    return fetchBatched(queries, async (batch, token) => {
      const out = await client.send(new sdk.cloudWatch.GetMetricDataCommand({
        MetricDataQueries: batch,
        StartTime: start,
        EndTime: end,
        ScanBy: 'TimestampAscending',
        NextToken: token,
        MaxDatapoints: options.maxDatapoints,
      }));
      return { results: out.MetricDataResults ?? [], nextToken: out.NextToken, messages: out.Messages };
    }, { maxPerCall: options.maxQueriesPerCall ?? MAX_QUERIES_PER_CALL, concurrency: options.concurrency });
  }

  async *listMetricPages(scope: ScopeId, filter: MetricFilter = {}): AsyncGenerator<MetricRef[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    yield* paginate(async (token) => {
      const out = await client.send(new sdk.cloudWatch.ListMetricsCommand({
        Namespace: filter.namespace,
        MetricName: filter.metricName,
        Dimensions: filter.dimensions?.map((d) => ({ Name: d.name, Value: d.value })),
        NextToken: token,
      }));
      const items = (out.Metrics ?? []).map((m): MetricRef => ({
        namespace: m.Namespace ?? '',
        metricName: m.MetricName ?? '',
        dimensions: (m.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })),
      }));
      return { items, next: out.NextToken };
    });
  }

  async *listDashboards(scope: ScopeId): AsyncGenerator<DashboardSummary[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    yield* paginate(async (token) => {
      const out = await client.send(new sdk.cloudWatch.ListDashboardsCommand({ NextToken: token }));
      const items = (out.DashboardEntries ?? []).map((d): DashboardSummary => ({
        name: d.DashboardName ?? '',
        region: scope,
        arn: d.DashboardArn,
        lastModified: d.LastModified,
        size: d.Size,
      }));
      return { items, next: out.NextToken };
    });
  }

  async getDashboard(scope: ScopeId, name: string): Promise<DashboardDefinition> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    const out = await client.send(new sdk.cloudWatch.GetDashboardCommand({ DashboardName: name }));
    return { name: out.DashboardName ?? name, region: scope, arn: out.DashboardArn, body: out.DashboardBody ?? '{}' };
  }

  queryPromQl(scope: ScopeId, params: Readonly<Record<string, string>>): Promise<unknown> {
    return queryPromQlRange(this.session, scope, params);
  }

  async describeAlarms(scope: ScopeId, names: readonly string[]): Promise<AlarmsByName> {
    const result = { metricAlarms: [] as MetricAlarm[], compositeAlarms: [] as CompositeAlarm[], logAlarms: [] as LogAlarm[] };
    const unique = [...new Set(names)];
    if (unique.length === 0) return result;
    for (let i = 0; i < unique.length; i += 100) {
      const chunk = unique.slice(i, i + 100);
      for await (const page of describeAlarmPages(this.session, scope, { AlarmNames: chunk })) {
        // Some endpoints ignore the name filter; keep only what was asked for.
        result.metricAlarms.push(...page.metricAlarms.filter((a) => chunk.includes(a.AlarmName ?? '')));
        result.compositeAlarms.push(...page.compositeAlarms.filter((a) => chunk.includes(a.AlarmName ?? '')));
        result.logAlarms.push(...(page.logAlarms ?? []).filter((a) => chunk.includes(a.AlarmName ?? '')));
      }
    }
    return result;
  }
}
