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

export interface ShownMessage {
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly options: { modal?: boolean; detail?: string };
  readonly items: string[];
}

export const fake = {
  panels: [] as FakePanel[],
  /** User settings (keys without `opsLens.`). */
  settings: new Map<string, unknown>([['refreshIntervalSeconds', 5]]),
  /** The workspace's own settings layer, over the user's. */
  workspaceSettings: new Map<string, unknown>(),
  /** Workspace Trust: false plays Restricted Mode. */
  trusted: true,
  windowState: { focused: true },
  /** Every notification and dialog shown; `answer` picks the button clicked (undefined: dismissed). */
  shown: [] as ShownMessage[],
  answer: undefined as string | undefined,
  written: [] as { path: string; bytes: Uint8Array }[],
  /** Text typed into terminals (`sendText`), and whether Enter was pressed with it. */
  typed: [] as { text: string; enter: boolean }[],
  clipboard: '',
  /** Every progress shown (title and reported messages), and every quick pick (items as shown). */
  progress: [] as { location: unknown; title?: string; messages: string[] }[],
  picks: [] as { items: { label: string; description?: string; detail?: string }[]; title?: string }[],
  /** Which shown item the person picks (undefined: dismissed). */
  pick: undefined as ((items: readonly { label: string }[]) => unknown) | undefined,
  /** Every input box shown; `entered` is what the person enters in it (undefined: Escape). */
  inputBoxes: [] as { title?: string; prompt?: string; validateInput?: (value: string) => string | undefined }[],
  entered: undefined as string | undefined,
};

const uri = (text: string) => {
  const m = /^([a-z][\w+.-]*):(.*)$/i.exec(text);
  const path = m ? m[2] : text;
  return { scheme: m ? m[1] : 'file', path, fsPath: path, toString: () => text };
};

function show(severity: ShownMessage['severity']) {
  return async (message: string, ...rest: unknown[]) => {
    const options = (typeof rest[0] === 'object' && rest[0] !== null ? rest.shift() : {}) as ShownMessage['options'];
    fake.shown.push({ severity, message, options, items: rest as string[] });
    return fake.answer;
  };
}

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
    showInformationMessage: show('info'),
    showWarningMessage: show('warning'),
    showErrorMessage: show('error'),
    showInputBox: async (options: (typeof fake.inputBoxes)[number]) => {
      fake.inputBoxes.push(options);
      return fake.entered;
    },
    showQuickPick: async (items: { label: string }[], options: { title?: string } = {}) => {
      fake.picks.push({ items, title: options.title });
      return fake.pick?.(items);
    },
    // The same choices as showQuickPick: `fake.pick` answers, its item (or items) are accepted at once.
    createQuickPick: () => {
      const accept = new FakeEvent();
      const hide = new FakeEvent();
      const button = new FakeEvent();
      const pick = {
        title: undefined as string | undefined, placeholder: undefined as string | undefined, items: [] as { label: string }[], selectedItems: [] as unknown[], activeItems: [] as unknown[],
        canSelectMany: false, matchOnDescription: false, matchOnDetail: false, ignoreFocusOut: false, buttons: [] as unknown[], step: undefined as number | undefined, totalSteps: undefined as number | undefined,
        onDidAccept: accept.event, onDidHide: hide.event, onDidTriggerButton: button.event,
        show() {
          fake.picks.push({ items: pick.items, title: pick.title });
          const chosen = fake.pick?.(pick.items);
          if (chosen === undefined) return hide.fire();
          const list = Array.isArray(chosen) ? chosen : [chosen];
          if (pick.canSelectMany) pick.selectedItems = list;
          pick.activeItems = list.slice(0, 1);
          accept.fire();
        },
        hide: () => hide.fire(),
        dispose: () => undefined,
      };
      return pick;
    },
    withProgress: async (options: { location: unknown; title?: string }, task: (progress: unknown, token: unknown) => Promise<unknown>) => {
      const shown = { location: options.location, title: options.title, messages: [] as string[] };
      fake.progress.push(shown);
      const progress = { report: (r: { message?: string }) => r.message !== undefined && shown.messages.push(r.message) };
      return task(progress, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) });
    },
    showTextDocument: async () => undefined,
    activeTextEditor: undefined,
    createTerminal: () => ({ show: () => undefined, sendText: (text: string, enter = true) => void fake.typed.push({ text, enter }) }),
    createWebviewPanel: () => {
      const panel = new FakePanel();
      fake.panels.push(panel);
      return panel;
    },
  },
  workspace: {
    // Like VS Code's, but `get` does not hide restricted workspace values: only Ops Lens's own reading does.
    getConfiguration: () => ({
      get: (key: string, fallback?: unknown) => (fake.workspaceSettings.has(key) ? fake.workspaceSettings.get(key) : fake.settings.has(key) ? fake.settings.get(key) : fallback),
      inspect: (key: string) => ({ key, globalValue: fake.settings.get(key), workspaceValue: fake.workspaceSettings.get(key) }),
    }),
    get isTrusted() {
      return fake.trusted;
    },
    onDidChangeConfiguration: new FakeEvent().event,
    workspaceFolders: [],
    findFiles: async () => [],
    asRelativePath: (target: { path: string }) => target.path,
    fs: {
      writeFile: async (target: { path: string }, bytes: Uint8Array) => {
        fake.written.push({ path: target.path, bytes });
      },
    },
  },
  commands: { executeCommand: async () => undefined, getCommands: async () => [] },
  env: {
    openExternal: async () => true,
    clipboard: {
      writeText: async (text: string) => {
        fake.clipboard = text;
      },
    },
  },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  QuickInputButtons: { Back: { iconPath: 'back' } },
  ThemeIcon: class {
    constructor(readonly id: string) {}
  },
  CodeLens: class {
    constructor(readonly range: unknown, readonly command: { title: string; tooltip?: string }) {}
  },
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
