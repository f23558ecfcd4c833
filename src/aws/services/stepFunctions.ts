import type { ScopeId } from '../../core/scope';
import type { DescribeExecutionOutput, DescribeMapRunOutput, DescribeStateMachineForExecutionOutput, DescribeStateMachineOutput, ExecutionListItem, ExecutionStatus, HistoryEvent, MapRunListItem, StateMachineListItem } from '@aws-sdk/client-sfn';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';

export type { DescribeExecutionOutput, DescribeMapRunOutput, DescribeStateMachineForExecutionOutput, DescribeStateMachineOutput, ExecutionListItem, ExecutionStatus, HistoryEvent, MapRunListItem, StateMachineListItem };

export interface ExecutionPage {
  readonly executions: ExecutionListItem[];
  readonly nextToken?: string;
}

/** The Step Functions operations Ops Lens uses. */
export interface StepFunctionsApi {
  stateMachinePages(scope: ScopeId): AsyncGenerator<StateMachineListItem[]>;
  /** One page of executions, newest first; with `mapRunArn`, the child executions of that Map run instead. */
  executions(scope: ScopeId, stateMachineArn: string, options: { status?: ExecutionStatus; nextToken?: string; pageSize?: number; mapRunArn?: string }): Promise<ExecutionPage>;
  describeExecution(scope: ScopeId, executionArn: string): Promise<DescribeExecutionOutput>;
  describeStateMachine(scope: ScopeId, stateMachineArn: string): Promise<DescribeStateMachineOutput>;
  /** The definition an execution ran (a Map run's child executions: the Map's item processor). */
  stateMachineForExecution(scope: ScopeId, executionArn: string): Promise<DescribeStateMachineForExecutionOutput>;
  /** Every event of the execution, oldest first; with `includeData`, each state's input and output too. */
  history(scope: ScopeId, executionArn: string, options?: { includeData?: boolean }): Promise<HistoryEvent[]>;
  start(scope: ScopeId, stateMachineArn: string, name: string, input: string): Promise<{ executionArn: string; startDate?: Date }>;
  stop(scope: ScopeId, executionArn: string, cause?: string): Promise<void>;
  redrive(scope: ScopeId, executionArn: string): Promise<{ redriveDate?: Date }>;
  /** The newest `count` events of the execution, newest first, without data. */
  historyTail(scope: ScopeId, executionArn: string, count: number): Promise<HistoryEvent[]>;
  /** The distributed Map runs an execution started, newest first. */
  mapRuns(scope: ScopeId, executionArn: string): Promise<MapRunListItem[]>;
  describeMapRun(scope: ScopeId, mapRunArn: string): Promise<DescribeMapRunOutput>;
  /** One page of a Map run's child executions. */
  mapRunExecutions(scope: ScopeId, mapRunArn: string, options: { status?: ExecutionStatus; nextToken?: string; pageSize?: number }): Promise<ExecutionPage>;
}

export class SdkStepFunctions implements StepFunctionsApi {
  constructor(private readonly session: AwsSession) {}

  private async client(scope: ScopeId) {
    return { sdk: await loadSdk(), client: await this.session.client('sfn', scope) };
  }

  async *stateMachinePages(scope: ScopeId): AsyncGenerator<StateMachineListItem[]> {
    const { sdk, client } = await this.client(scope);
    yield* paginate(async (token) => {
      const out = await client.send(new sdk.sfn.ListStateMachinesCommand({ nextToken: token, maxResults: 100 }));
      return { items: out.stateMachines, next: out.nextToken };
    });
  }

  async executions(scope: ScopeId, stateMachineArn: string, options: { status?: ExecutionStatus; nextToken?: string; pageSize?: number; mapRunArn?: string }): Promise<ExecutionPage> {
    const { sdk, client } = await this.client(scope);
    // ListExecutions takes a state machine or a Map run, never both.
    const target = options.mapRunArn ? { mapRunArn: options.mapRunArn } : { stateMachineArn };
    const out = await client.send(new sdk.sfn.ListExecutionsCommand({ ...target, statusFilter: options.status, nextToken: options.nextToken, maxResults: options.pageSize ?? 25 }));
    return { executions: out.executions ?? [], nextToken: out.nextToken };
  }

