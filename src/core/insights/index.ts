export type * from './ast';
export {
  AGGREGATE_FUNCTIONS,
  AGGREGATE_FUNCTION_NAMES,
  COMMANDS,
  COMMAND_NAMES,
  commandInfo,
  functionInfo,
  FUNCTION_NAMES,
  KEYWORDS,
  SCALAR_FUNCTIONS,
  SCALAR_FUNCTION_NAMES,
  SYSTEM_FIELDS,
  isAggregateFunction,
} from './catalog';
export type { CommandInfo, FunctionInfo } from './catalog';
export { QuerySyntaxError, queryCompileErrorLocation, toQueryCompileError } from './errors';
export type { QueryCompileErrorLocation, TextPosition } from './errors';
export { parseQueryFileMetadata } from './metadata';
export type { QueryFileMetadata } from './metadata';
export { acceptedDespiteFindings, analyzeQuery, checkQuery, forEachExpr, NOT_KNOWN, parseQuery } from './parser';
