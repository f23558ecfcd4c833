export type * from './ast';
export {
  AGGREGATE_FUNCTIONS,
  AGGREGATE_FUNCTION_NAMES,
  COMMAND_NAMES,
  FUNCTION_NAMES,
  KEYWORDS,
  SCALAR_FUNCTIONS,
  SCALAR_FUNCTION_NAMES,
  SYSTEM_FIELDS,
  isAggregateFunction,
} from './catalog';
export type { FunctionInfo } from './catalog';
export { QuerySyntaxError, queryCompileErrorLocation, toQueryCompileError } from './errors';
export type { QueryCompileErrorLocation, TextPosition } from './errors';
export { parseQueryFileMetadata } from './metadata';
export type { QueryFileMetadata } from './metadata';
export { checkQuery, parseQuery } from './parser';
