import type { DeploymentEnrichment, DeploymentEvent, Inline, Line, Notification } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { defaultHeraldConfig, describeDeployment, parseHeraldConfig } from '../../src/index.ts';

const lineText = (line: Line) => line.map((inline: Inline) => inline.text).join('');
const sectionTexts = (n: Notification) =>
  n.sections.map((section) => [section.heading ? lineText(section.heading) : '', ...section.lines.map(lineText)]);
const field = (n: Notification, label: string) => {
  const found = n.fields.find((candidate) => candidate.label === label);
  return found ? lineText(found.value) : undefined;
};
const linksOf = (n: Notification) =>
  [...n.fields.flatMap((f) => f.value), ...n.sections.flatMap((s) => [...(s.heading ?? []), ...s.lines.flat()])]
    .filter((inline): inline is Extract<Inline, { type: 'link' }> => inline.type === 'link')
    .map((inline) => [inline.text, inline.url]);

const consolePage = (path: string) => `https://eu-west-2.console.aws.amazon.com/codesuite/${path}?region=eu-west-2`;

/** As the parser reads `codedeploy-trigger-sns-lambda-deployment-succeeded.json`. */
const succeeded: DeploymentEvent = {
  kind: 'codedeploy.deployment',
  via: 'trigger',
  region: 'eu-west-2',
  account: '677183322136',
  eventId: 'c9527cbc-683e-5463-bae7-277e5017ff1d',
  time: '2022-10-13T15:59:37.312Z',
  application: 'temporary-status',
  deploymentGroup: 'temporary-status-deployment',
  deploymentId: 'd-MainDeployment',
  status: 'succeeded',
  rawStatus: 'SUCCEEDED',
  createTime: '2022-10-13T15:50:45.000Z',
  completeTime: '2022-10-13T15:59:37.000Z',
  overview: { succeeded: 1, failed: 0, skipped: 0, inProgress: 0, pending: 0 },
  triggerName: 'send-deploy-events',
};

/** As the parser reads `codedeploy-trigger-sns-lambda-deployment-failed.json`. */
const failed: DeploymentEvent = {
  ...succeeded,
  eventId: 'd29fdec1-9819-5ac0-b9c2-8502bc0284e5',
  time: '2022-10-14T08:46:19.105Z',
  status: 'failed',
  rawStatus: 'FAILED',
  createTime: '2022-10-14T08:38:46.000Z',
  completeTime: '2022-10-14T08:46:18.000Z',
  error: { code: 'ECS_UPDATE_ERROR', message: 'CodeDeploy detected that the replacement task set is unhealthy.' },
};

/** As the parser reads `codedeploy-trigger-sns-lambda-rollback-created.json`. */
const rollbackCreated: DeploymentEvent = {
  kind: 'codedeploy.deployment',
  via: 'trigger',
  region: 'eu-west-2',
  account: '677183322136',
  time: '2022-10-14T08:46:19.571Z',
  application: 'temporary-status',
  deploymentGroup: 'temporary-status-deployment',
  deploymentId: 'd-RollbackDeploy',
  status: 'created',
  rawStatus: 'CREATED',
  createTime: '2022-10-14T08:46:19.000Z',
  rollback: {
    message: 'Deployment d-RollbackDeploy is triggered to roll back deployment d-MainDeployment.',
    triggeringDeploymentId: 'd-MainDeployment',
  },
};

const revision = (isCurrent: boolean): DeploymentEnrichment => ({
  kind: 'codedeploy.deployment',
  revision: {
    revisionId: 'f7ec85262da48e2b15d03037b138963c5a89d39f',
    title: 'Serve the status page from the new task set',
    body: 'The old one kept the stale cache.\n\nRefs: OPS-12',
    url: 'https://eu-west-2.console.aws.amazon.com/codesuite/codecommit/repositories/status/commit/f7ec852?region=eu-west-2',
    branch: 'main',
    repository: 'status',
    pipeline: 'status-pipeline',
    executionId: 'a6bf7e98-2fd2-4977-aed8-c4abd047a8c0',
    isCurrent,
  },
  missing: [],
});

const withSite = parseHeraldConfig({
  targets: {},
  deploymentGroups: { 'temporary-status/temporary-status-deployment': { siteUrl: 'https://status.example.com/' } },
});

