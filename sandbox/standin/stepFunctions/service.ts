import type { HandlerContext, HandlerTable, Resettable } from '../handler';
import { Relay } from '../handler';
import type { Input } from '../input';
import { optionalBoolean, optionalNumber, optionalString } from '../input';
import { pageOf } from '../paging';
import { Regional } from '../regional';
import { invalidToken, validationException } from './errors';
import { describeWithRedrives, historyEvents, listAllExecutions, withRedriveFields } from './executions';
import { redriveExecution } from './redrive';
import { StepFunctionsRegion } from './state';

const STATUSES: ReadonlySet<string> = new Set(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']);

/** The Step Functions operations the stand-in answers (or wraps) instead of moto. */
export class StepFunctionsService implements Resettable {
  private readonly regions = new Regional(() => new StepFunctionsRegion());

  handlers(): HandlerTable {
    return {
      RedriveExecution: (ctx) => redriveExecution(this.regions.get(ctx.region), ctx),
      DescribeExecution: (ctx) => this.describeExecution(ctx),
      ListExecutions: (ctx) => this.listExecutions(ctx),
      GetExecutionHistory: (ctx) => this.getExecutionHistory(ctx),
      StopExecution: (ctx) => this.stopExecution(ctx),
    };
  }

  reset(): void {
    this.regions.clear();
  }

  private async describeExecution(ctx: HandlerContext): Promise<unknown> {
    const state = this.regions.get(ctx.region);
    const arn = optionalString(ctx.input, 'executionArn') ?? '';
    if (state.isAttempt(arn)) return new Relay(await ctx.moto.send('DescribeExecution', ctx.rawBody));
    return describeWithRedrives(ctx.moto, state, arn);
  }

  /** ListExecutions without the redrive re-runs, with redrive fields, honouring statusFilter and redriveFilter. */
  private async listExecutions(ctx: HandlerContext): Promise<unknown> {
    const state = this.regions.get(ctx.region);
    const { input } = ctx;
    const stateMachineArn = optionalString(input, 'stateMachineArn');
    if (!stateMachineArn) return new Relay(await ctx.moto.send('ListExecutions', ctx.rawBody));
    const statusFilter = optionalString(input, 'statusFilter');
    if (statusFilter !== undefined && !STATUSES.has(statusFilter)) throw validationException(`Value '${statusFilter}' at 'statusFilter' failed to satisfy constraint`);
    const redriveFilter = optionalString(input, 'redriveFilter');
    const maxResults = optionalNumber(input, 'maxResults') ?? 0;
    if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > 1000) throw validationException(`Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 0 and 1000`);

    const all = await listAllExecutions(ctx.moto, stateMachineArn);
    const items: Input[] = [];
    for (const item of all) {
      const arn = optionalString(item, 'executionArn') ?? '';
      if (state.isAttempt(arn)) continue;
      const record = state.record(arn);
      const latestArn = record?.attempts[record.attempts.length - 1];
      const latest = latestArn ? all.find((e) => e.executionArn === latestArn) : undefined;
      const merged: Input = { ...item };
      if (latest) {
        merged.status = latest.status;
        if (latest.stopDate === undefined) delete merged.stopDate;
        else merged.stopDate = latest.stopDate;
      }
      items.push(withRedriveFields(merged, record, false));
    }
    const filtered = items.filter(
      (e) =>
        (statusFilter === undefined || e.status === statusFilter) &&
        (redriveFilter === undefined || (redriveFilter === 'REDRIVEN') === Number(e.redriveCount) > 0),
    );
    const page = pageOf(filtered, `ListExecutions:${stateMachineArn}`, optionalString(input, 'nextToken'), maxResults || 100, invalidToken);
    return page.nextToken ? { executions: page.items, nextToken: page.nextToken } : { executions: page.items };
  }

  /** The original's events, then for each redrive an ExecutionRedriven event and the re-run's events, numbered on. */
  private async getExecutionHistory(ctx: HandlerContext): Promise<unknown> {
    const state = this.regions.get(ctx.region);
    const arn = optionalString(ctx.input, 'executionArn') ?? '';
    const record = state.record(arn);
    if (!record) return new Relay(await ctx.moto.send('GetExecutionHistory', ctx.rawBody));
    const events: Input[] = [...(await historyEvents(ctx.moto, arn))];
    for (const [index, attempt] of record.attempts.entries()) {
      const attemptEvents = await historyEvents(ctx.moto, attempt);
      const offset = events.length;
      const startedAt = attemptEvents[0]?.timestamp;
      events.push({ id: offset + 1, previousEventId: offset, timestamp: startedAt, type: 'ExecutionRedriven', executionRedrivenEventDetails: { redriveCount: index + 1 } });
      for (const event of attemptEvents) {
        if (event.type === 'ExecutionStarted') continue;
        events.push({ ...event, id: events.length + 1, previousEventId: events.length });
      }
    }
    if (optionalBoolean(ctx.input, 'includeExecutionData') === false) {
      for (const event of events) for (const key of Object.keys(event)) if (key.endsWith('EventDetails')) stripData(event[key]);
    }
    if (optionalBoolean(ctx.input, 'reverseOrder') === true) events.reverse();
    const page = pageOf(events, `GetExecutionHistory:${arn}`, optionalString(ctx.input, 'nextToken'), optionalNumber(ctx.input, 'maxResults') || 100, invalidToken);
    return page.nextToken ? { events: page.items, nextToken: page.nextToken } : { events: page.items };
  }

  /** StopExecution of a redriven execution stops its running re-run. */
  private async stopExecution(ctx: HandlerContext): Promise<unknown> {
    const state = this.regions.get(ctx.region);
    const record = state.record(optionalString(ctx.input, 'executionArn') ?? '');
    const latest = record?.attempts[record.attempts.length - 1];
    if (!latest) return new Relay(await ctx.moto.send('StopExecution', ctx.rawBody));
    return ctx.moto.call('StopExecution', { ...ctx.input, executionArn: latest });
  }
}

function stripData(details: unknown): void {
  if (typeof details !== 'object' || details === null) return;
  const d = details as Record<string, unknown>;
  delete d.input;
  delete d.output;
  delete d.inputDetails;
  delete d.outputDetails;
}
