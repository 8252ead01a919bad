import type { BuildEvent } from '@herald/model';
import { listFixtures, loadFixture } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import { deliverAs, deliveryForms, eventBridgeEvent, notificationRuleMessage } from '../helpers/developer-tool-events.ts';
import { expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';

const BUILD_STATE_CHANGE = 'CodeBuild Build State Change';
const BUILD_PHASE_CHANGE = 'CodeBuild Build Phase Change';

const SAMPLE_BUILD_ID = 'arn:aws:codebuild:us-west-2:123456789012:build/my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX';
const SAMPLE_LOG_URL =
  'https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#logEvent:group=/aws/codebuild/my-sample-project;stream=8745a7a9-c340-456a-9166-edf953571bEX';
const BUILD_ID = 'arn:aws:codebuild:eu-west-1:123456789012:build/api-tests:0f9e8d7c-6b5a-4321-9876-543210fedcba';
const LOG_URL = 'https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logEvent:group=/aws/codebuild/api-tests;stream=0f9e8d7c';
const NPM_TEST_FAILURE = 'COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1';

/** What each CodeBuild fixture must parse to, in full. */
const EXPECTED_BY_FIXTURE: Record<string, BuildEvent> = {
  'codebuild/codebuild-eventbridge-build-state-change-awsdocs.json': {
    kind: 'codebuild.build',
    via: 'eventbridge',
    region: 'us-west-2',
    account: '123456789012',
    time: '2017-09-01T16:14:28.000Z',
    eventId: 'c030038d-8c4d-6141-9545-00ff7b7153EX',
    project: 'my-sample-project',
    buildId: SAMPLE_BUILD_ID,
    status: 'succeeded',
    rawStatus: 'SUCCEEDED',
    logUrl: SAMPLE_LOG_URL,
    initiator: 'MyCodeBuildDemoUser',
  },
  'codebuild/codebuild-eventbridge-build-phase-change-awsdocs.json': {
    kind: 'codebuild.build',
    via: 'eventbridge',
    region: 'us-west-2',
    account: '123456789012',
    time: '2017-09-01T16:14:21.000Z',
    eventId: '43ddc2bd-af76-9ca5-2dc7-b695e15adeEX',
    project: 'my-sample-project',
    buildId: SAMPLE_BUILD_ID,
    status: 'succeeded',
    rawStatus: 'SUCCEEDED',
    phase: { name: 'COMPLETED', status: 'SUCCEEDED' },
    logUrl: SAMPLE_LOG_URL,
    initiator: 'MyCodeBuildDemoUser',
  },
  'codestar-notifications/codestar-message-codebuild-build-state-in-progress.json': {
    kind: 'codebuild.build',
    via: 'notification-rule',
    region: 'us-east-1',
    account: '123456789012',
    time: '2021-09-22T20:10:51.000Z',
    project: 'sns-teams-relay-dev',
    buildId: 'arn:aws:codebuild:us-east-1:123456789012:build/sns-teams-relay-dev:729d7eab-7081-4801-9797-da2bbb4619fe',
    status: 'in-progress',
    rawStatus: 'IN_PROGRESS',
    initiator: 'some-role/some-user',
  },
};

const buildFixtures = [
  ...listFixtures('codebuild'),
  ...listFixtures('codestar-notifications', 'codestar-message-codebuild-'),
];

/** The detail of a build of `api-tests` started by a pipeline, with overrides. */
function buildDetail(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'project-name': 'api-tests',
    'build-id': BUILD_ID,
    'additional-information': {
      initiator: 'codepipeline/release',
      'source-version': 'arn:aws:s3:::pipeline-artifacts/release/SourceArti/abc.zip',
      logs: { 'group-name': '/aws/codebuild/api-tests', 'deep-link': LOG_URL },
      phases: [
        { 'phase-type': 'SUBMITTED', 'phase-status': 'SUCCEEDED', 'phase-context': [] },
        { 'phase-type': 'INSTALL', 'phase-status': 'SUCCEEDED', 'phase-context': [': '] },
        { 'phase-type': 'BUILD', 'phase-status': 'FAILED', 'phase-context': [NPM_TEST_FAILURE] },
        { 'phase-type': 'POST_BUILD', 'phase-status': 'SUCCEEDED', 'phase-context': [] },
        { 'phase-type': 'COMPLETED' },
      ],
    },
    version: '1',
    ...overrides,
  };
}

