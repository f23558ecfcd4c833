import * as vscode from 'vscode';
import { registerSourceLinksFor } from '../../insights/sourceLinks';
import type { Services } from '../../services';
import { accountHeader } from '../../session/accountLabels';
import { TailDocuments } from './documents';
import { TAIL_SCHEME } from './scheme';
import { TailStatusBar } from './statusBar';

/** The Live Tail documents with their status bar item and source links: a bundle of their own, loaded with the first tail. */
export function createTailParts(services: Pick<Services, 'logs' | 'accounts'>, bufferEvents: () => number, changed: vscode.EventEmitter<vscode.Uri>): { documents: TailDocuments; parts: vscode.Disposable[] } {
  const documents = new TailDocuments(services.logs, bufferEvents, changed, accountHeader(services.accounts));
  return { documents, parts: [documents, new TailStatusBar(documents), ...registerSourceLinksFor({ scheme: TAIL_SCHEME }, (uri) => documents.session(uri) !== undefined)] };
}
