import * as vscode from 'vscode';
import type { CloudFormationApi } from '../aws/services/cloudFormation';
import type { DefinitionIndex } from '../core/infraCode/definitionIndex';
import { definitionLocation, matchResource } from '../core/infraCode/matching';
import { DIALECT_LABEL, type LiveResource, type Match, type StackResource } from '../core/infraCode/model';
import { resourceFromArgument } from '../core/infraCode/resourceArgument';
import { parseScopeId, type ScopeId } from '../core/scope';
import { quoted } from '../core/text/notification';
import { notifyInfo } from '../platform/notify';
import { showPick, withWindowProgress } from '../platform/textSinks';

export interface GoToDeps {
  readonly index: DefinitionIndex;
  readonly ready: Promise<void>;
  readonly cloudFormation: CloudFormationApi;
  readonly scopes: () => Promise<readonly ScopeId[]>;
  readonly uriOf: (file: string) => vscode.Uri | undefined;
  readonly log: vscode.LogOutputChannel;
}

const KIND_WORD: Record<LiveResource['kind'], string> = { alarm: 'alarm', dashboard: 'dashboard', logGroup: 'log group', stateMachine: 'state machine' };

/** The definitions of a live resource: by name in the index, else through the CloudFormation stack it belongs to. */
export async function findDefinitions(deps: GoToDeps, resource: LiveResource, scope?: string): Promise<Match[]> {
  await deps.ready;
  const direct = matchResource(resource, deps.index);
  if (direct.length > 0) return direct;
  const stackResources = await stackResourcesOf(deps, resource, scope);
  return matchResource(resource, deps.index, stackResources);
}

async function stackResourcesOf(deps: GoToDeps, resource: LiveResource, scope?: string): Promise<StackResource[]> {
  const given = parseScopeId(scope);
  const scopes = given ? [given] : await deps.scopes();
  const physicalId = resource.arn && resource.kind === 'stateMachine' ? resource.arn : resource.name;
  for (const s of scopes) {
    try {
      const found = await deps.cloudFormation.stackResourcesOf(s, physicalId);
      if (found.length > 0) return found;
    } catch (err) {
      deps.log.warn(`Stack resources of ${resource.name} in ${s}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return [];
}

/** `opsLens.goToDefinition`: opens the line that defines the resource; several definitions are offered to choose from. */
export async function goToDefinition(deps: GoToDeps, arg: unknown): Promise<string | undefined> {
  const given = resourceFromArgument(arg);
  if (!given) return pickAnyDefinition(deps);
  const matches = await withWindowProgress('Finding the definition in infrastructure code…', () => findDefinitions(deps, given.resource, given.scope));
  const word = KIND_WORD[given.resource.kind];
  if (matches.length === 0) {
    void notifyInfo(`No definition of the ${word} "${quoted(given.resource.name, 120)}" was found in this workspace's infrastructure code (CDK, CloudFormation, SAM, Terraform, Serverless).`);
    return undefined;
  }
  const chosen = matches.length === 1 ? matches[0] : (await showPick(matches.map((m) => ({
    label: definitionLocation(m.definition),
    description: `${DIALECT_LABEL[m.definition.dialect]} · by ${m.how}`,
    detail: m.via,
    match: m,
  })), { title: `Definitions of ${given.resource.name}`, placeHolder: 'Several definitions match: pick one' }))?.match;
  if (!chosen) return undefined;
  await open(deps, chosen);
  return `${definitionLocation(chosen.definition)} (${chosen.how})`;
}

async function pickAnyDefinition(deps: GoToDeps): Promise<string | undefined> {
  await deps.ready;
  const named = [...deps.index.all()].filter((d) => d.kind !== 'function' && (d.name || d.id)).slice(0, 2_000);
  if (named.length === 0) {
    void notifyInfo('No alarms, dashboards, log groups or state machines are defined in this workspace\'s infrastructure code.');
    return undefined;
  }
  const picked = await showPick(named.map((d) => ({ label: d.name ?? d.id ?? '', description: `${DIALECT_LABEL[d.dialect]} ${d.kind}`, detail: definitionLocation(d), d })), { title: 'Go to Definition in Infrastructure Code', matchOnDetail: true });
  if (!picked) return undefined;
  await open(deps, { definition: picked.d, how: 'explicit name' });
  return definitionLocation(picked.d);
}

async function open(deps: GoToDeps, match: Match): Promise<void> {
  const uri = deps.uriOf(match.definition.file);
  if (!uri) return;
  const line = Math.max(0, match.definition.line - 1);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0), preview: false });
  deps.log.info(`Go to Definition: ${definitionLocation(match.definition)}, by ${match.how}${match.via ? ` (${match.via})` : ''}`);
}
