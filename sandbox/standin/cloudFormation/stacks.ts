import { randomUUID } from 'node:crypto';
import { DEFAULT_ACCOUNT } from '../accounts';
import { SANDBOX_STACKS, stackId, type StackSpec } from '../../scenario/stacks';

/**
 * The CloudFormation reads of the scenario's deployed stacks, in the query protocol the SDK speaks for
 * CloudFormation (form-encoded request, XML answer). moto cannot hold these stacks: it does not create
 * alarms from templates, and its DescribeStackResources ignores `PhysicalResourceId`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackResources.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html
 */
export interface QueryAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const ANSWERED = new Set(['DescribeStacks', 'DescribeStackResources']);
const CREATED = '2026-01-05T09:00:00.000Z';

/** The answer to a CloudFormation request the stand-in answers, or undefined to forward it to moto. */
export function answerCloudFormation(service: string, body: Buffer, region: string, account: string): QueryAnswer | undefined {
  if (service !== 'cloudformation' || body.length > 100_000) return undefined;
  const params = new URLSearchParams(body.toString('utf8'));
  const action = params.get('Action') ?? '';
  if (!ANSWERED.has(action)) return undefined;
  const stacks = account === DEFAULT_ACCOUNT ? SANDBOX_STACKS.filter((s) => s.region === region) : [];
  return action === 'DescribeStacks' ? describeStacks(stacks, params) : describeStackResources(stacks, params);
}

function describeStacks(stacks: readonly StackSpec[], params: URLSearchParams): QueryAnswer {
  const name = params.get('StackName');
  const chosen = name ? stacks.filter((s) => s.name === name || stackId(s) === name) : stacks;
  if (name && chosen.length === 0) return validationError(`Stack with id ${name} does not exist`);
  const members = chosen.map((s) => `<member><StackId>${xml(stackId(s))}</StackId><StackName>${xml(s.name)}</StackName><CreationTime>${CREATED}</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus></member>`);
  return ok('DescribeStacks', `<Stacks>${members.join('')}</Stacks>`);
}

function describeStackResources(stacks: readonly StackSpec[], params: URLSearchParams): QueryAnswer {
  const name = params.get('StackName');
  const physicalId = params.get('PhysicalResourceId');
  const logicalId = params.get('LogicalResourceId');
  if (!name && !physicalId) return validationError('Either StackName or PhysicalResourceId must be specified.');
  const stack = name
    ? stacks.find((s) => s.name === name || stackId(s) === name)
    : stacks.find((s) => s.resources.some((r) => r.physicalId === physicalId));
  if (!stack) return validationError(name ? `Stack with id ${name} does not exist` : `Stack for ${physicalId} does not exist`);
  const resources = stack.resources.filter((r) => !logicalId || r.logicalId === logicalId);
  const members = resources.map((r) => `<member><StackId>${xml(stackId(stack))}</StackId><StackName>${xml(stack.name)}</StackName><LogicalResourceId>${xml(r.logicalId)}</LogicalResourceId><PhysicalResourceId>${xml(r.physicalId)}</PhysicalResourceId><ResourceType>${xml(r.type)}</ResourceType><Timestamp>${CREATED}</Timestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>`);
  return ok('DescribeStackResources', `<StackResources>${members.join('')}</StackResources>`);
}

function ok(action: string, result: string): QueryAnswer {
  const body = `<${action}Response xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}

function validationError(message: string): QueryAnswer {
  const body = `<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>${xml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
  return { status: 400, headers: { 'content-type': 'text/xml' }, body };
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
