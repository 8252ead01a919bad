/** `arn:<partition>:codecommit:<region>:<account>:<repository>` */
const REPOSITORY_ARN = /^arn:[^:]+:codecommit:([^:]*):([^:]*):(.+)$/;

export interface RepositoryArn {
  region?: string | undefined;
  account?: string | undefined;
  repository: string;
}

/**
 * The parts of a CodeCommit repository ARN, or `undefined` when the value is not one.
 *
 * @example
 * parseRepositoryArn('arn:aws:codecommit:us-east-2:123456789012:MyDemoRepo');
 * // { region: 'us-east-2', account: '123456789012', repository: 'MyDemoRepo' }
 */
export function parseRepositoryArn(arn: string | undefined): RepositoryArn | undefined {
  const match = arn === undefined ? null : REPOSITORY_ARN.exec(arn.trim());
  if (!match) return undefined;
  const [, region, account, repository] = match;
  if (repository === undefined) return undefined;
  return { region: region || undefined, account: account || undefined, repository };
}
