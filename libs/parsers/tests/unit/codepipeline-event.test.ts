import type { PipelineExecutionEvent } from '@herald/model';
import { listFixtures, loadFixture } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import { deliverAs, deliveryForms, eventBridgeEvent, notificationRuleMessage } from '../helpers/developer-tool-events.ts';
import { expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';

const PIPELINE_STATE_CHANGE = 'CodePipeline Pipeline Execution State Change';
const STAGE_STATE_CHANGE = 'CodePipeline Stage Execution State Change';
const ACTION_STATE_CHANGE = 'CodePipeline Action Execution State Change';

const MY_PIPELINE = {
  account: '123456789012',
  eventId: '01234567-EXAMPLE',
  pipeline: 'myPipeline',
  executionId: '12345678-1234-5678-abcd-12345678abcd',
} as const;

const GITHUB_COMMIT_MESSAGE = 'The example pipeline now also creates the notification rules expected by\nthe pipeline monitor.';
const GITHUB_COMMIT_URL =
  'https://ap-southeast-2.console.aws.amazon.com/codesuite/settings/connections/redirect?connectionArn=arn:aws:codestar-connections:ap-southeast-2:111111111111:connection/11c9e&referenceType=COMMIT&FullRepositoryId=quicken/aws-code-pipeline-monitor&Commit=f7ec85262da48e2b15d03037b138963c5a89d39f';

/** What each CodePipeline execution fixture must parse to, in full. */
const EXPECTED_BY_FIXTURE: Record<string, PipelineExecutionEvent> = {
  'codepipeline/codepipeline-eventbridge-pipeline-started-awsdocs.json': {
    kind: 'codepipeline.execution',
    via: 'eventbridge',
    level: 'pipeline',
    region: 'us-east-1',
    ...MY_PIPELINE,
    time: '2020-01-24T22:03:07.000Z',
    state: 'started',
    rawState: 'STARTED',
    trigger: { type: 'StartPipelineExecution', detail: 'arn:aws:sts::123456789012:assumed-role/Admin/my-user' },
    pipelineVersion: 1,
  },
  'codepipeline/codepipeline-eventbridge-pipeline-succeeded-awsdocs.json': {
    kind: 'codepipeline.execution',
    via: 'eventbridge',
    level: 'pipeline',
    region: 'us-east-1',
    ...MY_PIPELINE,
    time: '2020-01-24T22:03:44.000Z',
    state: 'succeeded',
    rawState: 'SUCCEEDED',
    pipelineVersion: 3,
  },
  'codepipeline/codepipeline-eventbridge-pipeline-failed-awsdocs.json': {
    kind: 'codepipeline.execution',
    via: 'eventbridge',
    level: 'pipeline',
    region: 'us-west-2',
    ...MY_PIPELINE,
    time: '2020-01-31T18:55:43.000Z',
    state: 'failed',
    rawState: 'FAILED',
    pipelineVersion: 4,
  },
  'codepipeline/codepipeline-eventbridge-stage-started-awsdocs.json': {
    kind: 'codepipeline.execution',
    via: 'eventbridge',
    level: 'stage',
    region: 'us-east-1',
    ...MY_PIPELINE,
    time: '2020-01-24T22:03:07.000Z',
    state: 'started',
    rawState: 'STARTED',
    stage: 'Prod',
    pipelineVersion: 1,
  },
  'codepipeline/codepipeline-eventbridge-action-succeeded-awsdocs.json': {
    kind: 'codepipeline.execution',
    via: 'eventbridge',
    level: 'action',
    region: 'us-west-2',
    ...MY_PIPELINE,
    time: '2020-01-24T22:03:11.000Z',
    state: 'succeeded',
    rawState: 'SUCCEEDED',
    stage: 'Source',
    action: 'Source',
    actionType: { owner: 'AWS', provider: 'CodeCommit', category: 'Source' },
    result: {
      summary: 'Added LICENSE.txt',
      url: 'https://us-west-2.console.aws.amazon.com/codecommit/home#/repository/my-repo/commit/8cf40f2EXAMPLE',
      externalId: '8cf40fEXAMPLE',
    },
    sourceRevisions: [
      {
        action: 'Source',
        revisionId: '8cf40fEXAMPLE',
        summary: 'Added LICENSE.txt',
        url: 'https://us-west-2.console.aws.amazon.com/codecommit/home#/repository/my-repo/commit/8cf40f2EXAMPLE',
      },
    ],
    pipelineVersion: 3,
  },
  'codepipeline/codepipeline-eventbridge-action-failed-awsdocs.json': {
    kind: 'codepipeline.execution',
    via: 'eventbridge',
    level: 'action',
    region: 'us-west-2',
    ...MY_PIPELINE,
    time: '2020-01-31T18:55:43.000Z',
    state: 'failed',
    rawState: 'FAILED',
    stage: 'Deploy',
    action: 'Deploy',
    actionType: { owner: 'AWS', provider: 'CodeDeploy', category: 'Deploy' },
    result: {
      summary: 'Deployment <ID> failed',
      url: 'https://us-west-2.console.aws.amazon.com/codedeploy/home?#/deployments/<ID>',
      externalId: '<ID>',
      errorCode: 'JobFailed',
    },
    pipelineVersion: 4,
  },
  'codestar-notifications/codestar-message-codepipeline-action-failed-awsdocs.json': {
    kind: 'codepipeline.execution',
    via: 'notification-rule',
    level: 'action',
    region: 'us-west-2',
    account: '123456789012',
    time: '2021-06-24T00:46:16.000Z',
    pipeline: 'myPipeline',
    executionId: '12345678-1234-5678-abcd-12345678abcd',
    state: 'failed',
    rawState: 'FAILED',
    stage: 'Deploy',
    action: 'Deploy',
    actionType: { owner: 'AWS', provider: 'CodeDeploy', category: 'Deploy' },
    result: {
      summary: 'Deployment <ID> failed',
      url: 'https://console.aws.amazon.com/codedeploy/home?region=us-west-2#/deployments/<ID>',
      externalId: '<ID>',
      errorCode: 'JobFailed',
    },
    failedActions: [{ stage: 'Deploy', action: 'Deploy', info: 'Deployment <ID> failed' }],
    pipelineVersion: 13,
  },
  'codestar-notifications/codestar-message-codepipeline-action-source-succeeded-github-meerkat.json': {
    kind: 'codepipeline.execution',
    via: 'notification-rule',
    level: 'action',
    region: 'ap-southeast-2',
    account: '111111111111',
    time: '2021-09-25T07:57:18.000Z',
    pipeline: 'example-pipe-monitor-codepipeline',
    executionId: 'a6bf7e98-2fd2-4977-aed8-c4abd047a8c0',
    state: 'succeeded',
    rawState: 'SUCCEEDED',
    stage: 'Source',
    action: 'Source',
    actionType: { owner: 'AWS', provider: 'CodeStarSourceConnection', category: 'Source' },
    result: { summary: GITHUB_COMMIT_MESSAGE, url: GITHUB_COMMIT_URL, externalId: 'f7ec85262da48e2b15d03037b138963c5a89ffff' },
    sourceRevisions: [
      { action: 'Source', revisionId: 'f7ec85262da48e2b15d03037b138963c5a89ffff', summary: GITHUB_COMMIT_MESSAGE, url: GITHUB_COMMIT_URL },
    ],
    pipelineVersion: 16,
  },
  'codestar-notifications/codestar-message-codepipeline-pipeline-failed-awsdocs.json': {
    kind: 'codepipeline.execution',
    via: 'notification-rule',
    level: 'pipeline',
    region: 'us-west-2',
    account: '123456789012',
    time: '2021-06-24T00:46:16.000Z',
    pipeline: 'myPipeline',
    executionId: '12345678-1234-5678-abcd-12345678abcd',
    state: 'failed',
    rawState: 'FAILED',
    failedActions: [{ stage: 'Deploy', action: 'Deploy', info: 'Deployment <ID> failed' }],
    pipelineVersion: 1,
  },
  'codestar-notifications/codestar-message-codepipeline-stage-failed-codebuild-meerkat.json': {
    kind: 'codepipeline.execution',
    via: 'notification-rule',
    level: 'stage',
    region: 'ap-southeast-2',
    account: '000000000000',
    time: '2022-03-30T09:07:15.000Z',
    pipeline: 'meerkat',
    executionId: '94fb261b-65d0-41ba-bea3-b08420e9b5e7',
    state: 'failed',
    rawState: 'FAILED',
    stage: 'Build',
    failedActions: [{ stage: 'Build', action: 'Build', info: 'Build terminated with state: FAILED' }],
    pipelineVersion: 16,
  },
  'codestar-notifications/codestar-sns-lambda-codepipeline-pipeline-started.json': {
    kind: 'codepipeline.execution',
    via: 'notification-rule',
    level: 'pipeline',
    region: 'us-east-1',
    account: '429533234373',
    time: '2022-08-23T11:07:17.000Z',
    pipeline: 'vrathore-slack-test2-sandbox-pipeline',
    executionId: 'b7c9a84b-aebf-4f02-9a6a-336282893747',
    state: 'started',
    rawState: 'STARTED',
    trigger: {
      type: 'StartPipelineExecution',
      detail: 'arn:aws:sts::429533234373:assumed-role/RE-Sandbox_only_dev_JTG/vrathore@homestoryrewards.com',
    },
    pipelineVersion: 1,
  },
};

const executionFixtures = [
  ...listFixtures('codepipeline', 'codepipeline-eventbridge-'),
  ...listFixtures('codestar-notifications').filter((fixture) => fixture.includes('codepipeline')),
];

const PIPELINE_RESOURCE = 'arn:aws:codepipeline:eu-west-1:123456789012:release';

/** The event of a detail as EventBridge delivers it. */
function parseDetail(detailType: string, detail: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return expectOneEvent(parseLambdaEvent(eventBridgeEvent(detailType, detail, overrides)), 'codepipeline.execution');
}

/** The event of a notification-rule message delivered by SNS. */
function parseNotification(detailType: string, detail: Record<string, unknown>, additionalAttributes: unknown) {
  const input = deliverAs('SNS to Lambda', notificationRuleMessage(detailType, detail, additionalAttributes));
  return expectOneEvent(parseLambdaEvent(input), 'codepipeline.execution');
}

describe('parseCodePipelineEvent', () => {
  it('has an expectation for every execution fixture', () => {
    // Prepare
    const expected = Object.keys(EXPECTED_BY_FIXTURE).sort();

    // Act
    const found = [...executionFixtures].sort();

    // Assess
    expect(found).toEqual(expected);
  });

  it.each(executionFixtures)('parses the fixture %s into its full execution event', (fixture) => {
    // Prepare
    const input = loadFixture(fixture);

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codepipeline.execution');

    // Assess
    expect(event).toStrictEqual(EXPECTED_BY_FIXTURE[fixture]);
  });

  it('reads a superseded pipeline execution', () => {
    // Prepare
    const detail = { pipeline: 'release', 'execution-id': 'e-2', state: 'SUPERSEDED', version: 7 };

    // Act
    const event = parseDetail(PIPELINE_STATE_CHANGE, detail, { resources: [PIPELINE_RESOURCE] });

    // Assess
    expect(event).toStrictEqual({
      kind: 'codepipeline.execution',
      via: 'eventbridge',
      level: 'pipeline',
      region: 'eu-west-1',
      account: '123456789012',
      time: '2024-05-01T12:34:56.000Z',
      eventId: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      pipeline: 'release',
      executionId: 'e-2',
      state: 'superseded',
      rawState: 'SUPERSEDED',
      pipelineVersion: 7,
    });
  });

  it.each([
    ['STARTED', 'started'],
    ['SUCCEEDED', 'succeeded'],
    ['FAILED', 'failed'],
    ['CANCELED', 'canceled'],
    ['Cancelled', 'canceled'],
    ['SUPERSEDED', 'superseded'],
    ['RESUMED', 'resumed'],
    ['STOPPED', 'stopped'],
    ['STOPPING', 'stopping'],
    ['ABANDONED', 'abandoned'],
    ['succeeded', 'succeeded'],
    ['PAUSED', 'unknown'],
  ])('reads the state %s as %s and keeps it as sent', (state, expected) => {
    // Prepare
    const detail = { pipeline: 'release', 'execution-id': 'e-1', stage: 'Build', state };

    // Act
    const event = parseDetail(STAGE_STATE_CHANGE, detail);

    // Assess
    expect([event.level, event.state, event.rawState]).toEqual(['stage', expected, state]);
  });

  it.each([
    [4, 4],
    [5.0, 5],
    ['1', 1],
    ['2.0', 2],
    ['v1', undefined],
    [-1, undefined],
    [1.5, undefined],
  ])('reads the version %j as %j', (version, expected) => {
    // Prepare
    const detail = { pipeline: 'release', 'execution-id': 'e-1', state: 'STARTED', version };

    // Act
    const event = parseDetail(PIPELINE_STATE_CHANGE, detail);

    // Assess
    expect(event.pipelineVersion).toBe(expected);
  });

  it('reads the commit message out of a Bitbucket source summary sent as JSON text', () => {
    // Prepare
    const detail = {
      pipeline: 'release',
      'execution-id': 'e-1',
      stage: 'Source',
      action: 'Checkout',
      state: 'SUCCEEDED',
      type: { owner: 'AWS', provider: 'CodeStarSourceConnection', category: 'Source', version: '1' },
      'execution-result': {
        'external-execution-url': 'https://bitbucket.org/team/repo/commits/0c1d2e3',
        'external-execution-summary': '{"ProviderType":"Bitbucket","CommitMessage":"Fix <!here> in *release* notes"}',
        'external-execution-id': '0c1d2e3',
      },
    };

    // Act
    const event = parseDetail(ACTION_STATE_CHANGE, detail);

    // Assess
    expect(event.result).toEqual({ summary: 'Fix <!here> in *release* notes', url: 'https://bitbucket.org/team/repo/commits/0c1d2e3', externalId: '0c1d2e3' });
    expect(event.sourceRevisions).toEqual([
      { action: 'Checkout', revisionId: '0c1d2e3', summary: 'Fix <!here> in *release* notes', url: 'https://bitbucket.org/team/repo/commits/0c1d2e3' },
    ]);
  });

  it.each([
    ['JSON text without a commit message', '{"ProviderType":"GitHub"}'],
    ['text that only starts like JSON', '{not json} fixed the build'],
    ['a JSON array', '["a", "b"]'],
  ])('keeps a summary that is %s exactly as sent', (_label, summary) => {
    // Prepare
    const detail = {
      pipeline: 'release',
      'execution-id': 'e-1',
      stage: 'Build',
      action: 'Build',
      state: 'SUCCEEDED',
      type: { category: 'Build' },
      'execution-result': { 'external-execution-summary': summary },
    };

    // Act
    const event = parseDetail(ACTION_STATE_CHANGE, detail);

    // Assess
    expect(event.result).toEqual({ summary });
    expect(event.sourceRevisions).toBeUndefined();
  });

  it('leaves out action details it cannot read instead of failing the event', () => {
    // Prepare
    const detail = {
      pipeline: 'release',
      'execution-id': 'e-1',
      stage: 'Build',
      action: 'Build',
      state: 'STARTED',
      type: 'CodeBuild',
      'execution-trigger': [],
      'execution-result': 42,
    };

    // Act
    const event = parseDetail(ACTION_STATE_CHANGE, detail);

    // Assess
    expect(event).toStrictEqual({
      kind: 'codepipeline.execution',
      via: 'eventbridge',
      level: 'action',
      region: 'eu-west-1',
      account: '123456789012',
      time: '2024-05-01T12:34:56.000Z',
      eventId: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      pipeline: 'release',
      executionId: 'e-1',
      state: 'started',
      rawState: 'STARTED',
      stage: 'Build',
      action: 'Build',
    });
  });

  it('reads the source actions a notification rule lists for a stage, whatever their variables are called', () => {
    // Prepare
    const detail = { pipeline: 'release', 'execution-id': 'e-1', stage: 'Source', state: 'STARTED', version: 1.0 };
    const attributes = {
      sourceActions: [
        {
          sourceActionName: 'App',
          sourceActionProvider: 'CodeCommit',
          sourceActionVariables: { BranchName: 'main', CommitId: '3e5983d', CommitMessage: 'Ship it', RepositoryName: 'app' },
        },
        { sourceActionName: 'Config', sourceActionProvider: 'S3', sourceActionVariables: { VersionId: 'Ab12.cd', ETag: 'e1' } },
        { sourceActionName: 'Lib', sourceActionVariables: '{"commitId":"77aa01","commitMessage":"Bump"}' },
        'garbage',
        {},
      ],
    };

    // Act
    const event = parseNotification(STAGE_STATE_CHANGE, detail, attributes);

    // Assess
    expect(event.via).toBe('notification-rule');
    expect(event.sourceRevisions).toEqual([
      { action: 'App', revisionId: '3e5983d', summary: 'Ship it' },
      { action: 'Config', revisionId: 'Ab12.cd' },
      { action: 'Lib', revisionId: '77aa01', summary: 'Bump' },
    ]);
  });

  it('reads failed actions with their stage, skipping entries that name no action', () => {
    // Prepare
    const detail = { pipeline: 'release', 'execution-id': 'e-1', state: 'FAILED' };
    const attributes = {
      failedActionCount: 4,
      failedStage: 'Deploy',
      failedActions: [
        { action: 'Blue', additionalInformation: 'Deployment d-1 failed' },
        { action: 'Green' },
        { actionName: 'Smoke', stageName: 'Verify', additionalInformation: '<@U012AB3CD> look' },
        { additionalInformation: 'no action' },
      ],
    };

    // Act
    const event = parseNotification(PIPELINE_STATE_CHANGE, detail, attributes);

    // Assess
    expect(event.failedActions).toEqual([
      { stage: 'Deploy', action: 'Blue', info: 'Deployment d-1 failed' },
      { stage: 'Deploy', action: 'Green' },
      { stage: 'Verify', action: 'Smoke', info: '<@U012AB3CD> look' },
    ]);
  });

  it.each([
    ['empty', {}],
    ['not an object', 'none'],
    ['lists that are not lists', { failedActions: 'Deploy', sourceActions: 3 }],
  ])('reads additional attributes that are %s as adding nothing', (_label, attributes) => {
    // Prepare
    const detail = { pipeline: 'release', 'execution-id': 'e-1', state: 'FAILED' };

    // Act
    const event = parseNotification(PIPELINE_STATE_CHANGE, detail, attributes);

    // Assess
    expect(event.failedActions).toBeUndefined();
    expect(event.sourceRevisions).toBeUndefined();
  });

  it('takes the pipeline name, region and account from its ARN when the event leaves them out', () => {
    // Prepare
    const detail = { 'execution-id': 'e-1', state: 'STARTED' };

    // Act
    const event = parseDetail(PIPELINE_STATE_CHANGE, detail, {
      resources: ['arn:aws:codepipeline:ca-central-1:210987654321:from-arn'],
      region: undefined,
      account: undefined,
    });

    // Assess
    expect([event.pipeline, event.region, event.account]).toEqual(['from-arn', 'ca-central-1', '210987654321']);
  });

  it.each(deliveryForms)('reads an event delivered as %s exactly like the event itself', (form) => {
    // Prepare
    const event = loadFixture('codestar-notifications/codestar-message-codepipeline-action-source-succeeded-github-meerkat.json');

    // Act
    const outcomes = parseLambdaEvent(deliverAs(form, event));

    // Assess
    expect(outcomes).toStrictEqual(parseLambdaEvent(event));
  });

  it.each([
    [{ pipeline: 'release', state: 'STARTED' }, `${PIPELINE_STATE_CHANGE}: detail.execution-id must be a non-empty string`],
    [{ pipeline: 'release', 'execution-id': 'e-1' }, `${PIPELINE_STATE_CHANGE}: detail.state must be a non-empty string`],
    [{ 'execution-id': 'e-1', state: 'STARTED' }, `${PIPELINE_STATE_CHANGE}: detail.pipeline must be a non-empty string`],
    [null, `${PIPELINE_STATE_CHANGE}: detail must be an object`],
  ])('rejects the detail %j: %s', (detail, reason) => {
    // Prepare
    const input = eventBridgeEvent(PIPELINE_STATE_CHANGE, detail);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });
});
