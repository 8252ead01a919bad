import type * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export type PolicyStatement = aws.iam.PolicyStatement;

/** An IAM policy document as JSON text, resolving the ARNs it names. */
export function policyJson(statements: pulumi.Input<PolicyStatement>[]): pulumi.Output<string> {
  const document: aws.iam.PolicyDocument = { Version: '2012-10-17', Statement: statements };
  return pulumi.jsonStringify(document);
}

/** A trust policy that lets one AWS service assume a role. */
export function assumedByService(service: string): pulumi.Output<string> {
  return policyJson([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]);
}
