import type { LookupRows } from './lookupTables';
import { QueryStore } from './queries';

export interface QueryDefinition {
  readonly queryDefinitionId: string;
  name: string;
  queryString: string;
  logGroupNames: string[];
  lastModified: number;
  queryLanguage: string;
}

/** What the stand-in keeps for CloudWatch Logs in one region. */
export class LogsRegion {
  readonly queries = new QueryStore();
  readonly definitions = new Map<string, QueryDefinition>();
  readonly lookupTables = new Map<string, LookupRows>();
}
