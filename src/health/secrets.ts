import * as vscode from 'vscode';
import { Emitter } from '../core/emitter';
import { Disposable } from '../platform/disposable';
import { decodeSecret, encodeSecret, originOf, type StoredSecret } from '../core/health/secrets';
import { quoted } from '../core/text/notification';
import { confirmChange, notifyError } from '../platform/notify';
import { showPick } from '../platform/textSinks';

const PREFIX = 'opsLens.health.secret.';

export const SECRET_NAME = /^[\w.-]+$/;

/** Health secrets in VS Code's SecretStorage, by the name `${secret:NAME}` uses. Values are never logged. */
export class HealthSecrets extends Disposable {
  private readonly changed = this.register(new Emitter<string>());
  /** A secret was stored or deleted (in this window or another). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: vscode.SecretStorage) {
    super();
    this.register(storage.onDidChange((e) => e.key.startsWith(PREFIX) && this.changed.fire(e.key.slice(PREFIX.length))));
  }

  async get(name: string): Promise<StoredSecret | undefined> {
    const stored = await this.storage.get(PREFIX + name);
    return stored === undefined ? undefined : decodeSecret(stored);
  }

  /** Stores the value for the origins it may be sent to. */
  async set(name: string, value: string, origins: readonly string[]): Promise<void> {
    await this.storage.store(PREFIX + name, encodeSecret({ value, origins }));
  }

  async delete(name: string): Promise<void> {
    await this.storage.delete(PREFIX + name);
  }
}

/**
 * Asks for the secret's name (offering the names the endpoints use) and its value in a password box,
 * then stores it for the origins of the endpoints that use it (asked for when none does yet). An empty
 * value deletes the secret. A value passed as an argument is stored only once the user confirms.
 * Returns the name, or undefined when cancelled.
 */
export async function promptAndStoreSecret(secrets: HealthSecrets, referenced: readonly string[], originsOf: (name: string) => string[], arg?: unknown, valueArg?: unknown): Promise<{ name: string; deleted: boolean } | undefined> {
  let name: string | undefined;
  if (typeof arg === 'string') name = arg.trim();
  else if (arg && typeof arg === 'object') {
    // A missing-secret tree item ({ secret }) or an endpoint item whose secret is missing.
    const node = arg as { secret?: unknown; status?: { missingSecrets?: readonly unknown[] } };
    const candidate = node.secret ?? node.status?.missingSecrets?.[0];
    if (typeof candidate === 'string') name = candidate;
  }
  if (name && !SECRET_NAME.test(name)) {
    void notifyError(`"${quoted(name, 80)}" is not a valid secret name: use letters, digits, "_", "-" and ".".`);
    return undefined;
  }
  if (!name && referenced.length) {
    const other = 'Another name…';
    const items = await Promise.all(referenced.map(async (n) => ({ label: n, description: (await secrets.get(n)) === undefined ? 'not set' : 'set — enter a new value to replace it' })));
    const picked = await showPick([...items, { label: other, description: '', iconPath: new vscode.ThemeIcon('edit') }], { title: 'Set Health Secret', placeHolder: 'Which secret? Headers use it as ${secret:NAME}' });
    if (!picked) return undefined;
    if (picked.label !== other) name = picked.label;
  }
  if (!name) {
    name = (await vscode.window.showInputBox({
      title: 'Set Health Secret (1/2): name',
      prompt: 'Reference it in a header of opsLens.health.endpoints as ${secret:NAME}, e.g. "Authorization": "Bearer ${secret:API_TOKEN}"',
      placeHolder: 'API_TOKEN',
      ignoreFocusOut: true,
      validateInput: (v) => (SECRET_NAME.test(v.trim()) ? undefined : 'Letters, digits, "_", "-" and "." only'),
    }))?.trim();
    if (!name) return undefined;
  }
  let origins = originsOf(name);
  if (typeof valueArg === 'string') {
    const change = valueArg === '' ? `Delete the health secret ${name}?` : `Store a new value for the health secret ${name}?`;
    const detail = valueArg === '' ? 'Endpoints that use it are not requested until it is set again.' : `It will be sent only to ${origins.join(', ') || 'the endpoint you name next'}. The value comes from the command's arguments, not from you.`;
    if (!(await confirmChange(quoted(change), valueArg === '' ? 'Delete' : 'Store', detail))) return undefined;
  }
  if (!origins.length && valueArg !== '') {
    const url = await vscode.window.showInputBox({
      title: `Set Health Secret: where ${name} may be sent`,
      prompt: 'The URL of the health endpoint that uses it; the secret is sent only to that origin',
      placeHolder: 'https://api.example.com/health',
      ignoreFocusOut: true,
      validateInput: (v) => (/^https?:\/\//i.test(v.trim()) && originOf(v.trim()) ? undefined : 'An http or https URL'),
    });
    const origin = url === undefined ? undefined : originOf(url.trim());
    if (!origin) return undefined;
    origins = [origin];
  }
  const value = typeof valueArg === 'string' ? valueArg : await vscode.window.showInputBox({
    title: `Set Health Secret (2/2): value of ${name}`,
    prompt: `Stored in VS Code's secret storage, never in settings files, and sent only to ${origins.join(', ')}. Leave empty to delete the secret.`,
    password: true,
    ignoreFocusOut: true,
  });
  if (value === undefined) return undefined;
  if (value === '') {
    await secrets.delete(name);
    return { name, deleted: true };
  }
  await secrets.set(name, value, origins);
  return { name, deleted: false };
}
