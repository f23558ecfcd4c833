import type { ComparisonOperator, StandardUnit, Statistic } from '@aws-sdk/client-cloudwatch';
import {
  API_GATEWAY_NAME, AVATAR_ALERTS_TOPIC, AVATAR_BUCKET, DEV_ALERTS_TOPIC, DEV_BUCKET, ECS_CLUSTER, ECS_SERVICE,
  GOALS_ALERTS_TOPIC, GOALS_FUNCTION, GOALS_PREFIX, OPS_ALERTS_TOPIC, PRIMARY_REGION, RDS_INSTANCE, REDIS_CLUSTER,
  LOG_GROUPS, SECONDARY_REGION, STATE_MACHINE_ARN, type ScenarioRegion,
} from './constants';
import type { SeriesShape } from './series';
import { ecsCpu, ecsMemory, ecsRunningTasks, rdsIncident } from './timeline';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** A metric alarm as seeded, with the data that lies behind it. */
export interface AlarmSpec {
  region: ScenarioRegion;
  name: string;
  description?: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  statistic?: Statistic;
  extendedStatistic?: string;
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  threshold: number;
  comparison: ComparisonOperator;
  treatMissingData?: 'missing' | 'notBreaching' | 'breaching' | 'ignore';
  unit?: StandardUnit;
  alarmActions?: string[];
  okActions?: string[];
  tags?: Record<string, string>;
  /** The state the alarm is put in with SetAlarmState. */
  state: AlarmState;
  shape: SeriesShape;
}

const GB = 1024 ** 3;

/** seed 000: the databanana image pipeline's alarms. */
const pipelineAlarms: AlarmSpec[] = [
  {
    region: PRIMARY_REGION,
    name: 'StepFunction-Failures',
    description: 'ImageGenerationStateMachine executions are failing. Check recent executions and the GenerateFunction logs.',
    namespace: 'AWS/States',
    metricName: 'ExecutionsFailed',
    dimensions: { StateMachineArn: STATE_MACHINE_ARN },
    statistic: 'Sum',
    period: 300,
    evaluationPeriods: 1,
    threshold: 1,
    comparison: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
    unit: 'Count',
    alarmActions: [OPS_ALERTS_TOPIC],
    okActions: [OPS_ALERTS_TOPIC],
    // Its log group comes from the state machine's logging configuration; the function's is named here.
    tags: { service: 'databanana', severity: 'critical', 'opsLens:logGroups': LOG_GROUPS.generate },
    state: 'ALARM',
    shape: {
      base: 0,
      counts: true,
      events: [
        { from: 1102, to: 1102, mode: 'set', value: 1 },
        { from: 641, to: 641, mode: 'set', value: 1 },
        { from: 206, to: 206, mode: 'set', value: 1 },
        { from: 1, to: 0, mode: 'set', value: 1 },
      ],
    },
  },
  {
    region: PRIMARY_REGION,
    name: 'API-High-Errors',
    description: 'API Gateway 4XX errors above 10 in 5 minutes.\nRunbook: https://wiki.example.com/runbooks/api-high-errors',
    namespace: 'AWS/ApiGateway',
    metricName: '4XXError',
    dimensions: { ApiName: API_GATEWAY_NAME },
    statistic: 'Sum',
    period: 300,
    evaluationPeriods: 1,
    threshold: 10,
    comparison: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    unit: 'Count',
    alarmActions: [OPS_ALERTS_TOPIC],
    tags: { service: 'databanana', severity: 'warning' },
    state: 'ALARM',
    shape: { base: 0.5, daily: 0.3, counts: true, events: [{ from: 22, to: 0, mode: 'add', value: 4.2 }] },
  },
];

