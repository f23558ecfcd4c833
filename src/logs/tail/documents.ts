import type { ScopeId } from '../../core/scope';
import * as vscode from 'vscode';
import type { LogsApi } from '../../aws/services/logs';
import { tailField } from '../../core/logs/tailLine';
import { capDocument, MAX_DOCUMENT_CHARS } from '../../core/text/limits';
import { tabTitle } from '../../core/text/tabTitle';
import { zoneName } from '../../core/time/zone';
import { TAIL_LANGUAGE, onDidCloseForGood, showDocumentAs } from '../../platform/documentLanguage';
import { readTimeZone } from '../../platform/timeZone';
import { TailSession, type TailTarget } from './session';
import { CLOSED_TAIL_TEXT, TAIL_SCHEME } from './scheme';

export { CLOSED_TAIL_TEXT, TAIL_SCHEME } from './scheme';

/** How often a live document is redrawn at most. */
const REFRESH_MS = 250;

function header(session: TailSession, account: string | undefined): string {
  const t = session.target;
  const state =
    session.state === 'ended' ? `ended — ${tailField(session.endReason ?? '')}`
    : session.state === 'starting' ? 'starting…'
    : session.state === 'paused' ? `paused (${session.buffer.received} events received)`
    : 'live';
  const kept = session.buffer.dropped > 0 ? ` (the last ${session.buffer.size} kept)` : '';
  return [
    `Live Tail: ${t.groups.map((g) => tailField(g.name)).join(', ')} (${tailField(t.region)})`,
    ...(account ? [`Account:   ${account}`] : []),
    `Filter:    ${tailField(t.filterPattern) || 'none'}${t.logStreamNamePrefixes?.length ? ` · streams starting with ${t.logStreamNamePrefixes.map(tailField).join(', ')}` : ''}`,
    `Session:   ${state} · ${session.buffer.received} event${session.buffer.received === 1 ? '' : 's'}${kept}`,
    `Times:     ${zoneName(Date.now(), session.buffer.format.zone ?? 'utc')} · each line: time, level, message, then the log stream's last characters`,
    '─'.repeat(80),
    '',
  ].join('\n');
}

/**
 * Read-only Live Tail documents: one session each, ended when its document closes. `changed` is the
 * content provider's change event (registered at activation, before the first tail).
 */
export class TailDocuments implements vscode.Disposable {
  private readonly sessions = new Map<string, TailSession>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly activeChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeSessions = this.activeChanged.event;
  private counter = 0;
  private readonly followers = new Map<string, vscode.TextEditor[]>();
  private readonly subscriptions: vscode.Disposable[];

  /** `account`: a scope's marking as the header names it (`PRODUCTION account prod-main`), if marked. */
  constructor(private readonly logs: LogsApi, private readonly bufferEvents: () => number, private readonly changed: vscode.EventEmitter<vscode.Uri>, private readonly account: (scope: ScopeId) => string | undefined = () => undefined) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.scheme === TAIL_SCHEME && this.follow(e.document)),
      onDidCloseForGood(TAIL_SCHEME, (uri) => this.close(uri)),
      // A closed tab ends the session at once (the document itself may be disposed later).
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          const input = tab.input;
          if (input instanceof vscode.TabInputText && input.uri.scheme === TAIL_SCHEME && !this.isOpenInTab(input.uri)) this.close(input.uri);
        }
      }),
    ];
  }

  private isOpenInTab(uri: vscode.Uri): boolean {
    return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()));
  }

  async open(target: TailTarget): Promise<vscode.Uri> {
    const title = target.groups.length === 1 ? tabTitle(target.groups[0]?.name ?? 'tail') : `${target.groups.length} log groups`;
    const uri = vscode.Uri.from({ scheme: TAIL_SCHEME, path: `/${++this.counter}/Live Tail · ${title}` });
    const key = uri.toString();
    const session = new TailSession(this.logs, target, this.bufferEvents(), (what) => this.schedule(uri, what === 'state'));
    session.buffer.setFormat({ ...session.buffer.format, zone: readTimeZone() });
    this.sessions.set(key, session);
    // The session starts once the document is open: a change fired while VS Code is still creating the
    // document would be lost.
    await showDocumentAs(uri, TAIL_LANGUAGE);
    session.start();
    this.activeChanged.fire();
    return uri;
  }

  session(uri: vscode.Uri | undefined): TailSession | undefined {
    return uri ? this.sessions.get(uri.toString()) : undefined;
  }

  get all(): TailSession[] {
    return [...this.sessions.values()];
  }

  private schedule(uri: vscode.Uri, now: boolean): void {
    const key = uri.toString();
    if (now) {
      clearTimeout(this.pending.get(key));
      this.pending.delete(key);
      this.changed.fire(uri);
      this.activeChanged.fire();
      return;
    }
    if (this.pending.has(key)) return;
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.markFollowers(uri);
      this.changed.fire(uri);
    }, REFRESH_MS));
  }

  /** Editors showing the document's last lines before an update keep following its end after it. */
  private markFollowers(uri: vscode.Uri): void {
    const key = uri.toString();
    const following = vscode.window.visibleTextEditors.filter((editor) => {
      if (editor.document.uri.toString() !== key) return false;
      const visibleEnd = editor.visibleRanges[editor.visibleRanges.length - 1]?.end.line ?? 0;
      return visibleEnd >= editor.document.lineCount - 3;
    });
    if (following.length > 0) this.followers.set(key, following);
  }

  private follow(document: vscode.TextDocument): void {
    const editors = this.followers.get(document.uri.toString());
    if (!editors) return;
    this.followers.delete(document.uri.toString());
    const last = document.lineCount - 1;
    for (const editor of editors) editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.Default);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const session = this.sessions.get(uri.toString());
    if (!session) return CLOSED_TAIL_TEXT;
    return capDocument(header(session, this.account(session.target.region)) + session.buffer.text(MAX_DOCUMENT_CHARS) + '\n');
  }

  close(uri: vscode.Uri): void {
    const key = uri.toString();
    const session = this.sessions.get(key);
    if (!session) return;
    session.stop('The document was closed');
    this.sessions.delete(key);
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.activeChanged.fire();
  }

  dispose(): void {
    for (const session of this.sessions.values()) session.stop('Ops Lens was stopped');
    this.sessions.clear();
    for (const t of this.pending.values()) clearTimeout(t);
    this.subscriptions.forEach((s) => s.dispose());
    this.activeChanged.dispose();
  }
}
