import { LOG_GROUPS, MINUTE_MS } from '../constants';
import { between, hex, pick, seededRandom, uuid, type Random } from '../random';
import { ECS_CRASH_MINUTES_AGO, ECS_LEAK_START_MINUTES_AGO, rdsIncident } from '../timeline';
import { sortedStreams, type LogEventSpec, type LogGroupSpec } from './types';

/** seed 002: the FastAPI backend. Plain request lines for the saved queries' `parse`, JSON lines with the documented fields. */
interface Route {
  method: string;
  path: (r: Random) => string;
  endpoint: string;
  ms: number;
  ok: number;
  weight: number;
}

const ROUTES: Route[] = [
  { method: 'GET', path: () => '/api/videos', endpoint: '/api/videos', ms: 45, ok: 200, weight: 5 },
  { method: 'GET', path: (r) => `/api/videos/${Math.floor(between(r, 100, 400))}`, endpoint: '/api/videos/{video_id}', ms: 22, ok: 200, weight: 6 },
  { method: 'POST', path: () => '/api/videos', endpoint: '/api/videos', ms: 180, ok: 201, weight: 2 },
  { method: 'GET', path: (r) => `/api/jobs/job-${hex(r, 6)}`, endpoint: '/api/jobs/{job_id}', ms: 15, ok: 200, weight: 4 },
  { method: 'POST', path: () => '/api/auth/refresh', endpoint: '/api/auth/refresh', ms: 60, ok: 200, weight: 1 },
];
const TOTAL_WEIGHT = ROUTES.reduce((n, r) => n + r.weight, 0);

const FAILED_JOBS = ['job-7f3a2c', 'job-91be04', 'job-7f3a2c', 'job-c4d210', 'job-1e88fa'];

const POOL_TRACEBACK = [
  'ERROR Exception in ASGI application',
  'Traceback (most recent call last):',
  '  File "/usr/local/lib/python3.11/site-packages/uvicorn/protocols/http/httptools_impl.py", line 426, in run_asgi',
  '    result = await app(  # type: ignore[func-returns-value]',
  '  File "/app/app/api/videos.py", line 88, in create_video',
  '    job = await jobs.enqueue(db, payload)',
  '  File "/app/app/services/jobs.py", line 41, in enqueue',
  '    await db.flush()',
  'sqlalchemy.exc.TimeoutError: QueuePool limit of size 20 overflow 10 reached, connection timed out, timeout 30.00',
].join('\n');

function pickRoute(random: Random): Route {
  let n = random() * TOTAL_WEIGHT;
  for (const r of ROUTES) {
    n -= r.weight;
    if (n <= 0) return r;
  }
  return ROUTES[0];
}

