/**
 * Who made a request, as CloudTrail's `userIdentity` says it. AWS knows the owner of every access key; the
 * sandbox has no IAM, so this is its approximation: the deploy pipeline's key is an assumed role (its session
 * name is the event's user name, as in CloudTrail), every other key is the sandbox's developer, an IAM user.
 */
export const DEPLOY_ACCESS_KEY_ID = 'ASIASANDBOXDEPLOY001';
export const DEPLOY_ROLE = 'deploy-pipeline';
export const DEPLOY_SESSION = 'release-2026-12';
export const DEVELOPER_USER = 'sandbox-developer';

export interface Identity {
  /** The event's `Username`. */
  readonly userName: string;
  /** CloudTrail's `userIdentity` object. */
  readonly userIdentity: Record<string, unknown>;
}

export function identityOf(accessKeyId: string, account: string): Identity {
  if (accessKeyId === DEPLOY_ACCESS_KEY_ID) {
    const roleArn = `arn:aws:iam::${account}:role/${DEPLOY_ROLE}`;
    return {
      userName: DEPLOY_SESSION,
      userIdentity: {
        type: 'AssumedRole',
        principalId: `AROASANDBOXDEPLOYROLE:${DEPLOY_SESSION}`,
        arn: `arn:aws:sts::${account}:assumed-role/${DEPLOY_ROLE}/${DEPLOY_SESSION}`,
        accountId: account,
        accessKeyId,
        sessionContext: { sessionIssuer: { type: 'Role', principalId: 'AROASANDBOXDEPLOYROLE', arn: roleArn, accountId: account, userName: DEPLOY_ROLE } },
      },
    };
  }
  return {
    userName: DEVELOPER_USER,
    userIdentity: { type: 'IAMUser', principalId: 'AIDASANDBOXDEVELOPER', arn: `arn:aws:iam::${account}:user/${DEVELOPER_USER}`, accountId: account, accessKeyId, userName: DEVELOPER_USER },
  };
}
