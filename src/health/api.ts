import type * as vscode from 'vscode';
import { originsOf } from './commands';
import type { HealthSecrets } from './secrets';
import { appendEndpoint } from './settingsReader';
import type { HealthStore } from './store';

/**
 * What code in the extension host (other extensions, the extension-host tests) may call directly:
 * the same changes as the commands, without their prompts. Links can reach commands, never this.
 */
export interface HealthApi {
  readonly store: HealthStore;
  addEndpoint(entry: { name: string; url: string }): Promise<vscode.ConfigurationTarget>;
  /** Stores the secret for the origins of the endpoints using it (or those given); '' deletes it. */
  setSecret(name: string, value: string, origins?: readonly string[]): Promise<void>;
}

export function createHealthApi(store: HealthStore, secrets: HealthSecrets): HealthApi {
  return {
    store,
    addEndpoint: (entry) => appendEndpoint(entry),
    setSecret: (name, value, origins) => (value === '' ? secrets.delete(name) : secrets.set(name, value, origins ?? originsOf(store, name))),
  };
}
