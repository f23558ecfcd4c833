// Minimal Gemini client: the generation pipeline only needs the project's image quota.
export interface QuotaStatus {
  limit: number;
  used: number;
  remaining: number;
  resetsAt: string;
}

export class QuotaExceededError extends Error {
  readonly errorType = 'QuotaExceeded';

  constructor(
    message: string,
    readonly batchId: string,
    readonly remaining: number,
  ) {
    super(message);
    this.name = 'QuotaExceededError';
  }
}

export class GeminiClient {
  constructor(
    private readonly apiKey: string,
    private readonly baseUrl = process.env.GEMINI_BASE_URL ?? 'https://generativelanguage.googleapis.com/v1beta',
  ) {}

  async quota(): Promise<QuotaStatus> {
    const res = await fetch(`${this.baseUrl}/projects/current/quota/images`, {
      headers: { 'x-goog-api-key': this.apiKey },
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) {
      throw new Error(`Gemini quota lookup failed: HTTP ${res.status} ${res.statusText}`);
    }
    return (await res.json()) as QuotaStatus;
  }
}
