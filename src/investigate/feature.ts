// The investigation command, loaded on first use: resolves the alarm, opens its panel, gathers the parts
// into it, and answers the page (open an error's events, an execution, the runbook; save the notes).
import * as vscode from 'vscode';
import { accountBadge } from '../core/accounts/markings';
import { scopesFor, type ScopeId } from '../core/scope';
import { findRunbook } from '../alarms/runbook';
import { alarmFromArgument } from '../core/metrics/arguments';
import { notesFileName, notesMarkdown } from '../core/investigate/notes';
import { readRelatedSettings } from '../core/investigate/related';
import { DEFAULT_AFTER_MS, DEFAULT_BEFORE_MS, parseAt, parseSide } from '../core/investigate/window';
import { quoted } from '../core/text/notification';
import { inEveryRegion } from '../aws/regions';
import { notifyError, notifyInfo, notifyWarning } from '../platform/notify';
import { showError } from '../platform/errors';
import type { Services } from '../services';
import type { InvestigationPageMessage } from '../webview/investigationProtocol';
import { gatherInvestigation, type Gathered, type GatherDeps, type InvestigationRequest } from './gather';
import type { HealthChangeLog } from './healthChanges';
import { InvestigationPanel, type PaintReport } from './panel';
import { readSetting } from '../platform/trust';
import { showPick } from '../platform/textSinks';

export interface InvestigateFeature {
  investigate(arg?: unknown): Promise<void>;
  /** First paints of the open panels (for measurements). */
  readonly onDidPaint: vscode.Event<PaintReport>;
}

interface Open {
  readonly view: InvestigationPanel;
  request: InvestigationRequest;
  gathered?: Gathered;
  seq: number;
}

function sideArg(value: unknown, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * 60_000;
  if (typeof value === 'string') return parseSide(value) ?? fallback;
  return fallback;
}

