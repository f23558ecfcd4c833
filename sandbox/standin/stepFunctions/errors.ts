import { AwsError } from '../protocol';

export function executionNotRedrivable(message: string): AwsError {
  return new AwsError('ExecutionNotRedrivable', message);
}

export function invalidToken(): AwsError {
  return new AwsError('InvalidToken', 'Invalid Token');
}

export function validationException(message: string): AwsError {
  return new AwsError('ValidationException', message);
}
