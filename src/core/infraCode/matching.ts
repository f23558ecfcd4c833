import type { DefinitionIndex } from './definitionIndex';
import type { Definition, LiveResource, Match, StackResource } from './model';

const TEMPLATE_DIALECTS = new Set(['cloudformation', 'sam', 'cdk-synth', 'serverless']);
const SOURCE_DIALECTS = new Set(['cdk-typescript', 'cdk-python']);

/**
 * The definitions of a live resource, each with how it was found:
 * 1. its explicit physical name in the code (a log group also by the function that writes to it);
 * 2. else the CloudFormation stack resource whose physical id it is, by that resource's logical id in a template;
 * 3. a synthesized template's `aws:cdk:path` then leads to the construct in the CDK app's source, which is
 *    preferred to the template it was synthesized into.
 * Several matches are for the person to choose from.
 */
export function matchResource(resource: LiveResource, index: DefinitionIndex, stackResources: readonly StackResource[] = []): Match[] {
  const matches: Match[] = index.byName(resource.kind, resource.name).map((definition) => ({ definition, how: 'explicit name' as const }));
  if (resource.kind === 'logGroup') {
    for (const definition of index.byLogGroup(resource.name)) matches.push({ definition, how: 'function log group' });
  }
  if (matches.length === 0) {
    for (const stack of stackResources) {
      if (stack.physicalId !== resource.name && stack.physicalId !== resource.arn) continue;
      for (const definition of index.byId(stack.logicalId)) {
        if (definition.kind === resource.kind && TEMPLATE_DIALECTS.has(definition.dialect)) {
          matches.push({ definition, how: 'stack resource', via: `stack ${stack.stackName}, logical id ${stack.logicalId}` });
        }
      }
    }
  }
  for (const m of [...matches]) {
    if (m.definition.dialect !== 'cdk-synth' || !m.definition.cdkPath) continue;
    for (const definition of constructsOf(m.definition, index)) {
      matches.push({ definition, how: 'construct path', via: `${m.via ? `${m.via}, ` : ''}construct ${m.definition.cdkPath}` });
    }
  }
  const hasSource = matches.some((m) => m.definition.dialect !== 'cdk-synth');
  return dedupe(hasSource ? matches.filter((m) => m.definition.dialect !== 'cdk-synth') : matches);
}

/** `Stack/Parent/Construct/Resource` → the CDK source constructs with id `Construct` (or the last id for an L1). */
export function constructsOf(synthesized: Definition, index: DefinitionIndex): Definition[] {
  const parts = (synthesized.cdkPath ?? '').split('/').filter(Boolean);
  if (parts.length < 2) return [];
  const id = parts[parts.length - 1] === 'Resource' ? parts[parts.length - 2] : parts[parts.length - 1];
  return index.byId(id).filter((d) => SOURCE_DIALECTS.has(d.dialect) && d.kind === synthesized.kind);
}

function dedupe(matches: Match[]): Match[] {
  const seen = new Set<string>();
  return matches.filter((m) => {
    const key = `${m.definition.file}:${m.definition.line}`;
    return !seen.has(key) && seen.add(key);
  });
}

/** `file:line`, as tools and notices print a definition. */
export function definitionLocation(d: Definition): string {
  return `${d.file}:${d.line}`;
}
