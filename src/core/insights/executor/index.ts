export { executeQuery, DEFAULT_RESULT_LIMIT } from './execute';
export type { ExecuteOptions, QueryExecution, QueryStatistics, ResultField } from './execute';
export { decodePtr, discoverFields, encodePtr } from './events';
export type { LogEvent, PtrTarget } from './events';
export { formatTimestamp } from './values';
export type { FieldMap, Value } from './values';
