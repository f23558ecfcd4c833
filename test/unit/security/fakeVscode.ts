import Module from 'node:module';

/**
 * The few parts of the `vscode` module that AutoRefresh and the chart panel touch, as plain objects
 * a test can drive: a webview that throws "Webview is disposed" once its panel is closed, as VS
 * Code's does, a tree view, settings and events. Installed before those modules are required.
 */
type Listener = (e: unknown) => void;

export class FakeEvent {
  private readonly listeners = new Set<Listener>();
  readonly event = (listener: Listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(e?: unknown): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class FakePanel {
  disposed = false;
  readonly posted: unknown[] = [];
  readonly received = new FakeEvent();
  readonly closed = new FakeEvent();
  title = '';
  iconPath: unknown;
  visible = true;
  readonly webview = {
    html: '',
    options: {},
    cspSource: 'vscode-resource:',
    asWebviewUri: (uri: { path: string }) => ({ toString: () => `vscode-resource:${uri.path}` }),
    onDidReceiveMessage: this.received.event,
    postMessage: (message: unknown): Promise<boolean> => {
      if (this.disposed) throw new Error('Webview is disposed');
      this.posted.push(message);
      return Promise.resolve(true);
    },
  };
  readonly onDidDispose = this.closed.event;
  readonly onDidChangeViewState = new FakeEvent().event;
  reveal(): void {}
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.closed.fire();
  }
}

export const fake = {
  panels: [] as FakePanel[],
  settings: new Map<string, unknown>([['refreshIntervalSeconds', 5]]),
  windowState: { focused: true },
};

const uri = (path: string) => ({ path, fsPath: path, toString: () => path });

export const vscodeFake = {
  Uri: { joinPath: (base: { path: string }, ...parts: string[]) => uri([base.path, ...parts].join('/')), file: uri, parse: uri },
  ViewColumn: { Active: -1 },
  EventEmitter: FakeEvent,
  Disposable: class {
    constructor(private readonly fn: () => void) {}
    static from(...all: { dispose(): unknown }[]) {
      return { dispose: () => all.forEach((d) => d.dispose()) };
    }
    dispose() {
      this.fn();
    }
  },
  window: {
    get state() {
      return fake.windowState;
    },
    onDidChangeWindowState: new FakeEvent().event,
    onDidChangeActiveColorTheme: new FakeEvent().event,
    activeColorTheme: { kind: 2 },
    createWebviewPanel: () => {
      const panel = new FakePanel();
      fake.panels.push(panel);
      return panel;
    },
  },
  workspace: {
    getConfiguration: () => ({ get: (key: string, fallback?: unknown) => (fake.settings.has(key) ? fake.settings.get(key) : fallback) }),
    onDidChangeConfiguration: new FakeEvent().event,
    workspaceFolders: [],
  },
  commands: { executeCommand: async () => undefined, getCommands: async () => [] },
  env: { openExternal: async () => true },
  ColorThemeKind: { Light: 1, Dark: 2, HighContrast: 3, HighContrastLight: 4 },
};

let installed = false;

export function installVscodeFake(): void {
  if (installed) return;
  installed = true;
  const modules = Module as unknown as { _resolveFilename: (...args: unknown[]) => string };
  const resolve = modules._resolveFilename;
  modules._resolveFilename = function (request: unknown, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeFake } as unknown as NodeJS.Module;
}
