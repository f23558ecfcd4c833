// The CDK app's libraries are not installed in this workspace: their modules type as `any` here.
declare module 'aws-cdk-lib';
declare module 'aws-cdk-lib/*';
declare module 'constructs';
