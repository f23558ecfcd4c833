import type { Node } from 'yaml';
import { jsonResources } from './jsonTemplate';
import { LIMITS, type AlarmLiterals, type Definition, type Dialect, type ResourceKind } from './model';
import { entries, get, isSeq, literalNumber, literalString, parseTemplateText, type ParsedYaml } from './yamlTemplate';

/**
 * The resource types Ops Lens shows, with the property holding each one's physical name.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudwatch-alarm.html and its siblings;
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html
 */
const RESOURCE_TYPES: Readonly<Record<string, { kind: ResourceKind; nameProperty: string }>> = {
  'AWS::CloudWatch::Alarm': { kind: 'alarm', nameProperty: 'AlarmName' },
  'AWS::CloudWatch::CompositeAlarm': { kind: 'alarm', nameProperty: 'AlarmName' },
  'AWS::CloudWatch::Dashboard': { kind: 'dashboard', nameProperty: 'DashboardName' },
  'AWS::Logs::LogGroup': { kind: 'logGroup', nameProperty: 'LogGroupName' },
  'AWS::StepFunctions::StateMachine': { kind: 'stateMachine', nameProperty: 'StateMachineName' },
  'AWS::Serverless::StateMachine': { kind: 'stateMachine', nameProperty: 'Name' },
  'AWS::Lambda::Function': { kind: 'function', nameProperty: 'FunctionName' },
  'AWS::Serverless::Function': { kind: 'function', nameProperty: 'FunctionName' },
};

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** One resource of a template, however it was parsed: its logical id, line, and its plain literals by path. */
export interface TemplateResource {
  readonly id: string;
  readonly line: number;
  /** A string or number the template states plainly at this path (`['Properties', 'AlarmName']`). */
  readonly literal: (path: readonly string[]) => string | number | undefined;
}

/** Whether a YAML or JSON file looks like a CloudFormation template, before parsing it. */
export function looksLikeTemplate(text: string): boolean {
  return /AWSTemplateFormatVersion|AWS::Serverless-2016-10-31/.test(text.slice(0, 4_000)) || /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/.test(text);
}

/** Definitions in a CloudFormation, SAM or synthesized CDK template (JSON through the native parser, YAML with its tags). */
export function templateDefinitions(file: string, text: string): Definition[] {
  if (file.endsWith('.json')) {
    const json = jsonResources(text);
    return json ? definitionsOf(file, json.resources, json.sam ? 'sam' : 'cloudformation') : [];
  }
  const parsed = parseTemplateText(text);
  if (!parsed) return [];
  const root = parsed.doc.contents;
  return yamlResourcesDefinitions(file, parsed, get(root, 'Resources'), isSam(get(root, 'Transform')) ? 'sam' : 'cloudformation');
}

/** Definitions in a YAML `Resources` map. */
export function yamlResourcesDefinitions(file: string, parsed: ParsedYaml, resources: Node | undefined, dialect: Dialect): Definition[] {
  const list: TemplateResource[] = entries(resources).map(([key, resource]) => ({
    id: String(key.value),
    line: parsed.line(key),
    literal: (path) => {
      let node: unknown = resource;
      for (const step of path) node = get(node, step);
      return literalNumber(node) ?? literalString(node);
    },
  }));
  return definitionsOf(file, list, dialect);
}

/** A resource with `aws:cdk:path` metadata is a synthesized CDK one. */
function definitionsOf(file: string, resources: readonly TemplateResource[], dialect: Dialect): Definition[] {
  const out: Definition[] = [];
  for (const resource of resources) {
    if (out.length >= LIMITS.maxDefinitionsPerFile) break;
    const text = (path: readonly string[]) => {
      const v = resource.literal(path);
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
    };
    const type = text(['Type']);
    const known = type ? RESOURCE_TYPES[type] : undefined;
    if (!known) continue;
    const name = text(['Properties', known.nameProperty]);
    const cdkPath = text(['Metadata', 'aws:cdk:path']);
    out.push({
      kind: known.kind,
      dialect: cdkPath ? 'cdk-synth' : dialect,
      file,
      line: resource.line,
      id: resource.id,
      ...(name ? { name } : {}),
      ...(cdkPath ? { cdkPath } : {}),
      ...(known.kind === 'function' ? functionLogGroup(name, text(['Properties', 'LoggingConfig', 'LogGroup'])) : {}),
      ...(type === 'AWS::CloudWatch::Alarm' ? { alarm: alarmLiterals(resource) } : {}),
    });
  }
  return out;
}

function isSam(transform: Node | undefined): boolean {
  if (literalString(transform) === SAM_TRANSFORM) return true;
  return isSeq(transform) && transform.items.some((item) => literalString(item) === SAM_TRANSFORM);
}

/** A function's log group: `LoggingConfig.LogGroup` when stated, else `/aws/lambda/<FunctionName>`. */
function functionLogGroup(name: string | undefined, configured: string | undefined): { logGroupName?: string } {
  if (configured) return { logGroupName: configured };
  return name ? { logGroupName: `/aws/lambda/${name}` } : {};
}

function alarmLiterals(resource: TemplateResource): AlarmLiterals {
  const num = (key: string) => {
    const v = resource.literal(['Properties', key]);
    return typeof v === 'number' ? v : undefined;
  };
  const comparison = resource.literal(['Properties', 'ComparisonOperator']);
  return { threshold: num('Threshold'), period: num('Period'), evaluationPeriods: num('EvaluationPeriods'), comparison: typeof comparison === 'string' ? comparison : undefined };
}
