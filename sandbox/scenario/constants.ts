/** Identifiers shared by every part of the sandbox scenario. */
export const ACCOUNT_ID = '123456789012';
export const PRIMARY_REGION = 'us-east-1';
export const SECONDARY_REGION = 'eu-north-1';
export const SCENARIO_REGIONS = [PRIMARY_REGION, SECONDARY_REGION] as const;
export type ScenarioRegion = (typeof SCENARIO_REGIONS)[number];

export const FAKE_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export const OPS_ALERTS_TOPIC = `arn:aws:sns:${PRIMARY_REGION}:${ACCOUNT_ID}:ops-alerts`;
export const DEV_ALERTS_TOPIC = `arn:aws:sns:${PRIMARY_REGION}:${ACCOUNT_ID}:dev-ai-video-alerts`;
export const GOALS_ALERTS_TOPIC = `arn:aws:sns:${PRIMARY_REGION}:${ACCOUNT_ID}:ai-lifestyle-app-goals-prod-alerts`;
export const AVATAR_ALERTS_TOPIC = `arn:aws:sns:${SECONDARY_REGION}:${ACCOUNT_ID}:avatar-system-alerts`;

/** seed 002: the dev environment of the AI Video Generation Pipeline. */
export const ECS_CLUSTER = 'ai-video-cluster';
export const ECS_SERVICE = 'ai-video-backend-service';
export const RDS_INSTANCE = 'dev-ai-video-db';
export const REDIS_CLUSTER = 'dev-ai-video-redis-001';
export const DEV_BUCKET = 'dev-ai-video-storage';
export const APP_NAMESPACE = 'AIVideo/Application';

/** seed 000: the databanana image generation pipeline. */
export const STATE_MACHINE_NAME = 'ImageGenerationStateMachine';
export const STATE_MACHINE_ARN = `arn:aws:states:${PRIMARY_REGION}:${ACCOUNT_ID}:stateMachine:${STATE_MACHINE_NAME}`;
export const STEP_FUNCTIONS_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/StepFunctionsRole`;
export const API_GATEWAY_NAME = 'databanana-api';

/** seed 003: the AI Lifestyle App goals API. */
export const GOALS_PREFIX = 'ai-lifestyle-app-goals-prod';
export const GOALS_FUNCTION = 'create_goal-prod';

/** seed 004: the Enterprise Avatar System. */
export const AVATAR_BUCKET = 'easy-to-image-production';
export const AVATAR_DISTRIBUTION = 'E3SJ7B3QL1F8WH';

export const LOG_GROUPS = {
  generate: '/aws/lambda/databanana-GenerateFunction',
  processImages: '/aws/lambda/databanana-ProcessImagesFunction',
  backend: '/ecs/dev/ai-video-backend',
  goals: `/aws/lambda/${GOALS_FUNCTION}`,
  avatarApi: '/aws/avatar-system/api',
  stateMachine: `/aws/vendedlogs/states/${STATE_MACHINE_NAME}`,
  /** A Go function on provided.al2023 whose panics the runtime writes as JSON documents. */
  checkout: '/aws/lambda/orders-CheckoutFunction',
  /** A Laravel service on ECS writing PHP stack traces. */
  invoicing: '/ecs/dev/invoicing-api',
  /** A Spring Boot service on ECS writing Java stack traces. */
  payments: '/ecs/dev/payments-service',
} as const;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
