import type { StateMachineListItem } from '@aws-sdk/client-sfn';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';

export type { StateMachineListItem };

/** The Step Functions operations Ops Lens uses. */
export interface StepFunctionsApi {
  stateMachinePages(region: string): AsyncGenerator<StateMachineListItem[]>;
}

export class SdkStepFunctions implements StepFunctionsApi {
  constructor(private readonly session: AwsSession) {}

  async *stateMachinePages(region: string): AsyncGenerator<StateMachineListItem[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('sfn', region);
    yield* paginate(async (token) => {
      const out = await client.send(new sdk.sfn.ListStateMachinesCommand({ nextToken: token, maxResults: 100 }));
      return { items: out.stateMachines, next: out.nextToken };
    });
  }
}
