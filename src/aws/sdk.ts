// Everything that pulls in the AWS SDK. Bundled separately and required on the first AWS call, so
// activation never pays for it.
export * as cloudTrail from '@aws-sdk/client-cloudtrail';
export * as cloudFormation from '@aws-sdk/client-cloudformation';
export * as cloudWatch from '@aws-sdk/client-cloudwatch';
export * as logs from '@aws-sdk/client-cloudwatch-logs';
export * as sfn from '@aws-sdk/client-sfn';
export * as sts from '@aws-sdk/client-sts';
export { fromIni, fromNodeProviderChain, fromSSO } from '@aws-sdk/credential-providers';
export * as lambda from '@aws-sdk/client-lambda';
export { SignatureV4 } from '@smithy/signature-v4';
