import * as vscode from 'vscode';
import type { StepFunctionsApi } from '../aws/services/stepFunctions';
import { AwsUserError } from '../aws/errors';
import { showError } from '../platform/errors';
import { defaultExecutionName, executionNameProblem } from '../core/stepFunctions/executionName';
import { validateExecutionInput } from '../core/stepFunctions/input';
import type { StateMachine } from './store';
import { confirmChange, notifyError, notifyInfo } from '../platform/notify';
import { quoted } from '../core/text/notification';
import { showPick } from '../platform/textSinks';

export interface StartRequest {
  readonly name?: string;
  readonly input?: string;
}

/** Asks for the name and the input (an untitled JSON editor or a workspace file); undefined when cancelled. */
async function askInput(machine: StateMachine, diagnostics: vscode.DiagnosticCollection): Promise<string | undefined> {
  const choice = await showPick([
    { label: 'Write the input in a new JSON editor', iconPath: new vscode.ThemeIcon('edit'), id: 'editor' },
    { label: 'Use a JSON file from the workspace…', iconPath: new vscode.ThemeIcon('file'), id: 'file' },
    { label: 'No input ({})', iconPath: new vscode.ThemeIcon('circle-slash'), id: 'empty' },
  ], { title: `Input for ${machine.name}` });
  if (!choice) return undefined;
  if (choice.id === 'empty') return '{}';
  if (choice.id === 'file') {
    const files = await vscode.workspace.findFiles('**/*.json', '{**/node_modules/**,**/.vscode/**}', 500);
    const picked = await showPick(files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), { title: 'Execution input file' });
    if (!picked) return undefined;
    const document = await vscode.workspace.openTextDocument(picked.uri);
    return checkedInput(document, diagnostics);
  }
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: '{\n  \n}\n' });
  await vscode.window.showTextDocument(document);
  for (;;) {
    const go = await notifyInfo(`Edit the input of the new ${machine.name} execution in the editor, then start it.`, 'Start Execution', 'Cancel');
    if (go !== 'Start Execution') return undefined;
    const input = checkedInput(document, diagnostics);
    if (input !== undefined) return input;
  }
}

function checkedInput(document: vscode.TextDocument, diagnostics: vscode.DiagnosticCollection): string | undefined {
  const text = document.getText();
  const problem = validateExecutionInput(text);
  if (!problem) {
    diagnostics.delete(document.uri);
    return text;
  }
  const position = new vscode.Position(problem.line, problem.column);
  const range = document.getWordRangeAtPosition(position) ?? new vscode.Range(position, position.translate(0, 1));
  diagnostics.set(document.uri, [new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error)]);
  void notifyError(`Not started: ${problem.message} (line ${problem.line + 1}, column ${problem.column + 1}). Nothing was sent.`);
  return undefined;
}

/** Starts an execution; returns its ARN. A name already in use offers another name. */
export async function startExecution(api: StepFunctionsApi, machine: StateMachine, request: StartRequest, diagnostics: vscode.DiagnosticCollection): Promise<string | undefined> {
  const asked = request.name ?? (await vscode.window.showInputBox({
    title: `Start ${machine.name}`,
    prompt: 'Execution name (unique for 90 days)',
    value: defaultExecutionName(new Date()),
    validateInput: executionNameProblem,
  }));
  if (asked === undefined) return undefined;
  let name: string = asked;
  const nameProblem = executionNameProblem(name);
  if (nameProblem) {
    void notifyError(`Not started: ${nameProblem}`);
    return undefined;
  }
  let input = request.input;
  if (input !== undefined) {
    const problem = validateExecutionInput(input);
    if (problem) {
      void notifyError(`Not started: ${problem.message}. Nothing was sent.`);
      return undefined;
    }
    if (!(await confirmChange(`Start execution ${name} of ${machine.name} with the input it was given?`, 'Start Execution', quoted(input, 500)))) return undefined;
  } else {
    input = await askInput(machine, diagnostics);
    if (input === undefined) return undefined;
  }
  for (;;) {
    try {
      const { executionArn } = await api.start(machine.region, machine.arn, name, input);
      return executionArn;
    } catch (err) {
      if (err instanceof AwsUserError && err.code === 'ExecutionAlreadyExists') {
        const other: string = `${name.slice(0, 72)}-${Math.floor(Math.random() * 0xffff).toString(16)}`;
        const retry = await notifyError(`An execution named "${name}" already exists for ${machine.name}. Names must be unique for 90 days; try "${other}".`, `Start as ${other}`);
        if (!retry) return undefined;
        name = other;
        continue;
      }
      await showError(err, `Could not start ${machine.name}`);
      return undefined;
    }
  }
}
