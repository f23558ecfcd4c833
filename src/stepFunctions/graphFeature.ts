// The execution graph: opens a panel per execution or state machine, loads what it shows, and opens
// the child executions and Map runs it links to. Loaded on the first Show Execution Graph.
import * as vscode from 'vscode';
import type { StepFunctionsApi } from '../aws/services/stepFunctions';
import { accountBadge, type AccountMarking } from '../core/accounts/markings';
import type { ScopeId } from '../core/scope';
import { STATUS_LABEL, executionStatus } from '../core/stepFunctions/model';
import { quoted } from '../core/text/notification';
import { Disposable } from '../platform/disposable';
import { describeError } from '../platform/errors';
import { notifyInfo } from '../platform/notify';
import { showPick, withWindowProgress } from '../platform/textSinks';
import { loadGraph, type GraphTarget, type LoadedGraph } from './graphLoader';
import { GraphPanel, type GraphDrawReport } from './graphPanel';
import { ActivePanels } from '../webview/activePanel';
import { readTimeZone } from '../platform/timeZone';

export interface GraphFeatureDeps {
  readonly extensionUri: vscode.Uri;
  readonly api: StepFunctionsApi;
  readonly scopeOf: (arn: string) => Promise<ScopeId>;
  readonly marking: (scope: ScopeId) => AccountMarking | undefined;
  readonly log: vscode.LogOutputChannel;
}

/** Set while the graph in front is an execution's (its details can be opened), not a definition's. */
const HAS_EXECUTION_KEY = 'opsLens.stepFunctions.graphHasExecution';

/** How many of a Map run's child executions are offered to pick from. */
const MAP_RUN_PICK_SIZE = 100;

export class GraphFeature extends Disposable {
  private readonly open = new Map<string, { graph: GraphPanel; links: ReadonlySet<string> }>();
  private readonly front = new ActivePanels<{ target: GraphTarget; graph: GraphPanel }>();
  private readonly drawn = new vscode.EventEmitter<GraphDrawReport>();
  /** Each graph a page drew, with the time it took. */
  readonly onDidDraw = this.drawn.event;

  constructor(private readonly deps: GraphFeatureDeps) {
    super();
    this.register(this.drawn);
    this.register({ dispose: () => [...this.open.values()].forEach((o) => o.graph.panel.dispose()) });
  }

  /** Opens (or reveals and reloads) the graph of an execution or a state machine. */
  async show(target: GraphTarget): Promise<void> {
    const existing = this.open.get(target.arn);
    if (existing) {
      existing.graph.panel.reveal();
      await this.load(target, existing.graph);
      return;
    }
    const panel = GraphPanel.create(this.deps.extensionUri, `Graph: ${target.arn.split(':').pop() ?? ''}`);
    const graph = new GraphPanel(panel, this.deps.extensionUri, async (message) => {
      if (message.type === 'open') await this.openLinked(target.arn, message.arn);
    }, this.deps.log);
    graph.onDidDraw((report) => this.drawn.fire(report));
    this.open.set(target.arn, { graph, links: new Set() });
    const tracked = this.front.track(panel, { target, graph }, () => ({ [HAS_EXECUTION_KEY]: target.kind === 'execution' }));
    panel.onDidDispose(() => {
      tracked.dispose();
      this.open.delete(target.arn);
      graph.dispose();
    });
    await this.load(target, graph);
  }

  /** Reads the graph in front again (its title bar's Refresh). */
  async refreshActive(): Promise<void> {
    const front = this.front.active;
    if (front) await this.load(front.target, front.graph);
  }

  /** The execution details of the graph in front (its title bar's button, shown for an execution's graph). */
  async showActiveDetails(): Promise<void> {
    const front = this.front.active;
    if (front?.target.kind === 'execution') await vscode.commands.executeCommand('opsLens.stepFunctions.showExecution', front.target.arn);
  }

  /** A Map run's child executions: the one there is, or the one picked (failed ones first). */
  async openMapRun(mapRunArn: string): Promise<void> {
    const scope = await this.deps.scopeOf(mapRunArn);
    const page = await withWindowProgress('Listing the Map run\'s executions…', () => this.deps.api.executions(scope, '', { mapRunArn, pageSize: MAP_RUN_PICK_SIZE }));
    const rank = (status: string | undefined) => (status === 'FAILED' || status === 'TIMED_OUT' || status === 'ABORTED' ? 0 : 1);
    const executions = [...page.executions].filter((e) => e.executionArn).sort((a, b) => rank(a.status) - rank(b.status));
    if (executions.length === 0) {
      void notifyInfo('This Map run has no child executions yet.');
      return;
    }
    const picked = executions.length === 1 ? executions[0] : (await showPick(
      executions.map((e) => ({ label: e.name ?? '', description: STATUS_LABEL[executionStatus(e.status)], execution: e })),
      { title: `Which of the Map run's executions?${page.nextToken ? ` (the first ${executions.length})` : ''}` },
    ))?.execution;
    if (picked?.executionArn) await this.show({ kind: 'execution', arn: picked.executionArn });
  }

  private async openLinked(from: string, arn: string): Promise<void> {
    if (!this.open.get(from)?.links.has(arn)) return;
    if (arn.split(':')[5] === 'mapRun') await this.openMapRun(arn);
    else await this.show({ kind: 'execution', arn });
  }

  private async load(target: GraphTarget, graph: GraphPanel): Promise<void> {
    const scope = await this.deps.scopeOf(target.arn);
    let loaded: LoadedGraph;
    try {
      loaded = await withWindowProgress(`Reading the graph of ${quoted(target.arn.split(':').pop() ?? '', 80)}…`, () => loadGraph(this.deps.api, scope, target, readTimeZone()));
    } catch (err) {
      graph.failed(describeError(err));
      return;
    }
    const open = this.open.get(target.arn);
    if (open) this.open.set(target.arn, { ...open, links: loaded.links });
    const marking = this.deps.marking(scope);
    graph.show({ title: loaded.title, subtitle: loaded.subtitle, hasExecution: target.kind === 'execution', ...(marking ? { account: accountBadge(marking) } : {}) }, loaded.view);
  }
}

export function createGraphFeature(deps: GraphFeatureDeps): GraphFeature {
  return new GraphFeature(deps);
}
