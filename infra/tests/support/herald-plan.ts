import { resolve } from 'node:path';
import { isSecretValue, planProgram, readStackFile, type Plan, type PlannedResource, type StackSettings } from '../../src/plan/index.ts';

/** Recognisable fake webhook URLs: none may appear in clear in any resource input or output. */
export const fakeWebhookUrls = {
  'team-slack': 'https://hooks.slack.example/services/T000/B000/SECRETVALUE',
  releases: 'https://discord.example/api/webhooks/000/SECRETTOKEN',
};

export const exampleStackFile = resolve(import.meta.dirname, '..', '..', 'Pulumi.example.yaml');

/** The example stack (infra/Pulumi.example.yaml) named `test`, with the fake webhook URLs as its secret. */
export function exampleSettings(overrides: Record<string, unknown> = {}): StackSettings {
  const settings = readStackFile(exampleStackFile);
  const config: Record<string, string> = { ...settings.config, 'herald:webhooks': JSON.stringify(fakeWebhookUrls) };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete config[key];
    else config[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return { stack: 'test', config, secretKeys: ['herald:webhooks'] };
}

/** Sets the mocks and the configuration, then imports the program and waits for all its resources. */
export function planHerald(settings: StackSettings = exampleSettings()): Promise<Plan> {
  return planProgram({ settings, loadProgram: () => import('../../src/main.ts') });
}

/** The mock account's ARNs, as the program should build them. */
export const arn = {
  function: (app: string) => `arn:aws:lambda:eu-west-1:123456789012:function:herald-test-${app}`,
  queue: (app: string) => `arn:aws:sqs:eu-west-1:123456789012:herald-test-${app}-dlq`,
  queueUrl: (app: string) => `https://sqs.eu-west-1.amazonaws.com/123456789012/herald-test-${app}-dlq`,
  topic: (name: string) => `arn:aws:sns:eu-west-1:123456789012:${name}`,
  rule: (name: string) => `arn:aws:events:eu-west-1:123456789012:rule/${name}`,
  repository: (name: string) => `arn:aws:codecommit:eu-west-1:123456789012:${name}`,
  pipeline: (name: string) => `arn:aws:codepipeline:eu-west-1:123456789012:${name}`,
  parameter: (name: string) => `arn:aws:ssm:eu-west-1:123456789012:parameter/${name.replace(/^\//, '')}`,
  logGroup: (app: string) => `arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/herald-test-${app}`,
  ssmKey: 'arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
};

export function resourcesOfType(resources: readonly PlannedResource[], type: string): PlannedResource[] {
  return resources.filter((resource) => resource.type === type);
}

/** The one resource of this type and logical name; fails the test otherwise. */
export function resource(resources: readonly PlannedResource[], type: string, name: string): PlannedResource {
  const matches = resources.filter((candidate) => candidate.type === type && candidate.name === name);
  if (matches.length !== 1) {
    const known = resourcesOfType(resources, type).map((candidate) => candidate.name);
    throw new Error(`expected one ${type} named ${name}, found ${matches.length} (of this type: ${known.join(', ')})`);
  }
  return matches[0]!;
}

/** A JSON-text input (policy, event pattern) as an object. */
export function jsonInput(target: PlannedResource, input: string): Record<string, unknown> {
  const value = target.inputs[input];
  if (typeof value !== 'string') throw new Error(`${target.name}.${input} is not JSON text`);
  return JSON.parse(value) as Record<string, unknown>;
}

/** Where a text appears in a value outside of secrets, as paths like `environment.variables.HERALD_CONFIG`. */
export function plainTextPaths(value: unknown, needle: string, path = ''): string[] {
  if (isSecretValue(value)) return [];
  if (typeof value === 'string') return value.includes(needle) ? [path || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => plainTextPaths(item, needle, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => plainTextPaths(item, needle, path ? `${path}.${key}` : key));
  }
  return [];
}
