import type { HandlerContext, HandlerTable, Resettable } from '../handler';
import { Relay } from '../handler';
import type { Input } from '../input';
import { epochSeconds, optionalBoolean, optionalNumber, optionalString, optionalTimeMs, requiredString } from '../input';
import { pageOf } from '../paging';
import { Regional } from '../regional';
import { invalidToken, missingMember, validationException } from './errors';
import { allPages, description, historyEvents, listAllExecutions, listItem, withRedriveFields } from './executions';
import { childExecutionsOf, describeMapRun, listMapRuns, updateMapRun } from './mapRunApi';
import { redriveExecution } from './redrive';
import { SEGMENT_MACHINE_PREFIX } from './segments';
import { driveEnv, startExecution } from './starting';
import { StepFunctionsRegion, type OwnedExecution } from './state';

const STATUSES: ReadonlySet<string> = new Set(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']);
const REDRIVE_FILTERS: ReadonlySet<string> = new Set(['REDRIVEN', 'NOT_REDRIVEN']);

/**
 * The Step Functions operations the stand-in answers (or wraps) instead of moto: executions it runs itself
 * (distributed Map runs, child executions, redrives — see driver.ts) next to the ones moto runs.
 */
export class StepFunctionsService implements Resettable {
  private readonly regions = new Regional(() => new StepFunctionsRegion());

  handlers(): HandlerTable {
    const on = (handler: (state: StepFunctionsRegion, ctx: HandlerContext) => Promise<unknown>) => (ctx: HandlerContext) => handler(this.regions.get(ctx.region), ctx);
    return {
      StartExecution: on(startExecutionHandler),
      RedriveExecution: on(redriveExecution),
      DescribeExecution: on(describeExecution),
      ListExecutions: on(listExecutions),
      GetExecutionHistory: on(getExecutionHistory),
      StopExecution: on(stopExecution),
      DescribeStateMachineForExecution: on(describeStateMachineForExecution),
      ListStateMachines: on(listStateMachines),
      ListMapRuns: on(listMapRuns),
      DescribeMapRun: on(describeMapRun),
      UpdateMapRun: on(updateMapRun),
    };
  }

  reset(): void {
    this.regions.clear();
  }
}

async function startExecutionHandler(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const stateMachineArn = requiredString(ctx.input, 'stateMachineArn', missingMember);
  if (stateMachineArn.split(':').length > 7) return new Relay(await ctx.moto.send('StartExecution', ctx.rawBody));
  return startExecution(driveEnv(ctx.moto, state, ctx.region), stateMachineArn, optionalString(ctx.input, 'name'), optionalString(ctx.input, 'input') ?? '{}');
}

async function describeExecution(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const owned = state.execution(optionalString(ctx.input, 'executionArn') ?? '');
  if (owned) return description(owned);
  const response = await ctx.moto.send('DescribeExecution', ctx.rawBody);
  if (response.status >= 300) return new Relay(response);
  return withRedriveFields(JSON.parse(response.body.toString('utf8')) as Input, true);
}

/** ListExecutions of a state machine (moto's and the stand-in's executions) or of a Map run, with statusFilter and redriveFilter. */
async function listExecutions(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const { input } = ctx;
  const stateMachineArn = optionalString(input, 'stateMachineArn');
  const mapRunArn = optionalString(input, 'mapRunArn');
  if ((stateMachineArn === undefined) === (mapRunArn === undefined)) throw validationException('Exactly one of stateMachineArn and mapRunArn must be specified');
  const statusFilter = optionalString(input, 'statusFilter');
  if (statusFilter !== undefined && !STATUSES.has(statusFilter)) throw validationException(`1 validation error detected: Value '${statusFilter}' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [${[...STATUSES].join(', ')}]`);
  const redriveFilter = optionalString(input, 'redriveFilter');
  if (redriveFilter !== undefined && !REDRIVE_FILTERS.has(redriveFilter)) throw validationException(`1 validation error detected: Value '${redriveFilter}' at 'redriveFilter' failed to satisfy constraint: Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]`);
  const maxResults = optionalNumber(input, 'maxResults') ?? 0;
  if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > 1000) throw validationException(`1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 0 and 1000`);

  let items: Input[];
  if (mapRunArn !== undefined) {
    items = childExecutionsOf(state, mapRunArn).flatMap((arn) => {
      const child = state.execution(arn);
      return child ? [listItem(child)] : [];
    });
  } else {
    const machineArn = stateMachineArn ?? '';
    const fromMoto = (await listAllExecutions(ctx.moto, machineArn)).map((e) => {
      const owned = state.execution(optionalString(e, 'executionArn') ?? '');
      return owned ? listItem(owned) : withRedriveFields(e, false);
    });
    const listed = new Set(fromMoto.map((e) => e.executionArn));
    const ownOnly = state.ofMachine(machineArn).filter((e) => !listed.has(e.executionArn)).map(listItem);
    items = [...fromMoto, ...ownOnly].sort((a, b) => (optionalTimeMs(b, 'startDate') ?? 0) - (optionalTimeMs(a, 'startDate') ?? 0));
  }
  const filtered = items.filter(
    (e) => (statusFilter === undefined || e.status === statusFilter) && (redriveFilter === undefined || (redriveFilter === 'REDRIVEN') === Number(e.redriveCount) > 0),
  );
  const scope = `ListExecutions:${stateMachineArn ?? mapRunArn}:${statusFilter ?? ''}:${redriveFilter ?? ''}`;
  const page = pageOf(filtered, scope, optionalString(input, 'nextToken'), maxResults || 100, invalidToken);
  return page.nextToken ? { executions: page.items, nextToken: page.nextToken } : { executions: page.items };
}

