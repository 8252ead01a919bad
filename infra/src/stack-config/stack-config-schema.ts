import * as z from 'zod/mini';

/*
 * Names end up in IAM resource ARNs and EventBridge patterns. A `*` or `?` would turn an exact grant into a
 * wildcard one, so every name is checked against what AWS itself accepts, which never includes them.
 */

function uniqueNames(what: string) {
  return z.refine<string[]>((names) => new Set(names).size === names.length, `lists a ${what} more than once`);
}

function names(pattern: RegExp, message: string, what: string) {
  return z._default(
    z.array(z.string(message).check(z.regex(pattern, message)), `must be a list of ${what} names`).check(uniqueNames(what)),
    [],
  );
}

/** CodeCommit: letters, digits, `.`, `_`, `-`; at most 100 characters. */
export const repositoryNamePattern = /^[A-Za-z0-9._-]{1,100}$/;
/** CodePipeline: letters, digits, `.`, `@`, `_`, `-`; at most 100 characters. */
export const pipelineNamePattern = /^[A-Za-z0-9.@_-]{1,100}$/;
/** CodeBuild: starts with a letter or digit; letters, digits, `_`, `-`; 2 to 255 characters. */
export const buildProjectNamePattern = /^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/;
/** CodeDeploy `application/deployment-group`: neither part empty, longer than 100, or holding `/`, `*`, `?`. */
export const deploymentGroupPattern = /^[^/*?\s][^/*?]{0,99}\/[^/*?\s][^/*?]{0,99}$/;
/** SSM parameter names: letters, digits, `_`, `.`, `-`, `/`; a hierarchical name starts with `/`. */
export const ssmParameterNamePattern = /^(?:\/[A-Za-z0-9_.-]+)+$|^[A-Za-z0-9_.-]+$/;

/** The log retention periods CloudWatch Logs accepts, in days. */
export const logRetentionPeriods = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const layerArnPattern =
  /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):\d{12}:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\d+$/;

/** The region a Parameters and Secrets extension layer ARN lives in (a layer must be in the function's region). */
export function layerRegion(arn: string): string | undefined {
  return layerArnPattern.exec(arn)?.[1];
}

const httpsUrlMessage = 'must be an https URL (value not shown: it is a secret)';
const retentionMessage = `must be one of the periods CloudWatch Logs accepts: ${logRetentionPeriods.join(', ')}`;
const layerArnMessage =
  'must be the arm64 layer ARN of the AWS Parameters and Secrets Lambda Extension for the stack region, ' +
  'like arn:aws:lambda:eu-west-1:015030872274:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:11';
const topicArnMessage = 'must be an SNS topic ARN';

/**
 * One schema per stack config key, so an error names the key it comes from. `config` (the Herald routing
 * config) is checked by `parseHeraldConfig`, the same check the Lambdas and the CLI run.
 */
export const stackConfigKeySchemas = {
  config: z.unknown(),
  webhooks: z.record(
    z.string(),
    // The message never quotes the value: it is a secret.
    z.string(httpsUrlMessage).check(z.regex(/^https:\/\/[^\s]+$/, httpsUrlMessage)),
    'must be an object of target name → webhook URL',
  ),
  repositories: names(
    repositoryNamePattern,
    'must be a CodeCommit repository name (letters, digits, ".", "_", "-"; no wildcards)',
    'repository',
  ),
  pipelines: names(
    pipelineNamePattern,
    'must be a CodePipeline pipeline name (letters, digits, ".", "@", "_", "-"; no wildcards)',
    'pipeline',
  ),
  buildProjects: names(
    buildProjectNamePattern,
    'must be a CodeBuild project name (letters, digits, "_", "-"; no wildcards)',
    'build project',
  ),
  deploymentGroups: names(
    deploymentGroupPattern,
    'must be "application/deployment-group" (no wildcards)',
    'deployment group',
  ),
  logRetentionDays: z._default(
    z.int(retentionMessage).check(
      z.refine((days) => (logRetentionPeriods as readonly number[]).includes(days), {
        message: retentionMessage,
      }),
    ),
    30,
  ),
  parametersSecretsExtensionLayerArn: z.string(layerArnMessage).check(z.regex(layerArnPattern, layerArnMessage)),
  alarmTopicArn: z.optional(
    z.string(topicArnMessage).check(z.regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, topicArnMessage)),
  ),
} as const;

export type StackConfigKey = keyof typeof stackConfigKeySchemas;
export const stackConfigKeys = Object.keys(stackConfigKeySchemas) as StackConfigKey[];
