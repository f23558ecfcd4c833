import type { ScopeId } from '../../core/scope';
import type { StackResource } from '../../core/infraCode/model';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';

/** The CloudFormation reads Ops Lens uses: which stack resource a live resource is. */
export interface CloudFormationApi {
  /** The stack resource whose physical id is `physicalId`, with its stack's other resources; none when it is in no stack. */
  stackResourcesOf(scope: ScopeId, physicalId: string): Promise<StackResource[]>;
  /** Every resource of a stack by name. */
  stackResources(scope: ScopeId, stackName: string): Promise<StackResource[]>;
  stackNames(scope: ScopeId): Promise<string[]>;
}

export class SdkCloudFormation implements CloudFormationApi {
  constructor(private readonly session: AwsSession) {}

  private async client(scope: ScopeId) {
    return { sdk: await loadSdk(), client: await this.session.client('cloudFormation', scope) };
  }

  async stackResourcesOf(scope: ScopeId, physicalId: string): Promise<StackResource[]> {
    const { sdk, client } = await this.client(scope);
    try {
      const out = await client.send(new sdk.cloudFormation.DescribeStackResourcesCommand({ PhysicalResourceId: physicalId }));
      return (out.StackResources ?? []).map(toStackResource);
    } catch (err) {
      // A resource in no stack is answered with a ValidationError ("Stack for … does not exist").
      if ((err as { code?: string; name?: string }).code === 'ValidationError' || (err as { name?: string }).name === 'ValidationError') return [];
      throw err;
    }
  }

  async stackResources(scope: ScopeId, stackName: string): Promise<StackResource[]> {
    const { sdk, client } = await this.client(scope);
    const out = await client.send(new sdk.cloudFormation.DescribeStackResourcesCommand({ StackName: stackName }));
    return (out.StackResources ?? []).map(toStackResource);
  }

  async stackNames(scope: ScopeId): Promise<string[]> {
    const { sdk, client } = await this.client(scope);
    const names: string[] = [];
    for await (const page of paginate(async (token) => {
      const out = await client.send(new sdk.cloudFormation.DescribeStacksCommand({ NextToken: token }));
      return { items: out.Stacks, next: out.NextToken };
    })) names.push(...page.map((s) => s.StackName ?? '').filter(Boolean));
    return names;
  }
}

function toStackResource(r: { StackName?: string; LogicalResourceId?: string; PhysicalResourceId?: string; ResourceType?: string }): StackResource {
  return { stackName: r.StackName ?? '', logicalId: r.LogicalResourceId ?? '', physicalId: r.PhysicalResourceId ?? '', type: r.ResourceType ?? '' };
}
