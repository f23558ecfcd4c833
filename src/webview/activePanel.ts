import * as vscode from 'vscode';

/**
 * Which of a feature's webview panels is in front, for the commands of its editor title bar (shown
 * only while `activeWebviewPanelId` is the panels' view type). Each panel may set context keys the
 * title bar's `when` clauses read; they are set again whenever that panel comes to the front.
 */
export class ActivePanels<T> {
  private readonly panels = new Map<vscode.WebviewPanel, T>();
  private current: vscode.WebviewPanel | undefined;

  /** Follows `panel` until it closes; `keys` are the context keys it sets while in front. */
  track(panel: vscode.WebviewPanel, item: T, keys: () => Record<string, boolean> = () => ({})): vscode.Disposable {
    this.panels.set(panel, item);
    const follow = () => {
      if (!panel.active) return;
      this.current = panel;
      for (const [key, value] of Object.entries(keys())) void vscode.commands.executeCommand('setContext', key, value);
    };
    follow();
    const listener = panel.onDidChangeViewState(follow);
    return {
      dispose: () => {
        listener.dispose();
        this.panels.delete(panel);
        if (this.current === panel) this.current = undefined;
      },
    };
  }

  /** The panel in front, or the last one that was (a title-bar command runs on the panel it belongs to). */
  get active(): T | undefined {
    return this.current ? this.panels.get(this.current) : undefined;
  }

  /** Sets the active panel's context keys again (its state changed while in front). */
  refresh(panel: vscode.WebviewPanel, keys: Record<string, boolean>): void {
    if (panel !== this.current) return;
    for (const [key, value] of Object.entries(keys)) void vscode.commands.executeCommand('setContext', key, value);
  }
}
