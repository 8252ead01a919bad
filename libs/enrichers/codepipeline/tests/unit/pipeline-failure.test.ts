import { describe, expect, it } from 'vitest';
import type { ActionExecutionDetail } from '@aws-sdk/client-codepipeline';
import { codeBuildLogUrl } from '../../src/codebuild-log-url.ts';
import { completeFailure, failureFromEvent, isFailureOf } from '../../src/pipeline-failure.ts';
import { pipelineEvent, pipelineEventFromFixture } from '../support/events.ts';

const buildId = 'meerkat-build:8e2c5a1f-3b7d-4e90-a6c2-5f1d9b3e7a04';

function failedBuild(withErrorDetails: boolean): ActionExecutionDetail {
  return {
    pipelineExecutionId: '94fb261b-65d0-41ba-bea3-b08420e9b5e7',
    stageName: 'Build',
    actionName: 'Build',
    status: 'Failed',
    input: { actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' }, region: 'ap-southeast-2' },
    output: {
      executionResult: {
        externalExecutionId: buildId,
        externalExecutionSummary: 'Build terminated with state: FAILED',
        externalExecutionUrl: `https://ap-southeast-2.console.aws.amazon.com/codebuild/home?region=ap-southeast-2#/builds/${buildId}/view/new`,
        ...(withErrorDetails ? { errorDetails: { code: 'JobFailed', message: 'Phase BUILD failed: npm test exited with 1' } } : {}),
      },
    },
  };
}

describe('failureFromEvent', () => {
  it('takes an action event’s stage, action and result', () => {
    // Prepare
    const event = pipelineEventFromFixture('codepipeline/codepipeline-eventbridge-action-failed-awsdocs.json');

    // Act
    const failure = failureFromEvent(event);

    // Assess
    expect(failure).toEqual({
      stage: 'Deploy',
      action: 'Deploy',
      code: 'JobFailed',
      message: 'Deployment <ID> failed',
      externalUrl: 'https://us-west-2.console.aws.amazon.com/codedeploy/home?#/deployments/<ID>',
    });
  });

  it('takes a notification’s failed stage and first failed action', () => {
    // Prepare
    const pipelineFailed = pipelineEventFromFixture('codestar-notifications/codestar-message-codepipeline-pipeline-failed-awsdocs.json');
    const stageFailed = pipelineEventFromFixture('codestar-notifications/codestar-message-codepipeline-stage-failed-codebuild-meerkat.json');

    // Act
    const failures = [failureFromEvent(pipelineFailed), failureFromEvent(stageFailed)];

    // Assess
    expect(failures).toEqual([
      { stage: 'Deploy', action: 'Deploy', message: 'Deployment <ID> failed' },
      { stage: 'Build', action: 'Build', message: 'Build terminated with state: FAILED' },
    ]);
  });

  it('knows nothing from a bare pipeline event, and drops links that are not web pages', () => {
    // Prepare
    const bare = pipelineEventFromFixture('codepipeline/codepipeline-eventbridge-pipeline-failed-awsdocs.json');
    const oddLink = pipelineEvent({ pipeline: 'p', executionId: 'e', level: 'action', action: 'Deploy', state: 'failed', rawState: 'FAILED', result: { url: 'javascript:alert(1)' } });

    // Act
    const failures = [failureFromEvent(bare), failureFromEvent(oddLink)];

    // Assess
    expect(failures).toEqual([undefined, { action: 'Deploy' }]);
  });
});

describe('isFailureOf', () => {
  it('matches failed actions in the stage and action the event names, any failed one when it names none', () => {
    // Prepare
    const details: ActionExecutionDetail[] = [
      { stageName: 'Build', actionName: 'Build', status: 'Failed' },
      { stageName: 'Test', actionName: 'Unit', status: 'Failed' },
      { stageName: 'Test', actionName: 'Lint', status: 'Succeeded' },
    ];

    // Act
    const matches = [isFailureOf(undefined), isFailureOf({ stage: 'Test' }), isFailureOf({ stage: 'Test', action: 'Lint' })].map((match) =>
      details.filter(match).map((detail) => detail.actionName),
    );

    // Assess
    expect(matches).toEqual([['Build', 'Unit'], ['Unit'], []]);
  });
});

describe('completeFailure', () => {
  it('prefers the action’s error message and links the CodeBuild log', () => {
    // Prepare
    const event = pipelineEventFromFixture('codestar-notifications/codestar-message-codepipeline-stage-failed-codebuild-meerkat.json');

    // Act
    const failure = completeFailure({ event, known: failureFromEvent(event), found: failedBuild(true) });

    // Assess
    expect(failure).toEqual({
      stage: 'Build',
      action: 'Build',
      code: 'JobFailed',
      message: 'Phase BUILD failed: npm test exited with 1',
      externalUrl: `https://ap-southeast-2.console.aws.amazon.com/codebuild/home?region=ap-southeast-2#/builds/${buildId}/view/new`,
      logUrl: `https://ap-southeast-2.console.aws.amazon.com/codesuite/codebuild/000000000000/projects/meerkat-build/build/${encodeURIComponent(buildId)}/log?region=ap-southeast-2`,
    });
  });

  it('falls back to the execution summary when the SDK gives no error details', () => {
    // Prepare
    const event = pipelineEvent({ pipeline: 'meerkat', executionId: 'e', region: 'ap-southeast-2', state: 'failed', rawState: 'FAILED' });

    // Act
    const failure = completeFailure({ event, known: undefined, found: failedBuild(false) });

    // Assess
    expect(failure).toMatchObject({ stage: 'Build', action: 'Build', message: 'Build terminated with state: FAILED' });
    expect(failure?.code).toBeUndefined();
    expect(failure?.logUrl).toBe(
      `https://ap-southeast-2.console.aws.amazon.com/codesuite/codebuild/projects/meerkat-build/build/${encodeURIComponent(buildId)}/log?region=ap-southeast-2`,
    );
  });

  it('keeps the event’s account of the failure when no failed action was found', () => {
    // Prepare
    const event = pipelineEventFromFixture('codestar-notifications/codestar-message-codepipeline-pipeline-failed-awsdocs.json');
    const known = failureFromEvent(event);

    // Act
    const failure = completeFailure({ event, known, found: undefined });

    // Assess
    expect(failure).toBe(known);
  });
});

describe('codeBuildLogUrl', () => {
  it('builds no link from pieces that do not look like AWS’s', () => {
    // Prepare
    const runs = [
      { region: 'ap-southeast-2', buildId: 'not-a-build-id' },
      { region: 'ap-southeast-2', buildId: `../../evil:${'0'.repeat(36)}` },
      { region: 'https://evil.example', buildId },
    ];

    // Act
    const links = runs.map(codeBuildLogUrl);

    // Assess
    expect(links).toEqual([undefined, undefined, undefined]);
  });

  it('leaves out an account that is not one', () => {
    // Prepare
    const run = { region: 'eu-west-2', buildId, account: 'me' };

    // Act
    const link = codeBuildLogUrl(run);

    // Assess
    expect(link).toBe(`https://eu-west-2.console.aws.amazon.com/codesuite/codebuild/projects/meerkat-build/build/${encodeURIComponent(buildId)}/log?region=eu-west-2`);
  });
});
