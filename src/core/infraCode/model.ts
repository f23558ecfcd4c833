/** What a definition defines, as Ops Lens shows it live. */
export type ResourceKind = 'alarm' | 'dashboard' | 'logGroup' | 'stateMachine' | 'function';

export type Dialect = 'cdk-typescript' | 'cdk-python' | 'cloudformation' | 'sam' | 'cdk-synth' | 'terraform' | 'serverless';

export const DIALECT_LABEL: Record<Dialect, string> = {
  'cdk-typescript': 'CDK TypeScript',
  'cdk-python': 'CDK Python',
  cloudformation: 'CloudFormation',
  sam: 'SAM',
  'cdk-synth': 'synthesized CDK template',
  terraform: 'Terraform',
  serverless: 'Serverless Framework',
};

/** The literals of an alarm's condition as the code states them; only what is a plain literal there. */
export interface AlarmLiterals {
  readonly threshold?: number;
  readonly period?: number;
  readonly evaluationPeriods?: number;
  readonly comparison?: string;
}

/** One resource defined in a file, with the line (1-based) its definition starts on. */
export interface Definition {
  readonly kind: ResourceKind;
  readonly dialect: Dialect;
  /** Workspace-relative path, forward slashes. */
  readonly file: string;
  readonly line: number;
  /** The explicit physical name, when the code states it as a literal (or a constant of the same file). */
  readonly name?: string;
  /** CloudFormation logical id (templates), Terraform resource name, CDK construct id. */
  readonly id?: string;
  /** Synthesized templates: the construct path from `aws:cdk:path`, as `Stack/Construct/Resource`. */
  readonly cdkPath?: string;
  /** Functions: the log group the function writes to, when its name is known. */
  readonly logGroupName?: string;
  readonly alarm?: AlarmLiterals;
}

/** A live resource as a command receives it. */
export interface LiveResource {
  readonly kind: Exclude<ResourceKind, 'function'>;
  readonly name: string;
  /** The ARN, where the resource has one (state machines, alarms). */
  readonly arn?: string;
}

/** A stack resource as DescribeStackResources returns it. */
export interface StackResource {
  readonly stackName: string;
  readonly logicalId: string;
  readonly physicalId: string;
  readonly type: string;
}

export type MatchHow = 'explicit name' | 'function log group' | 'stack resource' | 'construct path';

export interface Match {
  readonly definition: Definition;
  readonly how: MatchHow;
  /** What the match went through, in words: "stack orders-prod, logical id HighErrors1A2B". */
  readonly via?: string;
}

/** Caps every parser honours: outside files are hostile. */
export const LIMITS = {
  /** Bigger files are not read. Synthesized templates of large stacks reach a few hundred KB. */
  maxFileBytes: 2_000_000,
  /** Nesting beyond this is not followed (YAML/JSON collections, HCL blocks). */
  maxDepth: 64,
  /** Definitions kept per file. */
  maxDefinitionsPerFile: 2_000,
  /** A constructor call's arguments are read up to this many characters. */
  maxCallChars: 20_000,
} as const;
