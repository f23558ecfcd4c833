import * as vscode from 'vscode';
import type { CloudWatchApi } from '../aws/services/cloudWatch';
import { childAlarmNames } from '../core/alarms/compositeRule';
import { formatAlarmDetails, historyEntry, type HistoryEntry } from '../core/alarms/details';
import type { Alarm } from '../core/alarms/model';
import { parseScopeId } from '../core/scope';
import { readTimeZone } from '../platform/timeZone';
import type { AlarmsStore } from './store';

export const ALARM_SCHEME = 'ops-lens-alarm';

export function detailsUri(alarm: Pick<Alarm, 'region' | 'name'>): vscode.Uri {
  return vscode.Uri.from({ scheme: ALARM_SCHEME, path: `/${alarm.region}/${encodeURIComponent(alarm.name)}.md` });
}

/** Read-only alarm details documents; content is rebuilt on open and dropped on close. */
export class AlarmDetailsProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: AlarmsStore, private readonly cloudWatch: CloudWatchApi) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const [, place, file] = uri.path.split('/');
    const name = decodeURIComponent(file.replace(/\.md$/, ''));
    const region = parseScopeId(place);
    if (!region) return `# ${name}\n\nThis alarm no longer exists in ${place}, or it could not be loaded. Refresh the Alarms view.`;
    let alarm = this.store.find(name, region);
    if (!alarm) {
      await this.store.refresh(this.store.regions.map((r) => r.region));
      alarm = this.store.find(name, region);
    }
    if (!alarm) return `# ${name}\n\nThis alarm no longer exists in ${region}, or it could not be loaded. Refresh the Alarms view.`;
    let history: HistoryEntry[] = [];
    let historyError: string | undefined;
    try {
      history = (await this.cloudWatch.alarmHistory(region, name, 50)).map(historyEntry);
    } catch (err) {
      historyError = err instanceof Error ? err.message : String(err);
    }
    const childStates = new Map<string, string>();
    for (const child of childAlarmNames(alarm.rule ?? '')) {
      const found = this.store.find(child, region);
      if (found) childStates.set(child, found.state);
    }
    return formatAlarmDetails(alarm, { history, historyError, childStates, zone: readTimeZone() });
  }

  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
