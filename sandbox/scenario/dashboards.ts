import {
  ACCOUNT_ID, APP_NAMESPACE, AVATAR_BUCKET, AVATAR_DISTRIBUTION, ECS_CLUSTER, ECS_SERVICE, LOG_GROUPS, PRIMARY_REGION,
  SECONDARY_REGION,
} from './constants';
import type { MetricSpec } from './metrics';
import { TEST_DASHBOARD_METRICS, TEST_DASHBOARDS } from './testDashboards';
import { api4xx, api5xx, apiRequests, ecsDesiredTasks, ecsNetworkRx, ecsNetworkTx, ecsPendingTasks } from './timeline';

export interface DashboardSpec {
  name: string;
  region: string;
  /** `start` (an ISO 8601 duration such as `-PT24H`) is the range the dashboard opens on. */
  body: { widgets: object[]; start?: string; variables?: object[] };
}

// Same dimension order as the alarms' data: moto matches dimensions in the order they were put.
const ecsDims = { ClusterName: ECS_CLUSTER, ServiceName: ECS_SERVICE };
const ecsDimList = ['ClusterName', ECS_CLUSTER, 'ServiceName', ECS_SERVICE];

/** seed 002: "[environment]-application-dashboard" for dev. */
const applicationDashboard: DashboardSpec = {
  name: 'dev-application-dashboard',
  region: PRIMARY_REGION,
  body: {
    widgets: [
      {
        type: 'text',
        x: 0, y: 0, width: 24, height: 2,
        properties: {
          markdown:
            '# AI Video Pipeline - dev application\nECS service `ai-video-backend-service` on `ai-video-cluster`. ' +
            'Runbooks: see docs/MONITORING.md (CloudWatch Alarms). Normal CPU <50%, memory <60%; at least 1 running task.',
        },
      },
      {
        type: 'metric',
        x: 0, y: 2, width: 12, height: 6,
        properties: {
          title: 'ECS CPU Utilization',
          view: 'timeSeries',
          stacked: false,
          region: PRIMARY_REGION,
          period: 60,
          metrics: [
            ['AWS/ECS', 'CPUUtilization', ...ecsDimList, { stat: 'Average', label: 'Average' }],
            ['.', '.', '.', '.', '.', '.', { stat: 'Maximum', label: 'Maximum' }],
          ],
          yAxis: { left: { min: 0, max: 100, label: 'Percent', showUnits: false } },
          annotations: { horizontal: [{ label: 'Warning', value: 70 }, { label: 'Critical', value: 90, color: '#d62728' }] },
        },
      },
      {
        type: 'metric',
        x: 12, y: 2, width: 12, height: 6,
        properties: {
          title: 'ECS Memory Utilization',
          view: 'timeSeries',
          stacked: false,
          region: PRIMARY_REGION,
          period: 60,
          metrics: [
            ['AWS/ECS', 'MemoryUtilization', ...ecsDimList, { stat: 'Average', label: 'Average' }],
            ['AWS/ECS', 'MemoryUtilization', ...ecsDimList, { stat: 'Maximum', label: 'Maximum' }],
          ],
          yAxis: { left: { min: 0, max: 100 } },
          annotations: { horizontal: [{ label: 'Warning', value: 80 }, { label: 'Critical', value: 90, color: '#d62728' }] },
        },
      },
      {
        type: 'metric',
        x: 0, y: 8, width: 8, height: 6,
        properties: {
          title: 'ECS Task Count',
          view: 'timeSeries',
          region: PRIMARY_REGION,
          stat: 'Average',
          period: 60,
          metrics: [
            ['AWS/ECS', 'RunningTaskCount', ...ecsDimList, { label: 'Running' }],
            ['AWS/ECS', 'PendingTaskCount', ...ecsDimList, { label: 'Pending' }],
            ['AWS/ECS', 'DesiredTaskCount', ...ecsDimList, { label: 'Desired' }],
          ],
        },
      },
      {
        type: 'metric',
        x: 8, y: 8, width: 8, height: 6,
        properties: {
          title: 'Network I/O',
          view: 'timeSeries',
          region: PRIMARY_REGION,
          stat: 'Sum',
          period: 300,
          metrics: [
            ['ECS/ContainerInsights', 'NetworkRxBytes', ...ecsDimList, { label: 'Bytes received' }],
            ['ECS/ContainerInsights', 'NetworkTxBytes', ...ecsDimList, { label: 'Bytes transmitted' }],
          ],
        },
      },
      {
        type: 'metric',
        x: 16, y: 8, width: 8, height: 6,
        properties: {
          title: 'Running Tasks',
          view: 'singleValue',
          region: PRIMARY_REGION,
          stat: 'Minimum',
          period: 60,
          metrics: [['AWS/ECS', 'RunningTaskCount', ...ecsDimList]],
        },
      },
      {
        type: 'metric',
        x: 0, y: 14, width: 12, height: 6,
        properties: {
          title: 'API Request Rate (requests/minute)',
          view: 'timeSeries',
          region: PRIMARY_REGION,
          stat: 'Sum',
          period: 60,
          metrics: [[APP_NAMESPACE, 'APIRequests', 'Environment', 'dev', { label: 'Requests' }]],
        },
      },
      {
        type: 'metric',
        x: 12, y: 14, width: 12, height: 6,
        properties: {
          title: 'API Error Rate (4xx / 5xx)',
          view: 'timeSeries',
          stacked: true,
          region: PRIMARY_REGION,
          stat: 'Sum',
          period: 300,
          metrics: [
            [APP_NAMESPACE, 'API4xxErrors', 'Environment', 'dev', { label: '4xx', color: '#ff7f0e' }],
            [APP_NAMESPACE, 'API5xxErrors', 'Environment', 'dev', { label: '5xx', color: '#d62728' }],
          ],
        },
      },
      {
        type: 'alarm',
        x: 0, y: 20, width: 8, height: 6,
        properties: {
          title: 'Critical alarms',
          alarms: ['dev-ecs-service-unhealthy', 'dev-rds-cpu-critical', 'dev-rds-storage-critical'].map(
            (name) => `arn:aws:cloudwatch:${PRIMARY_REGION}:${ACCOUNT_ID}:alarm:${name}`,
          ),
          sortBy: 'stateUpdatedTimestamp',
          states: [],
        },
      },
      {
        type: 'log',
        x: 8, y: 20, width: 16, height: 6,
        properties: {
          title: 'Error Rate by Endpoint',
          region: PRIMARY_REGION,
          view: 'table',
          query:
            `SOURCE '${LOG_GROUPS.backend}' | fields @timestamp, @message\n` +
            '| filter @message like /ERROR/\n' +
            '| parse @message /(?<method>[A-Z]+)\\s+(?<endpoint>\\/[^\\s]*)/\n' +
            '| stats count() as error_count by endpoint\n' +
            '| sort error_count desc',
        },
      },
    ],
  },
};

