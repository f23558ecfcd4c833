import * as vscode from 'vscode';
import type { Services } from '../services';
import { prepareQueryText } from '../core/insights/markdownBlocks';
import { showError } from '../platform/errors';
import { scopesFor } from '../core/scope';
import { regionForQuery } from './accountPick';
import type { SavedQuery } from './savedQueries';
import { notifyInfo } from '../platform/notify';
import { confirmWrite } from '../platform/confirmWrite';
import { quoted } from '../core/text/notification';

/** PutQueryDefinition for a query from the editor; asks for its name, and asks to confirm when the name was given. */
export async function saveQueryDefinition(services: Services, query: SavedQuery, arg: { name?: string; logGroups?: string[] } = {}): Promise<string | undefined> {
  // What the local check finds is marked in the editor; CloudWatch Logs decides what it stores.
  const prepared = prepareQueryText(query.text);
  const name = arg.name ?? (await vscode.window.showInputBox({ title: 'Save query to CloudWatch Logs', prompt: 'Name (folders with "/", e.g. api/Error Rate by Endpoint)', value: query.name, validateInput: (v) => (v.trim() ? undefined : 'Enter a name') }));
  if (!name) return undefined;
  const logGroups = arg.logGroups ?? [...(query.logGroups ?? [])];
  const { regions } = await services.session.regions();
  const region = await regionForQuery(query.region ? scopesFor(query.region, regions) : regions, `Save "${name.trim()}" in which account?`);
  if (!region) return undefined;
  const trimmed = name.trim();
  const replaces = query.source === 'aws' && query.definitionId !== undefined;
  // A name given as an argument was not typed by the person: ask, whoever called the command.
  const question = arg.name !== undefined
    ? { message: `${replaces ? 'Replace' : 'Save'} the CloudWatch Logs query definition "${quoted(trimmed, 120)}" in ${region}?`, detail: `Log groups: ${logGroups.length ? quoted(logGroups.join(', '), 300) : 'none'}\n${quoted(prepared.text, 400)}`, buttons: ['Save'] as [string] }
    : undefined;
  const permit = await confirmWrite(services, { scope: region, operation: 'PutQueryDefinition', action: `Save query definition "${quoted(trimmed, 120)}"`, target: trimmed, question });
  if (!permit) return undefined;
  try {
    const id = await permit.run(() => services.logs.putQueryDefinition(region, { name: trimmed, queryString: prepared.text, logGroupNames: logGroups, queryDefinitionId: replaces ? query.definitionId : undefined }));
    void notifyInfo(`Saved "${quoted(trimmed, 120)}" as a CloudWatch Logs query definition in ${region}.`);
    return id;
  } catch (err) {
    await showError(err, `Could not save "${name}"`);
    return undefined;
  }
}
