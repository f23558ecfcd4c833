import * as vscode from 'vscode';
import { MAX_SCANNED_FILE_BYTES } from '../core/text/limits';

/** A workspace file's text for scanning, or undefined when it cannot be read or is larger than the cap. */
export async function readScannedFile(uri: vscode.Uri, maxBytes = MAX_SCANNED_FILE_BYTES): Promise<string | undefined> {
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > maxBytes) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    return bytes.byteLength > maxBytes ? undefined : new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}
