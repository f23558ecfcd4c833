import * as vscode from 'vscode';
import type { ProductionErrorsModel } from './model';
import { createStatusBar, untrustedMarkdown } from '../platform/textSinks';
import { joinLabels, label } from '../core/text/label';

/** `$(bug) 12 production errors`, on the right: what the last refresh found, what it scanned and cost (tooltip); opens the list. */
export class ProductionErrorsStatus implements vscode.Disposable {
  private readonly item = createStatusBar('opsLens.productionErrors', vscode.StatusBarAlignment.Right, 199);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: ProductionErrorsModel) {
    this.item.name = 'Ops Lens: Production Errors';
    this.item.command = 'opsLens.productionErrors.showAll';
    this.subscription = model.onDidChange(() => this.update());
  }

  private update(): void {
    const { snapshot, lastError, refreshing } = this.model;
    if (!snapshot && !lastError && !refreshing) {
      this.item.hide();
      return;
    }
    const total = snapshot?.index.lines.reduce((n, l) => n + l.count, 0) ?? 0;
    const icon = refreshing ? label`$(sync~spin)` : label`$(bug)`;
    const text = joinLabels([icon, snapshot ? label`${total.toLocaleString('en-US')} production error${total === 1 ? '' : 's'}` : label`Production errors`], ' ');
    const tooltip = untrustedMarkdown();
    if (snapshot) {
      tooltip.appendText(`Production errors (${snapshot.rangeLabel}) at workspace lines, refreshed ${snapshot.at.toISOString().slice(0, 16).replace('T', ' ')} UTC\n\n`);
      tooltip.appendText(`${snapshot.summary}${snapshot.complete ? '' : ' — counts are a lower bound'}\n\n`);
    }
    if (lastError) tooltip.appendText(`Last refresh failed: ${lastError}\n\n`);
    tooltip.appendText('Click for the failing lines, most frequent first.');
    this.item.show(text, tooltip);
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
