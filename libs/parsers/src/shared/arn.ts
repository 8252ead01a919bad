/** `arn:<partition>:<service>:<region>:<account>:<resource>`; the resource may itself hold colons. */
const ARN = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/;

export interface Arn {
  partition: string;
  service: string;
  region?: string | undefined;
  account?: string | undefined;
  resource: string;
}

/**
 * The parts of any ARN, or `undefined` when the value is not one. Empty region and account fields
 * (IAM, S3) are left out.
 *
 * @example
 * parseArn('arn:aws:codebuild:us-west-2:123456789012:build/my-project:8745a7a9');
 * // { partition: 'aws', service: 'codebuild', region: 'us-west-2', account: '123456789012', resource: 'build/my-project:8745a7a9' }
 */
export function parseArn(value: string | undefined): Arn | undefined {
  const match = value === undefined ? null : ARN.exec(value.trim());
  if (!match) return undefined;
  const [, partition, service, region, account, resource] = match;
  if (partition === undefined || service === undefined || resource === undefined) return undefined;
  return { partition, service, region: region || undefined, account: account || undefined, resource };
}

/**
 * The resource name an ARN of one service gives after a type prefix, e.g. the application of
 * `arn:aws:codedeploy:…:application:my-app` for (`codedeploy`, `application:`).
 */
export function resourceNameFromArns(arns: readonly string[], service: string, prefix: string): string | undefined {
  for (const value of arns) {
    const arn = parseArn(value);
    if (arn?.service !== service || !arn.resource.startsWith(prefix)) continue;
    const name = arn.resource.slice(prefix.length);
    if (name.trim() !== '') return name;
  }
  return undefined;
}
