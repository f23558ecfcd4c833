import * as vscode from 'vscode';

/** One icon per meaning across the views: a region (or account) whose read failed, and a healthy or OK item. */
export const REGION_FAILED_ICON = 'debug-disconnect';
export const HEALTHY_ICON = 'pass';

/** A region root: the globe, or the failed-region icon in the warning color. */
export function regionIcon(failed: boolean): vscode.ThemeIcon {
  return failed ? new vscode.ThemeIcon(REGION_FAILED_ICON, new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('globe');
}
