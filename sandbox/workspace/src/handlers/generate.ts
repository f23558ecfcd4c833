// POST /generate: validate the request, check the Gemini quota, start ImageGenerationStateMachine.
// Deliberately light (256MB); ProcessImagesFunction does the heavy work.
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GeminiClient, QuotaExceededError } from '../lib/gemini';
import { createLogger } from '../lib/logger';

export interface GenerateRequest {
  context: string;
  image_count: number;
}

interface ApiEvent {
  body?: string | null;
  requestContext?: { authorizer?: { claims?: { sub?: string } } };
}

const MIN_IMAGES = 10;
const MAX_IMAGES = 100;
const log = createLogger('Generate');
const sfn = new SFNClient({});
const gemini = new GeminiClient(process.env.GEMINI_API_KEY ?? '');

export function parseRequest(body: string | null | undefined): GenerateRequest {
  const parsed = JSON.parse(body ?? '') as Partial<GenerateRequest>;
  const context = typeof parsed.context === 'string' ? parsed.context.trim() : '';
  const imageCount = Number(parsed.image_count ?? MIN_IMAGES);
  if (!context || /[<>]/.test(context)) throw new RangeError('context must be plain text');
  if (!Number.isInteger(imageCount) || imageCount < MIN_IMAGES || imageCount > MAX_IMAGES) {
    throw new RangeError(`image_count must be between ${MIN_IMAGES} and ${MAX_IMAGES}`);
  }
  return { context, image_count: imageCount };
}

export async function generateImages(request: GenerateRequest, userId: string): Promise<{ batchId: string; executionArn: string }> {
  const batchId = `b-${Date.now().toString(36)}`;
  const quota = await gemini.quota();
  log.info('Gemini quota checked', { batchId, remaining: quota.remaining, requested: request.image_count });
  // The quota resets at midnight Pacific time; a batch is never split across two days.
  if (quota.remaining < request.image_count) {
    const shortBy = request.image_count - quota.remaining;
    log.warn('Gemini quota too low for batch', { batchId, shortBy, resetsAt: quota.resetsAt });
    throw new QuotaExceededError('Gemini API quota exceeded', batchId, quota.remaining);
  }
  const out = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: process.env.STATE_MACHINE_ARN,
      name: `batch-${batchId}`,
      input: JSON.stringify({ batch_id: batchId, user_id: userId, quota_remaining: quota.remaining, ...request }),
    }),
  );
  console.log(`Started Step Functions execution ${out.executionArn}`);
  return { batchId, executionArn: out.executionArn ?? '' };
}

export async function handler(event: ApiEvent): Promise<{ statusCode: number; body: string }> {
  const userId = event.requestContext?.authorizer?.claims?.sub ?? 'anonymous';
  try {
    const request = parseRequest(event.body);
    const result = await generateImages(request, userId);
    return { statusCode: 202, body: JSON.stringify(result) };
  } catch (err) {
    if (err instanceof QuotaExceededError) {
      log.error('Batch rejected: Gemini quota exhausted', { batchId: err.batchId, remaining: err.remaining }, err);
      return { statusCode: 429, body: JSON.stringify({ error: err.errorType, batch_id: err.batchId }) };
    }
    if (err instanceof RangeError || err instanceof SyntaxError) {
      log.warn('Invalid generate request', { userId, error: err.message, body: event.body?.slice(0, 200) });
      return { statusCode: 400, body: JSON.stringify({ error: err.message }) };
    }
    throw err;
  }
}