function parseBuild(input: unknown) {
  return expectOneEvent(parseLambdaEvent(input), 'codebuild.build');
}

describe('parseCodeBuildEvent', () => {
  it('has an expectation for every build fixture', () => {
    // Prepare
    const expected = Object.keys(EXPECTED_BY_FIXTURE).sort();

    // Act
    const found = [...buildFixtures].sort();

    // Assess
    expect(found).toEqual(expected);
  });

  it.each(buildFixtures)('parses the fixture %s into its full build event', (fixture) => {
    // Prepare
    const input = loadFixture(fixture);

    // Act
    const event = parseBuild(input);

    // Assess
    expect(event).toStrictEqual(EXPECTED_BY_FIXTURE[fixture]);
  });

  it('reads a failed phase change with the reason the phase gives', () => {
    // Prepare
    const detail = buildDetail({
      'completed-phase': 'BUILD',
      'completed-phase-status': 'FAILED',
      'completed-phase-context': `[${NPM_TEST_FAILURE}]`,
      'completed-phase-duration-seconds': 71,
    });

    // Act
    const event = parseBuild(eventBridgeEvent(BUILD_PHASE_CHANGE, detail, { resources: [BUILD_ID] }));

    // Assess
    expect(event).toStrictEqual({
      kind: 'codebuild.build',
      via: 'eventbridge',
      region: 'eu-west-1',
      account: '123456789012',
      time: '2024-05-01T12:34:56.000Z',
      eventId: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      project: 'api-tests',
      buildId: BUILD_ID,
      status: 'failed',
      rawStatus: 'FAILED',
      phase: { name: 'BUILD', status: 'FAILED', reason: NPM_TEST_FAILURE },
      logUrl: LOG_URL,
      initiator: 'codepipeline/release',
      sourceVersion: 'arn:aws:s3:::pipeline-artifacts/release/SourceArti/abc.zip',
    });
  });

  it('reads a failed build from a notification rule, naming the phase that failed and why', () => {
    // Prepare
    const message = notificationRuleMessage(BUILD_STATE_CHANGE, buildDetail({ 'build-status': 'FAILED', 'current-phase': 'COMPLETED' }));

    // Act
    const event = parseBuild(deliverAs('SNS to Lambda', message));

    // Assess
    expect(event).toStrictEqual({
      kind: 'codebuild.build',
      via: 'notification-rule',
      region: 'eu-west-1',
      account: '123456789012',
      time: '2024-05-01T12:34:56.000Z',
      project: 'api-tests',
      buildId: BUILD_ID,
      status: 'failed',
      rawStatus: 'FAILED',
      phase: { name: 'BUILD', status: 'FAILED', reason: NPM_TEST_FAILURE },
      logUrl: LOG_URL,
      initiator: 'codepipeline/release',
      sourceVersion: 'arn:aws:s3:::pipeline-artifacts/release/SourceArti/abc.zip',
    });
  });

  it.each([
    ['IN_PROGRESS', 'in-progress'],
    ['SUCCEEDED', 'succeeded'],
    ['FAILED', 'failed'],
    ['STOPPED', 'stopped'],
    ['TIMED_OUT', 'timed-out'],
    ['FAULT', 'fault'],
    ['Timed-Out', 'timed-out'],
    ['QUEUED', 'unknown'],
  ])('reads the build status %s as %s and keeps it as sent', (buildStatus, status) => {
    // Prepare
    const input = eventBridgeEvent(BUILD_STATE_CHANGE, buildDetail({ 'build-status': buildStatus, 'additional-information': {} }));

    // Act
    const event = parseBuild(input);

    // Assess
    expect([event.status, event.rawStatus, event.phase]).toEqual([status, buildStatus, undefined]);
  });

  it.each([
    ['"[: ]"', '[: ]', undefined],
    ['"[]"', '[]', undefined],
    ['a JSON list as text', '["DOWNLOAD_SOURCE_FAILED: repository not found"]', 'DOWNLOAD_SOURCE_FAILED: repository not found'],
    ['a list of messages', ['CLIENT_ERROR: a', 'b'], 'CLIENT_ERROR: a; b'],
    ['not text', 42, undefined],
  ])('reads the phase context %s', (_label, context, reason) => {
    // Prepare
    const detail = buildDetail({ 'completed-phase': 'DOWNLOAD_SOURCE', 'completed-phase-status': 'CLIENT_ERROR', 'completed-phase-context': context });

    // Act
    const event = parseBuild(eventBridgeEvent(BUILD_PHASE_CHANGE, detail));

    // Assess
    expect(event.phase).toEqual(reason === undefined ? { name: 'DOWNLOAD_SOURCE', status: 'CLIENT_ERROR' } : { name: 'DOWNLOAD_SOURCE', status: 'CLIENT_ERROR', reason });
    expect(event.status).toBe('unknown');
  });

  it('drops a log link that names no log group, as early notification-rule messages send', () => {
    // Prepare
    const detail = buildDetail({
      'build-status': 'IN_PROGRESS',
      'additional-information': { logs: { 'deep-link': 'https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logEvent:group=null;stream=null' } },
    });

    // Act
    const event = parseBuild(eventBridgeEvent(BUILD_STATE_CHANGE, detail));

    // Assess
    expect('logUrl' in event).toBe(false);
  });

  it('takes the build id from the resources and the project from the build ARN when the detail leaves them out', () => {
    // Prepare
    const input = eventBridgeEvent(
      BUILD_STATE_CHANGE,
      { 'build-status': 'SUCCEEDED' },
      { resources: ['arn:aws:s3:::not-a-build', BUILD_ID], region: undefined, account: undefined },
    );

    // Act
    const event = parseBuild(input);

    // Assess
    expect(event).toMatchObject({ buildId: BUILD_ID, project: 'api-tests', region: 'eu-west-1', account: '123456789012' });
  });

  it.each(deliveryForms)('reads an event delivered as %s exactly like the event itself', (form) => {
    // Prepare
    const event = loadFixture('codebuild/codebuild-eventbridge-build-phase-change-awsdocs.json');

    // Act
    const outcomes = parseLambdaEvent(deliverAs(form, event));

    // Assess
    expect(outcomes).toStrictEqual(parseLambdaEvent(event));
  });

  it.each([
    ['a state change without a status', BUILD_STATE_CHANGE, buildDetail(), `${BUILD_STATE_CHANGE}: detail.build-status must be a non-empty string`],
    ['a phase change without a phase status', BUILD_PHASE_CHANGE, buildDetail({ 'completed-phase': 'BUILD' }), `${BUILD_PHASE_CHANGE}: detail.completed-phase-status must be a non-empty string`],
    ['an event without a build id', BUILD_STATE_CHANGE, { 'build-status': 'FAILED', 'project-name': 'api-tests' }, `${BUILD_STATE_CHANGE}: detail.build-id must be a non-empty string`],
    ['an event naming no project', BUILD_STATE_CHANGE, { 'build-status': 'FAILED', 'build-id': 'b-1' }, `${BUILD_STATE_CHANGE}: detail.project-name must be a non-empty string`],
    ['an event whose detail is a list', BUILD_STATE_CHANGE, [], `${BUILD_STATE_CHANGE}: detail must be an object`],
  ])('rejects %s', (_label, detailType, detail, reason) => {
    // Prepare
    const input = eventBridgeEvent(detailType, detail);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });

  it.each(['CodeBuild Report State Change', 'CodeBuild Fleet State Change'])('reports the CodeBuild event %s as unsupported, by name', (detailType) => {
    // Prepare
    const input = eventBridgeEvent(detailType, { 'report-arn': 'arn:aws:codebuild:eu-west-1:123456789012:report/tests:1' });

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([`unsupported event: detail-type "${detailType}"`]);
  });
});
