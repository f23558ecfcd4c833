import type { HandlerContext } from '../handler';
import { Relay } from '../handler';
import type { Input } from '../input';
import { epochSeconds, optionalNumber, optionalString, requiredString } from '../input';
import { pageOf, pageSize } from '../paging';
import { invalidToken, missingMember, resourceNotFound, validationException } from './errors';
import type { MapRun, StepFunctionsRegion } from './state';

/** ListMapRuns for executions the stand-in runs (moto answers for its own). */
export async function listMapRuns(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const executionArn = requiredString(ctx.input, 'executionArn', missingMember);
  if (!state.execution(executionArn)) return new Relay(await ctx.moto.send('ListMapRuns', ctx.rawBody));
  const runs = state.mapRunsOf(executionArn).map((r) => ({
    executionArn: r.executionArn,
    mapRunArn: r.mapRunArn,
    stateMachineArn: r.stateMachineArn,
    startDate: epochSeconds(r.startDate),
    ...(r.stopDate !== undefined ? { stopDate: epochSeconds(r.stopDate) } : {}),
  }));
  const size = pageSize(optionalNumber(ctx.input, 'maxResults') || undefined, 100, 1000, 'maxResults', validationException);
  const page = pageOf(runs.reverse(), `ListMapRuns:${executionArn}`, optionalString(ctx.input, 'nextToken'), size, invalidToken);
  return page.nextToken ? { mapRuns: page.items, nextToken: page.nextToken } : { mapRuns: page.items };
}

/** DescribeMapRun: items and child executions counted by status, tolerated failures, status. */
export async function describeMapRun(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const mapRunArn = requiredString(ctx.input, 'mapRunArn', missingMember);
  const run = state.mapRuns.get(mapRunArn);
  if (!run) return new Relay(await ctx.moto.send('DescribeMapRun', ctx.rawBody));
  const counts = countsOf(state, run);
  return {
    mapRunArn,
    executionArn: run.executionArn,
    status: run.status,
    startDate: epochSeconds(run.startDate),
    ...(run.stopDate !== undefined ? { stopDate: epochSeconds(run.stopDate) } : {}),
    maxConcurrency: run.maxConcurrency,
    toleratedFailurePercentage: run.toleratedFailurePercentage,
    toleratedFailureCount: run.toleratedFailureCount,
    itemCounts: counts,
    executionCounts: counts,
    redriveCount: run.redriveCount,
    ...(run.redriveDate !== undefined ? { redriveDate: epochSeconds(run.redriveDate) } : {}),
  };
}

/** UpdateMapRun: new MaxConcurrency and tolerated failures for the rest of the run. */
export async function updateMapRun(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const mapRunArn = requiredString(ctx.input, 'mapRunArn', missingMember);
  const run = state.mapRuns.get(mapRunArn);
  if (!run) return new Relay(await ctx.moto.send('UpdateMapRun', ctx.rawBody));
  const maxConcurrency = optionalNumber(ctx.input, 'maxConcurrency');
  const count = optionalNumber(ctx.input, 'toleratedFailureCount');
  const percentage = optionalNumber(ctx.input, 'toleratedFailurePercentage');
  if (maxConcurrency === undefined && count === undefined && percentage === undefined) {
    throw validationException('At least one of maxConcurrency, toleratedFailureCount or toleratedFailurePercentage must be specified');
  }
  if (percentage !== undefined && (percentage < 0 || percentage > 100)) throw validationException(`Value '${percentage}' at 'toleratedFailurePercentage' failed to satisfy constraint: Member must have value between 0 and 100`);
  if (count !== undefined && count < 0) throw validationException(`Value '${count}' at 'toleratedFailureCount' failed to satisfy constraint: Member must have value greater than or equal to 0`);
  if (maxConcurrency !== undefined) run.maxConcurrency = maxConcurrency;
  if (count !== undefined) run.toleratedFailureCount = count;
  if (percentage !== undefined) run.toleratedFailurePercentage = percentage;
  return {};
}

/** ListExecutions with mapRunArn: the Map run's child executions, newest first. */
export function childExecutionsOf(state: StepFunctionsRegion, mapRunArn: string): string[] {
  const run = state.mapRuns.get(mapRunArn);
  if (!run) throw resourceNotFound(`Map Run Does Not Exist: '${mapRunArn}'`);
  return [...run.children].reverse();
}

function countsOf(state: StepFunctionsRegion, run: MapRun): Input {
  const counts = { pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: run.notStarted, total: run.totalItems, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0 };
  for (const arn of run.children) {
    const status = state.execution(arn)?.status;
    if (status === 'RUNNING') counts.running++;
    else if (status === 'SUCCEEDED') counts.succeeded++;
    else if (status === 'FAILED') counts.failed++;
    else if (status === 'TIMED_OUT') counts.timedOut++;
    else if (status === 'ABORTED') counts.aborted++;
  }
  if (run.status === 'RUNNING') counts.pending = run.totalItems - run.children.length;
  return counts;
}
