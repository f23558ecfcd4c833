import type { LogEvent } from '../../../../sandbox/standin/logs/insightsEngine';
import { SAMPLE_LOG_LINES } from '../../../fixtures/insights/awsSampleLogs';

/** 2026-11-22 15:00:00 UTC. */
export const START = Date.UTC(2026, 10, 22, 15, 0, 0);

/** The sample log lines as events a minute apart, in log streams named as Lambda names them. */
export const SAMPLE_EVENTS: readonly LogEvent[] = SAMPLE_LOG_LINES.map(({ logGroupName, message }, i) => ({
  timestamp: START + i * 60_000,
  message,
  logGroupName,
  logStreamName: `${logGroupName.split('/').pop() ?? 'stream'}/2026/11/22/[$LATEST]0`,
  ingestionTime: START + i * 60_000 + 500,
}));

export function eventsOf(...messages: string[]): LogEvent[] {
  return messages.map((message, i) => ({ timestamp: START + i * 60_000, message, logGroupName: '/docs', logStreamName: 'docs' }));
}
