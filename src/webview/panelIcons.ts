import * as vscode from 'vscode';

/**
 * A panel's tab icon, drawn in each theme's own icon colour: a tab paints its icon as a background
 * image, where `currentColor` is black whatever the theme.
 */
export function panelIcon(extensionUri: vscode.Uri, kind: 'chart' | 'investigation' | 'graph'): { light: vscode.Uri; dark: vscode.Uri } {
  return {
    light: vscode.Uri.joinPath(extensionUri, 'media', 'panels', `${kind}-light.svg`),
    dark: vscode.Uri.joinPath(extensionUri, 'media', 'panels', `${kind}-dark.svg`),
  };
}
