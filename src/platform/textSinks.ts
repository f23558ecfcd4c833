import * as vscode from 'vscode';
import { plainLabel, type Label } from '../core/text/label';

/**
 * The only way Ops Lens puts text where VS Code renders links or icons: progress titles and messages,
 * quick picks, status bar items, CodeLens titles and markdown tooltips. Outside text from AWS, logs or a
 * workspace passes through `plainLabel` here, so it can neither form a `command:` link nor show a
 * `$(icon)`, carry control or bidi characters, or run long (notifications are in notify.ts).
 */

const MAX_TITLE_LENGTH = 300;

type Report = vscode.Progress<{ message?: string; increment?: number }>;
type Task<T> = (progress: Report, token: vscode.CancellationToken) => Thenable<T>;

function withProgress<T>(location: vscode.ProgressLocation, title: string, task: Task<T>, cancellable: boolean): Thenable<T> {
  return vscode.window.withProgress({ location, title: plainLabel(title, MAX_TITLE_LENGTH), cancellable }, (progress, token) =>
    task({ report: ({ message, increment }) => progress.report({ message: message === undefined ? undefined : plainLabel(message, MAX_TITLE_LENGTH), increment }) }, token),
  );
}

/** A progress notification; its title and every reported message are made plain. */
export function withNotificationProgress<T>(title: string, task: Task<T>, options: { cancellable?: boolean } = {}): Thenable<T> {
  return withProgress(vscode.ProgressLocation.Notification, title, task, options.cancellable ?? false);
}

/** Progress in the status bar; its title and every reported message are made plain. */
export function withWindowProgress<T>(title: string, task: Task<T>): Thenable<T> {
  return withProgress(vscode.ProgressLocation.Window, title, task, false);
}

/** Progress on a view's title bar, which shows no text. */
export function withViewProgress<T>(viewId: string, task: () => Thenable<T>): Thenable<T> {
  return vscode.window.withProgress({ location: { viewId } }, task);
}

function plainItem<T extends vscode.QuickPickItem>(item: T): T {
  if (item.kind === vscode.QuickPickItemKind.Separator) return { ...item, label: plainLabel(item.label) };
  return {
    ...item,
    label: plainLabel(item.label),
    description: item.description === undefined ? undefined : plainLabel(item.description),
    detail: item.detail === undefined ? undefined : plainLabel(item.detail, 2 * MAX_TITLE_LENGTH),
  };
}

/** Quick pick items with plain label, description and detail; give own icons as `iconPath`. */
export function plainPickItems<T extends vscode.QuickPickItem>(items: readonly T[]): T[] {
  return items.map(plainItem);
}

function plainOptions(options: vscode.QuickPickOptions): vscode.QuickPickOptions {
  return { ...options, title: options.title === undefined ? undefined : plainLabel(options.title, MAX_TITLE_LENGTH), placeHolder: options.placeHolder === undefined ? undefined : plainLabel(options.placeHolder, MAX_TITLE_LENGTH) };
}

/** What a step of a multi-step pick returns when the person presses Back. */
export const BACK = Symbol('back');

/** Where a pick stands in a flow of several: "2/3" in its title bar, and a Back button after the first. */
export interface PickStep {
  readonly step: number;
  readonly totalSteps: number;
}

/**
 * A quick pick of plain items. With several to pick, Enter with nothing ticked takes the highlighted item
 * (it never accepts an empty choice silently). Resolves to the picked items, BACK, or undefined when dismissed.
 */
function runPick<T extends vscode.QuickPickItem>(shown: readonly T[], options: vscode.QuickPickOptions, step?: PickStep): Promise<readonly T[] | typeof BACK | undefined> {
  const plain = plainOptions(options);
  const pick = vscode.window.createQuickPick<T>();
  pick.title = plain.title;
  pick.placeholder = plain.placeHolder;
  pick.canSelectMany = !!options.canPickMany;
  pick.matchOnDescription = !!options.matchOnDescription;
  pick.matchOnDetail = !!options.matchOnDetail;
  pick.ignoreFocusOut = !!options.ignoreFocusOut;
  pick.items = shown;
  if (options.canPickMany) pick.selectedItems = shown.filter((i) => i.picked);
  if (step) {
    pick.step = step.step;
    pick.totalSteps = step.totalSteps;
    if (step.step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
  }
  return new Promise<readonly T[] | typeof BACK | undefined>((resolve) => {
    pick.onDidAccept(() => {
      const chosen = pick.canSelectMany && pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems.slice(0, 1);
      if (chosen.length === 0) return;
      resolve(chosen);
      pick.hide();
    });
    pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && resolve(BACK));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  }).finally(() => pick.dispose());
}

/**
 * A quick pick with every item, the title and the placeholder made plain. Returns the caller's own
 * item objects, so a picked label is the original text (a metric name stays the name AWS knows).
 */
export async function showPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & { canPickMany: true }): Promise<T[] | undefined>;
export async function showPick<T extends vscode.QuickPickItem>(items: readonly T[], options?: vscode.QuickPickOptions): Promise<T | undefined>;
export async function showPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions = {}): Promise<T | T[] | undefined> {
  const shown = plainPickItems(items);
  const original = (picked: T) => items[shown.indexOf(picked)];
  if (options.canPickMany) {
    const picked = await runPick(shown, options);
    return picked === undefined || picked === BACK ? undefined : picked.map(original);
  }
  const picked: unknown = await vscode.window.showQuickPick(shown, plainOptions(options));
  if (picked === undefined) return undefined;
  return Array.isArray(picked) ? picked.map(original) : original(picked as T);
}

/** One step of a multi-step pick: the picked item(s), BACK, or undefined when dismissed. */
export async function showStepPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions, step: PickStep): Promise<T[] | typeof BACK | undefined> {
  const shown = plainPickItems(items);
  const picked = await runPick(shown, options, step);
  return picked === undefined || picked === BACK ? picked : picked.map((p) => items[shown.indexOf(p)]);
}

/** A CodeLens whose title is a {@link Label}; its tooltip is made plain. */
export function codeLens(range: vscode.Range, title: Label, command: Omit<vscode.Command, 'title'>): vscode.CodeLens {
  return new vscode.CodeLens(range, { ...command, title, tooltip: command.tooltip === undefined ? undefined : plainLabel(command.tooltip, MAX_TITLE_LENGTH) });
}

/** A status bar item whose text and string tooltip can only be {@link Label}s. */
export type LabelledStatusBarItem = Omit<vscode.StatusBarItem, 'text' | 'tooltip' | 'show'> & {
  show(text: Label, tooltip?: Label | vscode.MarkdownString): void;
};

export function createStatusBar(id: string, alignment: vscode.StatusBarAlignment, priority: number): LabelledStatusBarItem {
  const item = vscode.window.createStatusBarItem(id, alignment, priority);
  const show = item.show.bind(item);
  return Object.assign(item, {
    show(text: Label, tooltip?: Label | vscode.MarkdownString) {
      item.text = text;
      item.tooltip = tooltip;
      show();
    },
  });
}

/** Markdown for a hover or tooltip: not trusted, no icons, no HTML. Add outside text with `appendText` only. */
export function untrustedMarkdown(): vscode.MarkdownString {
  return new vscode.MarkdownString();
}

/**
 * Markdown whose own links may run exactly `enabledCommands`, and which renders the extension's own
 * `$(icon)`s; outside text goes in with `appendText`, which escapes both.
 */
export function commandMarkdown(enabledCommands: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [...enabledCommands] };
  return md;
}
