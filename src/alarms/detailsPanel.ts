import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CloudWatchApi } from '../aws/services/cloudWatch';
import { childAlarmNames } from '../core/alarms/compositeRule';
import { historyEntry } from '../core/alarms/details';
import { alarmDetailsDoc, detailsHtml, type Part } from '../core/alarms/detailsDoc';
import { alarmVariant, type Alarm } from '../core/alarms/model';
import type { Runbook } from '../core/runbooks/resolve';
import type { AlarmsStore } from './store';

export const DETAILS_VIEW_TYPE = 'opsLens.alarmDetails';

const SOURCE: Record<Runbook['source'], string> = { setting: 'from the opsLens.runbooks setting', description: 'from the alarm description', tag: 'from the alarm\'s "runbook" tag', heading: 'matched by a heading' };

function runbookText(runbook: Runbook | undefined): string | undefined {
  if (!runbook) return undefined;
  const where = runbook.kind === 'url' ? runbook.url : `${runbook.path}${runbook.anchor ? `#${runbook.anchor}` : ''}`;
  return `${where} (${SOURCE[runbook.source]}). Open it with Open Runbook in the title bar.`;
}

async function part<T>(read: () => Promise<T>): Promise<Part<T>> {
  try {
    return { value: await read() };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Alarm details as a rendered page (a webview without scripts). Each part beside the alarm — history, contributors,
 * runbook — is read on its own: one that fails says so in its section, the rest still shows.
 */
export class AlarmDetailsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; alarm: Alarm }>();
  private active: Alarm | undefined;

  constructor(private readonly store: AlarmsStore, private readonly cloudWatch: CloudWatchApi, private readonly findRunbook: (alarm: Alarm) => Promise<Runbook | undefined>) {}

  /** The alarm of the details page in front, for its title-bar commands. */
  get activeAlarm(): Alarm | undefined {
    return this.active;
  }

  async show(alarm: Alarm): Promise<void> {
    const key = `${alarm.region}/${alarm.name}`;
    let held = this.panels.get(key);
    if (!held) {
      const panel = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, alarm.name, vscode.ViewColumn.Active, { enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
      held = { panel, alarm };
      this.panels.set(key, held);
      const entry = held;
      panel.onDidChangeViewState(() => {
        if (panel.active) this.active = entry.alarm;
      });
      panel.onDidDispose(() => {
        this.panels.delete(key);
        if (this.active === entry.alarm) this.active = undefined;
      });
    } else {
      held.alarm = alarm;
      held.panel.reveal();
    }
    this.active = alarm;
    held.panel.webview.html = await this.html(alarm);
  }

  private async html(alarm: Alarm): Promise<string> {
    const [history, contributors, runbook] = await Promise.all([
      part(async () => (await this.cloudWatch.alarmHistory(alarm.region, alarm.name, 50)).map(historyEntry)),
      alarmVariant(alarm) === 'multiSeries' ? part(() => this.store.contributors(alarm)) : Promise.resolve(undefined),
      part(async () => runbookText(await this.findRunbook(alarm))),
    ]);
    const childStates = new Map<string, string>();
    for (const child of childAlarmNames(alarm.rule ?? '')) {
      const found = this.store.find(child, alarm.region);
      if (found) childStates.set(child, found.state);
    }
    return detailsHtml(alarmDetailsDoc(alarm, { history, contributors, runbook, childStates }), randomBytes(16).toString('base64'));
  }

  dispose(): void {
    for (const { panel } of this.panels.values()) panel.dispose();
  }
}
