import * as vscode from 'vscode';
import { validateUrl } from '../core/health/settings';
import type { HealthStore } from './store';
import { confirmChange, notifyError, notifyWarning } from '../platform/notify';
import { quoted } from '../core/text/notification';

/**
 * Which endpoints `checkNow` means: a tree item, `{ name }` or a name checks one; nothing checks all.
 * Returns undefined (after saying why) when the name is unknown or not checked in this workspace.
 */
export function endpointsFromArgument(store: HealthStore, arg: unknown): string[] | undefined {
  let name: string | undefined;
  if (typeof arg === 'string') name = arg.trim();
  else if (arg && typeof arg === 'object') {
    const node = arg as { status?: { endpoint?: { name?: unknown } }; endpoint?: { name?: unknown }; name?: unknown };
    const candidate = node.status?.endpoint?.name ?? node.endpoint?.name ?? node.name;
    if (typeof candidate === 'string') name = candidate;
  }
  if (!name) return store.statuses.map((s) => s.endpoint.name);
  const found = store.find(name);
  if (found) return [found.endpoint.name];
  if (store.blocked.some((e) => e.name.toLowerCase() === name.toLowerCase())) {
    void notifyWarning(`"${quoted(name, 80)}" comes from workspace settings and is not checked until you trust this workspace.`, 'Manage Workspace Trust')
      .then((b) => b && vscode.commands.executeCommand('workbench.trust.manage'));
    return undefined;
  }
  const known = store.statuses.map((s) => s.endpoint.name);
  void notifyError(`No health endpoint named "${quoted(name, 80)}".${known.length ? ` Known: ${quoted(known.join(', '))}.` : ' None is configured.'}`);
  return undefined;
}

/** Asks for a name and an http(s) URL (or takes `{ name, url }`); undefined when cancelled. */
export async function askNewEndpoint(store: HealthStore, arg: unknown): Promise<{ name: string; url: string } | undefined> {
  const taken = (name: string) => store.find(name) !== undefined || store.blocked.some((e) => e.name.toLowerCase() === name.toLowerCase());
  const checkName = (v: string) => (!v.trim() ? 'Enter a name, e.g. "Pose Generator API"' : taken(v.trim()) ? `An endpoint named "${v.trim()}" already exists` : undefined);
  if (arg && typeof arg === 'object' && typeof (arg as { name?: unknown }).name === 'string' && typeof (arg as { url?: unknown }).url === 'string') {
    const { name, url } = arg as { name: string; url: string };
    const problem = checkName(name) ?? validateUrl(url);
    if (problem) {
      void notifyError(`Cannot add the health endpoint: ${quoted(problem)}`);
      return undefined;
    }
    const added = `Add the health endpoint "${quoted(name.trim(), 80)}" to settings? Ops Lens will request ${quoted(url.trim())} every 30 seconds.`;
    if (!(await confirmChange(added, 'Add Endpoint'))) return undefined;
    return { name: name.trim(), url: url.trim() };
  }
  const name = await vscode.window.showInputBox({
    title: 'Add Health Endpoint (1/2): name',
    prompt: 'The name shown in the Health view',
    placeHolder: 'Pose Generator API',
    ignoreFocusOut: true,
    validateInput: checkName,
  });
  if (name === undefined) return undefined;
  const url = await vscode.window.showInputBox({
    title: `Add Health Endpoint (2/2): URL of ${name.trim()}`,
    prompt: 'An http or https URL; its JSON body is read when it has one',
    placeHolder: 'https://api.example.com/health',
    value: 'https://',
    valueSelection: [8, 8],
    ignoreFocusOut: true,
    validateInput: (v) => validateUrl(v),
  });
  if (url === undefined) return undefined;
  return { name: name.trim(), url: url.trim() };
}
