import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import type { AlarmsStore } from './store';
import { accountSummary } from '../session/accountSummary';
import { createStatusBar } from '../platform/textSinks';
import { joinLabels, label } from '../core/text/label';

/** `$(bell) 3` on a warning background while alarms fire; hidden otherwise. Click focuses the view. */
export class AlarmsStatusBar extends Disposable {
  private readonly item = this.register(createStatusBar('opsLens.alarmsFiring', vscode.StatusBarAlignment.Left, 9));

  constructor(private readonly store: AlarmsStore) {
    super();
    this.item.name = 'Ops Lens: alarms in ALARM';
    this.item.command = 'opsLens.alarms.focus';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.register(store.onDidChange(() => this.update()));
  }

  private update(): void {
    const firing = [...this.store.all()].filter((a) => a.state === 'ALARM');
    const n = firing.length;
    const perAccount = accountSummary(this.store.regions.map((r) => r.region), this.store.all());
    if (perAccount !== undefined) {
      this.item.accessibilityInformation = { label: `Alarms in ALARM per profile: ${perAccount}`, role: 'button' };
      this.item.show(label`$(bell) ${perAccount}`, label`Alarms in ALARM per profile: ${perAccount}`);
      return;
    }
    if (n === 0) {
      this.item.hide();
      return;
    }
    const names = firing.slice(0, 10).map((a) => label`${a.name} (${a.region})`);
    const tooltip = joinLabels([label`${n} alarm${n === 1 ? '' : 's'} in ALARM:`, ...names, ...(n > 10 ? [label`…`] : [])]);
    this.item.accessibilityInformation = { label: `${n} alarms in ALARM`, role: 'button' };
    this.item.show(label`$(bell) ${n}`, tooltip);
  }
}
