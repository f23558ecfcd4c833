import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { LOG_GROUPS, STATE_MACHINE_NAME } from '../constants';
import { hex, seededRandom } from '../random';
import { sortedStreams, type LogGroupSpec, type LogStreamSpec, type SeededExecution } from './types';

export interface ExecutionHistory {
  execution: SeededExecution;
  events: HistoryEvent[];
}

/** The execution history as Step Functions writes it to a vended log group at level ALL. */
export function stateMachineLogs(histories: readonly ExecutionHistory[]): LogGroupSpec {
  const random = seededRandom(STATE_MACHINE_NAME);
  const streams: LogStreamSpec[] = histories.map(({ execution, events }) => {
    const d = new Date(execution.startDate).toISOString();
    const minute = `${d.slice(0, 10)}-${d.slice(11, 13)}-${d.slice(14, 16)}`;
    return {
      name: `states/${STATE_MACHINE_NAME}/${minute}/${hex(random, 8)}`,
      events: events.map((e) => ({
        timestamp: e.timestamp?.getTime() ?? execution.startDate,
        message: JSON.stringify({
          id: String(e.id),
          type: e.type,
          details: detailsOf(e),
          previous_event_id: String(e.previousEventId ?? 0),
          event_timestamp: String(e.timestamp?.getTime() ?? execution.startDate),
          execution_arn: execution.executionArn,
          redrive_count: '0',
        }),
      })),
    };
  });
  return { name: LOG_GROUPS.stateMachine, retentionInDays: 30, streams: sortedStreams(streams) };
}

function detailsOf(event: HistoryEvent): unknown {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && value) return value;
  }
  return {};
}
