import * as vscode from 'vscode';
import { compileFilterPattern } from '../core/logs';

/** Asks for a filter pattern; a pattern Ops Lens does not understand is a warning, never a refusal. */
export async function askFilterPattern(title: string, value = ''): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    value,
    prompt: 'A CloudWatch Logs filter pattern: ERROR, "exact phrase", ?ERROR ?WARN, ERROR -healthcheck, { $.level = "ERROR" }, [ip, user, ..., status = 5*]. Empty for every event.',
    validateInput: (v) => {
      const warning = compileFilterPattern(v).warning;
      return warning ? { message: warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    },
  });
  return typed === undefined ? undefined : typed.trim();
}
