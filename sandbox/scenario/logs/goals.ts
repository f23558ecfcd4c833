import { GOALS_FUNCTION, LOG_GROUPS, MINUTE_MS } from '../constants';
import { between, hex, pick, seededRandom } from '../random';
import { invocation, lambdaStreamName } from './lambda';
import { sortedStreams, type LogEventSpec, type LogGroupSpec } from './types';

/** seed 003: Powertools-style JSON lines with `duration`, `error_type` and `user_id` for its Insights queries. */
export function goalsLogs(now: number): LogGroupSpec {
  const random = seededRandom(GOALS_FUNCTION);
  const stream = { name: lambdaStreamName(now - 178 * MINUTE_MS, random), events: [] as LogEventSpec[] };
  const users = ['usr_a81f', 'usr_0c3e', 'usr_77d2', 'usr_e910', 'usr_5b4c'];
  let first = true;
  for (let t = now - 177 * MINUTE_MS; t < now - 2 * MINUTE_MS; t += between(random, 5, 10) * MINUTE_MS) {
    const cold = first || random() < 0.12;
    const duration = Math.round((cold ? between(random, 210, 480) : between(random, 35, 140)) * 10) / 10;
    const userId = pick(random, users);
    const line = (level: string, message: string, extra: Record<string, unknown>, offset: number) =>
      JSON.stringify({
        level,
        location: 'create_goal:58',
        message,
        timestamp: new Date(t + offset).toISOString(),
        service: 'goals-api',
        cold_start: cold,
        function_name: GOALS_FUNCTION,
        ...extra,
      });
    const activity = random() < 0.45;
    const error = !activity && random() < 0.18 ? pick(random, ['ProvisionedThroughputExceededException', 'ValidationError', 'ConditionalCheckFailedException']) : undefined;
    stream.events.push(
      ...invocation(random, t, duration + 2, { size: 512, used: Math.round(between(random, 71, 96)), initMs: cold ? between(random, 600, 900) : undefined }, (inv) => {
        inv.add(duration - 1, error
          ? line('ERROR', `Failed to create goal: ${error}`, { user_id: userId, error_type: error, duration }, duration - 1)
          : activity
            ? line('INFO', 'Activity logged', { user_id: userId, goal_id: `goal_${hex(random, 8)}`, activity_type: pick(random, ['run', 'read', 'meditate']), duration }, duration - 1)
            : line('INFO', 'Goal created', { user_id: userId, goal_id: `goal_${hex(random, 8)}`, pattern: pick(random, ['recurring', 'milestone', 'habit']), duration }, duration - 1));
      }),
    );
    first = false;
  }
  return { name: LOG_GROUPS.goals, retentionInDays: 14, streams: sortedStreams([stream]) };
}
