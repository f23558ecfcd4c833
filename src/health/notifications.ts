import * as vscode from 'vscode';
import type { EndpointStatus } from './store';
import { notifyError } from '../platform/notify';
import { quoted } from '../core/text/notification';

/** One notification when an endpoint goes down, with its reason. */
export async function notifyDown(status: EndpointStatus): Promise<void> {
  const reason = status.evaluation?.reasons[0];
  const picked = await notifyError(`Health: ${quoted(status.endpoint.name, 80)} is down — ${reason ? quoted(reason) : 'no reason given'}`, 'Show', 'Check Again');
  if (picked === 'Show') await vscode.commands.executeCommand('opsLens.health.focus');
  if (picked === 'Check Again') await vscode.commands.executeCommand('opsLens.health.checkNow', status.endpoint.name);
}
