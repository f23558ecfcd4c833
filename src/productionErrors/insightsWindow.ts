import type { ScopeId } from '../core/scope';
import type { LogsApi } from '../aws/services/logs';
import type { RunWindow } from '../core/productionErrors';
import { runInsightsQuery } from '../insights/execution';

/** Runs the production-errors query over one window of `groups` in `region` (no `vscode` import: tested against the stand-in). */
export function insightsWindow(logs: LogsApi, region: ScopeId, groups: readonly string[], queryString: string, delays?: readonly number[]): RunWindow {
  return async (startSec, endSec) => {
    const outcome = await runInsightsQuery(logs, { region, queryString, logGroupNames: groups, start: new Date(startSec * 1000), end: new Date(endSec * 1000) }, delays ? { delays } : {});
    if (outcome.status !== 'Complete') throw new Error(`the Logs Insights query ended ${outcome.status}`);
    const stats = outcome.response.statistics ?? {};
    const rows = (outcome.response.results ?? []).map((r) => Object.fromEntries(r.map((f) => [f.field ?? '', f.value ?? ''])));
    return { rows, recordsMatched: stats.recordsMatched ?? rows.length, recordsScanned: stats.recordsScanned ?? 0, bytesScanned: stats.bytesScanned ?? 0 };
  };
}
