import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { AwsAccount, PolicyStatement } from '../aws/index.ts';
import type { WebhookSecret } from '../stack-config/index.ts';

export interface WebhookParametersArgs {
  webhooks: WebhookSecret[];
  account: AwsAccount;
}

/**
 * Stores each chat target's webhook URL, taken from the stack's secret `herald:webhooks`, as an SSM
 * SecureString parameter named in the routing config. The functions only ever see the parameter names; the
 * URL stays a Pulumi secret in the state and is encrypted with the account's `aws/ssm` key in AWS.
 *
 * @example
 * const webhooks = new WebhookParameters('herald-webhooks', { webhooks: stack.webhooks, account });
 * new Notifier('…', { webhookReadStatements: webhooks.readStatements, … });
 */
export class WebhookParameters extends pulumi.ComponentResource {
  readonly parameterArns: pulumi.Output<string>[];
  /** `ssm:GetParameter` on these parameters and `kms:Decrypt` of their values through SSM, nothing more. */
  readonly readStatements: pulumi.Input<PolicyStatement>[];

  constructor(name: string, args: WebhookParametersArgs, opts?: pulumi.ComponentResourceOptions) {
    super('herald:index:WebhookParameters', name, {}, opts);

    const parameters = args.webhooks.map(
      (webhook) =>
        new aws.ssm.Parameter(
          `${name}-${webhook.target}`,
          {
            name: webhook.parameterName,
            description: `Webhook URL of the Herald chat target "${webhook.target}"`,
            type: 'SecureString',
            // No keyId: the account's AWS-managed aws/ssm key, which needs no key policy of ours.
            value: webhook.url,
          },
          // The provider marks `value` secret already; stated here so it never depends on that.
          { parent: this, additionalSecretOutputs: ['value'] },
        ),
    );
    this.parameterArns = parameters.map((parameter) => parameter.arn);

    // DescribeKey on the alias returns the aws/ssm key, creating it if the account never used it yet.
    const ssmKey = aws.kms.getKeyOutput({ keyId: 'alias/aws/ssm' }, { parent: this });
    this.readStatements =
      parameters.length === 0
        ? []
        : [
            {
              Sid: 'ReadWebhookParameters',
              Effect: 'Allow',
              Action: 'ssm:GetParameter',
              Resource: this.parameterArns,
            },
            // Decrypt only through Parameter Store in this region, and only these parameters' values: SSM
            // passes the parameter ARN as the PS_ARN encryption context.
            {
              Sid: 'DecryptWebhookParameters',
              Effect: 'Allow',
              Action: 'kms:Decrypt',
              Resource: ssmKey.arn,
              Condition: {
                StringEquals: {
                  'kms:ViaService': pulumi.interpolate`ssm.${args.account.region}.amazonaws.com`,
                  'kms:EncryptionContext:PS_ARN': this.parameterArns,
                },
              },
            },
          ];

    this.registerOutputs({ parameterArns: this.parameterArns });
  }
}
