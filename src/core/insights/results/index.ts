export { chartableSeries, parseInsightsTime } from './chart';
export type { ChartHints, ChartSeries, ChartableSeries } from './chart';
export {
  DEFAULT_MAX_COLUMN_WIDTH,
  PRICE_PER_GB_SCANNED,
  detailLines,
  formatBytes,
  formatResultsDocument,
  formatScanCost,
  scanCost,
} from './document';
export type { ResultsDocument, ResultsDocumentInput, ResultsStatistics } from './document';
export { csvField, guardFormula, toCsv, toJson } from './export';
export { prettyJsonLines } from './prettyJson';
export { PTR_FIELD, resultColumns } from './rows';
export type { ResultField, ResultRow } from './rows';
export { sanitizeText } from './sanitize';
export { chartHintsFromQuery, resultsChartInput } from './chartInput';
export type { ResultsChartInput, ResultsChartSource } from './chartInput';
