// What a dashboard widget says beyond its kind and metrics: its own time range, live data, the alarm a metric
// widget graphs, the function behind a custom widget, the selection of an explorer widget. Read from the raw
// body (after variables are applied), by the widget's index.
import { durationSeconds, type TimeWindow } from './ranges';

export interface WidgetTime {
  /** `-PT3H` (relative to now) or an ISO 8601 time. */
  readonly start?: string;
  readonly end?: string;
  /** Draw the newest, still incomplete period too. */
  readonly liveData: boolean;
}

export interface ExplorerSelection {
  readonly metrics: readonly { readonly metricName: string; readonly resourceType: string; readonly stat: string }[];
  /** Resource tag filters (`labels`): key and value. */
  readonly tags: readonly { readonly key: string; readonly value?: string }[];
  readonly aggregateBy?: { readonly key: string; readonly func: string };
  readonly splitBy?: string;
  readonly period?: number;
  readonly region?: string;
  readonly title?: string;
  readonly view: string;
  readonly stacked: boolean;
}

export interface WidgetOptions {
  readonly time: WidgetTime;
  /** A metric widget with no `metrics` that graphs the alarms of `annotations.alarms`. */
  readonly alarmArns: readonly string[];
  /** A custom widget: the Lambda function that draws it. */
  readonly customFunction?: string;
  /** A custom widget's `params`, handed to its function. */
  readonly customParams?: unknown;
  readonly explorer?: ExplorerSelection;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown, max = 512): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= max ? value : undefined;
}

function explorerOf(p: Record<string, unknown>): ExplorerSelection {
  const metrics = (Array.isArray(p.metrics) ? p.metrics : []).slice(0, 20).flatMap((m) => {
    if (!isObject(m)) return [];
    const metricName = str(m.metricName, 255);
    const resourceType = str(m.resourceType, 255);
    return metricName && resourceType ? [{ metricName, resourceType, stat: str(m.stat, 40) ?? 'Average' }] : [];
  });
  const tags = (Array.isArray(p.labels) ? p.labels : []).slice(0, 20).flatMap((l) => (isObject(l) && str(l.key, 128) ? [{ key: str(l.key, 128)!, ...(str(l.value, 256) ? { value: str(l.value, 256) } : {}) }] : []));
  const aggregate = isObject(p.aggregateBy) && str(p.aggregateBy.key, 128) ? { key: str(p.aggregateBy.key, 128)!, func: (str(p.aggregateBy.func, 20) ?? 'AVG').toUpperCase() } : undefined;
  const options = isObject(p.widgetOptions) ? p.widgetOptions : {};
  const period = typeof p.period === 'number' && p.period > 0 ? p.period : undefined;
  return {
    metrics,
    tags,
    ...(aggregate ? { aggregateBy: aggregate } : {}),
    ...(str(p.splitBy, 128) ? { splitBy: str(p.splitBy, 128) } : {}),
    ...(period ? { period } : {}),
    ...(str(p.region, 64) ? { region: str(p.region, 64) } : {}),
    ...(str(p.title, 256) ? { title: str(p.title, 256) } : {}),
    view: str(options.view, 40) ?? 'timeSeries',
    stacked: options.stacked === true,
  };
}

/** Per widget index, what it asks beyond what the dashboard parser reads. */
export function readWidgetOptions(body: unknown): Map<number, WidgetOptions> {
  const out = new Map<number, WidgetOptions>();
  if (!isObject(body) || !Array.isArray(body.widgets)) return out;
  body.widgets.forEach((w, index) => {
    if (!isObject(w)) return;
    const p = isObject(w.properties) ? w.properties : {};
    const time: WidgetTime = { ...(str(p.start, 64) ? { start: str(p.start, 64) } : {}), ...(str(p.end, 64) ? { end: str(p.end, 64) } : {}), liveData: p.liveData === true };
    const annotations = isObject(p.annotations) ? p.annotations : {};
    const hasMetrics = Array.isArray(p.metrics) && p.metrics.length > 0;
    const alarmArns = w.type === 'metric' && !hasMetrics && Array.isArray(annotations.alarms) ? annotations.alarms.filter((a): a is string => typeof a === 'string' && a !== '').slice(0, 1) : [];
    const customFunction = w.type === 'custom' ? str(p.endpoint, 2048) ?? '' : undefined;
    out.set(index, {
      time,
      alarmArns,
      ...(customFunction !== undefined ? { customFunction, ...(isObject(p.params) ? { customParams: p.params } : {}) } : {}),
      ...(w.type === 'explorer' ? { explorer: explorerOf(p) } : {}),
    });
  });
  return out;
}

function instant(text: string, now: number): number | undefined {
  const seconds = durationSeconds(text);
  if (seconds !== undefined && text.trim().startsWith('-')) return now - seconds * 1000;
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : undefined;
}

/** A widget's own window when it names a `start` (and perhaps an `end`), else undefined (the dashboard's applies). */
export function widgetWindow(time: WidgetTime, now: number): TimeWindow | undefined {
  if (!time.start) return undefined;
  const end = time.end ? instant(time.end, now) : Math.ceil(now / 60000) * 60000;
  if (end === undefined) return undefined;
  // A relative start counts back from the end, aligned like the dashboard's own window.
  const relative = time.start.trim().startsWith('-') ? durationSeconds(time.start) : undefined;
  const start = relative !== undefined ? end - relative * 1000 : instant(time.start, now);
  if (start === undefined || end <= start) return undefined;
  return { start, end };
}

/** `arn:aws:lambda:us-east-1:123456789012:function:render-widget` → `render-widget` (an unknown shape stays as written). */
export function functionName(endpoint: string): string {
  const m = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(endpoint);
  return m ? m[1] : endpoint;
}

const RESOURCE_NAMESPACES: Record<string, { namespace: string; dimension: string }> = {
  'AWS::EC2::Instance': { namespace: 'AWS/EC2', dimension: 'InstanceId' },
  'AWS::Lambda::Function': { namespace: 'AWS/Lambda', dimension: 'FunctionName' },
  'AWS::DynamoDB::Table': { namespace: 'AWS/DynamoDB', dimension: 'TableName' },
  'AWS::SQS::Queue': { namespace: 'AWS/SQS', dimension: 'QueueName' },
  'AWS::SNS::Topic': { namespace: 'AWS/SNS', dimension: 'TopicName' },
  'AWS::S3::Bucket': { namespace: 'AWS/S3', dimension: 'BucketName' },
  'AWS::RDS::DBInstance': { namespace: 'AWS/RDS', dimension: 'DBInstanceIdentifier' },
  'AWS::ECS::Service': { namespace: 'AWS/ECS', dimension: 'ServiceName' },
  'AWS::ECS::Cluster': { namespace: 'AWS/ECS', dimension: 'ClusterName' },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { namespace: 'AWS/ApplicationELB', dimension: 'LoadBalancer' },
  'AWS::ApiGateway::RestApi': { namespace: 'AWS/ApiGateway', dimension: 'ApiName' },
  'AWS::StepFunctions::StateMachine': { namespace: 'AWS/States', dimension: 'StateMachineArn' },
  'AWS::Kinesis::Stream': { namespace: 'AWS/Kinesis', dimension: 'StreamName' },
};

/** The namespace and resource dimension of a CloudFormation resource type, as the metrics explorer maps them. */
export function resourceMetrics(resourceType: string): { namespace: string; dimension: string } | undefined {
  return RESOURCE_NAMESPACES[resourceType];
}
