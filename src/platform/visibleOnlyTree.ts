import * as vscode from 'vscode';

type Change<T> = T | T[] | undefined | null | void;

/**
 * A tree's data provider whose changes reach the view only while it is visible: changes while it is
 * hidden are remembered and redrawn as one when it is shown again, so data read in the background
 * (status bar, badge, notifications) costs no rendering.
 */
export class VisibleOnlyTree<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Change<T>>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly getParent?: (element: T) => vscode.ProviderResult<T>;
  readonly resolveTreeItem?: vscode.TreeDataProvider<T>['resolveTreeItem'];
  private readonly subscription: vscode.Disposable | undefined;
  private visible = true;
  private missed = false;

  constructor(private readonly tree: vscode.TreeDataProvider<T>) {
    this.subscription = tree.onDidChangeTreeData?.((change) => {
      if (this.visible) this.changed.fire(change);
      else this.missed = true;
    });
    if (tree.getParent) this.getParent = (element) => tree.getParent!(element);
    if (tree.resolveTreeItem) this.resolveTreeItem = (item, element, token) => tree.resolveTreeItem!(item, element, token);
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.tree.getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.tree.getChildren(element);
  }

  /** Follows the view: shown again after missing changes, it redraws once. */
  follow(view: vscode.TreeView<T>): vscode.Disposable {
    this.visible = view.visible;
    return view.onDidChangeVisibility((e) => {
      this.visible = e.visible;
      if (e.visible && this.missed) {
        this.missed = false;
        this.changed.fire(undefined);
      }
    });
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}
