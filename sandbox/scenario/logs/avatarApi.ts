import { LOG_GROUPS, MINUTE_MS } from '../constants';
import { between, hex, seededRandom, uuid } from '../random';
import { sortedStreams, type LogEventSpec, type LogGroupSpec } from './types';

/** seed 004: winston JSON `avatar_operation` entries for its upload queries. */
export function avatarApiLogs(now: number): LogGroupSpec {
  const random = seededRandom('avatar-system-api');
  const start = now - 175 * MINUTE_MS;
  const stream = { name: `api-${start}`, events: [] as LogEventSpec[] };
  for (let t = start; t < now - MINUTE_MS; t += between(random, 3, 9) * MINUTE_MS) {
    const fileSize = Math.round(between(random, 120_000, 4_800_000));
    const success = random() > 0.08;
    stream.events.push({
      timestamp: Math.round(t),
      message: JSON.stringify({
        level: success ? 'info' : 'error',
        message: 'avatar_operation',
        operation: 'avatar_upload',
        userId: `user_${hex(random, 5)}`,
        avatarId: `av_${hex(random, 10)}`,
        fileSize,
        duration: Math.round(400 + fileSize / 2600 + between(random, 0, 300)),
        success,
        isDuplicate: random() < 0.31,
        correlationId: uuid(random),
        ...(success ? {} : { error: 'S3 PutObject failed: 503 Slow Down' }),
        timestamp: new Date(t).toISOString(),
      }),
    });
  }
  return { name: LOG_GROUPS.avatarApi, retentionInDays: 30, streams: sortedStreams([stream]) };
}
