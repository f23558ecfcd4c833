import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { findStackFrames, type Frame } from '../core/sourceLinks';
import { FrameResolver } from './frameResolver';
import { RESULTS_SCHEME, type ResultsDocuments } from './resultsDocuments';
import { untrustedMarkdown } from '../platform/textSinks';

const MAX_SNIPPET_FILE_BYTES = 2 * 1024 * 1024;

function target(path: string, frame: Frame): vscode.Uri {
  return vscode.Uri.file(path).with({ fragment: `L${frame.line}${frame.column ? `,${frame.column}` : ''}` });
}

/** Stack frames and file:line references in results documents link to the workspace's source. */
export function registerSourceLinks(results: ResultsDocuments): vscode.Disposable[] {
  return registerSourceLinksFor({ scheme: RESULTS_SCHEME }, (uri) => results.get(uri) !== undefined);
}

/** The same links in other documents of Ops Lens (those `owns` accepts). */
export function registerSourceLinksFor(selector: vscode.DocumentSelector, owns: (uri: vscode.Uri) => boolean): vscode.Disposable[] {
  const resolver = new FrameResolver();
  return [
    vscode.languages.registerDocumentLinkProvider(selector, {
      async provideDocumentLinks(document) {
        if (!owns(document.uri)) return [];
        const resolve = await resolver.resolver();
        const links: vscode.DocumentLink[] = [];
        for (const frame of findStackFrames(document.getText())) {
          const path = resolve(frame);
          if (!path) continue;
          const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(frame.start), document.positionAt(frame.end)), target(path, frame));
          link.tooltip = `Open ${vscode.workspace.asRelativePath(path)}:${frame.line}`;
          links.push(link);
        }
        return links;
      },
    }),
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, position) {
        const line = document.lineAt(position.line);
        const offset = document.offsetAt(position) - document.offsetAt(line.range.start);
        const frame = findStackFrames(line.text).find((f) => offset >= f.start && offset <= f.end);
        if (!frame) return undefined;
        const path = (await resolver.resolver())(frame);
        if (!path) return new vscode.Hover(untrustedMarkdown().appendText(`${frame.path}:${frame.line} is not in this workspace. Map its prefix with the opsLens.sourceMappings setting.`));
        const md = untrustedMarkdown();
        md.appendMarkdown(`[${vscode.workspace.asRelativePath(path)}:${frame.line}](${target(path, frame).toString()})\n\n`);
        try {
          // A snippet of a file that size is not worth reading it whole.
          if (fs.statSync(path).size > MAX_SNIPPET_FILE_BYTES) throw new Error('too large for a snippet');
          const source = fs.readFileSync(path, 'utf8').split(/\r?\n/);
          const from = Math.max(0, frame.line - 3);
          const snippet = source.slice(from, frame.line + 2).map((text, i) => `${String(from + i + 1).padStart(4)}${from + i + 1 === frame.line ? '>' : ' '} ${text}`).join('\n');
          md.appendCodeblock(snippet, 'text');
        } catch {
          // The link alone still helps.
        }
        return new vscode.Hover(md, new vscode.Range(position.line, frame.start, position.line, frame.end));
      },
    }),
  ];
}
