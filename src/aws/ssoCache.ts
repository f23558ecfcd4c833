import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SharedFiles } from './profiles';

/** An SSO cache file is a small JSON document; anything larger is not one. */
const MAX_CACHE_FILE_BYTES = 64 * 1024;
export const WARN_BEFORE_EXPIRY_MS = 15 * 60 * 1000;

export type SessionExpiry =
  | { readonly state: 'valid'; readonly expiresAt: Date }
  | { readonly state: 'expiring'; readonly expiresAt: Date; readonly minutesLeft: number }
  | { readonly state: 'expired'; readonly expiresAt: Date }
  /** Configured for SSO but no token in the cache: never logged in, or the cache was cleared. */
  | { readonly state: 'noToken' };

/**
 * The key the SDK's SSO token cache files are named by (`<sha1>.json`): the `sso_session` name for
 * profiles that use an `[sso-session]` section, the start URL for legacy SSO profiles.
 * https://docs.aws.amazon.com/cli/latest/userguide/sso-configure-profile-token.html
 */
export function ssoCacheKey(profile: string, files: SharedFiles): string | undefined {
  const section = files.configFile[profile];
  if (!section) return undefined;
  if (section.sso_session) return section.sso_session;
  return section.sso_start_url || undefined;
}

export function ssoCacheFileName(key: string): string {
  return `${createHash('sha1').update(key).digest('hex')}.json`;
}

export function defaultSsoCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.HOME || env.USERPROFILE || os.homedir(), '.aws', 'sso', 'cache');
}

/** `expiresAt` of an SSO cache document, or undefined when the text is not one. */
export function parseExpiresAt(text: string): Date | undefined {
  if (text.length > MAX_CACHE_FILE_BYTES) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const value = parsed && typeof parsed === 'object' ? (parsed as { expiresAt?: unknown }).expiresAt : undefined;
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function expiryState(expiresAt: Date, now: Date): SessionExpiry {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return { state: 'expired', expiresAt };
  if (left <= WARN_BEFORE_EXPIRY_MS) return { state: 'expiring', expiresAt, minutesLeft: Math.ceil(left / 60000) };
  return { state: 'valid', expiresAt };
}

/** The SSO session state of a profile, or undefined when the profile does not use SSO. */
export async function readSessionExpiry(profile: string, files: SharedFiles, options: { cacheDir?: string; now?: Date } = {}): Promise<SessionExpiry | undefined> {
  const key = ssoCacheKey(profile, files);
  if (!key) return undefined;
  const file = path.join(options.cacheDir ?? defaultSsoCacheDir(), ssoCacheFileName(key));
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_CACHE_FILE_BYTES) return { state: 'noToken' };
    text = await fs.readFile(file, 'utf8');
  } catch {
    return { state: 'noToken' };
  }
  const expiresAt = parseExpiresAt(text);
  return expiresAt ? expiryState(expiresAt, options.now ?? new Date()) : { state: 'noToken' };
}

/** A profile name as one shell word (single-quoted when it has anything but safe characters). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_.@%+=:,/-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The login command as bash and zsh read it (quoted for a POSIX shell), to show or copy. */
export function ssoLoginCommand(profile: string): string {
  return `aws sso login --profile ${shellQuote(profile)}`;
}

/** Characters that no shell a terminal may run (bash, zsh, PowerShell, cmd.exe) reads as quoting or a command separator. */
const TYPABLE_PROFILE = /^[A-Za-z0-9_.@+=,/-]+$/;

/**
 * The login command to type in a terminal, or undefined when the profile name has other characters: the
 * terminal's shell is not known, and quoting that holds in bash breaks in PowerShell or cmd.exe.
 */
export function typableLoginCommand(profile: string): string | undefined {
  return TYPABLE_PROFILE.test(profile) ? `aws sso login --profile ${profile}` : undefined;
}