  async describeExecution(scope: ScopeId, executionArn: string): Promise<DescribeExecutionOutput> {
    const { sdk, client } = await this.client(scope);
    return client.send(new sdk.sfn.DescribeExecutionCommand({ executionArn }));
  }

  async describeStateMachine(scope: ScopeId, stateMachineArn: string): Promise<DescribeStateMachineOutput> {
    const { sdk, client } = await this.client(scope);
    return client.send(new sdk.sfn.DescribeStateMachineCommand({ stateMachineArn }));
  }

  async stateMachineForExecution(scope: ScopeId, executionArn: string): Promise<DescribeStateMachineForExecutionOutput> {
    const { sdk, client } = await this.client(scope);
    return client.send(new sdk.sfn.DescribeStateMachineForExecutionCommand({ executionArn }));
  }

  async history(scope: ScopeId, executionArn: string, options: { includeData?: boolean } = {}): Promise<HistoryEvent[]> {
    const { sdk, client } = await this.client(scope);
    const events: HistoryEvent[] = [];
    for await (const page of paginate(async (token) => {
      // The timeline needs states, times, errors and causes; each state's input and output stay in AWS unless asked for.
      const out = await client.send(new sdk.sfn.GetExecutionHistoryCommand({ executionArn, nextToken: token, maxResults: 1000, includeExecutionData: options.includeData ?? false }));
      return { items: out.events, next: out.nextToken };
    })) events.push(...page);
    return events;
  }

  async start(scope: ScopeId, stateMachineArn: string, name: string, input: string): Promise<{ executionArn: string; startDate?: Date }> {
    const { sdk, client } = await this.client(scope);
    const out = await client.send(new sdk.sfn.StartExecutionCommand({ stateMachineArn, name, input }));
    return { executionArn: out.executionArn ?? '', startDate: out.startDate };
  }

  async stop(scope: ScopeId, executionArn: string, cause?: string): Promise<void> {
    const { sdk, client } = await this.client(scope);
    await client.send(new sdk.sfn.StopExecutionCommand({ executionArn, cause: cause || undefined }));
  }

  async redrive(scope: ScopeId, executionArn: string): Promise<{ redriveDate?: Date }> {
    const { sdk, client } = await this.client(scope);
    const out = await client.send(new sdk.sfn.RedriveExecutionCommand({ executionArn }));
    return { redriveDate: out.redriveDate };
  }

  async historyTail(scope: ScopeId, executionArn: string, count: number): Promise<HistoryEvent[]> {
    const { sdk, client } = await this.client(scope);
    const out = await client.send(new sdk.sfn.GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: count, includeExecutionData: false }));
    return out.events ?? [];
  }

  async mapRuns(scope: ScopeId, executionArn: string): Promise<MapRunListItem[]> {
    const { sdk, client } = await this.client(scope);
    const runs: MapRunListItem[] = [];
    for await (const page of paginate(async (token) => {
      const out = await client.send(new sdk.sfn.ListMapRunsCommand({ executionArn, nextToken: token, maxResults: 100 }));
      return { items: out.mapRuns, next: out.nextToken };
    })) runs.push(...page);
    return runs;
  }

  async describeMapRun(scope: ScopeId, mapRunArn: string): Promise<DescribeMapRunOutput> {
    const { sdk, client } = await this.client(scope);
    return client.send(new sdk.sfn.DescribeMapRunCommand({ mapRunArn }));
  }

  async mapRunExecutions(scope: ScopeId, mapRunArn: string, options: { status?: ExecutionStatus; nextToken?: string; pageSize?: number }): Promise<ExecutionPage> {
    const { sdk, client } = await this.client(scope);
    const out = await client.send(new sdk.sfn.ListExecutionsCommand({ mapRunArn, statusFilter: options.status, nextToken: options.nextToken, maxResults: options.pageSize ?? 100 }));
    return { executions: out.executions ?? [], nextToken: out.nextToken };
  }
}
