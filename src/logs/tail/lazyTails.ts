import * as vscode from 'vscode';
import { DEFAULT_TAIL_BUFFER_EVENTS } from '../../core/logs';
import { registerSourceLinksFor } from '../../insights/sourceLinks';
import { readSetting } from '../../platform/trust';
import type { Services } from '../../services';
import { accountHeader } from '../../session/accountLabels';
import { CLOSED_TAIL_TEXT, TAIL_SCHEME, TailDocuments } from './documents';
import type { TailSession } from './session';
import { TailStatusBar } from './statusBar';

function bufferEvents(): number {
  const value = readSetting<number>('logs.tailBufferEvents', DEFAULT_TAIL_BUFFER_EVENTS);
  return Number.isInteger(value) && value >= 100 && value <= 100_000 ? value : DEFAULT_TAIL_BUFFER_EVENTS;
}

/** Live Tail documents, their status bar item and source links, set up with the first tail. */
export class LazyTails implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private documents: TailDocuments | undefined;
  private parts: vscode.Disposable[] = [];
  private readonly provider: vscode.Disposable;

  constructor(private readonly services: Pick<Services, 'logs' | 'accounts'>) {
    this.provider = vscode.workspace.registerTextDocumentContentProvider(TAIL_SCHEME, {
      onDidChange: this.changed.event,
      provideTextDocumentContent: (uri) => this.documents?.provideTextDocumentContent(uri) ?? CLOSED_TAIL_TEXT,
    });
  }

  /** The documents, created (with their status bar item and source links) on first use. */
  get tails(): TailDocuments {
    if (!this.documents) {
      const created = new TailDocuments(this.services.logs, bufferEvents, this.changed, accountHeader(this.services.accounts));
      this.parts = [created, new TailStatusBar(created), ...registerSourceLinksFor({ scheme: TAIL_SCHEME }, (uri) => created.session(uri) !== undefined)];
      this.documents = created;
    }
    return this.documents;
  }

  /** The tail a command means: the document given, else the active editor's. */
  session(uri?: unknown): TailSession | undefined {
    return this.documents?.session(uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri);
  }

  dispose(): void {
    this.provider.dispose();
    this.changed.dispose();
    this.parts.forEach((d) => d.dispose());
  }
}
