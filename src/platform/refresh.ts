import * as vscode from 'vscode';

/** Every view registers how it refreshes; `opsLens.refresh` and settings changes call them all. */
export class RefreshHub {
  private readonly refreshers = new Set<() => unknown>();

  add(refresh: () => unknown): vscode.Disposable {
    this.refreshers.add(refresh);
    return new vscode.Disposable(() => this.refreshers.delete(refresh));
  }

  async refreshAll(): Promise<void> {
    await Promise.allSettled([...this.refreshers].map(async (r) => r()));
  }
}