/** seed 004: "Enterprise-Avatar-System-Monitor", its three widgets as written there, placed on the grid. */
const avatarDashboard: DashboardSpec = {
  name: 'Enterprise-Avatar-System-Monitor',
  region: PRIMARY_REGION,
  body: {
    widgets: [
      {
        type: 'metric',
        x: 0, y: 0, width: 8, height: 6,
        properties: {
          metrics: [
            ['AWS/S3', 'BucketSizeBytes', 'BucketName', 'easy-to-image-production'],
            ['AWS/S3', 'NumberOfObjects', 'BucketName', 'easy-to-image-production'],
          ],
          period: 86400,
          stat: 'Average',
          region: 'eu-north-1',
          title: 'S3 Storage Usage',
        },
      },
      {
        type: 'metric',
        x: 8, y: 0, width: 8, height: 6,
        properties: {
          metrics: [
            ['AWS/CloudFront', 'Requests', 'DistributionId', 'E3SJ7B3QL1F8WH'],
            ['AWS/CloudFront', 'BytesDownloaded', 'DistributionId', 'E3SJ7B3QL1F8WH'],
            ['AWS/CloudFront', 'CacheHitRate', 'DistributionId', 'E3SJ7B3QL1F8WH'],
          ],
          period: 300,
          stat: 'Sum',
          region: 'us-east-1',
          title: 'CDN Performance',
        },
      },
      {
        type: 'metric',
        x: 16, y: 0, width: 8, height: 6,
        properties: {
          metrics: [
            ['AWS/CloudFront', 'ErrorRate', 'DistributionId', 'E3SJ7B3QL1F8WH'],
            ['AWS/S3', '4xxErrors', 'BucketName', 'easy-to-image-production'],
            ['AWS/S3', '5xxErrors', 'BucketName', 'easy-to-image-production'],
          ],
          period: 300,
          stat: 'Sum',
          region: 'eu-north-1',
          title: 'Error Monitoring',
        },
      },
      {
        type: 'alarm',
        x: 0, y: 6, width: 8, height: 6,
        properties: {
          title: 'Avatar system alarms',
          alarms: ['avatar-s3-storage-critical', 'avatar-s3-5xx-errors'].map(
            (name) => `arn:aws:cloudwatch:${SECONDARY_REGION}:${ACCOUNT_ID}:alarm:${name}`,
          ),
        },
      },
      {
        type: 'log',
        x: 8, y: 6, width: 16, height: 6,
        properties: {
          title: 'Upload success rate',
          region: PRIMARY_REGION,
          view: 'table',
          query:
            `SOURCE '${LOG_GROUPS.avatarApi}' | fields @timestamp, success\n` +
            '| filter operation = "avatar_upload"\n' +
            '| stats count() by success\n' +
            '| sort @timestamp desc',
        },
      },
    ],
  },
};

