import { csvColumns } from './insightsEngine/parseModes';
import type { HandlerContext } from '../handler';
import { DEFAULT_ACCOUNT } from '../accounts';
import { optionalString } from '../input';
import { invalidParameter } from './errors';
import type { LogsRegion } from './state';

/** CreateLookupTable's documented limits (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLookupTable.html). */
const MAX_TABLE_BYTES = 10 * 1024 * 1024;
const TABLE_NAME = /^[a-zA-Z0-9_]{1,256}$/;
const MAX_ROWS = 100_000;

export type LookupRows = readonly Readonly<Record<string, string>>[];

/** The rows of a CSV table body whose first line names the columns. */
export function lookupRows(body: string): LookupRows {
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = csvColumns(lines[0] ?? '').map((h) => h.trim());
  return lines.slice(1, MAX_ROWS + 1).map((line) => Object.fromEntries(csvColumns(line).map((v, i) => [header[i] ?? `column${i + 1}`, v])));
}

/** CreateLookupTable from a CSV body: the table `lookup` reads in this region's queries. */
export function createLookupTable(state: LogsRegion, ctx: HandlerContext): unknown {
  const name = optionalString(ctx.input, 'lookupTableName') ?? '';
  const body = optionalString(ctx.input, 'tableBody');
  if (!TABLE_NAME.test(name)) throw invalidParameter('lookupTableName must be 1 to 256 letters, digits or underscores.');
  if (body === undefined) throw invalidParameter('tableBody must be specified.');
  if (Buffer.byteLength(body, 'utf8') > MAX_TABLE_BYTES) throw invalidParameter('tableBody must not exceed 10 MB.');
  if (state.lookupTables.has(name)) throw invalidParameter(`Lookup table ${name} already exists.`);
  state.lookupTables.set(name, lookupRows(body));
  return { lookupTableArn: `arn:aws:logs:${ctx.region}:${DEFAULT_ACCOUNT}:lookup-table:${name}`, createdAt: Date.now() };
}
