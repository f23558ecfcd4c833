import type { HostMessage, PageMessage, SavedPageState } from '../protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The page's side of the protocol: typed posts to the host, typed messages from it, saved state. */
export class Host {
  private readonly api = acquireVsCodeApi();

  post(message: PageMessage): void {
    this.api.postMessage(message);
  }

  save(state: SavedPageState): void {
    this.api.setState(state);
  }

  onMessage(handler: (message: HostMessage) => void): void {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') handler(data as HostMessage);
    });
  }
}
