import * as vscode from 'vscode';
import { rerunTarget } from '../core/investigate/request';
import { absoluteRange } from '../core/time/ranges';
import { notifyError } from '../platform/notify';
import type { InvestigationPageMessage } from '../webview/investigationProtocol';
import type { Gathered, InvestigationRequest } from './gather';
import type { InvestigationPanel } from './panel';
import { openCommit } from './commits';

/** One open investigation panel: what it shows and what it last gathered. */
export interface OpenInvestigation {
  readonly view: InvestigationPanel;
  request: InvestigationRequest;
  gathered?: Gathered;
  seq: number;
}

type Answered = Exclude<InvestigationPageMessage['type'], 'ready' | 'painted' | 'error'>;
type Handler<K extends Answered> = (entry: OpenInvestigation, message: Extract<InvestigationPageMessage, { type: K }>, rerun: (entry: OpenInvestigation) => Promise<void>) => Promise<void>;

/** What the host does for each request of the page (the panel itself answers ready, painted and error). */
const HANDLERS: { readonly [K in Answered]: Handler<K> } = {
  rerun: async (entry, message, rerun) => {
    const target = rerunTarget(entry.request, message);
    if (typeof target === 'string') {
      void notifyError(target);
      return;
    }
    entry.request = target;
    await rerun(entry);
  },
  openErrors: async (entry, message) => {
    const group = entry.gathered?.errorEvents.get(message.logGroup)?.[message.index];
    const window = entry.gathered?.window;
    if (!group || !window) return;
    await vscode.commands.executeCommand('opsLens.insights.showEvents', {
      title: `${group.example.slice(0, 80)} (${message.logGroup})`, region: entry.request.region, logGroups: [message.logGroup], start: window.start, end: window.end, events: group.events,
    });
  },
  openExecution: async (_entry, message) => {
    await vscode.commands.executeCommand('opsLens.stepFunctions.showExecution', message.arn);
  },
  openChange: async (entry, message) => {
    const change = entry.gathered?.parts.data('changes').flatMap((p) => p.changes).find((c) => c.eventId === message.eventId);
    if (change) await vscode.env.openExternal(vscode.Uri.parse(change.link, true));
  },
  openCommit: async (_entry, message) => {
    await openCommit(message.hash);
  },
  openRunbook: async (entry) => {
    await vscode.commands.executeCommand('opsLens.alarms.openRunbook', { region: entry.request.region, name: entry.request.name });
  },
  goToDefinition: async (entry) => { await vscode.commands.executeCommand('opsLens.goToDefinition', { kind: 'alarm', region: entry.request.region, name: entry.request.name }); },
  runAlarmQuery: async (entry) => {
    const alarm = entry.gathered?.parts.data('alarm')[0];
    const window = entry.gathered?.window;
    if (!alarm?.logQuery || !window) return;
    const q = alarm.logQuery;
    await vscode.commands.executeCommand('opsLens.insights.runQuery', { query: q.query, logGroups: [...q.logGroups], region: alarm.region, title: `${alarm.name} (log alarm query)` }, { range: absoluteRange(window.start, window.end) });
  },
};

/** Answers a request of the page; `rerun` gathers the panel's investigation again. */
export function answerPage(entry: OpenInvestigation, message: InvestigationPageMessage, rerun: (entry: OpenInvestigation) => Promise<void>): Promise<void> {
  if (message.type === 'ready' || message.type === 'painted' || message.type === 'error') return Promise.resolve();
  const handler = HANDLERS[message.type] as Handler<typeof message.type>;
  return handler(entry, message, rerun);
}
