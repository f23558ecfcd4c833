import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The account a request acts in, the way moto tells accounts apart: an access key id of twelve digits
 * is that account's id, any other key is the default account. (AWS derives the account from the key's
 * owner; this is the sandbox's approximation, so a second profile can be a second account.)
 */
export const DEFAULT_ACCOUNT = '123456789012';

const current = new AsyncLocalStorage<string>();

export function accountOf(accessKeyId: string): string {
  return /^\d{12}$/.test(accessKeyId) ? accessKeyId : DEFAULT_ACCOUNT;
}

/** Runs a request's handling (and everything it schedules) in its account. */
export function inAccount<T>(account: string, work: () => T): T {
  return current.run(account, work);
}

export function currentAccount(): string {
  return current.getStore() ?? DEFAULT_ACCOUNT;
}
