import * as vscode from 'vscode';
import { countsText } from '../core/health/format';
import { Disposable } from '../platform/disposable';
import type { HealthStore } from './store';
import { createStatusBar } from '../platform/textSinks';
import { joinLabels, label } from '../core/text/label';

/**
 * `$(pulse) 1 down` on the error background while an endpoint is down (`$(pulse) 2 degraded` on the
 * warning background when some are only degraded); hidden when all are healthy. Click focuses the view.
 */
export class HealthStatusBar extends Disposable {
  private readonly item = this.register(createStatusBar('opsLens.healthDown', vscode.StatusBarAlignment.Left, 8));

  constructor(private readonly store: HealthStore) {
    super();
    this.item.name = 'Ops Lens: health endpoints down';
    this.item.command = 'opsLens.health.focus';
    this.register(store.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const counts = this.store.counts();
    if (!counts.down && !counts.degraded) {
      this.item.hide();
      return;
    }
    const text = countsText(counts);
    this.item.backgroundColor = new vscode.ThemeColor(counts.down ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    const failing = this.store.statuses.filter((s) => s.state === 'down' || s.state === 'degraded');
    const lines = failing.slice(0, 10).map((s) => label`${s.endpoint.name}: ${s.state}${s.evaluation?.reasons[0] ? ` — ${s.evaluation.reasons[0]}` : ''}`);
    const tooltip = joinLabels([label`Health endpoints: ${text}`, ...lines, ...(failing.length > 10 ? [label`…`] : [])]);
    this.item.accessibilityInformation = { label: `Health endpoints: ${text}`, role: 'button' };
    this.item.show(label`$(pulse) ${text}`, tooltip);
  }
}
