import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan, PlannedResource } from '../../src/plan/index.ts';
import { arn, jsonInput, planHerald, resource, resourcesOfType } from '../support/herald-plan.ts';

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const statementsOf = (policyHolder: PlannedResource, input: string) =>
  jsonInput(policyHolder, input)['Statement'] as Statement[];

/** Each role's inline policy, by the app of the function that runs with it. */
const policyOf = (plan: Plan, app: string) =>
  statementsOf(resource(plan.resources, 'aws:iam/rolePolicy:RolePolicy', `herald-${app}-policy`), 'policy');

const parameterArns = [arn.parameter('/herald/example/team-slack'), arn.parameter('/herald/example/releases')];

/** What every notifier needs whatever it watches: its logs, its queue, its webhooks. */
const commonStatements = (app: string): Statement[] => [
  {
    Sid: 'WriteOwnLogs',
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: `${arn.logGroup(app)}:*`,
  },
  { Sid: 'ParkFailedInvocations', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: arn.queue(app) },
  { Sid: 'ReadWebhookParameters', Effect: 'Allow', Action: 'ssm:GetParameter', Resource: parameterArns },
  {
    Sid: 'DecryptWebhookParameters',
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: arn.ssmKey,
    Condition: {
      StringEquals: { 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com', 'kms:EncryptionContext:PS_ARN': parameterArns },
    },
  },
];

const pipelineReads = ['codepipeline:GetPipelineExecution', 'codepipeline:ListActionExecutions', 'codepipeline:GetPipelineState'];

let plan: Plan;

beforeAll(async () => {
  plan = await planHerald();
});

describe('Herald program: least privilege', () => {
  it('never allows a wildcard action, nor a wildcard resource beyond a log group\'s own streams, in any policy', () => {
    // Prepare
    const documents = [
      ...resourcesOfType(plan.resources, 'aws:iam/rolePolicy:RolePolicy').map((holder) => statementsOf(holder, 'policy')),
      ...resourcesOfType(plan.resources, 'aws:iam/role:Role').map((holder) => statementsOf(holder, 'assumeRolePolicy')),
      ...resourcesOfType(plan.resources, 'aws:sqs/queuePolicy:QueuePolicy').map((holder) => statementsOf(holder, 'policy')),
    ];

    // Act
    const statements = documents.flat();
    const actions = statements.flatMap((statement) => list(statement.Action));
    const resources = statements.flatMap((statement) => list(statement.Resource));

    // Assess
    expect(documents).toHaveLength(3 * 3);
    expect(statements.every((statement) => statement.Effect === 'Allow')).toBe(true);
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    expect(resources.filter((name) => name.includes('*') && !/^arn:aws:logs:[^*]+:log-group:[^*]+:\*$/.test(name))).toEqual([]);
  });

  it('attaches no managed policy and no other IAM resource than each function\'s role and inline policy', () => {
    // Act
    const iamResources = plan.resources.filter((planned) => planned.type.startsWith('aws:iam/'));

    // Assess
    expect(iamResources.map((planned) => planned.type).sort()).toEqual([
      ...Array<string>(3).fill('aws:iam/role:Role'),
      ...Array<string>(3).fill('aws:iam/rolePolicy:RolePolicy'),
    ]);
  });

  it('lets only Lambda assume the roles', () => {
    for (const role of resourcesOfType(plan.resources, 'aws:iam/role:Role')) {
      // Act
      const statements = statementsOf(role, 'assumeRolePolicy');

      // Assess
      expect(statements).toEqual([
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ]);
    }
  });

  it('lets the codecommit notifier read commits and differences of the watched repositories only', () => {
    // Act
    const statements = policyOf(plan, 'codecommit-notifier');

    // Assess
    expect(statements).toEqual([
      ...commonStatements('codecommit-notifier'),
      {
        Sid: 'ReadWatchedRepositories',
        Effect: 'Allow',
        Action: ['codecommit:GetCommit', 'codecommit:GetDifferences'],
        Resource: [arn.repository('web-shop'), arn.repository('payments-api')],
      },
    ]);
  });

  it('lets the codepipeline notifier read executions and state of the watched pipelines only', () => {
    // Act
    const statements = policyOf(plan, 'codepipeline-notifier');

    // Assess
    expect(statements).toEqual([
      ...commonStatements('codepipeline-notifier'),
      { Sid: 'ReadWatchedPipelines', Effect: 'Allow', Action: pipelineReads, Resource: [arn.pipeline('web-shop-release')] },
    ]);
  });

  it('lets the codedeploy notifier read only the pipelines that deploy the watched groups', () => {
    // Act
    const statements = policyOf(plan, 'codedeploy-notifier');

    // Assess
    expect(statements).toEqual([
      ...commonStatements('codedeploy-notifier'),
      { Sid: 'ReadWatchedPipelines', Effect: 'Allow', Action: pipelineReads, Resource: [arn.pipeline('web-shop-release')] },
    ]);
  });

  it('decrypts only through Parameter Store, and only the webhook parameters', () => {
    // Prepare
    const statements = ['codecommit-notifier', 'codedeploy-notifier', 'codepipeline-notifier'].flatMap((app) =>
      policyOf(plan, app),
    );

    // Act
    const kms = statements.filter((statement) => list(statement.Action).some((action) => action.startsWith('kms:')));

    // Assess
    expect(kms).toHaveLength(3);
    for (const statement of kms) {
      expect(list(statement.Action)).toEqual(['kms:Decrypt']);
      expect(statement.Resource).toBe(arn.ssmKey);
      expect(statement.Condition?.['StringEquals']?.['kms:ViaService']).toBe('ssm.eu-west-1.amazonaws.com');
      expect(statement.Condition?.['StringEquals']?.['kms:EncryptionContext:PS_ARN']).toEqual(parameterArns);
    }
  });

  it('lets SNS and EventBridge invoke a function only from the topic or rule that feeds it', () => {
    // Act
    const permissions = resourcesOfType(plan.resources, 'aws:lambda/permission:Permission').map((permission) => ({
      principal: permission.inputs['principal'],
      sourceArn: permission.inputs['sourceArn'],
      function: permission.inputs['function'],
    }));

    // Assess
    expect(permissions).toHaveLength(6);
    expect(permissions).toEqual(
      expect.arrayContaining([
        { principal: 'sns.amazonaws.com', sourceArn: arn.topic('herald-repositories-triggers'), function: 'herald-test-codecommit-notifier' },
        { principal: 'sns.amazonaws.com', sourceArn: arn.topic('herald-pipelines-approvals'), function: 'herald-test-codepipeline-notifier' },
        { principal: 'events.amazonaws.com', sourceArn: arn.rule('herald-repositories-pull-requests'), function: 'herald-test-codepipeline-notifier' },
        { principal: 'events.amazonaws.com', sourceArn: arn.rule('herald-pipelines-executions'), function: 'herald-test-codepipeline-notifier' },
        { principal: 'events.amazonaws.com', sourceArn: arn.rule('herald-pipelines-builds'), function: 'herald-test-codepipeline-notifier' },
        { principal: 'events.amazonaws.com', sourceArn: arn.rule('herald-deployments-deployments'), function: 'herald-test-codedeploy-notifier' },
      ]),
    );
  });
});
