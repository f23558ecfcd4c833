import * as vscode from 'vscode';
import type { EndpointStatus } from './store';

/** One notification when an endpoint goes down, with its reason. */
export async function notifyDown(status: EndpointStatus): Promise<void> {
  const reason = status.evaluation?.reasons[0] ?? 'no reason given';
  const picked = await vscode.window.showErrorMessage(`Health: ${status.endpoint.name} is down — ${reason}`, 'Show', 'Check Again');
  if (picked === 'Show') await vscode.commands.executeCommand('opsLens.health.focus');
  if (picked === 'Check Again') await vscode.commands.executeCommand('opsLens.health.checkNow', status.endpoint.name);
}
