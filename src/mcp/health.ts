import { readEndpointSettings } from '../core/health/settings';
import { HealthStore } from '../health/store';
import type { HealthSource } from '../agent/tools/types';

/**
 * The health endpoints of the workspace's `.vscode/settings.json`, checked on demand by the same store as the
 * Health view. The server holds no secrets: an endpoint whose headers use `${secret:NAME}` is never requested.
 * History lasts as long as the server runs.
 */
export function workspaceHealth(setting: (key: string) => Promise<unknown>, trusted = true): () => Promise<HealthSource> {
  const store = new HealthStore({ secret: async () => undefined });
  return async () => {
    // Untrusted (as VS Code starts the server in Restricted Mode): the endpoints are listed, never requested.
    store.update(readEndpointSettings([{ source: 'workspace', value: await setting('health.endpoints') }]), trusted);
    return store;
  };
}
