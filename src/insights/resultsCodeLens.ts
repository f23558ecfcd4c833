import * as vscode from 'vscode';
import { resultsChartInput, type ResultsChartInput } from '../core/insights/results';
import type { ResultsData, ResultsDocuments } from './resultsDocuments';
import { codeLens } from '../platform/textSinks';
import { label } from '../core/text/label';

export const SHOW_CHART_COMMAND = 'opsLens.insights.showChart';

/**
 * The chart of a results document, worked out once per results (they never change) and forgotten with
 * them; undefined when the results have nothing to plot.
 */
export class ResultsCharts {
  private readonly cache = new WeakMap<ResultsData, ResultsChartInput | null>();

  constructor(private readonly results: ResultsDocuments) {}

  get(uri: vscode.Uri): ResultsChartInput | undefined {
    const data = this.results.get(uri);
    if (!data) return undefined;
    let chart = this.cache.get(data);
    if (chart === undefined) {
      chart = resultsChartInput({ queryName: data.queryName, query: data.query, rows: data.rows, range: data.range }) ?? null;
      this.cache.set(data, chart);
    }
    return chart ?? undefined;
  }
}

/** Actions at the top of a results document: run again, change the range, export, and chart when it plots. */
export class ResultsCodeLens implements vscode.CodeLensProvider {
  constructor(
    private readonly results: ResultsDocuments,
    private readonly charts: ResultsCharts,
  ) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const data = this.results.get(document.uri);
    if (!data) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    // Events handed over by another feature (execution logs) were not a query: nothing to run again.
    const lenses = data.rerun === undefined ? [] : [
      codeLens(top, label`↻ Run again`, { command: 'opsLens.insights.rerun', arguments: [document.uri] }),
      codeLens(top, label`Range: ${data.range.label || 'fixed window'} ▾`, { command: 'opsLens.insights.changeRange', arguments: [document.uri] }),
    ];
    lenses.push(codeLens(top, label`Export…`, { command: 'opsLens.insights.exportResults', arguments: [{ uri: document.uri.toString() }] }));
    if (this.charts.get(document.uri)) {
      lenses.push(codeLens(top, label`$(graph-line) Show as chart`, { tooltip: 'Draw the results over time in a chart panel', command: SHOW_CHART_COMMAND, arguments: [document.uri] }));
    }
    return lenses;
  }
}
