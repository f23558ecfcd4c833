import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { chartHtml, chartResourceRoots, newNonce } from '../webview/html';
import { panelIcon } from '../webview/panelIcons';
import { GRAPH_VIEW_TYPE, parseGraphMessage, type GraphHeader, type GraphHostMessage, type GraphPageMessage, type GraphViewModel } from '../webview/graphProtocol';

export interface GraphDrawReport {
  readonly states: number;
  readonly ms: number;
}

/**
 * One execution graph panel: posts the graph (again when the page reloads) and hands the page's
 * requests to `onRequest`. Data goes to the page only as messages; the page renders it as text.
 */
export class GraphPanel extends Disposable {
  private pageReady = false;
  private last: GraphHostMessage | undefined;
  private readonly drawn = new vscode.EventEmitter<GraphDrawReport>();
  readonly onDidDraw = this.drawn.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    onRequest: (message: Exclude<GraphPageMessage, { type: 'ready' | 'drawn' | 'error' }>) => Promise<void>,
    log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(this.drawn);
    panel.iconPath = panelIcon(extensionUri, 'graph');
    panel.webview.html = chartHtml(panel.webview, extensionUri, newNonce(), panel.title, 'graph');
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseGraphMessage(raw);
      if (!message) return;
      if (message.type === 'ready') {
        this.pageReady = true;
        if (this.last) this.post(this.last);
      } else if (message.type === 'drawn') {
        log.info(`execution graph drawn: ${message.states} states in ${message.ms.toFixed(1)} ms`);
        this.drawn.fire({ states: message.states, ms: message.ms });
      } else if (message.type === 'error') {
        log.warn(`execution graph page: ${message.message}`);
      } else void onRequest(message).catch((err: unknown) => log.warn(`execution graph: ${err instanceof Error ? err.message : String(err)}`));
    }));
    this.register(vscode.window.onDidChangeActiveColorTheme(() => this.post({ type: 'theme' })));
  }

  static create(extensionUri: vscode.Uri, title: string): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: chartResourceRoots(extensionUri),
    });
  }

  show(header: GraphHeader, view: GraphViewModel): void {
    this.panel.title = `Graph: ${header.title}`;
    this.last = { type: 'graph', header, view };
    this.post(this.last);
  }

  failed(message: string): void {
    this.last = { type: 'failed', message };
    this.post(this.last);
  }

  private post(message: GraphHostMessage): void {
    if (this.isDisposed || (!this.pageReady && message.type !== 'theme')) return;
    void Promise.resolve(this.panel.webview.postMessage(message)).catch(() => undefined);
  }
}
