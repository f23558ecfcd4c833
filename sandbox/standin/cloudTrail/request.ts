import { asInput, type Input } from '../input';

/**
 * What CloudTrail would make of one request: its event name and source, whether it only reads, and the
 * resources it names. This is the stand-in's approximation: AWS decides per API which parameters become
 * `Resources`; here they come from the members that name an alarm, dashboard, log group, state machine,
 * execution, function, ECS service, stack or REST API. Data events (metric data, log events, invocations)
 * are not management events and are not recorded, as in CloudTrail's default event history.
 */
export interface RequestFacts {
  readonly service: string;
  readonly operation: string;
  /** The JSON input, or the form fields of a query-protocol request. */
  readonly input: Input;
  /** For REST requests: method and path. */
  readonly method?: string;
  readonly path?: string;
}

export interface EventResource {
  readonly ResourceType: string;
  readonly ResourceName: string;
}

export interface ManagementCall {
  readonly eventName: string;
  readonly eventSource: string;
  readonly readOnly: boolean;
  readonly resources: readonly EventResource[];
}

const READ_ONLY = /^(Describe|Get|List|Lookup|Filter|Test|Search|Validate)[A-Z]/;

/** Data events (CloudTrail's default history leaves them out), by event source. */
const DATA_EVENTS: Readonly<Record<string, ReadonlySet<string>>> = {
  'monitoring.amazonaws.com': new Set(['PutMetricData', 'GetMetricData', 'GetMetricStatistics', 'GetMetricWidgetImage', 'ListMetrics']),
  'logs.amazonaws.com': new Set(['PutLogEvents', 'GetLogEvents', 'FilterLogEvents', 'StartLiveTail']),
  'lambda.amazonaws.com': new Set(['Invoke', 'Invoke20150331', 'InvokeAsync']),
};

/** The event source of a signing service name, as CloudTrail writes it. */
function eventSourceOf(service: string): string {
  const known: Readonly<Record<string, string>> = { cloudwatch: 'monitoring.amazonaws.com', monitoring: 'monitoring.amazonaws.com', states: 'states.amazonaws.com', logs: 'logs.amazonaws.com' };
  return known[service] ?? `${service}.amazonaws.com`;
}

function strings(input: Input, member: string): string[] {
  const value = input[member];
  if (typeof value === 'string' && value !== '') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** Members that name a resource, per JSON member name. */
const NAMING_MEMBERS: ReadonlyArray<readonly [string, string]> = [
  ['AlarmName', 'AWS::CloudWatch::Alarm'],
  ['AlarmNames', 'AWS::CloudWatch::Alarm'],
  ['DashboardName', 'AWS::CloudWatch::Dashboard'],
  ['DashboardNames', 'AWS::CloudWatch::Dashboard'],
  ['logGroupName', 'AWS::Logs::LogGroup'],
  ['logGroupIdentifier', 'AWS::Logs::LogGroup'],
  ['stateMachineArn', 'AWS::StepFunctions::StateMachine'],
  ['executionArn', 'AWS::StepFunctions::Execution'],
  ['service', 'AWS::ECS::Service'],
  ['StackName', 'AWS::CloudFormation::Stack'],
  ['FunctionName', 'AWS::Lambda::Function'],
];

function resourcesOf(input: Input): EventResource[] {
  const out: EventResource[] = [];
  for (const [member, type] of NAMING_MEMBERS) {
    for (const name of strings(input, member).slice(0, 100)) out.push({ ResourceType: type, ResourceName: name });
  }
  return out;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Lambda's REST operations, with the names CloudTrail gives them (versioned, as in the event history). */
function lambdaCall(method: string, path: string, input: Input): { eventName: string; resources: EventResource[] } | undefined {
  const match = /^\/2015-03-31\/functions(?:\/([^/?]+))?(?:\/([a-z-]+))?(?:\/([^/?]+))?/.exec(path);
  if (!match) return undefined;
  const [, fn, sub, leaf] = match;
  const name = fn ? decode(fn) : typeof input.FunctionName === 'string' ? input.FunctionName : '';
  const resources = name ? [{ ResourceType: 'AWS::Lambda::Function', ResourceName: name }] : [];
  const names: Readonly<Record<string, string>> = {
    'POST ': 'CreateFunction20150331',
    'GET ': 'ListFunctions20150331',
    'GET fn': 'GetFunction20150331v2',
    'DELETE fn': 'DeleteFunction20150331',
    'PUT code': 'UpdateFunctionCode20150331v2',
    'PUT configuration': 'UpdateFunctionConfiguration20150331v2',
    'GET configuration': 'GetFunctionConfiguration20150331v2',
    'POST versions': 'PublishVersion20150331',
    'GET versions': 'ListVersionsByFunction20150331',
    'POST aliases': 'CreateAlias20150331',
    'PUT aliases': 'UpdateAlias20150331',
    'GET aliases': leaf ? 'GetAlias20150331' : 'ListAliases20150331',
    'DELETE aliases': 'DeleteAlias20150331',
    'POST invocations': 'Invoke',
  };
  const key = `${method} ${sub ?? (fn ? 'fn' : '')}`;
  const eventName = names[key];
  return eventName ? { eventName, resources } : undefined;
}

/** API Gateway's REST operations that deploy. */
function apiGatewayCall(method: string, path: string): { eventName: string; resources: EventResource[] } | undefined {
  const deployment = /^\/restapis\/([^/?]+)\/deployments\/?$/.exec(path);
  if (deployment && method === 'POST') return { eventName: 'CreateDeployment', resources: [{ ResourceType: 'AWS::ApiGateway::RestApi', ResourceName: decode(deployment[1]) }] };
  const stage = /^\/restapis\/([^/?]+)\/stages\/([^/?]+)$/.exec(path);
  if (stage && method === 'PATCH') return { eventName: 'UpdateStage', resources: [{ ResourceType: 'AWS::ApiGateway::Stage', ResourceName: decode(stage[2]) }, { ResourceType: 'AWS::ApiGateway::RestApi', ResourceName: decode(stage[1]) }] };
  return undefined;
}

/** The management event a request makes, or undefined for a data event or a request it cannot name. */
export function managementCall(facts: RequestFacts): ManagementCall | undefined {
  const eventSource = eventSourceOf(facts.service);
  const input = asInput(facts.input);
  let eventName = facts.operation;
  let resources = resourcesOf(input);
  if (facts.method && facts.path !== undefined && facts.service === 'lambda') {
    const call = lambdaCall(facts.method, facts.path, input);
    if (!call) return undefined;
    ({ eventName, resources } = call);
  } else if (facts.method && facts.path !== undefined && facts.service === 'apigateway') {
    const call = apiGatewayCall(facts.method, facts.path);
    if (!call) return undefined;
    ({ eventName, resources } = call);
  }
  if (!/^[A-Z][A-Za-z0-9]*$/.test(eventName) || DATA_EVENTS[eventSource]?.has(eventName)) return undefined;
  return { eventName, eventSource, readOnly: READ_ONLY.test(eventName), resources };
}
