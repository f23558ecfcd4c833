import * as vscode from 'vscode';
import { DEFAULT_TAIL_BUFFER_EVENTS } from '../../core/logs';
import { readSetting } from '../../platform/trust';
import type { Services } from '../../services';
import type { TailDocuments } from './documents';
import type * as Parts from './parts';
import { CLOSED_TAIL_TEXT, TAIL_SCHEME } from './scheme';
import type { TailSession } from './session';

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
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const created = (require('./parts') as typeof Parts).createTailParts(this.services, bufferEvents, this.changed);
      this.parts = created.parts;
      this.documents = created.documents;
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
