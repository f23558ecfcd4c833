import * as vscode from 'vscode';
import { LIVE_TAIL_PRICE_PER_MINUTE_USD } from '../../core/logs';
import type { TailDocuments } from './documents';
import { TAIL_SCHEME } from './scheme';
import { createStatusBar } from '../../platform/textSinks';
import { joinLabels, label } from '../../core/text/label';

/** While a Live Tail document is in front, on the right beside the editor's items: its events per second and what the session has cost. */
export class TailStatusBar implements vscode.Disposable {
  private readonly item = createStatusBar('opsLens.logs.tail', vscode.StatusBarAlignment.Right, 200);
  private readonly timer = setInterval(() => this.update(), 1000);
  private readonly subscriptions: vscode.Disposable[];
  private pausedContext = false;

  constructor(private readonly documents: TailDocuments) {
    this.item.name = 'Ops Lens Live Tail';
    this.subscriptions = [vscode.window.onDidChangeActiveTextEditor(() => this.update()), documents.onDidChangeSessions(() => this.update())];
    this.update();
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const session = uri?.scheme === TAIL_SCHEME ? this.documents.session(uri) : undefined;
    const paused = session?.paused ?? false;
    if (paused !== this.pausedContext) {
      this.pausedContext = paused;
      void vscode.commands.executeCommand('setContext', 'opsLens.logs.tailPaused', paused);
    }
    if (!session) {
      this.item.hide();
      return;
    }
    const cost = session.cost();
    const state = session.state === 'live' ? label`$(output)` : session.state === 'paused' ? label`$(debug-pause)` : session.state === 'ended' ? label`$(circle-slash)` : label`$(sync~spin)`;
    this.item.command = { command: session.paused ? 'opsLens.logs.resumeTail' : 'opsLens.logs.pauseTail', title: session.paused ? 'Resume' : 'Pause', arguments: [uri] };
    this.item.show(
      joinLabels([state, label`Live Tail ${session.rate().toFixed(1)} events/s · ${cost.minutes} min ≈ $${cost.usd.toFixed(2)}`], ' '),
      label`Live Tail is billed per session-minute ($${LIVE_TAIL_PRICE_PER_MINUTE_USD.toFixed(2)} a minute in us-east-1; other regions differ). This session: ${cost.minutes} started minute(s), ${session.buffer.received} events.`,
    );
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
