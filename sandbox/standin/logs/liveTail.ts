import { randomUUID } from 'node:crypto';
import type * as http from 'node:http';
import { compileFilterPattern, type CompiledFilterPattern } from '../../../src/core/logs';
import type { HandlerContext } from '../handler';
import { Streamed } from '../handler';
import { optionalString, stringList } from '../input';
import { invalidParameter } from './errors';
import { eventFrame, exceptionFrame } from './eventStream';
import { logGroupNameOf, requireLogGroup } from './logGroups';

/** Live Tail sends what arrived once a second, at most 500 events per update (more are sampled). */
const UPDATE_INTERVAL_MS = 1000;
const MAX_EVENTS_PER_UPDATE = 500;
/** A Live Tail session ends after three hours. */
export const LIVE_TAIL_MAX_MS = 3 * 3_600_000;
const MAX_GROUPS = 10;

export interface IngestedEvent {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly message: string;
}

interface TailSession {
  readonly region: string;
  /** Log group name → the identifier the client gave (returned with each event). */
  readonly groups: Map<string, string>;
  readonly streamNames: readonly string[];
  readonly streamPrefixes: readonly string[];
  readonly filter: CompiledFilterPattern;
  readonly pending: IngestedEvent[];
}

/** Live Tail sessions of all regions; PutLogEvents through the stand-in feeds them. */
export class LiveTailHub {
  private readonly sessions = new Set<{ session: TailSession; end: () => void }>();

  constructor(private readonly maxSessionMs = LIVE_TAIL_MAX_MS, private readonly updateIntervalMs = UPDATE_INTERVAL_MS) {}

  /** Events just ingested into one log stream. */
  publish(region: string, events: readonly IngestedEvent[]): void {
    for (const { session } of this.sessions) {
      if (session.region !== region) continue;
      for (const e of events) {
        if (!session.groups.has(e.logGroupName)) continue;
        if (session.streamNames.length > 0 && !session.streamNames.includes(e.logStreamName)) continue;
        if (session.streamPrefixes.length > 0 && !session.streamPrefixes.some((p) => e.logStreamName.startsWith(p))) continue;
        if (session.filter.matches(e.message)) session.pending.push(e);
      }
    }
  }

  /** StartLiveTail: checks the request as the service does, then answers with an event stream. */
  async start(ctx: HandlerContext): Promise<Streamed> {
    const identifiers = stringList(ctx.input, 'logGroupIdentifiers');
    if (identifiers.length < 1 || identifiers.length > MAX_GROUPS) throw invalidParameter(`logGroupIdentifiers must name 1 to ${MAX_GROUPS} log groups.`);
    const streamNames = stringList(ctx.input, 'logStreamNames');
    const streamPrefixes = stringList(ctx.input, 'logStreamNamePrefixes');
    if (streamNames.length > 0 && streamPrefixes.length > 0) throw invalidParameter('logStreamNames and logStreamNamePrefixes are mutually exclusive.');
    if ((streamNames.length > 0 || streamPrefixes.length > 0) && identifiers.length !== 1) throw invalidParameter('Log stream names or prefixes need exactly one log group in logGroupIdentifiers.');
    const pattern = optionalString(ctx.input, 'logEventFilterPattern') ?? '';
    const groups = new Map<string, string>();
    // Approximation: AWS asks for ARNs here; the stand-in also takes names.
    for (const id of identifiers) {
      if (id.endsWith('*')) throw invalidParameter('A log group ARN in logGroupIdentifiers cannot end with "*".');
      const name = logGroupNameOf(id);
      await requireLogGroup(ctx.moto, name);
      groups.set(name, id);
    }
    const session: TailSession = { region: ctx.region, groups, streamNames, streamPrefixes, filter: compileFilterPattern(pattern), pending: [] };
    const sessionId = randomUUID();
    return new Streamed((res: http.ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': ctx.requestId });
      // The JSON protocols open an event stream with the operation's other output members (StartLiveTail has none).
      res.write(eventFrame('initial-response', {}));
      res.write(eventFrame('sessionStart', {
        requestId: ctx.requestId,
        sessionId,
        logGroupIdentifiers: identifiers,
        ...(streamNames.length ? { logStreamNames: streamNames } : {}),
        ...(streamPrefixes.length ? { logStreamNamePrefixes: streamPrefixes } : {}),
        logEventFilterPattern: pattern,
      }));
      const startedAt = Date.now();
      const entry = { session, end: () => undefined as void };
      const timer = setInterval(() => {
        if (Date.now() - startedAt >= this.maxSessionMs) {
          res.end(exceptionFrame('SessionTimeoutException', 'Session timed out after 3 hours.'));
          stop();
          return;
        }
        const batch = session.pending.splice(0, session.pending.length);
        const sampled = batch.length > MAX_EVENTS_PER_UPDATE;
        const results = (sampled ? batch.slice(batch.length - MAX_EVENTS_PER_UPDATE) : batch).map((e) => ({
          logStreamName: e.logStreamName,
          logGroupIdentifier: groups.get(e.logGroupName),
          message: e.message,
          timestamp: e.timestamp,
          ingestionTime: Date.now(),
        }));
        res.write(eventFrame('sessionUpdate', { sessionMetadata: { sampled }, sessionResults: results }));
      }, this.updateIntervalMs);
      const stop = (): void => {
        clearInterval(timer);
        this.sessions.delete(entry);
      };
      entry.end = () => {
        stop();
        res.end();
      };
      this.sessions.add(entry);
      res.on('close', stop);
    });
  }

  /** How many sessions are open (the stand-in's tests check that a closed tail ends its session). */
  get openSessions(): number {
    return this.sessions.size;
  }

  reset(): void {
    for (const s of [...this.sessions]) s.end();
  }
}
