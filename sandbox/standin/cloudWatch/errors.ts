import { AwsError } from '../protocol';

/** CloudWatch's errors: the SDK finds the exception class from the query code (`x-amzn-query-error`). */
export function invalidParameterValue(message: string): AwsError {
  return new AwsError('InvalidParameterValueException', message, 400, {}, 'InvalidParameterValue');
}

export function invalidParameterCombination(message: string): AwsError {
  return new AwsError('InvalidParameterCombinationException', message, 400, {}, 'InvalidParameterCombination');
}

export function validationError(message: string): AwsError {
  return new AwsError('ValidationException', message, 400, {}, 'ValidationError');
}

export function invalidNextToken(): AwsError {
  return new AwsError('InvalidNextToken', 'The service returned an error for the given NextToken.', 400, {}, 'InvalidNextToken');
}

export function alarmNotFound(message: string): AwsError {
  return new AwsError('ResourceNotFound', message, 404, {}, 'ResourceNotFound');
}

export function resourceNotFoundException(message: string): AwsError {
  return new AwsError('ResourceNotFoundException', message, 404, {}, 'ResourceNotFoundException');
}
