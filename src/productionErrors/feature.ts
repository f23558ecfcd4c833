import type * as vscode from 'vscode';
import type { Services } from '../services';
import { refreshCommand, showAll, showOccurrences } from './commands';
import { MarkCache, createEditorParts, type EditorParts } from './editor';
import { ProductionErrorsModel } from './model';
import { ProductionErrorsStatus } from './statusBar';

export interface ProductionErrorsFeature {
  readonly model: ProductionErrorsModel;
  readonly editor: Pick<EditorParts, 'provideCodeLenses' | 'provideHover'>;
  readonly commands: {
    refresh(): Promise<void>;
    showOccurrences(arg: unknown): Promise<unknown>;
    showAll(): Promise<void>;
  };
}

/** Loaded with the first refresh or command (its own bundle): the model, the status bar item, Problems, CodeLens and hover. */
export function createProductionErrorsFeature(context: vscode.ExtensionContext, services: Services, lensChanged: vscode.EventEmitter<void>): ProductionErrorsFeature {
  const model = new ProductionErrorsModel(services);
  const editor = createEditorParts(model, new MarkCache(model), lensChanged);
  context.subscriptions.push(model, new ProductionErrorsStatus(model), ...editor.disposables);
  return {
    model,
    editor,
    commands: {
      refresh: () => refreshCommand(model),
      showOccurrences: (arg) => showOccurrences(model, arg),
      showAll: () => showAll(model),
    },
  };
}
