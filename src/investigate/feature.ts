// The investigation command, loaded on first use: resolves the alarm, opens its panel and gathers the parts
// into it; the page's requests are answered in pageMessages.
import * as vscode from 'vscode';
import { accountBadge } from '../core/accounts/markings';
import { scopesFor } from '../core/scope';
import { alarmFromArgument } from '../core/metrics/arguments';
import { targetFromArgument } from '../core/investigate/request';
import { DEFAULT_AFTER_MS, DEFAULT_BEFORE_MS } from '../core/investigate/window';
import { quoted } from '../core/text/notification';
import { notifyError } from '../platform/notify';
import type { Services } from '../services';
import { findAlarmRegion, pickAlarm } from './alarmChoice';
import { gatherInvestigation } from './gather';
import { gatherDeps } from './gatherDeps';
import type { HealthChangeLog } from './healthChanges';
import { answerPage, type OpenInvestigation } from './pageMessages';
import { InvestigationPanel, type PaintReport } from './panel';
import { ActivePanels } from '../webview/activePanel';
import { saveNotes } from './saveNotes';

export interface InvestigateFeature {
  investigate(arg?: unknown): Promise<void>;
  /** The panel in front, gathered again (its title bar's Investigate Again). */
  rerunActive(): Promise<void>;
  /** The panel in front, saved as Markdown (its title bar's Save). */
  saveActive(): Promise<void>;
  /** First paints of the open panels (for measurements). */
  readonly onDidPaint: vscode.Event<PaintReport>;
}

export function createInvestigateFeature(context: vscode.ExtensionContext, services: Services, healthLog: HealthChangeLog): InvestigateFeature {
  const { session, cloudWatch, metrics, log } = services;
  const open = new Map<string, OpenInvestigation>();
  const front = new ActivePanels<OpenInvestigation>();
  const painted = new vscode.EventEmitter<PaintReport>();
  context.subscriptions.push(painted, { dispose: () => [...open.values()].forEach((o) => o.view.panel.dispose()) });
  const deps = gatherDeps(services, healthLog);

  const run = async (entry: OpenInvestigation): Promise<void> => {
    const seq = ++entry.seq;
    const r = entry.request;
    const marking = services.accounts.marking(r.region);
    const account = marking ? accountBadge(marking) : undefined;
    entry.view.start({ region: r.region, name: r.name, beforeMs: r.beforeMs ?? DEFAULT_BEFORE_MS, afterMs: r.afterMs ?? DEFAULT_AFTER_MS, ...(r.at !== undefined ? { at: r.at } : {}), ...(account ? { account } : {}) });
    const started = performance.now();
    const gathered = await gatherInvestigation(deps, r, (update) => {
      if (seq === entry.seq) entry.view.part(update);
    });
    if (seq !== entry.seq) return;
    entry.gathered = gathered;
    entry.view.finish();
    const failed = gathered.parts.all.filter((p) => p.status === 'failed');
    log.info(`investigation of ${r.name} (${r.region}): ${gathered.parts.all.length} parts in ${Math.round(performance.now() - started)} ms${failed.length ? `, ${failed.length} failed` : ''}`);
  };

  const openPanel = (key: string, name: string, request: OpenInvestigation['request']): OpenInvestigation => {
    const panel = InvestigationPanel.create(context.extensionUri, `Investigate: ${name}`);
    const created: OpenInvestigation = { request, seq: 0, view: undefined as unknown as InvestigationPanel };
    const view = new InvestigationPanel(panel, context.extensionUri, (m) => answerPage(created, m, run), log);
    (created as { view: InvestigationPanel }).view = view;
    view.onDidPaint((p) => painted.fire(p));
    const tracked = front.track(panel, created);
    panel.onDidDispose(() => {
      if (open.get(key) === created) open.delete(key);
      tracked.dispose();
      view.dispose();
    });
    open.set(key, created);
    return created;
  };

  const investigate = async (arg?: unknown): Promise<void> => {
    await services.ensureCredentialsChecked();
    const { regions } = await session.regions();
    const target = alarmFromArgument(arg) ?? (arg === undefined ? await pickAlarm(cloudWatch, regions) : undefined);
    if (!target) {
      if (arg !== undefined) void notifyError('Investigate Alarm takes an alarm, an alarm name, or { region?, name, at?, before?, after? }.');
      return;
    }
    const where = target.region ? scopesFor(target.region, regions) : regions;
    const region = await findAlarmRegion(metrics, target.name, where);
    if (!region) {
      void notifyError(`No alarm named "${quoted(target.name, 120)}" in ${where.join(', ')}.`);
      return;
    }
    const request = targetFromArgument(region, target.name, arg);
    const key = `${region}/${target.name}`;
    let entry = open.get(key);
    if (entry) {
      entry.view.panel.reveal();
      entry.request = request;
    } else {
      entry = openPanel(key, target.name, request);
    }
    await run(entry);
  };

  const rerunActive = async (): Promise<void> => {
    const entry = front.active;
    if (entry) await run(entry);
  };
  const saveActive = async (): Promise<void> => {
    const entry = front.active;
    if (entry) await saveNotes(entry.gathered, entry.view);
  };

  return { investigate, rerunActive, saveActive, onDidPaint: painted.event };
}
