import type { DescribeExecutionOutput, DescribeStateMachineOutput, ExecutionListItem, ExecutionStatus, HistoryEvent, StateMachineListItem } from '@aws-sdk/client-sfn';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';

export type { DescribeExecutionOutput, DescribeStateMachineOutput, ExecutionListItem, ExecutionStatus, HistoryEvent, StateMachineListItem };

export interface ExecutionPage {
  readonly executions: ExecutionListItem[];
  readonly nextToken?: string;
}

/** The Step Functions operations Ops Lens uses. */
export interface StepFunctionsApi {
  stateMachinePages(region: string): AsyncGenerator<StateMachineListItem[]>;
  /** One page of executions, newest first. */
  executions(region: string, stateMachineArn: string, options: { status?: ExecutionStatus; nextToken?: string; pageSize?: number }): Promise<ExecutionPage>;
  describeExecution(region: string, executionArn: string): Promise<DescribeExecutionOutput>;
  describeStateMachine(region: string, stateMachineArn: string): Promise<DescribeStateMachineOutput>;
  /** Every event of the execution, oldest first. */
  history(region: string, executionArn: string): Promise<HistoryEvent[]>;
  start(region: string, stateMachineArn: string, name: string, input: string): Promise<{ executionArn: string; startDate?: Date }>;
  stop(region: string, executionArn: string, cause?: string): Promise<void>;
  redrive(region: string, executionArn: string): Promise<{ redriveDate?: Date }>;
}

export class SdkStepFunctions implements StepFunctionsApi {
  constructor(private readonly session: AwsSession) {}

  private async client(region: string) {
    return { sdk: await loadSdk(), client: await this.session.client('sfn', region) };
  }

  async *stateMachinePages(region: string): AsyncGenerator<StateMachineListItem[]> {
    const { sdk, client } = await this.client(region);
    yield* paginate(async (token) => {
      const out = await client.send(new sdk.sfn.ListStateMachinesCommand({ nextToken: token, maxResults: 100 }));
      return { items: out.stateMachines, next: out.nextToken };
    });
  }

  async executions(region: string, stateMachineArn: string, options: { status?: ExecutionStatus; nextToken?: string; pageSize?: number }): Promise<ExecutionPage> {
    const { sdk, client } = await this.client(region);
    const out = await client.send(new sdk.sfn.ListExecutionsCommand({ stateMachineArn, statusFilter: options.status, nextToken: options.nextToken, maxResults: options.pageSize ?? 25 }));
    return { executions: out.executions ?? [], nextToken: out.nextToken };
  }

  async describeExecution(region: string, executionArn: string): Promise<DescribeExecutionOutput> {
    const { sdk, client } = await this.client(region);
    return client.send(new sdk.sfn.DescribeExecutionCommand({ executionArn }));
  }

  async describeStateMachine(region: string, stateMachineArn: string): Promise<DescribeStateMachineOutput> {
    const { sdk, client } = await this.client(region);
    return client.send(new sdk.sfn.DescribeStateMachineCommand({ stateMachineArn }));
  }

  async history(region: string, executionArn: string): Promise<HistoryEvent[]> {
    const { sdk, client } = await this.client(region);
    const events: HistoryEvent[] = [];
    for await (const page of paginate(async (token) => {
      // The timeline needs states, times, errors and causes; each state's input and output stay in AWS.
      const out = await client.send(new sdk.sfn.GetExecutionHistoryCommand({ executionArn, nextToken: token, maxResults: 1000, includeExecutionData: false }));
      return { items: out.events, next: out.nextToken };
    })) events.push(...page);
    return events;
  }

  async start(region: string, stateMachineArn: string, name: string, input: string): Promise<{ executionArn: string; startDate?: Date }> {
    const { sdk, client } = await this.client(region);
    const out = await client.send(new sdk.sfn.StartExecutionCommand({ stateMachineArn, name, input }));
    return { executionArn: out.executionArn ?? '', startDate: out.startDate };
  }

  async stop(region: string, executionArn: string, cause?: string): Promise<void> {
    const { sdk, client } = await this.client(region);
    await client.send(new sdk.sfn.StopExecutionCommand({ executionArn, cause: cause || undefined }));
  }

  async redrive(region: string, executionArn: string): Promise<{ redriveDate?: Date }> {
    const { sdk, client } = await this.client(region);
    const out = await client.send(new sdk.sfn.RedriveExecutionCommand({ executionArn }));
    return { redriveDate: out.redriveDate };
  }
}
