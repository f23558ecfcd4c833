import type { ScopeId } from '../../core/scope';
import { buildTimeline } from '../../core/stepFunctions/timeline';
import { describeGraphPath } from '../../core/stepFunctions/graphSummary';
import { arnName, STATUS_FILTERS, type ExecutionStatus } from '../../core/stepFunctions/model';
import type { ExecutionListItem } from '../../aws/services/stepFunctions';
import { cell, iso, table, untrusted } from './text';
import { accountNotes } from './accounts';
import { numberArg, arnScope, regionsOf, stringArg, type AgentTool } from './types';

const MAX_EXECUTIONS = 50;
const MAX_STATE_MACHINES = 20;

export const listExecutions: AgentTool = {
  name: 'opsLens_listExecutions',
  displayName: 'List Step Functions executions',
  modelDescription: `Lists recent Step Functions executions, newest first, as a table: status, state machine, execution name, start, stop and ARN. Give a state machine (name or ARN) or omit it to look at every state machine (at most ${MAX_STATE_MACHINES}); filter by status (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED). At most ${MAX_EXECUTIONS} rows. Use the ARN with opsLens_describeExecution to see why one failed.`,
  inputSchema: {
    type: 'object',
    properties: {
      stateMachine: { type: 'string', description: 'A state machine\'s name or ARN. Default: every state machine.' },
      status: { type: 'string', enum: [...STATUS_FILTERS], description: 'Only executions with this status.' },
      region: { type: 'string', description: 'One AWS region. Default: the configured regions.' },
      limit: { type: 'number', description: `Rows to return, 1-${MAX_EXECUTIONS}. Default 20.` },
    },
    additionalProperties: false,
  },
  async run(input, ctx) {
    const wanted = stringArg(input, 'stateMachine');
    const statusText = stringArg(input, 'status')?.toUpperCase();
    const status = STATUS_FILTERS.includes(statusText as ExecutionStatus) ? (statusText as ExecutionStatus) : undefined;
    const limit = numberArg(input, 'limit', 20, 1, MAX_EXECUTIONS);
    const regions = wanted?.startsWith('arn:') ? [(await arnScope(ctx, wanted)) ?? (await regionsOf(input, ctx))[0]] : await regionsOf(input, ctx);
    const machines: { region: ScopeId; arn: string; name: string }[] = [];
    for (const region of regions) {
      if (wanted?.startsWith('arn:')) {
        machines.push({ region, arn: wanted, name: arnName(wanted) });
        continue;
      }
      for await (const page of ctx.stepFunctions.stateMachinePages(region)) {
        machines.push(...page.filter((m) => !wanted || m.name === wanted).map((m) => ({ region, arn: m.stateMachineArn ?? '', name: m.name ?? '' })));
      }
    }
    if (machines.length === 0) return wanted ? `No state machine named "${cell(wanted, 200)}" in ${regions.join(', ')}.` : `No state machines in ${regions.join(', ')}.`;
    const looked = machines.slice(0, MAX_STATE_MACHINES);
    const found = (await Promise.all(looked.map(async (m) => (await ctx.stepFunctions.executions(m.region, m.arn, { status, pageSize: limit })).executions.map((e) => ({ machine: m.name, e })))))
      .flat()
      .sort((a, b) => (b.e.startDate?.getTime() ?? 0) - (a.e.startDate?.getTime() ?? 0));
    const shown = found.slice(0, limit);
    const accounts = await accountNotes(ctx, looked.map((m) => m.region));
    const head = `${shown.length} execution(s)${status ? ` with status ${status}` : ''} of ${looked.length} state machine(s)${machines.length > looked.length ? ` (the first ${MAX_STATE_MACHINES} of ${machines.length})` : ''}, newest first${found.length > shown.length ? `; at most ${limit} shown` : ''}.${accounts ? `\n${accounts}` : ''}`;
    if (shown.length === 0) return head;
    const rows = shown.map(({ machine, e }: { machine: string; e: ExecutionListItem }) => [e.status ?? '-', machine, e.name ?? '-', iso(e.startDate), iso(e.stopDate), e.executionArn ?? '']);
    return `${head}\n\n${table(['Status', 'State machine', 'Execution', 'Started', 'Stopped', 'ARN'], rows.map((r) => r.map((c) => cell(c, 200))))}`;
  },
};

export const describeExecution: AgentTool = {
  name: 'opsLens_describeExecution',
  displayName: 'Describe a Step Functions execution',
  modelDescription: 'Describes one Step Functions execution by its ARN: status, start and stop, the state it failed in with the error and cause, its graph in a few lines (the path taken, states failed, caught, retried or not reached, Map runs and child executions started), the states it went through (at most 40), and an excerpt of its input (at most 1000 characters). Find ARNs with opsLens_listExecutions.',
  inputSchema: {
    type: 'object',
    properties: { executionArn: { type: 'string', description: 'The execution\'s ARN.' } },
    required: ['executionArn'],
    additionalProperties: false,
  },
  async run(input, ctx) {
    const arn = stringArg(input, 'executionArn');
    const region = arn ? await arnScope(ctx, arn) : undefined;
    if (!arn || !region) return 'Give the execution\'s ARN (see opsLens_listExecutions).';
    const [execution, events, machine] = await Promise.all([
      ctx.stepFunctions.describeExecution(region, arn),
      ctx.stepFunctions.history(region, arn),
      ctx.stepFunctions.stateMachineForExecution(region, arn).catch(() => undefined),
    ]);
    const graph = machine?.definition ? describeGraphPath(machine.definition, events) : [];
    const timeline = buildTimeline(events);
    const failure = timeline.failure ?? (execution.error || execution.cause ? { state: undefined, error: execution.error ?? '', cause: execution.cause ?? '' } : undefined);
    const states = timeline.entries.filter((e) => e.kind === 'state').slice(0, 40);
    return [
      `Execution ${execution.name ?? arnName(arn)} of ${arnName(execution.stateMachineArn ?? '')}: ${execution.status ?? '-'}; started ${iso(execution.startDate)}, stopped ${iso(execution.stopDate)}.`,
      ...[await accountNotes(ctx, [region])].filter(Boolean),
      failure ? `Failed${failure.state ? ` in state "${cell(failure.state, 200)}"` : ''} with error "${cell(failure.error, 200)}".` : 'No failure.',
      failure?.cause ? untrusted('Cause', failure.cause) : '',
      '',
      graph.length ? untrusted('Graph (state names and errors as the definition and history give them)', graph.join('\n'), 4000) : '',
      '',
      `States (${states.length}, at most 40):`,
      states.length ? table(['State', 'Type', 'Entered', 'Failures'], states.map((s) => s.kind === 'state' ? [s.name, s.type, iso(s.enteredAt), s.failures.map((f) => f.error).join(', ') || '-'] : [])) : '(none)',
      '',
      untrusted('Input excerpt', execution.input ?? '', 1000),
    ].filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n');
  },
};
