/** The fields of a failed read that say why (an AWS error carries `action` and `code`; any error a message). */
export interface ReadFailure {
  readonly message: string;
  readonly action?: string;
  readonly code?: string;
}

const EXPIRED_KEYS = /^(ExpiredToken|ExpiredTokenException|RequestExpired)$/;
const DENIED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|UnauthorizedException)$/;

/** Why a scope could not be read, in a few words for a root's description or a status bar line. */
export function unreadWhy(failure: ReadFailure): string {
  switch (failure.action) {
    case 'ssoLogin': return EXPIRED_KEYS.test(failure.code ?? '') ? 'credentials expired' : 'SSO session expired';
    case 'selectProfile':
      if (DENIED.test(failure.code ?? '') || /^Access denied/.test(failure.message)) return 'access denied';
      return /^No AWS credentials/.test(failure.message) ? 'no credentials' : 'credentials rejected';
    case 'openSettings': return 'endpoint not reachable';
    case 'selectRegions': return 'region not accepted';
    default: return 'read failed';
  }
}

/** What fixes it, as a person would do it (the full message of the error says the same at length). */
export function unreadFix(failure: ReadFailure, profile: string | undefined): string {
  switch (failure.action) {
    case 'ssoLogin': return profile ? `run aws sso login --profile ${profile}` : 'run aws sso login';
    case 'selectProfile': return DENIED.test(failure.code ?? '') || /^Access denied/.test(failure.message) ? 'ask for cloudwatch:DescribeAlarms, or select another profile' : 'select a profile that has credentials';
    case 'openSettings': return 'check the network and the endpoint setting';
    case 'selectRegions': return 'select other regions';
    default: return 'refresh to try again';
  }
}
