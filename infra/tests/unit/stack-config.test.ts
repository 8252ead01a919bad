import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { outputValue } from '../../src/plan/index.ts';
import { loadStackConfig, StackConfigError, type StackConfigSource } from '../../src/stack-config/index.ts';
import { exampleSettings, fakeWebhookUrls } from '../support/herald-plan.ts';

/** The example stack's configuration, with keys replaced (a value) or removed (`undefined`). */
function source(overrides: Record<string, unknown> = {}): StackConfigSource {
  const { config } = exampleSettings(overrides);
  return { keys: () => Object.keys(config), get: (key) => config[key] };
}

const exampleHeraldConfig = JSON.parse(exampleSettings().config['herald:config']!) as {
  targets: Record<string, Record<string, unknown>>;
  routes: unknown[];
  deploymentGroups: Record<string, Record<string, unknown>>;
};

/** The example Herald config with one change. */
function heraldConfigWith(change: (config: typeof exampleHeraldConfig) => void) {
  const config = structuredClone(exampleHeraldConfig);
  change(config);
  return config;
}

function loadError(overrides: Record<string, unknown>): StackConfigError {
  try {
    loadStackConfig(source(overrides));
  } catch (error) {
    if (error instanceof StackConfigError) return error;
    throw error;
  }
  throw new Error('the stack config was accepted');
}

