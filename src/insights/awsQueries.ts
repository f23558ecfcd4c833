import type { LogsApi } from '../aws/services/logs';
import type { AwsSession } from '../aws/session';
import type { SavedQuery } from './savedQueries';

/**
 * The query definitions saved in CloudWatch Logs, of every region (with several profiles, of every
 * profile's regions: each query keeps the `profile · region` it was read from, and runs there). No `vscode` import.
 */
export async function awsQueries(session: AwsSession, logs: LogsApi): Promise<{ queries: SavedQuery[]; errors: string[] }> {
  const { regions } = await session.regions();
  const queries: SavedQuery[] = [];
  const errors: string[] = [];
  await Promise.all(regions.map(async (region) => {
    try {
      for await (const page of logs.queryDefinitionPages(region)) {
        for (const d of page) queries.push({ source: 'aws', name: d.name ?? 'unnamed', text: d.queryString ?? '', logGroups: d.logGroupNames, region, definitionId: d.queryDefinitionId });
      }
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }));
  return { queries: queries.sort((a, b) => a.name.localeCompare(b.name)), errors };
}
