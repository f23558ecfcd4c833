import type { ScopeId } from '../../core/scope';
import type { LiveTailMessage, LiveTailRequest, LogsApi } from '../../aws/services/logs';
import { liveTailCost, TailBuffer, type TailEvent } from '../../core/logs';

export type TailState = 'starting' | 'live' | 'paused' | 'ended';

export interface TailTarget {
  readonly region: ScopeId;
  /** Names as shown; ARNs as StartLiveTail takes them. */
  readonly groups: readonly { name: string; arn: string }[];
  readonly filterPattern: string;
  readonly logStreamNamePrefixes?: readonly string[];
}

/** Window over which events per second are counted. */
const RATE_WINDOW_MS = 5000;

/**
 * One Live Tail session: the stream from StartLiveTail into a bounded buffer. Pausing keeps receiving (the
 * buffer stays bounded) but stops showing; changing the filter starts a new session; stopping aborts the
 * stream, which closes the session server-side.
 */
export class TailSession {
  readonly buffer: TailBuffer;
  state: TailState = 'starting';
  endReason: string | undefined;
  sessionStartedAt: number | undefined;
  private abort: AbortController | undefined;
  private readonly arrivals: { at: number; count: number }[] = [];
  private billedMs = 0;
  private runningSince: number | undefined;
  private pausedState = false;

  constructor(
    private readonly logs: LogsApi,
    public target: TailTarget,
    bufferEvents: number,
    private readonly onChange: (what: 'events' | 'state') => void,
    private readonly now: () => number = Date.now,
  ) {
    this.buffer = new TailBuffer(bufferEvents);
    this.buffer.setFormat({ prettyJson: false, showGroup: target.groups.length > 1 });
  }

  get paused(): boolean {
    return this.pausedState;
  }

  start(): void {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.state = 'starting';
    this.endReason = undefined;
    this.onChange('state');
    const request: LiveTailRequest = {
      logGroupIdentifiers: this.target.groups.map((g) => g.arn),
      logEventFilterPattern: this.target.filterPattern || undefined,
      logStreamNamePrefixes: this.target.logStreamNamePrefixes?.length ? [...this.target.logStreamNamePrefixes] : undefined,
    };
    void this.consume(this.logs.startLiveTail(this.target.region, request, abort.signal), abort);
  }

  private async consume(stream: AsyncGenerator<LiveTailMessage>, abort: AbortController): Promise<void> {
    try {
      for await (const message of stream) {
        if (abort.signal.aborted) return;
        this.handle(message);
      }
    } catch (err) {
      if (!abort.signal.aborted) this.end(err instanceof Error ? err.message : String(err));
    }
  }

  private handle(message: LiveTailMessage): void {
    if (message.kind === 'start') {
      this.sessionStartedAt = this.now();
      this.runningSince = this.sessionStartedAt;
      this.state = this.pausedState ? 'paused' : 'live';
      this.onChange('state');
    } else if (message.kind === 'update') {
      if (message.events.length === 0) return;
      const byArn = new Map(this.target.groups.map((g) => [g.arn, g.name]));
      const events: TailEvent[] = message.events.map((e) => ({
        timestamp: e.timestamp ?? 0,
        logGroup: byArn.get(e.logGroupIdentifier ?? '') ?? e.logGroupIdentifier ?? '',
        logStream: e.logStreamName ?? '',
        message: e.message ?? '',
      }));
      this.receive(events);
    } else {
      this.end(message.timedOut ? `${message.reason} (Live Tail sessions last at most 3 hours)` : message.reason);
    }
  }

  /** Events as they arrive (also the bench's entry point). */
  receive(events: readonly TailEvent[]): void {
    this.buffer.add(events);
    this.arrivals.push({ at: this.now(), count: events.length });
    if (!this.pausedState) this.onChange('events');
  }

  private end(reason: string): void {
    this.closeBilling();
    this.state = 'ended';
    this.endReason = reason;
    this.abort?.abort();
    this.onChange('state');
  }

  private closeBilling(): void {
    if (this.runningSince !== undefined) this.billedMs += this.now() - this.runningSince;
    this.runningSince = undefined;
  }

  setPaused(paused: boolean): void {
    this.pausedState = paused;
    if (this.state === 'live' || this.state === 'paused') this.state = paused ? 'paused' : 'live';
    this.onChange('state');
  }

  setFilter(pattern: string): void {
    this.closeBilling();
    this.target = { ...this.target, filterPattern: pattern };
    this.start();
  }

  setPrettyJson(on: boolean): void {
    this.buffer.setFormat({ ...this.buffer.format, prettyJson: on });
    this.onChange('state');
  }

  clear(): void {
    this.buffer.clear();
    this.onChange('state');
  }

  stop(reason = 'Stopped'): void {
    if (this.state === 'ended') return;
    this.end(reason);
  }

  /** Events per second over the last few seconds. */
  rate(): number {
    const since = this.now() - RATE_WINDOW_MS;
    while (this.arrivals.length > 0 && (this.arrivals[0]?.at ?? 0) < since) this.arrivals.shift();
    return this.arrivals.reduce((n, a) => n + a.count, 0) / (RATE_WINDOW_MS / 1000);
  }

  /** What the session has cost so far (every started minute of every session it opened). */
  cost(): { minutes: number; usd: number } {
    const running = this.runningSince !== undefined ? this.now() - this.runningSince : 0;
    return liveTailCost(this.billedMs + running);
  }
}
