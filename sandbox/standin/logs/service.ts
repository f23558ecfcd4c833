import type { HandlerTable, Resettable } from '../handler';
import { Regional } from '../regional';
import { describeQueries, getQueryResults, startQuery, stopQuery } from './insightsQueries';
import { getLogRecord } from './logRecord';
import { QueryClock } from './queries';
import { deleteQueryDefinition, describeQueryDefinitions, putQueryDefinition } from './queryDefinitions';
import { LogsRegion } from './state';

/** The CloudWatch Logs operations the stand-in answers instead of moto: Logs Insights and query definitions. */
export class LogsService implements Resettable {
  private readonly regions = new Regional(() => new LogsRegion());
  private readonly clock: QueryClock;
  private readonly log: (line: string) => void;

  constructor(options: { delayMs: number; log?: (line: string) => void }) {
    this.clock = new QueryClock(options.delayMs);
    this.log = options.log ?? (() => undefined);
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
      GetLogRecord: getLogRecord,
    };
  }

  reset(): void {
    this.regions.clear();
  }
}
