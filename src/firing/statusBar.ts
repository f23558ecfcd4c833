import * as vscode from 'vscode';
import { AwsUserError } from '../aws/errors';
import { countsText } from '../core/health/format';
import { joinLabels, label, type Label } from '../core/text/label';
import { readsText, watchTooltipLines, type WatchSummary } from '../core/watch/summary';
import { FIX_AWS_ERROR_COMMAND } from '../platform/errorItem';
import { Disposable } from '../platform/disposable';
import { createStatusBar, untrustedMarkdown } from '../platform/textSinks';
import type { RegionAlarms } from '../alarms/store';
import type { HealthStore } from '../health/store';

export interface FiringState {
  /** Undefined until the alarms were first read. */
  readonly alarms?: WatchSummary;
  readonly scopes: readonly RegionAlarms[];
  readonly scopeLabel: (scope: RegionAlarms['region']) => string;
  readonly intervals: { readonly focused: number; readonly background: number };
  readonly health: HealthStore;
}

/**
 * The one item that says what fires: `$(bell) 4 · $(pulse) 2 down` — alarms in ALARM (per profile with
 * several; "not read" for a scope that could not be read, never 0) and health endpoints down or degraded.
 * Error background while alarms fire, a scope is unread or an endpoint is down; warning background while
 * the alarms shown are older than one interval or only degraded endpoints. Hidden until there is something to say.
 */
export class FiringStatusBar extends Disposable {
  private readonly item = this.register(createStatusBar('opsLens.alarmsFiring', vscode.StatusBarAlignment.Left, 9));

  constructor() {
    super();
    this.item.name = 'Ops Lens: what fires';
  }

  update(state: FiringState): void {
    const { alarms } = state;
    const health = state.health.counts();
    const healthText = countsText(health);
    if (!alarms && !healthText) {
      this.item.hide();
      return;
    }
    const parts: Label[] = [];
    if (alarms) parts.push(label`$(bell) ${alarms.text}`);
    if (healthText) parts.push(label`$(pulse) ${healthText}`);
    const error = alarms?.severity === 'error' || health.down > 0;
    const warning = alarms?.severity === 'warning' || health.degraded > 0;
    this.item.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = this.command(state, health.down > 0);
    const lines = alarms ? watchTooltipLines(alarms, state.scopeLabel, readsText(state.intervals.focused, state.intervals.background)) : [];
    if (healthText) lines.push(`Health endpoints: ${healthText}`, ...this.failingEndpoints(state.health));
    this.item.accessibilityInformation = { label: `Ops Lens: ${alarms ? `alarms ${alarms.text}` : ''}${healthText ? `; health endpoints ${healthText}` : ''}`, role: 'button' };
    this.item.show(joinLabels(parts, ' · '), untrustedMarkdown().appendText(lines.join('\n\n')));
  }

  /** Unread and nothing firing: clicking runs the fix of the first unread scope; otherwise it shows the view. */
  private command(state: FiringState, healthDown: boolean): vscode.Command | string {
    const { alarms } = state;
    if (alarms && alarms.firing === 0 && alarms.unread.length) {
      const error = state.scopes.find((s) => s.region === alarms.unread[0].scope)?.error;
      if (error instanceof AwsUserError) return { command: FIX_AWS_ERROR_COMMAND, title: 'Fix', arguments: [error.action, error.context.profile] };
    }
    return !alarms?.firing && !alarms?.unread.length && healthDown ? 'opsLens.health.focus' : 'opsLens.alarms.focus';
  }

  private failingEndpoints(health: HealthStore): string[] {
    const failing = health.statuses.filter((s) => s.state === 'down' || s.state === 'degraded');
    const lines = failing.slice(0, 10).map((s) => `• ${s.endpoint.name}: ${s.state}${s.evaluation?.reasons[0] ? ` — ${s.evaluation.reasons[0]}` : ''}`);
    return failing.length > 10 ? [...lines, '• …'] : lines;
  }
}
