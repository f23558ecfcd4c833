/**
 * How every SDK client retries: the SDK's standard mode (exponential backoff with jitter, a longer base
 * delay for throttling, and a client-wide retry quota that stops retrying while a service keeps
 * failing) with at most 3 attempts per call. A refresh therefore sends at most 3 requests per page it
 * reads, however hard a service throttles; the views and auto refresh take over from there (stale
 * items, a slower interval).
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
export const SDK_RETRY = { retryMode: 'standard', maxAttempts: 3 } as const;

/**
 * Logs Insights polling on top of the SDK's retries: a GetQueryResults that still fails with a transient
 * error (throttling, 5xx, network) is polled again after these growing delays, up to this many times in
 * a row, before the run is reported as failed; the query keeps running in CloudWatch Logs meanwhile.
 */
export const INSIGHTS_POLL_RETRY = { delaysMs: [1000, 2000, 4000, 8000, 15000], maxConsecutiveFailures: 8 } as const;
