import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { TimeZone } from '../core/time/zone';
import { readTimeZone } from '../platform/timeZone';

/** Folders the chart page may load from: its bundle and the extension's media. */
export function chartResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function newNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The page's HTML: nothing but the bundle and the style sheets. `default-src 'none'`; scripts only
 * with this nonce; styles, fonts and images only from the webview's resource roots (PNG export uses
 * a data: URL of the page's own canvas). The data comes later, by message.
 */
export function chartHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string, title: string, bundle = 'chart', zone: TimeZone = readTimeZone()): string {
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'webview', `${bundle}.css`)}">
<link rel="stylesheet" href="${asset('media', 'chart.css')}">
<title>${escapeAttribute(title)}</title>
</head>
<body data-time-zone="${zone}">
<div id="app" aria-busy="true"></div>
<script nonce="${nonce}" src="${asset('dist', 'webview', `${bundle}.js`)}"></script>
</body>
</html>`;
}
