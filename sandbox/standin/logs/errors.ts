import { AwsError } from '../protocol';

export function resourceNotFound(message: string): AwsError {
  return new AwsError('ResourceNotFoundException', message);
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}

export function malformedQuery(message: string, location: { startCharOffset: number; endCharOffset: number }): AwsError {
  return new AwsError('MalformedQueryException', message, 400, { queryCompileError: { location, message } });
}