export function backendLogs(now: number): LogGroupSpec {
  const random = seededRandom('ai-video-backend');
  const tasks = [0, 1].map(() => ({ name: `ecs/ai-video-backend/${hex(random, 32)}`, events: [] as LogEventSpec[] }));
  const ago = (t: number) => (now - t) / MINUTE_MS;
  const inWindow = (t: number, w: { from: number; to: number }) => ago(t) <= w.from && ago(t) >= w.to;
  const preCrash = { from: ECS_CRASH_MINUTES_AGO + 25, to: ECS_CRASH_MINUTES_AGO };
  const crashAt = now - ECS_CRASH_MINUTES_AGO * MINUTE_MS - 20_000;
  const push = (t: number, message: string) => tasks[Math.floor(random() * 2)].events.push({ timestamp: Math.round(t), message });

  // Requests.
  for (let t = now - 180 * MINUTE_MS; t < crashAt; t += Math.round(between(random, 35_000, 95_000))) {
    const route = pickRoute(random);
    const path = route.path(random);
    const db = inWindow(t, rdsIncident);
    const slow = db ? between(random, 8, 25) : inWindow(t, preCrash) ? between(random, 2, 4) : 1;
    const duration = Math.round(route.ms * slow * between(random, 0.6, 1.6) * 10) / 10;
    const failing = (db && random() < 0.45) || (inWindow(t, preCrash) && random() < 0.25) || random() < 0.015;
    const status = failing ? 500 : random() < 0.04 ? pick(random, [401, 404, 422]) : route.ok;
    const level = status >= 500 ? 'ERROR' : status >= 400 ? 'WARNING' : 'INFO';
    if (status >= 500 && random() < 0.7) {
      push(t, `ERROR ${route.method} ${path} ${status} duration=${duration.toFixed(1)} request failed`);
    } else if (random() < 0.55) {
      push(t, `${level} ${route.method} ${path} ${status} duration=${duration.toFixed(1)}`);
    } else {
      push(t, JSON.stringify({
        timestamp: new Date(t).toISOString(),
        level,
        message: `${route.method} ${path} ${status}`,
        request_id: uuid(random),
        user_id: random() < 0.8 ? `usr_${hex(random, 6)}` : null,
        endpoint: route.endpoint,
        method: route.method,
        duration,
        status_code: status,
      }));
    }
  }

  // Video generation jobs (Replicate).
  let failures = 0;
  for (let t = now - 176 * MINUTE_MS; t < crashAt - 4 * MINUTE_MS; t += between(random, 9, 16) * MINUTE_MS) {
    const jobId = `job-${hex(random, 6)}`;
    push(t, `INFO video generation started job_id=${jobId} model=replicate/stable-video-diffusion`);
    const end = t + between(random, 2, 4) * MINUTE_MS;
    if (random() < 0.3 && failures < FAILED_JOBS.length) {
      const failed = FAILED_JOBS[failures++];
      push(t + 1000, `INFO video generation started job_id=${failed} model=replicate/stable-video-diffusion retry=1`);
      push(end, `ERROR video generation failed job_id=${failed} reason="Replicate prediction failed: CUDA out of memory"`);
    }
    if (failures === 3 && random() < 0.5) {
      push(end + 500, `ERROR error in generation pipeline job_id=${jobId}: upload to s3://dev-ai-video-storage timed out after 30s`);
      failures++;
    } else {
      push(end, `INFO video generation completed job_id=${jobId} duration=${(between(random, 95, 240) * 1000).toFixed(1)}`);
    }
  }

  // Database incident.
  for (let t = now - rdsIncident.from * MINUTE_MS; t < now - rdsIncident.to * MINUTE_MS; t += between(random, 90_000, 200_000)) {
    push(t, 'ERROR database connection timeout after 5000ms');
    push(t + 350, `ERROR POST /api/videos 500 duration=${between(random, 5001, 5400).toFixed(1)} request failed`);
    if (random() < 0.5) push(t + 800, 'WARNING database connection pool exhausted (size=20, overflow=10), waiting for a connection');
  }
  push(now - (rdsIncident.from - 6) * MINUTE_MS, POOL_TRACEBACK);
  push(now - rdsIncident.to * MINUTE_MS + 30_000, 'INFO database connection pool recovered, 6 connections in use');

  // The leak: memory warnings until the tasks are killed.
  for (let t = now - 45 * MINUTE_MS; t < crashAt; t += between(random, 4, 7) * MINUTE_MS) {
    const pct = 55 + (94 - 55) * ((ECS_LEAK_START_MINUTES_AGO - ago(t)) / (ECS_LEAK_START_MINUTES_AGO - ECS_CRASH_MINUTES_AGO));
    push(t, `WARNING memory usage high rss=${Math.round((2048 * pct) / 100)}MB limit=2048MB (${pct.toFixed(1)}%) cache_entries=${Math.round(pct * 1900)}`);
  }

  push(now - 118 * MINUTE_MS, 'INFO GET /api/videos/123 200 duration=45.2');
  push(now - 31 * MINUTE_MS, 'ERROR POST /api/videos 500 duration=1203.5 request failed');

  // Hostile input as it reaches the logs.
  push(now - 133 * MINUTE_MS, 'WARNING GET /api/videos/search?q=<script>alert(1)</script> 422 duration=3.1');
  push(now - 61 * MINUTE_MS, JSON.stringify({
    timestamp: new Date(now - 61 * MINUTE_MS).toISOString(),
    level: 'WARNING',
    message: 'POST /api/videos 422',
    request_id: uuid(random),
    user_id: 'usr_4b1d9e',
    endpoint: '/api/videos',
    method: 'POST',
    duration: 4.7,
    status_code: 422,
    detail: 'title: value must not contain markup: <img src=x onerror=alert(1)>',
  }));

  return { name: LOG_GROUPS.backend, retentionInDays: 7, streams: sortedStreams(tasks) };
}