/** seed 002: alarms of the AI Video Generation Pipeline (dev). Their runbooks are the headings of docs/MONITORING.md. */
const ecsDims = { ClusterName: ECS_CLUSTER, ServiceName: ECS_SERVICE };
const devActions = { alarmActions: [DEV_ALERTS_TOPIC], okActions: [DEV_ALERTS_TOPIC] };
const devAlarms: AlarmSpec[] = [
  {
    region: PRIMARY_REGION,
    name: 'dev-ecs-service-unhealthy',
    description: 'ECS service has no running tasks - application is down',
    namespace: 'AWS/ECS',
    metricName: 'RunningTaskCount',
    dimensions: ecsDims,
    statistic: 'Average',
    period: 60,
    evaluationPeriods: 2,
    threshold: 1,
    comparison: 'LessThanThreshold',
    treatMissingData: 'breaching',
    unit: 'Count',
    ...devActions,
    tags: { Environment: 'dev', Severity: 'critical' },
    state: 'ALARM',
    shape: ecsRunningTasks,
  },
  {
    region: PRIMARY_REGION,
    name: 'dev-ecs-cpu-warning',
    description: 'ECS CPU utilization above 70% for 10 minutes',
    namespace: 'AWS/ECS',
    metricName: 'CPUUtilization',
    dimensions: ecsDims,
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 2,
    threshold: 70,
    comparison: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    unit: 'Percent',
    ...devActions,
    tags: { Environment: 'dev', Severity: 'warning' },
    state: 'OK',
    shape: ecsCpu,
  },
  {
    region: PRIMARY_REGION,
    name: 'dev-ecs-memory-warning',
    description: 'ECS memory utilization above 80% for 10 minutes',
    namespace: 'AWS/ECS',
    metricName: 'MemoryUtilization',
    dimensions: ecsDims,
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 2,
    threshold: 80,
    comparison: 'GreaterThanThreshold',
    treatMissingData: 'missing',
    unit: 'Percent',
    ...devActions,
    tags: { Environment: 'dev', Severity: 'warning' },
    state: 'INSUFFICIENT_DATA',
    shape: ecsMemory,
  },
  {
    region: PRIMARY_REGION,
    name: 'dev-rds-cpu-critical',
    description: 'RDS CPU utilization above 90% for 5 minutes',
    namespace: 'AWS/RDS',
    metricName: 'CPUUtilization',
    dimensions: { DBInstanceIdentifier: RDS_INSTANCE },
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 1,
    threshold: 90,
    comparison: 'GreaterThanThreshold',
    unit: 'Percent',
    ...devActions,
    tags: { Environment: 'dev', Severity: 'critical' },
    state: 'OK',
    shape: { base: 24, daily: 7, noise: 3, decimals: 2, min: 2, max: 100, events: [{ ...rdsIncident, mode: 'add', value: 66 }] },
  },
  {
    region: PRIMARY_REGION,
    name: 'dev-rds-storage-critical',
    description: 'RDS free storage below 2GB (10% of 20GB)',
    namespace: 'AWS/RDS',
    metricName: 'FreeStorageSpace',
    dimensions: { DBInstanceIdentifier: RDS_INSTANCE },
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 1,
    threshold: 2 * GB,
    comparison: 'LessThanThreshold',
    unit: 'Bytes',
    ...devActions,
    tags: { Environment: 'dev', Severity: 'critical' },
    state: 'OK',
    shape: { base: 9.62 * GB, trendPerHour: -0.012 * GB, noise: 0.004 * GB, decimals: 0 },
  },
  {
    region: PRIMARY_REGION,
    name: 'dev-rds-connections-warning',
    description: 'RDS connections above 80 for 10 minutes',
    namespace: 'AWS/RDS',
    metricName: 'DatabaseConnections',
    dimensions: { DBInstanceIdentifier: RDS_INSTANCE },
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 2,
    threshold: 80,
    comparison: 'GreaterThanThreshold',
    unit: 'Count',
    ...devActions,
    tags: { Environment: 'dev', Severity: 'warning' },
    state: 'OK',
    shape: { base: 24, daily: 6, noise: 3, decimals: 0, min: 0, events: [{ ...rdsIncident, mode: 'add', value: 48 }] },
  },
  {
    region: PRIMARY_REGION,
    name: 'dev-redis-memory-warning',
    description: 'Redis memory usage above 80% for 10 minutes',
    namespace: 'AWS/ElastiCache',
    metricName: 'DatabaseMemoryUsagePercentage',
    dimensions: { CacheClusterId: REDIS_CLUSTER },
    statistic: 'Average',
    period: 300,
    evaluationPeriods: 2,
    threshold: 80,
    comparison: 'GreaterThanThreshold',
    unit: 'Percent',
    ...devActions,
    tags: { Environment: 'dev', Severity: 'warning' },
    state: 'OK',
    shape: { base: 58, daily: 4, noise: 1.2, decimals: 2 },
  },
  {
    region: PRIMARY_REGION,
    name: 'dev-monthly-cost-warning',
    description: 'Estimated monthly charges above $60 USD (budget $50)',
    namespace: 'AWS/Billing',
    metricName: 'EstimatedCharges',
    dimensions: { Currency: 'USD' },
    statistic: 'Maximum',
    period: 86400,
    evaluationPeriods: 1,
    threshold: 60,
    comparison: 'GreaterThanThreshold',
    ...devActions,
    tags: { Environment: 'dev', Severity: 'warning' },
    state: 'OK',
    shape: { base: 47.15, trendPerHour: 0.056, decimals: 2, intervalMinutes: 60, spanHours: 14 * 24 },
  },
  {
    region: PRIMARY_REGION,
    name: 'dev-s3-storage-warning',
    description: 'S3 bucket size above 50GB',
    namespace: 'AWS/S3',
    metricName: 'BucketSizeBytes',
    dimensions: { BucketName: DEV_BUCKET, StorageType: 'StandardStorage' },
    statistic: 'Average',
    period: 86400,
    evaluationPeriods: 1,
    threshold: 50 * GB,
    comparison: 'GreaterThanThreshold',
    treatMissingData: 'missing',
    unit: 'Bytes',
    ...devActions,
    tags: { Environment: 'dev', Severity: 'warning' },
    state: 'INSUFFICIENT_DATA',
    shape: { base: 18.4 * GB, trendPerHour: 0.004 * GB, decimals: 0, intervalMinutes: 60, spanHours: 14 * 24, gapMinutes: 30 * 60 },
  },
];