export const DASHBOARDS: readonly DashboardSpec[] = [applicationDashboard, avatarDashboard, ...TEST_DASHBOARDS];

const cloudFrontErrorRate: MetricSpec['shape'] = { base: 0.42, noise: 0.2, decimals: 3, min: 0, events: [{ from: 26, to: 0, mode: 'add', value: 2.4 }] };

/** Metrics that only dashboards show (the alarm metrics are seeded from ALARMS). */
export const DASHBOARD_METRICS: readonly MetricSpec[] = [
  { region: PRIMARY_REGION, namespace: 'AWS/ECS', metricName: 'PendingTaskCount', dimensions: ecsDims, unit: 'Count', shape: ecsPendingTasks },
  { region: PRIMARY_REGION, namespace: 'AWS/ECS', metricName: 'DesiredTaskCount', dimensions: ecsDims, unit: 'Count', shape: ecsDesiredTasks },
  { region: PRIMARY_REGION, namespace: 'ECS/ContainerInsights', metricName: 'NetworkRxBytes', dimensions: ecsDims, unit: 'Bytes', shape: ecsNetworkRx },
  { region: PRIMARY_REGION, namespace: 'ECS/ContainerInsights', metricName: 'NetworkTxBytes', dimensions: ecsDims, unit: 'Bytes', shape: ecsNetworkTx },
  { region: PRIMARY_REGION, namespace: APP_NAMESPACE, metricName: 'APIRequests', dimensions: { Environment: 'dev' }, unit: 'Count', shape: apiRequests },
  { region: PRIMARY_REGION, namespace: APP_NAMESPACE, metricName: 'API4xxErrors', dimensions: { Environment: 'dev' }, unit: 'Count', shape: api4xx },
  { region: PRIMARY_REGION, namespace: APP_NAMESPACE, metricName: 'API5xxErrors', dimensions: { Environment: 'dev' }, unit: 'Count', shape: api5xx },
  cloudFront('Requests', { base: 4100, daily: 1500, counts: true }, 'None'),
  cloudFront('BytesDownloaded', { base: 196e6, daily: 70e6, noise: 12e6, decimals: 0, min: 0 }, 'None'),
  cloudFront('CacheHitRate', { base: 91.4, noise: 2.1, decimals: 2, max: 100 }, 'Percent'),
  cloudFront('ErrorRate', cloudFrontErrorRate, 'Percent'),
  // Seed 004's "Error Monitoring" widget reads ErrorRate with the widget's region, eu-north-1; CloudFront
  // publishes in us-east-1 only, so the sandbox puts the same series there too rather than change the widget.
  { ...cloudFront('ErrorRate', cloudFrontErrorRate, 'Percent'), region: SECONDARY_REGION },
  {
    region: SECONDARY_REGION, namespace: 'AWS/S3', metricName: 'NumberOfObjects', dimensions: { BucketName: AVATAR_BUCKET }, unit: 'Count',
    shape: { base: 184_233, trendPerHour: 55, decimals: 0, intervalMinutes: 60, spanHours: 14 * 24 },
  },
  {
    region: SECONDARY_REGION, namespace: 'AWS/S3', metricName: '4xxErrors', dimensions: { BucketName: AVATAR_BUCKET }, unit: 'Count',
    shape: { base: 0.8, daily: 0.4, counts: true },
  },
  ...TEST_DASHBOARD_METRICS,
];

/** CloudFront publishes in us-east-1; the seed's widget reads 5-minute sums. */
function cloudFront(metricName: string, shape: MetricSpec['shape'], unit: MetricSpec['unit']): MetricSpec {
  return {
    region: PRIMARY_REGION, namespace: 'AWS/CloudFront', metricName, dimensions: { DistributionId: AVATAR_DISTRIBUTION }, unit,
    shape: { ...shape, intervalMinutes: 5 },
  };
}
