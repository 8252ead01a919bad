import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import { deliverAs, deliveryForms, eventBridgeEvent, notificationRuleMessage } from '../helpers/developer-tool-events.ts';
import { expectOneEvent } from '../helpers/outcomes.ts';

/** Untrusted text of every sort: any characters, chat markup, long values. Never blank. */
const untrustedText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constantFrom('@channel', '<!here>', '<!channel>', '<@U012AB3CD>', '@everyone', 'ünïcødé-🚀', '*bold* _it_ `code`', '{"x":1}', 'null', '42'),
  fc.string({ minLength: 256, maxLength: 1200 }),
).filter((text) => text.trim() !== '');

/** Text a phase context keeps as a reason: not only colons and spaces. */
const reasonText = untrustedText.filter((text) => !/^[\s:]*$/.test(text));

const form = fc.constantFrom(...deliveryForms);
const count = fc.nat({ max: 10_000 });

describe('parseLambdaEvent on generated events', () => {
  it('reads any CodeDeploy trigger message in any delivery, keeping its text exactly', () => {
    // Prepare
    const trigger = fc.record({
      applicationName: untrustedText,
      deploymentId: untrustedText,
      deploymentGroupName: untrustedText,
      status: fc.constantFrom(['CREATED', 'created'], ['IN_PROGRESS', 'started'], ['Succeeded', 'succeeded'], ['FAILED', 'failed'], ['STOPPED', 'stopped'], ['READY', 'ready']),
      counts: fc.tuple(count, count, count, count, count),
      countsAsText: fc.boolean(),
      error: fc.record({ ErrorCode: untrustedText, ErrorMessage: untrustedText }),
      createTime: fc.constantFrom('Fri Oct 14 08:38:46 UTC 2022', '1665736726'),
    });

    fc.assert(
      fc.property(trigger, form, fc.boolean(), (generated, delivery, encodeAsText) => {
        const [succeeded, failed, skipped, inProgress, pending] = generated.counts;
        const asCount = (value: number) => (generated.countsAsText ? String(value) : value);
        const overview = { Succeeded: asCount(succeeded), Failed: asCount(failed), Skipped: asCount(skipped), InProgress: asCount(inProgress), Pending: asCount(pending) };
        const message = {
          region: 'eu-west-2',
          accountId: '677183322136',
          eventTriggerName: 'herald',
          applicationName: generated.applicationName,
          deploymentId: generated.deploymentId,
          deploymentGroupName: generated.deploymentGroupName,
          createTime: generated.createTime,
          completeTime: null,
          status: generated.status[0],
          deploymentOverview: encodeAsText ? JSON.stringify(overview) : overview,
          errorInformation: encodeAsText ? JSON.stringify(generated.error) : generated.error,
        };

        // Act
        const event = expectOneEvent(parseLambdaEvent(deliverAs(delivery, message)), 'codedeploy.deployment');

        // Assess
        expect(event).toMatchObject({
          region: 'eu-west-2',
          application: generated.applicationName,
          deploymentId: generated.deploymentId,
          deploymentGroup: generated.deploymentGroupName,
          status: generated.status[1],
          rawStatus: generated.status[0],
          createTime: '2022-10-14T08:38:46.000Z',
          overview: { succeeded, failed, skipped, inProgress, pending },
          error: { code: generated.error.ErrorCode, message: generated.error.ErrorMessage },
        });
      }),
      { numRuns: 150 },
    );
  });

  it('reads any CodeDeploy EventBridge event in any delivery', () => {
    // Prepare
    const deployment = fc.record({
      isInstance: fc.boolean(),
      application: untrustedText,
      deploymentGroup: untrustedText,
      deploymentId: untrustedText,
      instanceId: untrustedText,
      state: fc.constantFrom(['START', 'started'], ['SUCCESS', 'succeeded'], ['FAILURE', 'failed'], ['STOP', 'stopped'], ['READY', 'ready']),
    });

    fc.assert(
      fc.property(deployment, form, ({ isInstance, state, ...detail }, delivery) => {
        const detailType = isInstance ? 'CodeDeploy Instance State-change Notification' : 'CodeDeploy Deployment State-change Notification';
        const input = deliverAs(delivery, eventBridgeEvent(detailType, { ...detail, state: state[0] }));

        // Act
        const outcomes = parseLambdaEvent(input);

        // Assess
        const event = isInstance ? expectOneEvent(outcomes, 'codedeploy.instance') : expectOneEvent(outcomes, 'codedeploy.deployment');
        expect(event).toMatchObject({ application: detail.application, deploymentGroup: detail.deploymentGroup, deploymentId: detail.deploymentId, status: state[1], rawStatus: state[0] });
        if (event.kind === 'codedeploy.instance') expect(event.instanceId).toBe(detail.instanceId);
      }),
      { numRuns: 150 },
    );
  });

  it('reads any CodePipeline execution event, as EventBridge or a notification rule sends it', () => {
    // Prepare
    const execution = fc.record({
      detailType: fc.constantFrom(
        ['CodePipeline Pipeline Execution State Change', 'pipeline'] as const,
        ['CodePipeline Stage Execution State Change', 'stage'] as const,
        ['CodePipeline Action Execution State Change', 'action'] as const,
      ),
      pipeline: untrustedText,
      executionId: untrustedText,
      state: fc.constantFrom('STARTED', 'SUCCEEDED', 'FAILED', 'CANCELED', 'SUPERSEDED', 'RESUMED', 'STOPPED', 'STOPPING', 'ABANDONED'),
      stage: untrustedText,
      action: untrustedText,
      summary: untrustedText.filter((text) => !text.trimStart().startsWith('{')),
      commitMessage: untrustedText,
      failedAction: untrustedText,
      failedInfo: untrustedText,
      version: fc.oneof(fc.nat(), fc.nat().map(String)),
      viaNotificationRule: fc.boolean(),
    });

    fc.assert(
      fc.property(execution, form, (generated, delivery) => {
        const [detailType, level] = generated.detailType;
        const detail = {
          pipeline: generated.pipeline,
          'execution-id': generated.executionId,
          state: generated.state,
          stage: generated.stage,
          action: generated.action,
          'execution-result': { 'external-execution-summary': generated.summary },
          version: generated.version,
        };
        const attributes = {
          failedActions: [{ action: generated.failedAction, additionalInformation: generated.failedInfo }],
          sourceActions: [{ sourceActionName: 'Source', sourceActionVariables: { CommitId: 'abc', CommitMessage: generated.commitMessage } }],
        };
        const event = generated.viaNotificationRule
          ? notificationRuleMessage(detailType, detail, attributes)
          : eventBridgeEvent(detailType, detail);

        // Act
        const execution = expectOneEvent(parseLambdaEvent(deliverAs(delivery, event)), 'codepipeline.execution');

        // Assess
        expect(execution).toMatchObject({
          level,
          via: generated.viaNotificationRule ? 'notification-rule' : 'eventbridge',
          pipeline: generated.pipeline,
          executionId: generated.executionId,
          rawState: generated.state,
          state: generated.state.toLowerCase(),
          stage: generated.stage,
          action: generated.action,
          result: { summary: generated.summary },
          pipelineVersion: Number(generated.version),
        });
        if (generated.viaNotificationRule) {
          expect(execution.failedActions?.[0]).toEqual({ stage: generated.stage, action: generated.failedAction, info: generated.failedInfo });
          expect(execution.sourceRevisions).toEqual([{ action: 'Source', revisionId: 'abc', summary: generated.commitMessage }]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads any source action result whose summary is connection JSON text', () => {
    fc.assert(
      fc.property(untrustedText, untrustedText, form, (commitMessage, revisionId, delivery) => {
        const detail = {
          pipeline: 'release',
          'execution-id': 'e-1',
          state: 'SUCCEEDED',
          stage: 'Source',
          action: 'Source',
          type: { owner: 'AWS', provider: 'CodeStarSourceConnection', category: 'Source' },
          'execution-result': {
            'external-execution-summary': JSON.stringify({ ProviderType: 'GitHub', CommitMessage: commitMessage }),
            'external-execution-id': revisionId,
          },
        };

        // Act
        const event = expectOneEvent(parseLambdaEvent(deliverAs(delivery, eventBridgeEvent('CodePipeline Action Execution State Change', detail))), 'codepipeline.execution');

        // Assess
        expect(event.result).toEqual({ summary: commitMessage, externalId: revisionId });
        expect(event.sourceRevisions).toEqual([{ action: 'Source', revisionId, summary: commitMessage }]);
      }),
      { numRuns: 100 },
    );
  });

  it('reads any manual approval message in any delivery', () => {
    // Prepare
    const approval = fc.record({ pipelineName: untrustedText, stageName: untrustedText, actionName: untrustedText, customData: untrustedText, token: untrustedText });

    fc.assert(
      fc.property(approval, form, (generated, delivery) => {
        const message = { region: 'us-east-1', consoleLink: 'https://console.aws.amazon.com/codesuite/codepipeline/pipelines', approval: { ...generated, expires: '2021-10-06T17:37Z' } };

        // Act
        const event = expectOneEvent(parseLambdaEvent(deliverAs(delivery, message)), 'codepipeline.approval');

        // Assess
        expect(event).toMatchObject({
          pipeline: generated.pipelineName,
          stage: generated.stageName,
          action: generated.actionName,
          customData: generated.customData,
          token: generated.token,
          expires: '2021-10-06T17:37:00.000Z',
        });
      }),
      { numRuns: 100 },
    );
  });

  it('reads any CodeBuild state or phase change, keeping its text exactly', () => {
    // Prepare
    const build = fc.record({
      isPhaseChange: fc.boolean(),
      project: untrustedText,
      buildId: untrustedText,
      status: fc.constantFrom(['IN_PROGRESS', 'in-progress'], ['SUCCEEDED', 'succeeded'], ['FAILED', 'failed'], ['STOPPED', 'stopped'], ['TIMED_OUT', 'timed-out'], ['FAULT', 'fault']),
      reasons: fc.array(reasonText, { minLength: 1, maxLength: 3 }),
      initiator: untrustedText,
      viaNotificationRule: fc.boolean(),
    });

    fc.assert(
      fc.property(build, form, (generated, delivery) => {
        const [rawStatus, status] = generated.status;
        const detailType = generated.isPhaseChange ? 'CodeBuild Build Phase Change' : 'CodeBuild Build State Change';
        const phaseFields = generated.isPhaseChange
          ? { 'completed-phase': 'BUILD', 'completed-phase-status': rawStatus, 'completed-phase-context': generated.reasons }
          : { 'build-status': rawStatus };
        const information = { initiator: generated.initiator, phases: [{ 'phase-type': 'BUILD', 'phase-status': 'FAILED', 'phase-context': generated.reasons }] };
        const detail = { 'project-name': generated.project, 'build-id': generated.buildId, 'additional-information': information, ...phaseFields };
        const event = generated.viaNotificationRule ? notificationRuleMessage(detailType, detail) : eventBridgeEvent(detailType, detail);

        // Act
        const parsed = expectOneEvent(parseLambdaEvent(deliverAs(delivery, event)), 'codebuild.build');

        // Assess
        expect(parsed).toMatchObject({
          project: generated.project,
          buildId: generated.buildId,
          status,
          rawStatus,
          initiator: generated.initiator,
          phase: { name: 'BUILD', status: generated.isPhaseChange ? rawStatus : 'FAILED', reason: generated.reasons.join('; ') },
        });
      }),
      { numRuns: 150 },
    );
  });

  it('reads any pull-request event, keeping its text exactly', () => {
    // Prepare
    const pullRequest = fc.record({
      repository: untrustedText,
      pullRequestId: fc.oneof(untrustedText, fc.nat()),
      title: untrustedText,
      description: untrustedText,
      event: untrustedText,
      sourceReference: untrustedText,
      isMerged: fc.constantFrom(['True', true], ['False', false], [true, true], ['false', false]),
      status: fc.constantFrom(['Open', 'open'], ['Closed', 'closed']),
    });

    fc.assert(
      fc.property(pullRequest, form, (generated, delivery) => {
        const detail = {
          repositoryNames: [generated.repository],
          pullRequestId: generated.pullRequestId,
          title: generated.title,
          description: generated.description,
          event: generated.event,
          sourceReference: generated.sourceReference,
          isMerged: generated.isMerged[0],
          pullRequestStatus: generated.status[0],
          author: 'arn:aws:iam::123456789012:user/alice',
        };

        // Act
        const event = expectOneEvent(parseLambdaEvent(deliverAs(delivery, eventBridgeEvent('CodeCommit Pull Request State Change', detail))), 'codecommit.pull-request');

        // Assess
        expect(event).toMatchObject({
          repository: generated.repository,
          pullRequestId: String(generated.pullRequestId),
          title: generated.title,
          description: generated.description,
          event: generated.event,
          sourceReference: generated.sourceReference,
          merged: generated.isMerged[1],
          status: generated.status[1],
          actor: { name: 'alice', kind: 'user' },
        });
      }),
      { numRuns: 150 },
    );
  });

  it('reads any comment event, keeping its text exactly', () => {
    // Prepare
    const comment = fc.record({
      onCommit: fc.boolean(),
      repository: untrustedText,
      notificationBody: untrustedText,
      commentId: untrustedText,
      afterCommitId: untrustedText,
      callerUserArn: fc.oneof(untrustedText, fc.constant('arn:aws:sts::123456789012:assumed-role/Dev/bob')),
    });

    fc.assert(
      fc.property(comment, form, ({ onCommit, repository, ...detail }, delivery) => {
        const detailType = onCommit ? 'CodeCommit Comment on Commit' : 'CodeCommit Comment on Pull Request';
        const input = deliverAs(delivery, notificationRuleMessage(detailType, { ...detail, repositoryName: repository }));

        // Act
        const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.comment');

        // Assess
        expect(event).toMatchObject({
          on: onCommit ? 'commit' : 'pull-request',
          repository,
          notificationBody: detail.notificationBody,
          commentId: detail.commentId,
          commitId: detail.afterCommitId,
          actor: { arn: detail.callerUserArn },
        });
      }),
      { numRuns: 100 },
    );
  });
});
