import { LIMITS, type Definition } from './model';
import { yamlResourcesDefinitions } from './cloudFormation';
import { entries, get, literalString, parseTemplateText } from './yamlTemplate';

/** `serverless.yml` / `serverless.yaml`, wherever it sits. */
export function isServerlessFile(path: string): boolean {
  return /(^|\/)serverless\.ya?ml$/.test(path);
}

/**
 * Definitions in a Serverless Framework service: its functions (named `<service>-<stage>-<key>` unless
 * `name` says otherwise, each writing to `/aws/lambda/<name>`), the state machines of `stepFunctions`,
 * and the CloudFormation under `resources.Resources`.
 * https://www.serverless.com/framework/docs/providers/aws/guide/functions
 * https://www.serverless.com/framework/docs/providers/aws/guide/resources
 */
export function serverlessDefinitions(file: string, text: string): Definition[] {
  const parsed = parseTemplateText(text);
  if (!parsed) return [];
  const root = parsed.doc.contents;
  const service = literalString(get(root, 'service')) ?? literalString(get(get(root, 'service'), 'name'));
  const stage = stageOf(literalString(get(get(root, 'provider'), 'stage')));
  const vars = { service, stage };
  const out: Definition[] = [];
  for (const [key, fn] of entries(get(root, 'functions'))) {
    if (out.length >= LIMITS.maxDefinitionsPerFile) break;
    const stated = literalString(get(fn, 'name'));
    const name = stated !== undefined ? resolve(stated, vars) : service ? `${service}-${stage}-${String(key.value)}` : undefined;
    out.push({ kind: 'function', dialect: 'serverless', file, line: parsed.line(key), id: String(key.value), ...(name ? { name, logGroupName: `/aws/lambda/${name}` } : {}) });
  }
  for (const [key, machine] of entries(get(get(root, 'stepFunctions'), 'stateMachines'))) {
    const stated = literalString(get(machine, 'name'));
    const name = stated !== undefined ? resolve(stated, vars) : undefined;
    out.push({ kind: 'stateMachine', dialect: 'serverless', file, line: parsed.line(key), id: String(key.value), ...(name ? { name } : {}) });
  }
  out.push(...yamlResourcesDefinitions(file, parsed, get(get(root, 'resources'), 'Resources'), 'serverless'));
  return out;
}


/** `${opt:stage, 'prod'}` and the like: the default the file states; else the framework's `dev`. */
function stageOf(stated: string | undefined): string {
  if (!stated) return 'dev';
  if (!stated.includes('${')) return stated;
  return /,\s*['"]([A-Za-z0-9-_]{1,64})['"]\s*\}/.exec(stated)?.[1] ?? 'dev';
}

/** The variables a name commonly uses; a name with any other variable is not known. */
function resolve(text: string, vars: { service?: string; stage: string }): string | undefined {
  const out = text.replace(/\$\{(self:service|sls:stage|self:provider\.stage|opt:stage[^}]{0,80})\}/g, (_, v: string) => (v === 'self:service' ? (vars.service ?? '${}') : vars.stage));
  return out.includes('${') ? undefined : out;
}
