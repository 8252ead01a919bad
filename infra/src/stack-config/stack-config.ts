import { ConfigError, parseHeraldConfig, type HeraldConfig } from '@herald/notify';
import * as pulumi from '@pulumi/pulumi';
import type * as z from 'zod/mini';
import {
  layerRegion,
  pipelineNamePattern,
  ssmParameterNamePattern,
  stackConfigKeySchemas,
  stackConfigKeys,
  type StackConfigKey,
} from './stack-config-schema.ts';

/** The stack's namespace for its own keys: `herald:repositories`, `herald:webhooks`, … */
export const stackConfigNamespace = 'herald';

/**
 * Where the program reads its stack configuration: every key namespaced (`herald:repositories`,
 * `aws:region`), objects and lists as JSON text, secrets already decrypted — the way Pulumi hands
 * configuration to a program.
 */
export interface StackConfigSource {
  keys(): string[];
  get(key: string): string | undefined;
}

/** One chat target's webhook: the SSM parameter this stack creates for it, and the URL to store there. */
export interface WebhookSecret {
  target: string;
  parameterName: string;
  /** Always a Pulumi secret. */
  url: pulumi.Output<string>;
}

export interface DeploymentGroupName {
  application: string;
  group: string;
}

/** A checked stack configuration. */
export interface StackConfig {
  herald: HeraldConfig;
  /** `HERALD_CONFIG` for the functions: the routing config as written, naming parameters, never URLs. */
  heraldConfigJson: string;
  webhooks: WebhookSecret[];
  repositories: string[];
  pipelines: string[];
  buildProjects: string[];
  deploymentGroups: DeploymentGroupName[];
  logRetentionDays: number;
  parametersSecretsExtensionLayerArn: string;
  alarmTopicArn?: string;
}

/**
 * A stack configuration that cannot be deployed; the message names the key and field. Extends Pulumi's
 * `RunError` so `pulumi up` prints the message alone, without a stack trace.
 */
export class StackConfigError extends pulumi.RunError {
  override readonly name = 'StackConfigError';

  constructor(field: string, problem: string) {
    super(`invalid stack config: ${field}: ${problem}`);
  }
}

/** Lambda allows 4 KB for all environment variables of a function together. */
const lambdaEnvironmentBytes = 4096;
const environmentMargin = 256;

function decode(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    // Plain strings (an ARN) are passed as they are, not as JSON.
    return raw;
  }
}

function fieldPath(key: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (field, part) => (typeof part === 'number' ? `${field}[${part}]` : `${field}.${String(part)}`),
    `${stackConfigNamespace}:${key}`,
  );
}

function checkKey<Schema extends z.ZodMiniType>(key: StackConfigKey, schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new StackConfigError(
      issue ? fieldPath(key, issue.path) : fieldPath(key, []),
      value === undefined && issue?.path.length === 0 ? 'required' : (issue?.message ?? 'invalid'),
    );
  }
  return result.data;
}

function checkHeraldConfig(value: unknown): HeraldConfig {
  if (value === undefined) throw new StackConfigError(`${stackConfigNamespace}:config`, 'required (the Herald routing config)');
  try {
    return parseHeraldConfig(value);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // parseHeraldConfig says "invalid config: routes[0].targets[1]: unknown target …"; name the stack key.
    const [, path = '(root)', problem = error.message] = /^invalid config: (.+?): (.*)$/s.exec(error.message) ?? [];
    throw new StackConfigError(`${stackConfigNamespace}:config${path === '(root)' ? '' : `.${path}`}`, problem);
  }
}

function checkWebhooks(herald: HeraldConfig, urls: Record<string, string>): WebhookSecret[] {
  const webhooks: WebhookSecret[] = [];
  const parameterOwners = new Map<string, string>();
  for (const [target, settings] of Object.entries(herald.targets)) {
    const field = `${stackConfigNamespace}:config.targets.${target}.webhook`;
    if (!settings.webhook) {
      throw new StackConfigError(field, 'required: { "ssmParameter": NAME } (the URL itself goes in herald:webhooks)');
    }
    if (!('ssmParameter' in settings.webhook)) {
      throw new StackConfigError(field, 'this deployment keeps webhook URLs in SSM Parameter Store: use { "ssmParameter": NAME }');
    }
    const parameterName = settings.webhook.ssmParameter;
    if (!ssmParameterNamePattern.test(parameterName) || /^\/?(aws|ssm)/i.test(parameterName)) {
      throw new StackConfigError(
        `${field}.ssmParameter`,
        'must be an SSM parameter name (letters, digits, "_", ".", "-", "/"; a path starts with "/"; not starting with "aws" or "ssm")',
      );
    }
    const owner = parameterOwners.get(parameterName);
    if (owner) throw new StackConfigError(`${field}.ssmParameter`, `"${parameterName}" is already the parameter of target "${owner}"`);
    parameterOwners.set(parameterName, target);

    const url = urls[target];
    if (url === undefined) {
      throw new StackConfigError(
        `${stackConfigNamespace}:webhooks.${target}`,
        `missing: set it with \`pulumi config set --secret --path '${stackConfigNamespace}:webhooks.${target}' <URL>\``,
      );
    }
    webhooks.push({ target, parameterName, url: pulumi.secret(url) });
  }
  for (const target of Object.keys(urls)) {
    if (!(target in herald.targets)) {
      throw new StackConfigError(`${stackConfigNamespace}:webhooks.${target}`, `no target "${target}" in herald:config.targets`);
    }
  }
  return webhooks;
}

