/** A log event as FilterLogEvents returns it. */
export interface WindowEvent {
  readonly timestamp?: number;
  readonly message?: string;
  readonly logStreamName?: string;
}

export interface Invocation {
  readonly requestId: string;
  readonly events: WindowEvent[];
}

const START = /^START RequestId: ([0-9a-fA-F-]{8,64})/;
const REPORT = /^REPORT RequestId: ([0-9a-fA-F-]{8,64})/;
const FAILURE = /\b(ERROR|Error|Exception|Traceback|Task timed out)\b/;

/**
 * The Lambda invocations in a function's log events: an execution environment (one log stream) runs one
 * invocation at a time, so every line between `START RequestId: X` and `REPORT RequestId: X` in that
 * stream is X's, whether or not it repeats the request id (tracebacks printed raw do not).
 */
export function invocationsIn(events: readonly WindowEvent[]): Invocation[] {
  const byStream = new Map<string, WindowEvent[]>();
  for (const e of events) {
    const key = e.logStreamName ?? '';
    const list = byStream.get(key) ?? [];
    list.push(e);
    byStream.set(key, list);
  }
  const invocations: Invocation[] = [];
  for (const list of byStream.values()) {
    list.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
    let current: Invocation | undefined;
    for (const e of list) {
      const message = e.message ?? '';
      const started = START.exec(message);
      if (started) {
        current = { requestId: started[1], events: [] };
        invocations.push(current);
      }
      current?.events.push(e);
      if (current && REPORT.exec(message)?.[1] === current.requestId) current = undefined;
    }
  }
  return invocations.sort((a, b) => (a.events[0]?.timestamp ?? 0) - (b.events[0]?.timestamp ?? 0));
}

/**
 * The invocation a failed task made: the one with its request id when the error recorded it, else the one
 * that logged its error message, else the last one that logged an error, else the only one.
 */
export function failedInvocation(events: readonly WindowEvent[], clue: { requestId?: string; errorMessage?: string }): Invocation | undefined {
  const invocations = invocationsIn(events);
  if (clue.requestId) return invocations.find((i) => i.requestId === clue.requestId);
  const message = clue.errorMessage?.trim();
  const saying = message ? invocations.filter((i) => i.events.some((e) => (e.message ?? '').includes(message))) : [];
  if (saying.length > 0) return saying[saying.length - 1];
  const failing = invocations.filter((i) => i.events.some((e) => FAILURE.test(e.message ?? '')));
  if (failing.length > 0) return failing[failing.length - 1];
  return invocations.length === 1 ? invocations[0] : undefined;
}
