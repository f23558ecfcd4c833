import { randomUUID } from 'node:crypto';
import type { HandlerContext } from '../handler';
import { optionalNumber, optionalString, stringList } from '../input';
import { pageOf, pageSize } from '../paging';
import { invalidParameter, resourceNotFound } from './errors';
import type { LogsRegion, QueryDefinition } from './state';

const MAX_NAME = 255;
const MAX_QUERY = 10_000;

/** PutQueryDefinition: creates a definition, or replaces the one `queryDefinitionId` names. */
export function putQueryDefinition(state: LogsRegion, ctx: HandlerContext): unknown {
  const { input } = ctx;
  const name = optionalString(input, 'name');
  const queryString = optionalString(input, 'queryString');
  if (!name || name.length > MAX_NAME) throw invalidParameter(`name must be 1 to ${MAX_NAME} characters long.`);
  if (!queryString || queryString.length > MAX_QUERY) throw invalidParameter(`queryString must be 1 to ${MAX_QUERY} characters long.`);
  const id = optionalString(input, 'queryDefinitionId');
  const fields = {
    name,
    queryString,
    logGroupNames: stringList(input, 'logGroupNames'),
    lastModified: Date.now(),
    queryLanguage: optionalString(input, 'queryLanguage') ?? 'CWLI',
  };
  if (id !== undefined) {
    const existing = state.definitions.get(id);
    if (!existing) throw resourceNotFound(`Query definition ${id} does not exist.`);
    Object.assign(existing, fields);
    return { queryDefinitionId: id };
  }
  const created: QueryDefinition = { queryDefinitionId: randomUUID(), ...fields };
  state.definitions.set(created.queryDefinitionId, created);
  return { queryDefinitionId: created.queryDefinitionId };
}

/** DescribeQueryDefinitions: by name prefix, sorted by name, paged by maxResults (default and at most 1000). */
export function describeQueryDefinitions(state: LogsRegion, ctx: HandlerContext): unknown {
  const { input } = ctx;
  const prefix = optionalString(input, 'queryDefinitionNamePrefix') ?? '';
  const language = optionalString(input, 'queryLanguage');
  const size = pageSize(optionalNumber(input, 'maxResults'), 1000, 1000, 'maxResults', invalidParameter);
  const all = [...state.definitions.values()]
    .filter((d) => d.name.startsWith(prefix) && (language === undefined || d.queryLanguage === language))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.queryDefinitionId < b.queryDefinitionId ? -1 : 1))
    .map((d) => ({ ...d, logGroupNames: [...d.logGroupNames] }));
  const page = pageOf(all, `DescribeQueryDefinitions:${prefix}`, optionalString(input, 'nextToken'), size, () => invalidParameter('The nextToken is invalid.'));
  return page.nextToken ? { queryDefinitions: page.items, nextToken: page.nextToken } : { queryDefinitions: page.items };
}

/** DeleteQueryDefinition. */
export function deleteQueryDefinition(state: LogsRegion, ctx: HandlerContext): unknown {
  const id = optionalString(ctx.input, 'queryDefinitionId');
  if (!id) throw invalidParameter('queryDefinitionId must be specified.');
  if (!state.definitions.delete(id)) throw resourceNotFound(`Query definition ${id} does not exist.`);
  return { success: true };
}