function checkDeploymentPipelines(herald: HeraldConfig): void {
  for (const [group, settings] of Object.entries(herald.deploymentGroups)) {
    // These names scope the codedeploy notifier's CodePipeline permissions.
    if (settings.pipeline !== undefined && !pipelineNamePattern.test(settings.pipeline)) {
      throw new StackConfigError(
        `${stackConfigNamespace}:config.deploymentGroups.${group}.pipeline`,
        'must be a CodePipeline pipeline name (letters, digits, ".", "@", "_", "-"; no wildcards)',
      );
    }
  }
}

/**
 * Reads and checks the stack configuration; throws a {@link StackConfigError} naming the first bad field.
 * Webhook URLs are wrapped as Pulumi secrets here, before anything else sees them, and never appear in a
 * message.
 *
 * @example
 * const stack = loadStackConfig(pulumiStackConfigSource());
 */
export function loadStackConfig(source: StackConfigSource): StackConfig {
  const prefix = `${stackConfigNamespace}:`;
  for (const key of source.keys()) {
    if (key.startsWith(prefix) && !(stackConfigKeys as string[]).includes(key.slice(prefix.length))) {
      throw new StackConfigError(key, `unknown key (known: ${stackConfigKeys.map((known) => prefix + known).join(', ')})`);
    }
  }
  const read = (key: StackConfigKey) => decode(source.get(prefix + key));

  const herald = checkHeraldConfig(read('config'));
  const repositories = checkKey('repositories', stackConfigKeySchemas.repositories, read('repositories'));
  const pipelines = checkKey('pipelines', stackConfigKeySchemas.pipelines, read('pipelines'));
  const buildProjects = checkKey('buildProjects', stackConfigKeySchemas.buildProjects, read('buildProjects'));
  const deploymentGroups = checkKey('deploymentGroups', stackConfigKeySchemas.deploymentGroups, read('deploymentGroups'));
  const logRetentionDays = checkKey('logRetentionDays', stackConfigKeySchemas.logRetentionDays, read('logRetentionDays'));
  const parametersSecretsExtensionLayerArn = checkKey(
    'parametersSecretsExtensionLayerArn',
    stackConfigKeySchemas.parametersSecretsExtensionLayerArn,
    read('parametersSecretsExtensionLayerArn'),
  );
  const alarmTopicArn = checkKey('alarmTopicArn', stackConfigKeySchemas.alarmTopicArn, read('alarmTopicArn'));

  if (repositories.length + pipelines.length + buildProjects.length + deploymentGroups.length === 0) {
    throw new StackConfigError(
      `${prefix}repositories`,
      'nothing to watch: list at least one of herald:repositories, herald:pipelines, herald:buildProjects, herald:deploymentGroups',
    );
  }

  const region = source.get('aws:region');
  const layerIn = layerRegion(parametersSecretsExtensionLayerArn);
  if (region !== undefined && layerIn !== region) {
    throw new StackConfigError(
      `${prefix}parametersSecretsExtensionLayerArn`,
      `is a layer of ${layerIn ?? 'another region'}, but the stack deploys to aws:region ${region} (a function can only use layers of its own region)`,
    );
  }

  checkDeploymentPipelines(herald);
  const webhooks = checkWebhooks(herald, checkKey('webhooks', stackConfigKeySchemas.webhooks, read('webhooks') ?? {}));

  const heraldConfigJson = JSON.stringify(read('config'));
  const environmentBytes = Buffer.byteLength(`HERALD_CONFIG${heraldConfigJson}`);
  if (environmentBytes > lambdaEnvironmentBytes - environmentMargin) {
    throw new StackConfigError(
      `${prefix}config`,
      `is ${environmentBytes} bytes as JSON; the functions receive it as HERALD_CONFIG and Lambda allows ${lambdaEnvironmentBytes} bytes of environment in all`,
    );
  }

  return {
    herald,
    heraldConfigJson,
    webhooks,
    repositories,
    pipelines,
    buildProjects,
    deploymentGroups: deploymentGroups.map((name) => {
      const [application = '', group = ''] = name.split('/');
      return { application, group };
    }),
    logRetentionDays,
    parametersSecretsExtensionLayerArn,
    ...(alarmTopicArn !== undefined ? { alarmTopicArn } : {}),
  };
}

/**
 * The running stack's configuration. Values are read as text so they can be checked before any resource
 * exists; `herald:webhooks` is decrypted by Pulumi like every secret and wrapped again as a secret by
 * {@link loadStackConfig}.
 */
export function pulumiStackConfigSource(): StackConfigSource {
  return {
    keys: () => Object.keys(pulumi.runtime.allConfig()),
    get: (key) => pulumi.runtime.getConfig(key),
  };
}
