import type { HandlerTable, Resettable } from '../handler';
import { Relay } from '../handler';
import { objectList, optionalNumber, optionalString } from '../input';
import { filterLogEvents } from './filterLogEvents';
import { LiveTailHub } from './liveTail';
import { Regional } from '../regional';
import { describeQueries, getQueryResults, startQuery, stopQuery } from './insightsQueries';
import { getLogRecord } from './logRecord';
import { createLookupTable } from './lookupTables';
import { QueryClock } from './queries';
import { deleteQueryDefinition, describeQueryDefinitions, putQueryDefinition } from './queryDefinitions';
import { LogsRegion } from './state';

/** The CloudWatch Logs operations the stand-in answers instead of moto: Logs Insights, query definitions, lookup tables, FilterLogEvents and Live Tail. */
export class LogsService implements Resettable {
  private readonly regions = new Regional(() => new LogsRegion());
  private readonly clock: QueryClock;
  private readonly log: (line: string) => void;
  readonly liveTail: LiveTailHub;

  constructor(options: { delayMs: number; log?: (line: string) => void; liveTailMaxMs?: number }) {
    this.clock = new QueryClock(options.delayMs);
    this.log = options.log ?? (() => undefined);
    this.liveTail = new LiveTailHub(options.liveTailMaxMs);
  }

  handlers(): HandlerTable {
    const region = (name: string): LogsRegion => this.regions.get(name);
    return {
      StartQuery: (ctx) => startQuery(region(ctx.region), ctx, this.log),
      GetQueryResults: (ctx) => getQueryResults(region(ctx.region), this.clock, ctx),
      StopQuery: async (ctx) => stopQuery(region(ctx.region), this.clock, ctx),
      DescribeQueries: async (ctx) => describeQueries(region(ctx.region), this.clock, ctx),
      PutQueryDefinition: async (ctx) => putQueryDefinition(region(ctx.region), ctx),
      DescribeQueryDefinitions: async (ctx) => describeQueryDefinitions(region(ctx.region), ctx),
      DeleteQueryDefinition: async (ctx) => deleteQueryDefinition(region(ctx.region), ctx),
      CreateLookupTable: async (ctx) => createLookupTable(region(ctx.region), ctx),
      GetLogRecord: getLogRecord,
      FilterLogEvents: filterLogEvents,
      StartLiveTail: (ctx) => this.liveTail.start(ctx),
      // Stored by moto; the events also go to the Live Tail sessions that select them.
      PutLogEvents: async (ctx) => {
        const response = await ctx.moto.send('PutLogEvents', Buffer.from(JSON.stringify(ctx.input), 'utf8'));
        if (response.status < 300) {
          const logGroupName = optionalString(ctx.input, 'logGroupName') ?? '';
          const logStreamName = optionalString(ctx.input, 'logStreamName') ?? '';
          this.liveTail.publish(ctx.region, objectList(ctx.input, 'logEvents').map((e) => ({ logGroupName, logStreamName, timestamp: optionalNumber(e, 'timestamp') ?? Date.now(), message: optionalString(e, 'message') ?? '' })));
        }
        return new Relay(response);
      },
    };
  }

  reset(): void {
    this.regions.clear();
    this.liveTail.reset();
  }
}
