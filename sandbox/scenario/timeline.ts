import type { SeriesShape } from './series';

/**
 * The story the sandbox tells, in minutes before "now":
 * - the dev backend leaks memory for ~2.5 h, its tasks are OOM-killed 13 minutes ago and none is running since
 *   (dev-ecs-service-unhealthy in ALARM, memory/CPU stop reporting, dev-ecs-memory-warning INSUFFICIENT_DATA);
 * - the database had a CPU/connection spike 97..82 minutes ago with connection timeouts in the backend logs;
 * - API Gateway 4XX errors rise over the last 22 minutes; image generation batches fail on the Gemini quota.
 */
export const ECS_CRASH_MINUTES_AGO = 13;
export const ECS_LEAK_START_MINUTES_AGO = 150;
export const rdsIncident = { from: 97, to: 82 } as const;

export const ecsRunningTasks: SeriesShape = {
  base: 2,
  decimals: 0,
  events: [
    { from: 734, to: 731, mode: 'set', value: 3 },
    { from: ECS_CRASH_MINUTES_AGO - 1, to: 0, mode: 'set', value: 0 },
  ],
};

export const ecsPendingTasks: SeriesShape = {
  base: 0,
  decimals: 0,
  events: [
    { from: 736, to: 734, mode: 'set', value: 1 },
    { from: ECS_CRASH_MINUTES_AGO - 1, to: 0, mode: 'set', value: 2 },
  ],
};

export const ecsDesiredTasks: SeriesShape = { base: 2, decimals: 0, events: [{ from: 736, to: 731, mode: 'set', value: 3 }] };

export const ecsCpu: SeriesShape = {
  base: 31,
  daily: 8,
  noise: 4,
  decimals: 2,
  min: 1,
  max: 100,
  gapMinutes: ECS_CRASH_MINUTES_AGO,
  events: [{ from: ECS_LEAK_START_MINUTES_AGO, to: ECS_CRASH_MINUTES_AGO, mode: 'ramp', value: 64 }],
};

export const ecsMemory: SeriesShape = {
  base: 55,
  daily: 3,
  noise: 1.5,
  decimals: 2,
  min: 1,
  max: 100,
  gapMinutes: ECS_CRASH_MINUTES_AGO,
  events: [{ from: ECS_LEAK_START_MINUTES_AGO, to: ECS_CRASH_MINUTES_AGO, mode: 'ramp', value: 94 }],
};

export const ecsNetworkRx: SeriesShape = { base: 2.4e6, daily: 0.9e6, noise: 0.3e6, decimals: 0, min: 0, gapMinutes: ECS_CRASH_MINUTES_AGO };
export const ecsNetworkTx: SeriesShape = { base: 8.7e6, daily: 3.1e6, noise: 1.1e6, decimals: 0, min: 0, gapMinutes: ECS_CRASH_MINUTES_AGO };

/** Request metrics come from the application's own logs, so they stop with the tasks. */
export const apiRequests: SeriesShape = { base: 118, daily: 42, counts: true, gapMinutes: ECS_CRASH_MINUTES_AGO };
export const api4xx: SeriesShape = { base: 1.6, daily: 0.6, counts: true, gapMinutes: ECS_CRASH_MINUTES_AGO };
export const api5xx: SeriesShape = {
  base: 0.2,
  counts: true,
  gapMinutes: ECS_CRASH_MINUTES_AGO,
  events: [
    { from: rdsIncident.from, to: rdsIncident.to, mode: 'add', value: 3.5 },
    { from: ECS_CRASH_MINUTES_AGO + 25, to: ECS_CRASH_MINUTES_AGO, mode: 'add', value: 6 },
  ],
};
