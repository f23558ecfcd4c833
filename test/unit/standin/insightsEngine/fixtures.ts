import type { LogEvent, QueryExecution } from '../../../../sandbox/standin/logs/insightsEngine';

/** 2025-10-14 10:00:00 UTC, the day of seed 001's examples. */
export const BASE = Date.UTC(2025, 9, 14, 10, 0, 0);

export function at(minute: number, second = 0): number {
  return BASE + (minute * 60 + second) * 1000;
}

export const BACKEND_GROUP = '/ecs/prod/ai-video-backend';

/** Plain-text lines of the FastAPI backend (seed 002), `[minute, second, message]`. */
const BACKEND_LINES: readonly [number, number, string][] = [
  [0, 5, 'INFO GET /api/health ok duration=2'],
  [1, 0, 'ERROR database connection timeout after 30s'],
  [2, 0, 'ERROR POST /api/videos failed duration=500.5 job_id=abc-101'],
  [3, 0, 'ERROR database connection refused'],
  [4, 0, 'ERROR POST /api/videos failed duration=505.5 job_id=abc-102'],
  [5, 30, 'INFO GET /api/health ok duration=3'],
  [6, 0, 'ERROR GET /api/jobs failed duration=1200 job_id=abc-103'],
  [7, 0, 'WARN database query timeout on jobs table'],
  [8, 0, 'ERROR POST /api/videos failed duration=510.5 job_id=abc-104'],
  [9, 0, 'ERROR GET /api/users failed duration=90'],
  [11, 0, 'ERROR POST /api/videos failed duration=515.5 job_id=abc-105'],
  [12, 0, 'ERROR database connection reset by peer'],
  [13, 0, 'WARN database retrying after error'],
  [14, 0, 'ERROR database connection timeout after 30s'],
  [15, 0, 'INFO GET /api/health ok duration=4'],
  [16, 0, 'ERROR GET /api/jobs failed duration=1500 job_id=abc-106'],
  [17, 0, 'ERROR POST /api/videos failed duration=520.5 job_id=abc-107'],
  [20, 0, 'INFO database pool healthy'],
  [21, 0, 'ERROR POST /api/videos failed duration=525.5 job_id=abc-108'],
  [25, 0, 'INFO GET /api/health ok duration=5'],
  [26, 0, 'ERROR GET /api/jobs failed duration=1800 job_id=abc-109'],
  [28, 0, 'ERROR POST /api/videos failed duration=530.5 job_id=abc-110'],
  [30, 0, 'ERROR video generation failed job_id=gen-7 reason=replicate timeout'],
  [31, 0, 'ERROR video generation failed job_id=gen-7 reason=retries exhausted'],
  [32, 0, 'error while starting generation job_id=gen-9'],
];

export function backendTextEvents(): LogEvent[] {
  return BACKEND_LINES.map(([minute, second, message], i) => ({
    timestamp: at(minute, second),
    message,
    logGroupName: BACKEND_GROUP,
    logStreamName: `ecs/backend/task-${i % 2}`,
    ingestionTime: at(minute, second) + 150,
  }));
}

/** Structured request logs with the fields seed 002 lists for the backend. */
export function backendJsonEvents(count = 30): LogEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const timestamp = at(i);
    return {
      timestamp,
      message: JSON.stringify({
        timestamp: new Date(timestamp).toISOString(),
        level: i % 10 === 3 ? 'ERROR' : 'INFO',
        message: i % 10 === 3 ? 'request failed' : 'request completed',
        request_id: `req-${1000 + i}`,
        user_id: `user-${i % 4}`,
        endpoint: ['/api/goals', '/api/activities', '/api/progress'][i % 3],
        method: i % 2 === 0 ? 'GET' : 'POST',
        duration: jsonDuration(i),
        status_code: i % 10 === 3 ? 500 : 200,
        ...(i % 10 === 3 ? { error_type: i < 15 ? 'ThrottlingException' : 'ValidationError' } : {}),
      }),
      logGroupName: '/aws/lambda/create_goal-prod',
      logStreamName: '2025/10/14/[$LATEST]abc',
    };
  });
}

