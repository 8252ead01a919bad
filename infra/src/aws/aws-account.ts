import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

/** Where the stack deploys: what every ARN it builds is made of. */
export interface AwsAccount {
  partition: pulumi.Output<string>;
  region: pulumi.Output<string>;
  accountId: pulumi.Output<string>;
}

/**
 * Looks up the partition, region and account of the credentials `pulumi up` runs with, so ARNs of the
 * existing repositories, pipelines and deployment groups can be built without asking for them.
 */
export function lookUpAwsAccount(opts?: pulumi.InvokeOutputOptions): AwsAccount {
  return {
    partition: aws.getPartitionOutput({}, opts).partition,
    region: aws.getRegionOutput({}, opts).region,
    accountId: aws.getCallerIdentityOutput({}, opts).accountId,
  };
}

/**
 * `arn:<partition>:<service>:<region>:<account>:<resource>` in the stack's account and region.
 *
 * @example
 * regionalArn(account, 'codecommit', 'payments') // arn:aws:codecommit:eu-west-1:123456789012:payments
 */
export function regionalArn(account: AwsAccount, service: string, resource: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.interpolate`arn:${account.partition}:${service}:${account.region}:${account.accountId}:${resource}`;
}
