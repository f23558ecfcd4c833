export interface LogEventSpec {
  timestamp: number;
  message: string;
}

export interface LogStreamSpec {
  name: string;
  events: LogEventSpec[];
}

export interface LogGroupSpec {
  name: string;
  retentionInDays?: number;
  streams: LogStreamSpec[];
}

/** Streams with their events in timestamp order (PutLogEvents requires it). */
export function sortedStreams(streams: LogStreamSpec[]): LogStreamSpec[] {
  return streams
    .filter((s) => s.events.length > 0)
    .map((s) => ({ name: s.name, events: [...s.events].sort((a, b) => a.timestamp - b.timestamp) }));
}

/** What the Step Functions seeding produced, for logs that mention executions. */
export interface SeededExecution {
  name: string;
  executionArn: string;
  status: string;
  startDate: number;
  stopDate?: number;
  input: Record<string, unknown>;
}
