import type { Node } from 'yaml';
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

/** Whether a YAML or JSON file looks like a CloudFormation template, before parsing it. */
export function looksLikeTemplate(text: string): boolean {
  return /AWSTemplateFormatVersion|AWS::Serverless-2016-10-31/.test(text.slice(0, 4_000)) || /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/.test(text);
}

/** Definitions in a CloudFormation, SAM or synthesized CDK template (YAML or JSON). */
export function templateDefinitions(file: string, text: string): Definition[] {
  const parsed = parseTemplateText(text);
  if (!parsed) return [];
  const root = parsed.doc.contents;
  const sam = isSam(get(root, 'Transform'));
  return resourcesDefinitions(file, parsed, get(root, 'Resources'), sam ? 'sam' : 'cloudformation');
}

/** Definitions in a `Resources` map; a resource with `aws:cdk:path` metadata is a synthesized CDK one. */
export function resourcesDefinitions(file: string, parsed: ParsedYaml, resources: Node | undefined, dialect: Dialect): Definition[] {
  const out: Definition[] = [];
  for (const [key, resource] of entries(resources)) {
    if (out.length >= LIMITS.maxDefinitionsPerFile) break;
    const type = literalString(get(resource, 'Type'));
    const known = type ? RESOURCE_TYPES[type] : undefined;
    if (!known) continue;
    const properties = get(resource, 'Properties');
    const name = literalString(get(properties, known.nameProperty));
    const cdkPath = literalString(get(get(resource, 'Metadata'), 'aws:cdk:path'));
    out.push({
      kind: known.kind,
      dialect: cdkPath ? 'cdk-synth' : dialect,
      file,
      line: parsed.line(key),
      id: String(key.value),
      ...(name ? { name } : {}),
      ...(cdkPath ? { cdkPath } : {}),
      ...(known.kind === 'function' ? functionLogGroup(name, properties) : {}),
      ...(known.kind === 'alarm' && type === 'AWS::CloudWatch::Alarm' ? { alarm: alarmLiterals(properties) } : {}),
    });
  }
  return out;
}

function isSam(transform: Node | undefined): boolean {
  if (literalString(transform) === SAM_TRANSFORM) return true;
  return isSeq(transform) && transform.items.some((item) => literalString(item) === SAM_TRANSFORM);
}

/** A function's log group: `LoggingConfig.LogGroup` when stated, else `/aws/lambda/<FunctionName>`. */
function functionLogGroup(name: string | undefined, properties: Node | undefined): { logGroupName?: string } {
  const configured = literalString(get(get(properties, 'LoggingConfig'), 'LogGroup'));
  if (configured) return { logGroupName: configured };
  return name ? { logGroupName: `/aws/lambda/${name}` } : {};
}

function alarmLiterals(properties: Node | undefined): AlarmLiterals {
  return {
    threshold: literalNumber(get(properties, 'Threshold')),
    period: literalNumber(get(properties, 'Period')),
    evaluationPeriods: literalNumber(get(properties, 'EvaluationPeriods')),
    comparison: literalString(get(properties, 'ComparisonOperator')),
  };
}
