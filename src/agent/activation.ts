import * as vscode from 'vscode';
import type { HealthApi } from '../health/api';
import type { HealthChangeLog } from '../investigate/healthChanges';
import type { Services } from '../services';
import { registerMcpProvider } from './mcpProvider';
import { registerTools } from './toolRegistration';

/**
 * `health`: the Health view's API, whose store the health tool reads (and asks for checks); `healthChanges`:
 * the state changes recorded since activation, which investigations show.
 */
export function activate(context: vscode.ExtensionContext, services: Services, health?: HealthApi, healthChanges?: HealthChangeLog): void {
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  context.subscriptions.push(
    ...registerTools(context, services, lm, health, healthChanges),
    ...registerMcpProvider(context, services, lm),
  );
}
