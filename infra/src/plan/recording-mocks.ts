import * as pulumi from '@pulumi/pulumi';

/** One resource the program registered, with its inputs as the engine would receive them. */
export interface PlannedResource {
  type: string;
  name: string;
  /** Secrets stay wrapped (see {@link isSecretValue}); assets and archives are SDK objects. */
  inputs: Record<string, unknown>;
}

/** The account, region and partition the mocks answer with. */
export interface MockAccount {
  accountId: string;
  region: string;
  partition: string;
}

export const defaultMockAccount: MockAccount = { accountId: '123456789012', region: 'eu-west-1', partition: 'aws' };

/** Whether a recorded input value is a Pulumi secret (as the engine receives secrets). */
export function isSecretValue(value: unknown): value is { value: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig
  );
}

function physicalName(args: pulumi.runtime.MockResourceArgs): string {
  const name = args.inputs['name'];
  return typeof name === 'string' ? name : args.name;
}

/** What AWS would return as outputs: the inputs, plus the ARN (and URL) the program wires with. */
function mockState(args: pulumi.runtime.MockResourceArgs, account: MockAccount): Record<string, unknown> {
  const { accountId, region, partition } = account;
  const name = physicalName(args);
  const arn = (service: string, resource: string) => `arn:${partition}:${service}:${region}:${accountId}:${resource}`;
  switch (args.type) {
    case 'aws:sns/topic:Topic':
      return { ...args.inputs, name, arn: arn('sns', name) };
    case 'aws:sqs/queue:Queue':
      return { ...args.inputs, name, arn: arn('sqs', name), url: `https://sqs.${region}.amazonaws.com/${accountId}/${name}` };
    case 'aws:lambda/function:Function':
      return { ...args.inputs, name, arn: arn('lambda', `function:${name}`) };
    case 'aws:iam/role:Role':
      return { ...args.inputs, name, arn: `arn:${partition}:iam::${accountId}:role/${name}` };
    case 'aws:cloudwatch/logGroup:LogGroup':
      return { ...args.inputs, name, arn: arn('logs', `log-group:${name}`) };
    case 'aws:cloudwatch/eventRule:EventRule':
      return { ...args.inputs, name, arn: arn('events', `rule/${name}`) };
    case 'aws:ssm/parameter:Parameter':
      return { ...args.inputs, name, arn: arn('ssm', `parameter/${name.replace(/^\//, '')}`) };
    case 'aws:cloudwatch/metricAlarm:MetricAlarm':
      return { ...args.inputs, name, arn: arn('cloudwatch', `alarm:${name}`) };
    default:
      return { ...args.inputs };
  }
}

/**
 * Pulumi mocks that record every resource the program registers and answer the few look-ups it makes
 * (account, region, partition, the aws/ssm key), so the program runs with no cloud and no CLI.
 *
 * @example
 * const { mocks, resources } = createRecordingMocks();
 * await pulumi.runtime.setMocks(mocks, 'herald', 'test');
 * await import('../src/main.ts');
 */
export function createRecordingMocks(account: MockAccount = defaultMockAccount): {
  mocks: pulumi.runtime.Mocks;
  resources: PlannedResource[];
} {
  const resources: PlannedResource[] = [];
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      resources.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown> });
      return { id: `${args.name}-id`, state: mockState(args, account) };
    },
    call(args) {
      switch (args.token) {
        case 'aws:index/getCallerIdentity:getCallerIdentity':
          return {
            accountId: account.accountId,
            arn: `arn:${account.partition}:iam::${account.accountId}:user/deployer`,
            id: account.accountId,
            userId: 'AIDAEXAMPLE',
          };
        case 'aws:index/getRegion:getRegion':
          return { region: account.region, name: account.region, id: account.region };
        case 'aws:index/getPartition:getPartition':
          return { partition: account.partition, dnsSuffix: 'amazonaws.com', id: account.partition };
        case 'aws:kms/getKey:getKey': {
          const keyId = '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
          return {
            id: keyId,
            keyId,
            arn: `arn:${account.partition}:kms:${account.region}:${account.accountId}:key/${keyId}`,
          };
        }
        default:
          throw new Error(`no mock for the look-up ${args.token}`);
      }
    },
  };
  return { mocks, resources };
}

/**
 * Waits until the program stops registering resources: registrations wait for their inputs, so some happen
 * several turns after the program's outputs resolve.
 */
export async function settleRegistrations(resources: readonly unknown[], quietMs = 50, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  let seen = -1;
  while (seen !== resources.length) {
    if (Date.now() - started > timeoutMs) throw new Error('the program kept registering resources');
    seen = resources.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/** The value of an output, once known. */
export function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}