describe('loadStackConfig', () => {
  it('accepts the example stack and reads every key', async () => {
    // Act
    const stack = loadStackConfig(source());

    // Assess
    expect(stack).toMatchObject({
      repositories: ['web-shop', 'payments-api'],
      pipelines: ['web-shop-release'],
      buildProjects: ['nightly-integration-tests'],
      deploymentGroups: [{ application: 'web-shop', group: 'production' }],
      logRetentionDays: 30,
      parametersSecretsExtensionLayerArn:
        'arn:aws:lambda:eu-west-1:015030872274:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:11',
      alarmTopicArn: 'arn:aws:sns:eu-west-1:123456789012:ops-alarms',
    });
    expect(Object.keys(stack.herald.targets)).toEqual(['team-slack', 'releases']);
    expect(stack.webhooks.map(({ target, parameterName }) => ({ target, parameterName }))).toEqual([
      { target: 'team-slack', parameterName: '/herald/example/team-slack' },
      { target: 'releases', parameterName: '/herald/example/releases' },
    ]);
    expect(await pulumi.isSecret(stack.webhooks[0]!.url)).toBe(true);
    expect(await outputValue(stack.webhooks[0]!.url)).toBe(fakeWebhookUrls['team-slack']);
    expect(stack.heraldConfigJson).not.toContain('SECRET');
  });

  it('uses 30 days of log retention and no alarm topic when not set', () => {
    // Act
    const stack = loadStackConfig(source({ 'herald:logRetentionDays': undefined, 'herald:alarmTopicArn': undefined }));

    // Assess
    expect(stack.logRetentionDays).toBe(30);
    expect(stack).not.toHaveProperty('alarmTopicArn');
  });

  it('fails as a Pulumi RunError, so `pulumi up` prints the message without a stack trace', () => {
    // Act
    const error = loadError({ 'herald:repositories': ['*'] });

    // Assess
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/^invalid stack config: herald:repositories\[0\]: /);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['the Herald config is missing', { 'herald:config': undefined }, 'herald:config: required'],
    [
      'a route names an unknown target',
      { 'herald:config': heraldConfigWith((config) => config.routes.push({ targets: ['ops'] })) },
      'herald:config.routes[3].targets[0]: unknown target "ops"',
    ],
    [
      'a target has no webhook',
      { 'herald:config': heraldConfigWith((config) => delete config.targets['releases']!['webhook']) },
      'herald:config.targets.releases.webhook: required',
    ],
    [
      'a target keeps its webhook in Secrets Manager',
      { 'herald:config': heraldConfigWith((config) => (config.targets['releases']!['webhook'] = { secretId: 'herald/releases' })) },
      'herald:config.targets.releases.webhook: this deployment keeps webhook URLs in SSM Parameter Store',
    ],
    [
      'a parameter name is a URL',
      {
        'herald:config': heraldConfigWith(
          (config) => (config.targets['releases']!['webhook'] = { ssmParameter: 'https://discord.example/x' }),
        ),
      },
      'herald:config.targets.releases.webhook.ssmParameter: must be an SSM parameter name',
    ],
    [
      'two targets share a parameter',
      {
        'herald:config': heraldConfigWith(
          (config) => (config.targets['releases']!['webhook'] = { ssmParameter: '/herald/example/team-slack' }),
        ),
      },
      'herald:config.targets.releases.webhook.ssmParameter: "/herald/example/team-slack" is already the parameter of target "team-slack"',
    ],
    [
      'a deployment group names a pipeline with a wildcard',
      {
        'herald:config': heraldConfigWith(
          (config) => (config.deploymentGroups['web-shop/production']!['pipeline'] = 'web-*'),
        ),
      },
      'herald:config.deploymentGroups.web-shop/production.pipeline: must be a CodePipeline pipeline name',
    ],
    [
      'a target has no URL',
      { 'herald:webhooks': { 'team-slack': fakeWebhookUrls['team-slack'] } },
      "herald:webhooks.releases: missing: set it with `pulumi config set --secret --path 'herald:webhooks.releases' <URL>`",
    ],
    [
      'a URL has no target',
      { 'herald:webhooks': { ...fakeWebhookUrls, ops: 'https://hooks.slack.example/services/T000/B000/OPS' } },
      'herald:webhooks.ops: no target "ops" in herald:config.targets',
    ],
    [
      'a repository name holds a wildcard',
      { 'herald:repositories': ['web-shop', 'pay*'] },
      'herald:repositories[1]: must be a CodeCommit repository name',
    ],
    ['a repository is listed twice', { 'herald:repositories': ['web-shop', 'web-shop'] }, 'herald:repositories: lists a repository more than once'],
    ['pipelines are not a list', { 'herald:pipelines': 'web-shop-release' }, 'herald:pipelines: must be a list of pipeline names'],
    ['a build project name holds a wildcard', { 'herald:buildProjects': ['nightly-?'] }, 'herald:buildProjects[0]: must be a CodeBuild project name'],
    [
      'a deployment group is not application/group',
      { 'herald:deploymentGroups': ['production'] },
      'herald:deploymentGroups[0]: must be "application/deployment-group"',
    ],
    [
      'nothing is watched',
      { 'herald:repositories': [], 'herald:pipelines': undefined, 'herald:buildProjects': undefined, 'herald:deploymentGroups': [] },
      'herald:repositories: nothing to watch',
    ],
    ['the log retention is not a CloudWatch period', { 'herald:logRetentionDays': 10 }, 'herald:logRetentionDays: must be one of'],
    ['the layer is missing', { 'herald:parametersSecretsExtensionLayerArn': undefined }, 'herald:parametersSecretsExtensionLayerArn: required'],
    [
      'the layer is the x86 one',
      {
        'herald:parametersSecretsExtensionLayerArn':
          'arn:aws:lambda:eu-west-1:015030872274:layer:AWS-Parameters-and-Secrets-Lambda-Extension:11',
      },
      'herald:parametersSecretsExtensionLayerArn: must be the arm64 layer ARN',
    ],
    [
      'the layer is of another region',
      {
        'herald:parametersSecretsExtensionLayerArn':
          'arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:11',
      },
      'herald:parametersSecretsExtensionLayerArn: is a layer of us-east-1, but the stack deploys to aws:region eu-west-1',
    ],
    ['the alarm topic is not an SNS topic ARN', { 'herald:alarmTopicArn': 'ops-alarms' }, 'herald:alarmTopicArn: must be an SNS topic ARN'],
    ['a key is misspelt', { 'herald:repository': ['web-shop'] }, 'herald:repository: unknown key'],
    [
      'the Herald config is too large for a Lambda environment',
      {
        'herald:config': heraldConfigWith((config) => {
          for (let index = 0; index < 100; index += 1) config.routes.push({ name: `route-${index}`, targets: ['releases'] });
        }),
      },
      'herald:config: is ',
    ],
  ])('names the field when %s', (_case, overrides, expected) => {
    // Act
    const error = loadError(overrides);

    // Assess
    expect(error.message).toContain(`invalid stack config: ${expected}`);
  });

  it('never quotes a webhook URL in a message', () => {
    // Prepare
    const insecure = 'http://hooks.slack.example/services/T000/B000/SECRETVALUE';

    // Act
    const error = loadError({ 'herald:webhooks': { ...fakeWebhookUrls, 'team-slack': insecure } });

    // Assess
    expect(error.message).toBe(
      'invalid stack config: herald:webhooks.team-slack: must be an https URL (value not shown: it is a secret)',
    );
    expect(error.message).not.toContain('SECRETVALUE');
  });
});
