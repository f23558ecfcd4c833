import * as vscode from 'vscode';
import type { Services } from '../services';
import type * as Feature from './feature';

/** Files that may define infrastructure: CDK apps, templates, Terraform, Serverless services. */
const SELECTOR: vscode.DocumentSelector = { scheme: 'file', pattern: '**/*.{ts,py,tf,yml,yaml,json}' };
/** What a file must mention before the feature loads for it. */
const MAY_DEFINE = /aws-cdk-lib|@aws-cdk\/|aws_cdk|AWS::[A-Za-z]+::|resource\s+"aws_|^functions:/m;

/**
 * Go to Definition in Infrastructure Code and the live-state CodeLens. The index, its parsing thread and
 * the live reads load with the first command or the first file that may define infrastructure.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const lensesChanged = new vscode.EventEmitter<void>();
  let feature: Feature.InfraCodeFeature | undefined;
  const load = (): Feature.InfraCodeFeature => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    feature ??= (require('./feature') as typeof Feature).createInfraCodeFeature(context, services, () => lensesChanged.fire());
    return feature;
  };
  context.subscriptions.push(
    lensesChanged,
    vscode.commands.registerCommand('opsLens.goToDefinition', (arg?: unknown) => load().goToDefinition(arg)),
    vscode.commands.registerCommand('opsLens.infraCode.locate', (arg?: unknown) => load().locate(arg)),
    vscode.languages.registerCodeLensProvider(SELECTOR, {
      onDidChangeCodeLenses: lensesChanged.event,
      provideCodeLenses: (document, token) => (MAY_DEFINE.test(document.getText()) ? load().lens.provideCodeLenses(document, token) : []),
    }),
    services.refresh.add(() => feature?.refresh()),
  );
}

