/**
 * The stand-in's Logs Insights engine: runs a query over log events in memory, for the local sandbox and the
 * tests. It reads queries with Ops Lens's own parser (src/core/insights), so what it accepts or rejects is
 * that parser's judgement, not Logs Insights': an approximation of the service, never a reference for it.
 */
export { executeQuery, DEFAULT_RESULT_LIMIT } from './execute';
export type { ExecuteOptions, QueryExecution, QueryStatistics } from './execute';
export { decodePtr, discoverFields, encodePtr } from './events';
export type { LogEvent, PtrTarget } from './events';
export { formatTimestamp } from './values';
export type { FieldMap, Value } from './values';
