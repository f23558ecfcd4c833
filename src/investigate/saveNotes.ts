import * as vscode from 'vscode';
import { readTimeZone } from '../platform/timeZone';
import { notesFileName, notesMarkdown } from '../core/investigate/notes';
import { notifyInfo } from '../platform/notify';
import { showError } from '../platform/errors';
import type { Gathered } from './gather';
import type { InvestigationPanel } from './panel';

/** Saves a complete investigation as Markdown where the user chooses, then opens it. */
export async function saveNotes(gathered: Gathered | undefined, view: InvestigationPanel): Promise<void> {
  const parts = gathered?.parts;
  const alarm = parts?.data('alarm')[0];
  if (!parts || !alarm) {
    void notifyInfo('The investigation is still gathering; save the notes once it is complete.');
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = notesFileName(alarm.name, alarm.moment.at);
  // Writing asks where (and so confirms): nothing is written without the user's choice.
  const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters: { Markdown: ['md'] }, saveLabel: 'Save Incident Notes', title: 'Save the investigation as Markdown' });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(notesMarkdown(parts, Date.now(), readTimeZone())));
    view.saved(true, `Saved ${vscode.workspace.asRelativePath(target)}`);
    await vscode.window.showTextDocument(target, { preview: false });
  } catch (err) {
    view.saved(false, err instanceof Error ? err.message : String(err));
    await showError(err, 'Could not save the incident notes');
  }
}
