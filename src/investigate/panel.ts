import * as vscode from 'vscode';
import type { PartUpdate } from '../core/investigate/model';
import { Disposable } from '../platform/disposable';
import { chartHtml, chartResourceRoots, newNonce } from '../webview/html';
import { panelIcon } from '../webview/panelIcons';
import { onTimeZoneChange } from '../platform/timeZone';
import {
  INVESTIGATION_VIEW_TYPE, parseInvestigationMessage,
  type InvestigationHeader, type InvestigationHostMessage, type InvestigationPageMessage,
} from '../webview/investigationProtocol';

export interface PaintReport {
  readonly partId: string;
  readonly ms: number;
}

/**
 * One investigation panel: posts parts as they arrive (kept, so a page that reloads gets them again)
 * and hands the page's requests to `onRequest`.
 */
export class InvestigationPanel extends Disposable {
  private pageReady = false;
  private header: InvestigationHeader | undefined;
  private parts: PartUpdate[] = [];
  private complete = false;
  private readonly painted = new vscode.EventEmitter<PaintReport>();
  readonly onDidPaint = this.painted.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly onRequest: (message: InvestigationPageMessage) => Promise<void>,
    log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(this.painted);
    panel.iconPath = panelIcon(extensionUri, 'investigation');
    panel.webview.html = chartHtml(panel.webview, extensionUri, newNonce(), panel.title, 'investigation');
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseInvestigationMessage(raw);
      if (!message) return;
      if (message.type === 'ready') {
        this.pageReady = true;
        this.replay();
      } else if (message.type === 'painted') {
        log.info(`investigation painted: ${message.partId} in ${message.ms.toFixed(1)} ms after its data arrived`);
        this.painted.fire({ partId: message.partId, ms: message.ms });
      } else if (message.type === 'error') {
        log.warn(`investigation page: ${message.message}`);
      } else void onRequest(message).catch((err: unknown) => log.warn(`investigation: ${err instanceof Error ? err.message : String(err)}`));
    }));
    this.register(vscode.window.onDidChangeActiveColorTheme(() => this.post({ type: 'theme' })));
    this.register(onTimeZoneChange((zone) => this.post({ type: 'timeZone', zone })));
  }

  static create(extensionUri: vscode.Uri, title: string): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(INVESTIGATION_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: chartResourceRoots(extensionUri),
    });
  }

  start(header: InvestigationHeader): void {
    this.header = header;
    this.parts = [];
    this.complete = false;
    this.post({ type: 'start', header });
  }

  part(update: PartUpdate): void {
    this.parts.push(update);
    this.post({ type: 'part', update });
  }

  finish(): void {
    this.complete = true;
    this.post({ type: 'complete' });
  }

  saved(ok: boolean, message: string): void {
    this.post({ type: 'saved', ok, message });
  }

  private replay(): void {
    if (!this.header) return;
    this.post({ type: 'start', header: this.header });
    for (const update of this.parts) this.post({ type: 'part', update });
    if (this.complete) this.post({ type: 'complete' });
  }

  private post(message: InvestigationHostMessage): void {
    if (this.isDisposed || !this.pageReady) return;
    try {
      void Promise.resolve(this.panel.webview.postMessage(message)).catch(() => undefined);
    } catch {
      // closed meanwhile
    }
  }
}
