import type { LiveResource } from './model';

/** A live resource from what a command was given, and the scope it was seen in (when it says). */
export interface ResourceArgument {
  readonly resource: LiveResource;
  readonly scope?: string;
}

type Loose = Record<string, unknown> | undefined;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Accepts the items of the Alarms, Step Functions and Logs trees, `{ kind, name, region? }`, an alarm or
 * state machine ARN, or an alarm's name.
 */
export function resourceFromArgument(arg: unknown): ResourceArgument | undefined {
  if (typeof arg === 'string') return fromString(arg);
  if (!arg || typeof arg !== 'object') return undefined;
  const node = arg as Record<string, unknown>;
  const alarm = node.alarm as Loose;
  if (alarm && str(alarm.name)) return { resource: { kind: 'alarm', name: str(alarm.name)!, arn: str(alarm.arn) }, scope: str(alarm.region) };
  const machine = node.machine as Loose;
  if (node.kind === 'machine' && machine && str(machine.name)) return { resource: { kind: 'stateMachine', name: str(machine.name)!, arn: str(machine.arn) }, scope: str(machine.region) };
  const execution = node.execution as Loose;
  if (execution && str(execution.stateMachineArn)) return { ...fromString(str(execution.stateMachineArn)!)!, scope: str(execution.region) };
  const group = (node.group ?? node.favorite) as Loose;
  if (group && str(group.name)) return { resource: { kind: 'logGroup', name: str(group.name)! }, scope: str(group.region) };
  if (str(node.logGroupName)) return { resource: { kind: 'logGroup', name: str(node.logGroupName)! }, scope: str(node.region) };
  if (str(node.stateMachineArn)) return { ...fromString(str(node.stateMachineArn)!)!, scope: str(node.region) };
  const kind = node.kind;
  if ((kind === 'alarm' || kind === 'dashboard' || kind === 'logGroup' || kind === 'stateMachine') && str(node.name)) {
    return { resource: { kind, name: str(node.name)!, arn: str(node.arn) }, scope: str(node.region) };
  }
  return undefined;
}

function fromString(text: string): ResourceArgument | undefined {
  const value = text.trim();
  if (!value || value.length > 2048) return undefined;
  const arn = /^arn:aws[\w-]*:(states|cloudwatch):([a-z0-9-]+):\d{12}:(stateMachine|execution|alarm):([^:]+)/.exec(value);
  if (arn) {
    const kind = arn[1] === 'states' ? 'stateMachine' : 'alarm';
    const arnOf = arn[3] === 'execution' ? value.replace(':execution:', ':stateMachine:').split(':').slice(0, 7).join(':') : value;
    return { resource: { kind, name: arn[4], arn: arnOf }, scope: arn[2] };
  }
  return { resource: { kind: 'alarm', name: value } };
}
