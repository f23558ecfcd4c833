import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { readTimeZone } from '../platform/timeZone';
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
  /** One page, reused for the alarm shown last, as a preview editor is. */
  private panel: vscode.WebviewPanel | undefined;
  private shown: Alarm | undefined;
  private generation = 0;

  constructor(private readonly store: AlarmsStore, private readonly cloudWatch: CloudWatchApi, private readonly findRunbook: (alarm: Alarm) => Promise<Runbook | undefined>) {}

  /** The alarm of the details page, for its title-bar commands (shown only while the page is in front). */
  get activeAlarm(): Alarm | undefined {
    return this.shown;
  }

  async show(alarm: Alarm): Promise<void> {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, alarm.name, vscode.ViewColumn.Active, { enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
      });
      this.panel = panel;
    } else {
      this.panel.reveal();
    }
    this.shown = alarm;
    this.panel.title = alarm.name;
    const generation = ++this.generation;
    const html = await this.html(alarm);
    // A page asked for later wins over a slower earlier one.
    if (this.panel && generation === this.generation) this.panel.webview.html = html;
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
    return detailsHtml(alarmDetailsDoc(alarm, { history, contributors, runbook, childStates, zone: readTimeZone() }), randomBytes(16).toString('base64'));
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