/** Distinct durations between 10 and 409 ms. */
export function jsonDuration(i: number): number {
  return ((i * 37) % 400) + 10;
}

/** `Activity logged` events of seed 003 across two hours. */
export function activityEvents(): LogEvent[] {
  const users = ['user-a', 'user-b', 'user-a', 'user-c', 'user-a', 'user-b'];
  const minutes = [5, 20, 50, 65, 70, 100];
  return users.map((user_id, i) => ({
    timestamp: at(minutes[i] ?? 0),
    message: JSON.stringify({ level: 'INFO', message: 'Activity logged', user_id, activity: 'run' }),
  }));
}

/** Pose generator worker logs with nested metadata (seed 001). */
export function workerEvents(): LogEvent[] {
  const entries = [
    { component: 'Worker', message: 'Generated pose successfully', metadata: { generationId: 'gen_123', poseId: 'pose_456', duration: 25000 } },
    { component: 'Worker', message: 'Generated pose successfully', metadata: { generationId: 'gen_123', poseId: 'pose_457', duration: 35000 } },
    { component: 'FLUX', message: 'Calling FLUX API', metadata: { generationId: 'gen_124', duration: 1200 } },
    { component: 'Storage', message: 'Failed to upload image', level: 'ERROR', metadata: { generationId: 'gen_124', error: 'timeout' } },
  ];
  return entries.map((e, i) => ({
    timestamp: at(i),
    message: JSON.stringify({ timestamp: new Date(at(i)).toISOString(), level: 'INFO', ...e }),
  }));
}

/** winston JSON lines of the avatar system (seed 004). */
export function avatarEvents(): LogEvent[] {
  const uploads = [
    { success: true, isDuplicate: false, fileSize: 1_200_000, duration: 850 },
    { success: true, isDuplicate: true, fileSize: 300_000, duration: 120 },
    { success: false, isDuplicate: false, fileSize: 5_400_000, duration: 4000 },
    { success: true, isDuplicate: false, fileSize: 2_100_000, duration: 1300 },
  ];
  return [
    ...uploads.map((u, i) => ({
      timestamp: at(i),
      message: JSON.stringify({ level: 'info', message: 'avatar_operation', operation: 'avatar_upload', userId: `u${i}`, ...u, timestamp: new Date(at(i)).toISOString() }),
    })),
    { timestamp: at(9), message: JSON.stringify({ level: 'info', message: 'avatar_operation', operation: 'avatar_delete', success: true }) },
  ];
}

export function stepFunctionLambdaEvents(): LogEvent[] {
  const group = '/aws/lambda/databanana-GenerateFunction';
  const lines = [
    'START RequestId: 6f1c Version: $LATEST',
    '2025-10-14T10:00:01.000Z\t6f1c\tINFO\tStarted Step Functions execution arn:aws:states:us-east-1:123456789012:execution:ImageGenerationStateMachine:batch-1',
    'END RequestId: 6f1c',
    'REPORT RequestId: 6f1c\tDuration: 812.45 ms\tBilled Duration: 813 ms\tMemory Size: 256 MB\tMax Memory Used: 91 MB\t',
    '2025-10-14T10:05:00.000Z\t7a2d\tINFO\tStarted Step Functions execution arn:aws:states:us-east-1:123456789012:execution:ImageGenerationStateMachine:batch-2',
    '2025-10-14T10:05:01.000Z\t7a2d\tERROR\t{"errorType":"ValidationException","errorMessage":"image_count must be <= 100"}',
  ];
  return lines.map((message, i) => ({ timestamp: at(i), message, logGroupName: group, logStreamName: '2025/10/14/[$LATEST]f00d' }));
}

/** Rows as field→value objects, without `@ptr`. */
export function table(result: QueryExecution): Record<string, string>[] {
  return result.rows.map((row) => Object.fromEntries(row.filter((f) => f.field !== '@ptr').map((f) => [f.field, f.value])));
}

export function fieldOrder(result: QueryExecution): string[][] {
  return result.rows.map((row) => row.map((f) => f.field));
}