describe('describeDeployment', () => {
  it('says a deployment succeeded, where, how long it took and on how many instances', () => {
    // Act
    const notification = describeDeployment(succeeded, undefined, defaultHeraldConfig());

    // Assess
    expect(notification.title).toBe('✅ Deployment d-MainDeployment succeeded — temporary-status / temporary-status-deployment');
    expect(notification.fallbackText).toBe(notification.title);
    expect(notification).toMatchObject({ status: 'success', color: '#2EB67D', eventKind: 'codedeploy.deployment' });
    expect(field(notification, 'Application')).toBe('temporary-status');
    expect(field(notification, 'Deployment group')).toBe('temporary-status-deployment');
    expect(field(notification, 'Duration')).toBe('8 min 52 s');
    expect(field(notification, 'Instances')).toBe('1 succeeded, 0 failed, 0 skipped, 0 in progress, 0 pending');
    expect(lineText(notification.context)).toBe('eu-west-2 · 2022-10-13 15:59 UTC · trigger send-deploy-events');
    expect(notification.timestamp).toBe('2022-10-13T15:59:37.312Z');
  });

  it('links the deployment to its console page in the event region', () => {
    // Act
    const notification = describeDeployment(succeeded, undefined, defaultHeraldConfig());

    // Assess
    expect(notification.url).toBe(consolePage('codedeploy/deployments/d-MainDeployment'));
    expect(linksOf(notification)).toContainEqual(['d-MainDeployment', consolePage('codedeploy/deployments/d-MainDeployment')]);
  });

  it('marks a failed deployment and gives its error code and message', () => {
    // Act
    const notification = describeDeployment(failed, undefined, defaultHeraldConfig());

    // Assess
    expect(notification.title).toBe('❌ Deployment d-MainDeployment failed — temporary-status / temporary-status-deployment');
    expect(notification.fallbackText).toBe(`${notification.title}: ECS_UPDATE_ERROR`);
    expect(notification).toMatchObject({ status: 'failure', color: '#E01E5A' });
    expect(field(notification, 'Duration')).toBe('7 min 32 s');
    expect(sectionTexts(notification)).toContainEqual([
      'Error ECS_UPDATE_ERROR',
      'CodeDeploy detected that the replacement task set is unhealthy.',
    ]);
  });

  it('says which deployment a rollback rolls back, with AWS’s message, and warns while it runs', () => {
    // Act
    const notification = describeDeployment(rollbackCreated, undefined, defaultHeraldConfig());

    // Assess
    expect(notification.title).toBe('▶️ Rollback deployment d-RollbackDeploy created — temporary-status / temporary-status-deployment');
    expect(notification).toMatchObject({ status: 'warning', color: '#ECB22E' });
    expect(sectionTexts(notification)).toContainEqual([
      'Rollback',
      'This deployment rolls back deployment d-MainDeployment.',
      'Deployment d-RollbackDeploy is triggered to roll back deployment d-MainDeployment.',
    ]);
    expect(linksOf(notification)).toContainEqual(['d-MainDeployment', consolePage('codedeploy/deployments/d-MainDeployment')]);
    expect(field(notification, 'Duration')).toBeUndefined();
  });

  it('says which deployment rolled a failed one back', () => {
    // Prepare
    const event: DeploymentEvent = { ...failed, rollback: { rollbackDeploymentId: 'd-RollbackDeploy' } };

    // Act
    const notification = describeDeployment(event, undefined, defaultHeraldConfig());

    // Assess
    expect(notification.status).toBe('failure');
    expect(sectionTexts(notification)).toContainEqual(['Rollback', 'This deployment was rolled back by deployment d-RollbackDeploy.']);
  });

  it('shows the deployed revision with its linked commit, message, branch and pipeline run', () => {
    // Act
    const notification = describeDeployment(succeeded, revision(false), defaultHeraldConfig());

    // Assess
    expect(sectionTexts(notification)).toContainEqual([
      'Deployed revision',
      'f7ec852 Serve the status page from the new task set',
      'The old one kept the stale cache.',
      '',
      'Refs: OPS-12',
      'Branch main of status',
      'From pipeline status-pipeline, run a6bf7e98',
    ]);
    expect(linksOf(notification)).toEqual(
      expect.arrayContaining([
        ['f7ec852', revision(false).revision?.url],
        ['status-pipeline', consolePage('codepipeline/pipelines/status-pipeline/view')],
        ['a6bf7e98', consolePage('codepipeline/pipelines/status-pipeline/executions/a6bf7e98-2fd2-4977-aed8-c4abd047a8c0/timeline')],
      ]),
    );
  });

  it('says plainly when the revision is only the pipeline’s current one', () => {
    // Act
    const notification = describeDeployment(succeeded, revision(true), defaultHeraldConfig());

    // Assess
    const [heading, first] = sectionTexts(notification).at(-1) ?? [];
    expect(heading).toBe("Pipeline's current revision");
    expect(first).toBe(
      'This is the current source revision of pipeline status-pipeline, not necessarily the one this deployment installed.',
    );
  });

  it('links the deployment group’s site from config', () => {
    // Act
    const withConfig = describeDeployment(succeeded, undefined, withSite);
    const withoutConfig = describeDeployment(succeeded, undefined, defaultHeraldConfig());

    // Assess
    expect(linksOf(withConfig)).toContainEqual(['status.example.com', 'https://status.example.com/']);
    expect(field(withoutConfig, 'Site')).toBeUndefined();
  });

  it('still goes out when the revision could not be fetched, saying so in a sentence', () => {
    // Prepare
    const enrichment: DeploymentEnrichment = {
      kind: 'codedeploy.deployment',
      missing: ['the deployed revision: access denied (AccessDeniedException)'],
    };

    // Act
    const notification = describeDeployment(failed, enrichment, defaultHeraldConfig());

    // Assess
    expect(notification.notices).toEqual(['Could not fetch the deployed revision: access denied (AccessDeniedException).']);
    expect(notification.title).toContain('failed');
  });

  it('describes the short EventBridge form, which has no times, counts or error', () => {
    // Prepare
    const event: DeploymentEvent = {
      kind: 'codedeploy.deployment',
      via: 'eventbridge',
      region: 'us-east-1',
      account: '123456789012',
      time: '2016-06-30T22:06:31.000Z',
      eventId: 'c071bfbf-83c4-49ca-a6ff-3df053957145',
      application: 'myApplication',
      deploymentGroup: 'myDeploymentGroup',
      deploymentId: 'd-123456789',
      status: 'succeeded',
      rawStatus: 'SUCCESS',
    };

    // Act
    const notification = describeDeployment(event, undefined, defaultHeraldConfig());

    // Assess
    expect(notification.title).toBe('✅ Deployment d-123456789 succeeded — myApplication / myDeploymentGroup');
    expect(notification.fields.map((f) => f.label)).toEqual(['Application', 'Deployment group', 'Deployment']);
    expect(notification.sections).toEqual([]);
    expect(lineText(notification.context)).toBe('us-east-1 · 2016-06-30 22:06 UTC');
  });

  it.each([
    ['created', 'CREATED', 'info', '#36C5F0', '▶️ Deployment d-1 created — app / group'],
    ['started', 'IN_PROGRESS', 'info', '#36C5F0', '▶️ Deployment d-1 started — app / group'],
    ['succeeded', 'SUCCEEDED', 'success', '#2EB67D', '✅ Deployment d-1 succeeded — app / group'],
    ['failed', 'Failed', 'failure', '#E01E5A', '❌ Deployment d-1 failed — app / group'],
    ['stopped', 'STOP', 'warning', '#ECB22E', '⏹️ Deployment d-1 stopped — app / group'],
    ['ready', 'READY', 'info', '#36C5F0', '✋ Deployment d-1 is ready for traffic — app / group'],
    ['unknown', 'BAKING', 'info', '#36C5F0', 'ℹ️ Deployment d-1 is baking — app / group'],
  ] as const)('reads status %s (%s) as %s %s', (status, rawStatus, expectedStatus, color, title) => {
    // Prepare
    const event: DeploymentEvent = {
      kind: 'codedeploy.deployment',
      via: 'trigger',
      region: 'eu-west-1',
      application: 'app',
      deploymentGroup: 'group',
      deploymentId: 'd-1',
      status,
      rawStatus,
    };

    // Act
    const notification = describeDeployment(event, undefined, defaultHeraldConfig());

    // Assess
    expect(notification).toMatchObject({ status: expectedStatus, color, title });
  });
});
