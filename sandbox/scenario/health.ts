/** The local health server's endpoints (bodies from seeds 001, 002 and 004) and how Ops Lens should judge them. */
export type HealthOutcome = 'healthy' | 'warning' | 'critical' | 'timeout';

export interface HealthAssertion {
  path: string;
  op: '<' | '<=' | '>' | '>=' | '==' | '!=';
  value: unknown;
  severity: 'warning' | 'critical';
}

export interface HealthExpectation {
  /** HTTP status the server answers with; absent when it never answers. */
  status?: number;
  /** What Ops Lens should show once it applies `assertions` and `expectStatus`. */
  outcome: HealthOutcome;
  /** The server waits this long before answering. */
  delayMs?: number;
}

export interface HealthEndpointSpec {
  name: string;
  path: string;
  /** Path plus query string as configured in the workspace. */
  request?: string;
  expect: HealthExpectation;
  timeoutMs?: number;
  intervalSeconds?: number;
  expectStatus?: number;
  assertions?: HealthAssertion[];
  /** The response body (a string is sent as text); `undefined` for /hang. */
  body?: (now: Date) => unknown;
  /** Content type of the body when it is not JSON. */
  contentType?: string;
}

export const SLOW_DELAY_MS = 2500;

export const HEALTH_ENDPOINTS: readonly HealthEndpointSpec[] = [
  {
    name: 'Video API liveness',
    path: '/health',
    expect: { status: 200, outcome: 'healthy' },
    expectStatus: 200,
    timeoutMs: 2000,
    body: () => ({ status: 'healthy' }),
  },
  {
    name: 'Video API dependencies',
    path: '/health/detailed',
    expect: { status: 503, outcome: 'critical' },
    expectStatus: 200,
    assertions: [{ path: 'checks.redis', op: '!=', value: 'healthy', severity: 'critical' }],
    body: () => ({
      status: 'unhealthy',
      checks: { database: 'healthy', redis: 'unhealthy', s3: 'healthy', replicate_api: 'healthy' },
    }),
  },
  {
    name: 'Pose Generator health',
    path: '/api/apps/pose-generator/health',
    expect: { status: 200, outcome: 'healthy' },
    assertions: [
      { path: 'checks.database.status', op: '!=', value: 'connected', severity: 'critical' },
      { path: 'checks.redis.status', op: '!=', value: 'connected', severity: 'critical' },
      { path: 'checks.queue.counts.waiting', op: '>', value: 500, severity: 'warning' },
    ],
    body: (now) => ({
      status: 'healthy',
      timestamp: now.toISOString(),
      app: 'pose-generator',
      version: '1.0.0',
      checks: {
        database: { status: 'connected' },
        redis: { status: 'connected' },
        queue: { status: 'operational', counts: { waiting: 10, active: 2, completed: 1500, failed: 12, delayed: 0 } },
      },
      phase: 'Production Ready',
    }),
  },
  {
    name: 'Pose Generator metrics',
    path: '/api/apps/pose-generator/metrics',
    request: '/api/apps/pose-generator/metrics?period=24h',
    expect: { status: 200, outcome: 'warning' },
    assertions: [
      { path: 'successRate', op: '<', value: 90, severity: 'critical' },
      { path: 'successRate', op: '<', value: 95, severity: 'warning' },
      { path: 'queueDepth', op: '>', value: 500, severity: 'critical' },
      { path: 'queueDepth', op: '>', value: 100, severity: 'warning' },
      { path: 'avgGenerationTime', op: '>', value: 60000, severity: 'critical' },
      { path: 'avgGenerationTime', op: '>', value: 30000, severity: 'warning' },
    ],
    body: (now) => ({
      totalGenerations: 150,
      activeGenerations: 3,
      completedGenerations: 140,
      failedGenerations: 7,
      avgGenerationTime: 25000,
      avgPosesPerGeneration: 3.5,
      successRate: 93.33,
      queueDepth: 12,
      queueWaiting: 10,
      queueActive: 2,
      queueFailed: 5,
      totalPosesGenerated: 525,
      totalCreditsSpent: 15750,
      totalCreditsRefunded: 210,
      startTime: new Date(now.getTime() - 24 * 3600_000).toISOString(),
      endTime: now.toISOString(),
    }),
  },
  {
    name: 'Avatar system',
    path: '/api/monitoring/health',
    expect: { status: 200, outcome: 'healthy' },
    assertions: [
      { path: 'metrics.errorRate', op: '>', value: 5, severity: 'critical' },
      { path: 'metrics.cacheHitRate', op: '<', value: 90, severity: 'warning' },
      { path: 'database', op: '==', value: 'unhealthy', severity: 'critical' },
    ],
    body: (now) => ({
      timestamp: now.toISOString(),
      service: 'avatar-system',
      version: '1.4.2',
      database: 'healthy',
      redis: 'healthy',
      s3: 'healthy',
      avatarService: 'healthy',
      workers: 'healthy',
      metrics: {
        uploadsLast24h: 412,
        averageUploadTime: 1840,
        cacheHitRate: 96.2,
        errorRate: 0.8,
        storageUsage: 45_848_349_696,
      },
    }),
  },
  {
    name: 'Render queue (slow)',
    path: '/slow',
    expect: { status: 200, outcome: 'healthy', delayMs: SLOW_DELAY_MS },
    timeoutMs: 5000,
    body: () => ({ status: 'healthy', note: 'answered after a slow dependency check' }),
  },
  {
    // Spring Boot 3 actuator: one member of a group out of service makes the whole answer 503 OUT_OF_SERVICE.
    name: 'Orders service (Spring Boot)',
    path: '/actuator/health',
    expect: { status: 503, outcome: 'critical' },
    body: () => ({
      status: 'OUT_OF_SERVICE',
      components: {
        db: { status: 'UP', details: { database: 'PostgreSQL', validationQuery: 'isValid()' } },
        diskSpace: { status: 'UP', details: { total: 107374182400, free: 64424509440, threshold: 10485760, path: '/app/.', exists: true } },
        paymentGateway: { status: 'OUT_OF_SERVICE', details: { reason: 'Provider maintenance window until 04:00 UTC' } },
        ping: { status: 'UP' },
      },
    }),
  },
  {
    // The Kubernetes API server's verbose readiness text, etcd unreachable.
    name: 'Cluster API readiness',
    path: '/readyz',
    request: '/readyz?verbose',
    expect: { status: 500, outcome: 'critical' },
    contentType: 'text/plain; charset=utf-8',
    body: () => ['[+]ping ok', '[+]log ok', '[-]etcd failed: reason withheld', '[+]etcd-readiness ok', '[+]informer-sync ok', '[+]poststarthook/start-apiextensions-informers ok', '[+]shutdown ok', 'readyz check failed', ''].join('\n'),
  },
  {
    // ASP.NET Core's default health writer: the status name as text, and HTTP 200 for Degraded.
    name: 'Invoicing API (ASP.NET Core)',
    path: '/healthz',
    expect: { status: 200, outcome: 'warning' },
    contentType: 'text/plain',
    body: () => 'Degraded',
  },
  {
    // Vault's sys/health on an unsealed standby: HTTP 429 is the documented answer of a healthy standby.
    name: 'Secrets (Vault standby)',
    path: '/v1/sys/health',
    expect: { status: 429, outcome: 'healthy' },
    body: (now) => ({
      initialized: true,
      sealed: false,
      standby: true,
      performance_standby: false,
      replication_performance_mode: 'disabled',
      replication_dr_mode: 'disabled',
      server_time_utc: Math.floor(now.getTime() / 1000),
      version: '1.17.2',
      cluster_name: 'vault-cluster-sandbox',
      cluster_id: '6b1c4a0e-7f3d-4c2b-9a8e-2d5f0e1c3b7a',
    }),
  },
  {
    // Elasticsearch cluster health: yellow (replicas unassigned) with HTTP 200.
    name: 'Search cluster (Elasticsearch)',
    path: '/_cluster/health',
    expect: { status: 200, outcome: 'warning' },
    body: () => ({
      cluster_name: 'search-sandbox',
      status: 'yellow',
      timed_out: false,
      number_of_nodes: 1,
      number_of_data_nodes: 1,
      active_primary_shards: 6,
      active_shards: 6,
      relocating_shards: 0,
      initializing_shards: 0,
      unassigned_shards: 6,
      delayed_unassigned_shards: 0,
      number_of_pending_tasks: 0,
      number_of_in_flight_fetch: 0,
      task_max_waiting_in_queue_millis: 0,
      active_shards_percent_as_number: 50.0,
    }),
  },
  {
    name: 'Legacy billing (hangs)',
    path: '/hang',
    expect: { outcome: 'timeout' },
    timeoutMs: 2000,
    intervalSeconds: 60,
  },
];
