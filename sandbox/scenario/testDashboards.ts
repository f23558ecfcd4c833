// Dashboards the e2e tests lean on beyond the seeds: one full of strings that must stay text, one that
// sizes the chart drawing (20 series of 1-minute data over 24 h), and one with every other metric view,
// titled in other languages.
import { ACCOUNT_ID, GOALS_FUNCTION, GOALS_PREFIX, PRIMARY_REGION } from './constants';
import type { DashboardSpec } from './dashboards';
import type { MetricSpec } from './metrics';

export const HOSTILE_DASHBOARD = 'ops-lens-hostile-strings';
export const HOSTILE_NAMESPACE = 'OpsLens/Hostile';
/** A dimension value with markup in it: shown as these characters, never as bold text. */
export const HOSTILE_DIMENSION_VALUE = '<b>bold</b> & "co"';
export const HOSTILE_WIDGET_TITLE = '<img src=x onerror=alert(4)>';
export const HOSTILE_MARKDOWN = '# Incident <script>alert(1)</script>\n<img src=x onerror="alert(2)">\n\nEscalate: [click](javascript:alert(3))';

export const BENCH_DASHBOARD = 'ops-lens-bench-20x1440';
export const BENCH_NAMESPACE = 'OpsLens/Bench';
export const BENCH_METRIC = 'Latency';
export const BENCH_SERIES = Array.from({ length: 20 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);

const hostileDashboard: DashboardSpec = {
  name: HOSTILE_DASHBOARD,
  region: PRIMARY_REGION,
  body: {
    widgets: [
      { type: 'text', x: 0, y: 0, width: 24, height: 3, properties: { markdown: HOSTILE_MARKDOWN } },
      {
        type: 'metric',
        x: 0, y: 3, width: 24, height: 8,
        properties: {
          title: HOSTILE_WIDGET_TITLE,
          view: 'timeSeries',
          region: PRIMARY_REGION,
          stat: 'Sum',
          period: 300,
          // Two tenants of one metric: the legend tells them apart by the dimension value.
          metrics: [[HOSTILE_NAMESPACE, 'Requests', 'Tenant', HOSTILE_DIMENSION_VALUE], [HOSTILE_NAMESPACE, 'Requests', 'Tenant', 'acme']],
        },
      },
    ],
  },
};

const benchDashboard: DashboardSpec = {
  name: BENCH_DASHBOARD,
  region: PRIMARY_REGION,
  body: {
    start: '-PT24H',
    widgets: [
      {
        type: 'metric',
        x: 0, y: 0, width: 24, height: 12,
        properties: {
          title: 'Latency by series (1-minute data)',
          view: 'timeSeries',
          region: PRIMARY_REGION,
          stat: 'Average',
          period: 60,
          metrics: BENCH_SERIES.map((s) => [BENCH_NAMESPACE, BENCH_METRIC, 'Series', s, { label: s }]),
        },
      },
    ],
  },
};

export const VIEWS_DASHBOARD = 'ops-lens-views-ansichten';
/** The gauge widget's range (its left axis), in the bench series' milliseconds. */
export const GAUGE_RANGE = { min: 0, max: 500 };

const viewsDashboard: DashboardSpec = {
  name: VIEWS_DASHBOARD,
  region: PRIMARY_REGION,
  body: {
    start: '-PT3H',
    widgets: [
      {
        type: 'metric',
        x: 0, y: 0, width: 12, height: 6,
        properties: {
          title: 'Latenz je Dienst (Anzeige)',
          view: 'gauge',
          region: PRIMARY_REGION,
          stat: 'Average',
          period: 300,
          yAxis: { left: GAUGE_RANGE },
          metrics: BENCH_SERIES.slice(0, 3).map((s) => [BENCH_NAMESPACE, BENCH_METRIC, 'Series', s, { label: `Dienst ${s}` }]),
        },
      },
      {
        type: 'metric',
        x: 12, y: 0, width: 12, height: 6,
        properties: {
          title: 'Час відповіді: підсумок',
          view: 'table',
          region: PRIMARY_REGION,
          stat: 'Maximum',
          period: 300,
          metrics: BENCH_SERIES.slice(0, 5).map((s) => [BENCH_NAMESPACE, BENCH_METRIC, 'Series', s, { label: `Сервіс ${s}` }]),
        },
      },
      {
        type: 'metric',
        x: 0, y: 6, width: 12, height: 6,
        properties: {
          title: 'Requêtes par locataire',
          view: 'pie',
          region: PRIMARY_REGION,
          stat: 'Sum',
          setPeriodToTimeRange: true,
          metrics: [[HOSTILE_NAMESPACE, 'Requests', 'Tenant', 'acme'], [HOSTILE_NAMESPACE, 'Requests', 'Tenant', HOSTILE_DIMENSION_VALUE]],
        },
      },
      {
        type: 'metric',
        x: 12, y: 6, width: 12, height: 6,
        properties: {
          title: 'Latencia (valor único)',
          view: 'singleValue',
          region: PRIMARY_REGION,
          stat: 'p99',
          period: 300,
          metrics: [[BENCH_NAMESPACE, BENCH_METRIC, 'Series', BENCH_SERIES[0]]],
        },
      },
    ],
  },
};

export const FUNCTIONS_DASHBOARD = 'ops-lens-lambda-functions';
/** The functions the dashboard's FunctionName variable lists (from ListMetrics), in the order offered. */
export const VARIABLE_FUNCTIONS = ['create_goal-prod', 'databanana-GenerateFunction', 'databanana-ProcessImagesFunction'] as const;
/** The function the dashboard's rows were written for; the variable replaces it. */
const WRITTEN_FOR = 'databanana-GenerateFunction';

// A dashboard as CloudWatch documents them with a variable: one function at a time, picked in the toolbar from the
// functions that publish Duration; a widget graphing an alarm, an explorer over every function, and a custom widget.
const functionsDashboard: DashboardSpec = {
  name: FUNCTIONS_DASHBOARD,
  region: PRIMARY_REGION,
  body: {
    start: '-PT3H',
    variables: [
      { type: 'property', property: 'FunctionName', inputType: 'select', id: 'functionName', label: 'Function', defaultValue: WRITTEN_FOR, visible: true, search: '{AWS/Lambda,FunctionName} MetricName="Duration"', populateFrom: 'FunctionName' },
    ],
    widgets: [
      { type: 'metric', x: 0, y: 0, width: 8, height: 6, properties: { title: 'Invocations', view: 'timeSeries', region: PRIMARY_REGION, stat: 'Sum', period: 300, metrics: [['AWS/Lambda', 'Invocations', 'FunctionName', WRITTEN_FOR]] } },
      { type: 'metric', x: 8, y: 0, width: 8, height: 6, properties: { title: 'Duration (p90)', view: 'timeSeries', region: PRIMARY_REGION, stat: 'p90', period: 300, metrics: [['AWS/Lambda', 'Duration', 'FunctionName', WRITTEN_FOR]] } },
      { type: 'metric', x: 16, y: 0, width: 8, height: 6, properties: { title: 'Errors', view: 'singleValue', region: PRIMARY_REGION, stat: 'Sum', setPeriodToTimeRange: true, metrics: [['AWS/Lambda', 'Errors', 'FunctionName', WRITTEN_FOR]] } },
      { type: 'metric', x: 0, y: 6, width: 12, height: 6, properties: { region: PRIMARY_REGION, annotations: { alarms: [`arn:aws:cloudwatch:${PRIMARY_REGION}:${ACCOUNT_ID}:alarm:${GOALS_PREFIX}-high-error-rate`] }, view: 'timeSeries', stacked: false } },
      { type: 'explorer', x: 12, y: 6, width: 12, height: 6, properties: { title: 'Duration of every function (explorer)', metrics: [{ metricName: 'Duration', resourceType: 'AWS::Lambda::Function', stat: 'Average' }], labels: [], widgetOptions: { view: 'timeSeries', stacked: false }, period: 300, splitBy: '', region: PRIMARY_REGION } },
      { type: 'custom', x: 0, y: 12, width: 24, height: 3, properties: { title: 'Cost by function', endpoint: `arn:aws:lambda:${PRIMARY_REGION}:${ACCOUNT_ID}:function:ops-cost-widget`, updateOn: { refresh: true, timeRange: true } } },
    ],
  },
};

export const ANNOTATIONS_DASHBOARD = 'ops-lens-bands-and-promql';
/** The band of the annotated widget, in the bench series' milliseconds. */
export const LATENCY_BAND = { from: 70, to: 110 };
export const PROMQL_METRIC = 'http.server.active_requests';
export const PROMQL_SERVICES = ['checkout', 'payments'] as const;

// A band annotation and a single line shaded above it (annotations.horizontal), a deploy marked as a time band
// (annotations.vertical), a cross-account row, a trimmed statistic, and a PromQL `chart` widget.
const annotationsDashboard: DashboardSpec = {
  name: ANNOTATIONS_DASHBOARD,
  region: PRIMARY_REGION,
  body: {
    start: '-PT3H',
    widgets: [
      {
        type: 'metric',
        x: 0, y: 0, width: 12, height: 7,
        properties: {
          title: 'Latency within its band',
          view: 'timeSeries',
          region: PRIMARY_REGION,
          stat: 'TM(10%:90%)',
          period: 300,
          metrics: [[BENCH_NAMESPACE, BENCH_METRIC, 'Series', BENCH_SERIES[0]], [BENCH_NAMESPACE, BENCH_METRIC, 'Series', BENCH_SERIES[1], { accountId: ACCOUNT_ID, label: 'Series s02 (same account, named)' }]],
          annotations: {
            horizontal: [[{ label: 'Expected latency', value: LATENCY_BAND.from, color: '#2ca02c' }, { value: LATENCY_BAND.to }], { label: 'Too slow', value: 140, fill: 'above', color: '#d62728' }],
          },
        },
      },
      {
        type: 'chart',
        x: 12, y: 0, width: 12, height: 7,
        properties: {
          title: 'Active requests (PromQL)',
          region: PRIMARY_REGION,
          view: 'timeSeries',
          queries: [{ query: `{"${PROMQL_METRIC}"}` }, { query: `sum({"${PROMQL_METRIC}"})`, label: 'all services' }],
        },
      },
    ],
  },
};

export const TEST_DASHBOARDS: readonly DashboardSpec[] = [hostileDashboard, benchDashboard, viewsDashboard, functionsDashboard, annotationsDashboard];

export const TEST_DASHBOARD_METRICS: readonly MetricSpec[] = [
  {
    region: PRIMARY_REGION, namespace: HOSTILE_NAMESPACE, metricName: 'Requests', dimensions: { Tenant: HOSTILE_DIMENSION_VALUE }, unit: 'Count',
    shape: { base: 120, daily: 40, counts: true, intervalMinutes: 5 },
  },
  {
    region: PRIMARY_REGION, namespace: HOSTILE_NAMESPACE, metricName: 'Requests', dimensions: { Tenant: 'acme' }, unit: 'Count',
    shape: { base: 60, daily: 20, counts: true, intervalMinutes: 5 },
  },
  // The Lambda functions of the variable dashboard: clearly different levels, so a redraw shows another function.
  // (The goals function's Errors and Duration come with its alarms.)
  ...VARIABLE_FUNCTIONS.map((fn, i): MetricSpec => ({
    region: PRIMARY_REGION, namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: { FunctionName: fn }, unit: 'Count',
    shape: { base: [40, 260, 120][i], daily: [10, 80, 30][i], counts: true, intervalMinutes: 5 },
  })),
  ...VARIABLE_FUNCTIONS.filter((fn) => fn !== GOALS_FUNCTION).flatMap((fn, i): MetricSpec[] => [
    { region: PRIMARY_REGION, namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: { FunctionName: fn }, unit: 'Milliseconds', shape: { base: [2400, 850][i], noise: [300, 90][i], decimals: 1, min: 1, intervalMinutes: 5, samples: 5 } },
    { region: PRIMARY_REGION, namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: fn }, unit: 'Count', shape: { base: [1.5, 0.4][i], counts: true, intervalMinutes: 5 } },
  ]),
  // OpenTelemetry-style names, as the PromQL chart selects them.
  ...PROMQL_SERVICES.map((service, i): MetricSpec => ({
    region: PRIMARY_REGION, namespace: 'OTel/Shop', metricName: PROMQL_METRIC, dimensions: { service }, unit: 'Count',
    shape: { base: [35, 12][i], daily: [10, 4][i], counts: true, intervalMinutes: 5 },
  })),
  // 20 × 1,440 points: PutMetricData in batches of 1,000 datums (one namespace), sent in parallel.
  ...BENCH_SERIES.map((series, i): MetricSpec => ({
    region: PRIMARY_REGION, namespace: BENCH_NAMESPACE, metricName: BENCH_METRIC, dimensions: { Series: series }, unit: 'Milliseconds',
    shape: { base: 80 + i * 12, daily: 15 + i, noise: 6, decimals: 1, min: 0 },
  })),
];
