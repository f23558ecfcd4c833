import * as vscode from 'vscode';
import type { Services } from '../services';
import { prepareQueryText } from '../core/insights/markdownBlocks';
import { showError } from '../platform/errors';
import { scopesFor } from '../aws/scope';
import { regionForQuery } from './accountPick';
import type { SavedQuery } from './savedQueries';
import { notifyInfo } from '../platform/notify';

/** PutQueryDefinition for a query from the editor; asks for its name and log groups. */
export async function saveQueryDefinition(services: Services, query: SavedQuery, arg: { name?: string; logGroups?: string[] } = {}): Promise<string | undefined> {
  // What the local check finds is marked in the editor; CloudWatch Logs decides what it stores.
  const prepared = prepareQueryText(query.text);
  const name = arg.name ?? (await vscode.window.showInputBox({ title: 'Save query to CloudWatch Logs', prompt: 'Name (folders with "/", e.g. api/Error Rate by Endpoint)', value: query.name, validateInput: (v) => (v.trim() ? undefined : 'Enter a name') }));
  if (!name) return undefined;
  const logGroups = arg.logGroups ?? [...(query.logGroups ?? [])];
  const { regions } = await services.session.regions();
  const region = await regionForQuery(query.region ? scopesFor(query.region, regions) : regions, `Save "${name.trim()}" in which account?`);
  if (!region) return undefined;
  try {
    const id = await services.logs.putQueryDefinition(region, { name: name.trim(), queryString: prepared.text, logGroupNames: logGroups, queryDefinitionId: query.source === 'aws' ? query.definitionId : undefined });
    void notifyInfo(`Saved "${name.trim()}" as a CloudWatch Logs query definition in ${region}.`);
    return id;
  } catch (err) {
    await showError(err, `Could not save "${name}"`);
    return undefined;
  }
}