export function createInvestigateFeature(context: vscode.ExtensionContext, services: Services, healthLog: HealthChangeLog): InvestigateFeature {
  const { session, cloudWatch, metrics, logs, stepFunctions, log } = services;
  const open = new Map<string, Open>();
  const painted = new vscode.EventEmitter<PaintReport>();
  context.subscriptions.push(painted, { dispose: () => [...open.values()].forEach((o) => o.view.panel.dispose()) });

  const deps: GatherDeps = {
    cloudWatch, metrics, logs, stepFunctions,
    settings: () => readRelatedSettings(readSetting<unknown>('alarms.related', [])),
    healthChanges: (endpoints, start, end) => ({ changes: healthLog.between(endpoints, start, end), recordedSince: healthLog.since }),
    runbook: async (alarm, tags) => {
      const found = await findRunbook(alarm, cloudWatch, log, tags);
      if (!found) return undefined;
      return found.kind === 'url' ? { target: found.url, source: found.source } : { target: `${found.path}${found.anchor ? `#${found.anchor}` : ''}`, source: found.source };
    },
  };

  const run = async (entry: Open): Promise<void> => {
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

  const handle = async (entry: Open, message: InvestigationPageMessage): Promise<void> => {
    const r = entry.request;
    switch (message.type) {
      case 'rerun': {
        const before = parseSide(message.before);
        const after = parseSide(message.after);
        if (before === undefined || after === undefined || before === 0) {
          void notifyError(`The window's sides are durations such as 30m or 2h (before: ${quoted(message.before, 20)}, after: ${quoted(message.after, 20)}).`);
          return;
        }
        entry.request = { region: r.region, name: r.name, beforeMs: before, afterMs: after, ...(message.at !== undefined ? { at: message.at } : r.at !== undefined ? { at: r.at } : {}) };
        await run(entry);
        return;
      }
      case 'openErrors': {
        const group = entry.gathered?.errorEvents.get(message.logGroup)?.[message.index];
        const window = entry.gathered?.window;
        if (!group || !window) return;
        await vscode.commands.executeCommand('opsLens.insights.showEvents', {
          title: `${group.example.slice(0, 80)} (${message.logGroup})`, region: r.region, logGroups: [message.logGroup], start: window.start, end: window.end, events: group.events,
        });
        return;
      }
      case 'openExecution':
        await vscode.commands.executeCommand('opsLens.stepFunctions.showExecution', message.arn);
        return;
      case 'openRunbook':
        await vscode.commands.executeCommand('opsLens.alarms.openRunbook', { region: r.region, name: r.name });
        return;
      case 'saveMarkdown':
        await saveNotes(entry);
        return;
    }
  };

  const saveNotes = async (entry: Open): Promise<void> => {
    const parts = entry.gathered?.parts;
    const alarm = parts?.data('alarm')[0];
    if (!parts || !alarm) {
      void notifyInfo('The investigation is still gathering; save the notes once it is complete.');
      return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = notesFileName(alarm.name, alarm.moment.at);
    // Writing asks where (and so confirms): nothing is written without the user's choice.
    const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters: { Markdown: ['md'] }, saveLabel: 'Save Incident Notes', title: 'Save the investigation as Markdown' });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(notesMarkdown(parts, Date.now())));
      entry.view.saved(true, `Saved ${vscode.workspace.asRelativePath(target)}`);
      await vscode.window.showTextDocument(target, { preview: false });
    } catch (err) {
      entry.view.saved(false, err instanceof Error ? err.message : String(err));
      await showError(err, 'Could not save the incident notes');
    }
  };

  const pickAlarm = async (regions: readonly ScopeId[]): Promise<{ region: ScopeId; name: string } | undefined> => {
    const items: (vscode.QuickPickItem & { region: ScopeId })[] = [];
    // A region (or profile) that cannot be listed never hides the others' alarms.
    const failures = await inEveryRegion(regions, async (region) => {
      for await (const page of cloudWatch.alarmPages(region)) {
        for (const a of [...page.metricAlarms, ...page.compositeAlarms]) items.push({ label: a.AlarmName ?? '', description: [a.StateValue ?? '', regions.length > 1 ? region : ''].filter(Boolean).join(' · '), region });
      }
    });
    if (failures.length === regions.length && failures.length > 0) {
      await showError(failures[0].error, 'Could not list alarms');
      return undefined;
    }
    for (const f of failures) void notifyWarning(`Could not list the alarms of ${quoted(f.region, 120)}: ${quoted(f.error instanceof Error ? f.error.message : String(f.error))}`);
    const order = (s: string | undefined) => (s?.startsWith('ALARM') ? 0 : 1);
    const picked = await showPick(items.sort((a, b) => order(a.description) - order(b.description) || a.label.localeCompare(b.label)), { title: 'Investigate which alarm?', placeHolder: 'Alarm name', matchOnDescription: true });
    return picked ? { region: picked.region, name: picked.label } : undefined;
  };

  const findRegion = async (name: string, regions: readonly ScopeId[]): Promise<ScopeId | undefined> => {
    if (regions.length === 1) return regions[0];
    for (const region of regions) {
      const found = await metrics.describeAlarms(region, [name]).catch(() => undefined);
      if (found && found.metricAlarms.length + found.compositeAlarms.length > 0) return region;
    }
    return undefined;
  };

  const investigate = async (arg?: unknown): Promise<void> => {
    await services.ensureCredentialsChecked();
    const { regions } = await session.regions();
    const target = alarmFromArgument(arg) ?? (arg === undefined ? await pickAlarm(regions) : undefined);
    if (!target) {
      if (arg !== undefined) void notifyError('Investigate Alarm takes an alarm, an alarm name, or { region?, name, at?, before?, after? }.');
      return;
    }
    const where = target.region ? scopesFor(target.region, regions) : regions;
    const region = await findRegion(target.name, where);
    if (!region) {
      void notifyError(`No alarm named "${quoted(target.name, 120)}" in ${where.join(', ')}.`);
      return;
    }
    const extra = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : {};
    const at = parseAt(extra.at);
    const request: InvestigationRequest = { region, name: target.name, beforeMs: sideArg(extra.before, DEFAULT_BEFORE_MS), afterMs: sideArg(extra.after, DEFAULT_AFTER_MS), ...(at !== undefined ? { at } : {}) };
    const key = `${region}/${target.name}`;
    let entry = open.get(key);
    if (entry) {
      entry.view.panel.reveal();
      entry.request = request;
    } else {
      const panel = InvestigationPanel.create(context.extensionUri, `Investigate: ${target.name}`);
      const created: Open = { request, seq: 0, view: undefined as unknown as InvestigationPanel };
      const view = new InvestigationPanel(panel, context.extensionUri, (m) => handle(created, m), log);
      (created as { view: InvestigationPanel }).view = view;
      view.onDidPaint((p) => painted.fire(p));
      panel.onDidDispose(() => {
        if (open.get(key) === created) open.delete(key);
        view.dispose();
      });
      open.set(key, created);
      entry = created;
    }
    await run(entry);
  };

  return { investigate, onDidPaint: painted.event };
}