/** seed 003: the goals API's critical alarms. */
const goalsTags = { service: 'ai-lifestyle-app-goals', environment: 'prod', runbook: 'https://wiki.example.com/runbooks/goals-api' };
const goalsAlarms: AlarmSpec[] = [
  {
    region: PRIMARY_REGION,
    name: `${GOALS_PREFIX}-high-error-rate`,
    description: 'High Error Rate: >10 errors in 5 minutes for 2 consecutive periods. Check logs, verify external dependencies.',
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    dimensions: { FunctionName: GOALS_FUNCTION },
    statistic: 'Sum',
    period: 300,
    evaluationPeriods: 2,
    threshold: 10,
    comparison: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    unit: 'Count',
    alarmActions: [GOALS_ALERTS_TOPIC],
    tags: goalsTags,
    state: 'OK',
    shape: { base: 0.12, counts: true, events: [{ from: 318, to: 309, mode: 'add', value: 1.4 }] },
  },
  {
    region: PRIMARY_REGION,
    name: `${GOALS_PREFIX}-high-latency-p99`,
    description: 'High Latency (p99): >200ms for 3 consecutive periods. Check for DynamoDB throttling, cold starts.',
    namespace: 'AWS/Lambda',
    metricName: 'Duration',
    dimensions: { FunctionName: GOALS_FUNCTION },
    extendedStatistic: 'p99',
    period: 300,
    evaluationPeriods: 3,
    threshold: 200,
    comparison: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    unit: 'Milliseconds',
    alarmActions: [GOALS_ALERTS_TOPIC],
    tags: goalsTags,
    state: 'OK',
    shape: {
      base: 118,
      noise: 22,
      daily: 14,
      decimals: 1,
      min: 20,
      samples: 3,
      events: [
        { from: 812, to: 808, mode: 'add', value: 64 },
        { from: 431, to: 429, mode: 'add', value: 71 },
        { from: 95, to: 93, mode: 'add', value: 58 },
      ],
    },
  },
  {
    region: PRIMARY_REGION,
    name: `${GOALS_PREFIX}-dynamodb-throttles`,
    description: 'DynamoDB Throttles: >5 system errors in 5 minutes for 2 consecutive periods. Scale DynamoDB capacity or enable auto-scaling.',
    namespace: 'AWS/DynamoDB',
    metricName: 'SystemErrors',
    dimensions: { TableName: GOALS_PREFIX },
    statistic: 'Sum',
    period: 300,
    evaluationPeriods: 2,
    threshold: 5,
    comparison: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    unit: 'Count',
    alarmActions: [GOALS_ALERTS_TOPIC],
    tags: goalsTags,
    state: 'OK',
    shape: { base: 0.02, counts: true },
  },
];

/** seed 004: the avatar system's bucket lives in eu-north-1. */
const avatarAlarms: AlarmSpec[] = [
  {
    region: SECONDARY_REGION,
    name: 'avatar-s3-storage-critical',
    description: 'Avatar bucket easy-to-image-production above 100GB (critical; warning at 50GB).',
    namespace: 'AWS/S3',
    metricName: 'BucketSizeBytes',
    dimensions: { BucketName: AVATAR_BUCKET },
    statistic: 'Average',
    period: 86400,
    evaluationPeriods: 1,
    threshold: 100 * GB,
    comparison: 'GreaterThanThreshold',
    unit: 'Bytes',
    alarmActions: [AVATAR_ALERTS_TOPIC],
    tags: { service: 'avatar-system' },
    state: 'OK',
    shape: { base: 42.7 * GB, trendPerHour: 0.006 * GB, decimals: 0, intervalMinutes: 60, spanHours: 14 * 24 },
  },
  {
    region: SECONDARY_REGION,
    name: 'avatar-s3-5xx-errors',
    description: 'Avatar bucket easy-to-image-production is returning 5xx errors (upload failures).',
    namespace: 'AWS/S3',
    metricName: '5xxErrors',
    dimensions: { BucketName: AVATAR_BUCKET },
    statistic: 'Sum',
    period: 300,
    evaluationPeriods: 1,
    threshold: 5,
    comparison: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    unit: 'Count',
    alarmActions: [AVATAR_ALERTS_TOPIC],
    tags: { service: 'avatar-system' },
    state: 'ALARM',
    shape: { base: 0.05, counts: true, events: [{ from: 26, to: 0, mode: 'add', value: 2.6 }] },
  },
];

export const ALARMS: readonly AlarmSpec[] = [...pipelineAlarms, ...devAlarms, ...goalsAlarms, ...avatarAlarms];