async function getExecutionHistory(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const arn = optionalString(ctx.input, 'executionArn') ?? '';
  const owned = state.execution(arn);
  // moto ignores reverseOrder: its executions' events are reversed here, as AWS returns them newest first.
  if (!owned && optionalBoolean(ctx.input, 'reverseOrder') !== true) return new Relay(await ctx.moto.send('GetExecutionHistory', ctx.rawBody));
  const events: Input[] = owned ? owned.events.map((e) => structuredClone(e)) : await historyEvents(ctx.moto, arn);
  if (optionalBoolean(ctx.input, 'includeExecutionData') === false) {
    for (const event of events) for (const key of Object.keys(event)) if (key.endsWith('EventDetails')) stripData(event[key]);
  }
  if (optionalBoolean(ctx.input, 'reverseOrder') === true) events.reverse();
  const page = pageOf(events, `GetExecutionHistory:${arn}`, optionalString(ctx.input, 'nextToken'), optionalNumber(ctx.input, 'maxResults') || 100, invalidToken);
  return page.nextToken ? { events: page.items, nextToken: page.nextToken } : { events: page.items };
}

/** StopExecution of an execution the stand-in runs: its running segment in moto is stopped and the run ends ABORTED. */
async function stopExecution(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const owned = state.execution(optionalString(ctx.input, 'executionArn') ?? '');
  if (!owned) return new Relay(await ctx.moto.send('StopExecution', ctx.rawBody));
  if (owned.status !== 'RUNNING') return { stopDate: epochSeconds(owned.stopDate ?? Date.now()) };
  await requestStop(state, ctx, owned, { error: optionalString(ctx.input, 'error'), cause: optionalString(ctx.input, 'cause') });
  return { stopDate: epochSeconds(Date.now()) };
}

/** Stops an execution's running segment and, as AWS aborts a Map run with its parent, its running child executions. */
async function requestStop(state: StepFunctionsRegion, ctx: HandlerContext, execution: OwnedExecution, reason: OwnedExecution['stopRequested']): Promise<void> {
  execution.stopRequested = reason;
  if (execution.runningSegment) await ctx.moto.call('StopExecution', { executionArn: execution.runningSegment });
  for (const run of state.mapRunsOf(execution.executionArn)) {
    for (const arn of run.children) {
      const child = state.execution(arn);
      if (child?.status === 'RUNNING') await requestStop(state, ctx, child, {});
    }
  }
}

async function describeStateMachineForExecution(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const owned = state.execution(optionalString(ctx.input, 'executionArn') ?? '');
  if (!owned) return new Relay(await ctx.moto.send('DescribeStateMachineForExecution', ctx.rawBody));
  if (!owned.mapRunArn) {
    const machine = await ctx.moto.call('DescribeStateMachine', { stateMachineArn: owned.stateMachineArn });
    return { stateMachineArn: machine.stateMachineArn, name: machine.name, definition: machine.definition, roleArn: machine.roleArn, updateDate: machine.creationDate, loggingConfiguration: machine.loggingConfiguration };
  }
  const [name = '', label = ''] = (owned.stateMachineArn.split(':').pop() ?? '').split('/');
  return { stateMachineArn: owned.stateMachineArn, name, label, definition: JSON.stringify(owned.definition), roleArn: owned.roleArn, updateDate: epochSeconds(owned.startDate), mapRunArn: owned.mapRunArn };
}

/** ListStateMachines without the machines the stand-in creates in moto to run parts of its executions. */
async function listStateMachines(_state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const all = (await allPages(ctx.moto, 'ListStateMachines', {}, 'stateMachines')).filter((m) => !String(m.name ?? '').startsWith(SEGMENT_MACHINE_PREFIX));
  const page = pageOf(all, 'ListStateMachines', optionalString(ctx.input, 'nextToken'), optionalNumber(ctx.input, 'maxResults') || 100, invalidToken);
  return page.nextToken ? { stateMachines: page.items, nextToken: page.nextToken } : { stateMachines: page.items };
}

function stripData(details: unknown): void {
  if (typeof details !== 'object' || details === null) return;
  const d = details as Record<string, unknown>;
  delete d.input;
  delete d.output;
  delete d.inputDetails;
  delete d.outputDetails;
}
