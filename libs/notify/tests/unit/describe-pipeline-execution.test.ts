import type { Inline, Line, Notification, PipelineEnrichment, PipelineExecutionEvent } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { describePipelineExecution } from '../../src/index.ts';

const lineText = (line: Line) => line.map((inline: Inline) => inline.text).join('');
const sectionTexts = (n: Notification) =>
  n.sections.map((section) => [
    section.heading ? lineText(section.heading) : '',
    ...section.lines.map(lineText),
    ...section.lists.flatMap((list) => list.items.map(lineText)),
  ]);
const field = (n: Notification, label: string) => {
  const found = n.fields.find((candidate) => candidate.label === label);
  return found ? lineText(found.value) : undefined;
};
const linksOf = (n: Notification) =>
  [...n.fields.flatMap((f) => f.value), ...n.sections.flatMap((s) => [...(s.heading ?? []), ...s.lines.flat()])]
    .filter((inline): inline is Extract<Inline, { type: 'link' }> => inline.type === 'link')
    .map((inline) => [inline.text, inline.url]);

const EXECUTION = '12345678-1234-5678-abcd-12345678abcd';
const timeline = (region: string) =>
  `https://${region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/myPipeline/executions/${EXECUTION}/timeline?region=${region}`;

/** As the parser reads `codepipeline-eventbridge-pipeline-started-awsdocs.json`. */
const started: PipelineExecutionEvent = {
  kind: 'codepipeline.execution',
  via: 'eventbridge',
  level: 'pipeline',
  region: 'us-east-1',
  account: '123456789012',
  time: '2020-01-24T22:03:07.000Z',
  eventId: '01234567-EXAMPLE',
  pipeline: 'myPipeline',
  executionId: EXECUTION,
  state: 'started',
  rawState: 'STARTED',
  trigger: { type: 'StartPipelineExecution', detail: 'arn:aws:sts::123456789012:assumed-role/Admin/my-user' },
  pipelineVersion: 1,
};

/** As the parser reads `codestar-message-codepipeline-pipeline-failed-awsdocs.json`. */
const failedRule: PipelineExecutionEvent = {
  kind: 'codepipeline.execution',
  via: 'notification-rule',
  level: 'pipeline',
  region: 'us-west-2',
  account: '123456789012',
  time: '2021-06-24T00:46:16.000Z',
  pipeline: 'myPipeline',
  executionId: EXECUTION,
  state: 'failed',
  rawState: 'FAILED',
  failedActions: [{ stage: 'Deploy', action: 'Deploy', info: 'Deployment <ID> failed' }],
  pipelineVersion: 1,
};

/** As the parser reads `codepipeline-eventbridge-action-failed-awsdocs.json`. */
const actionFailed: PipelineExecutionEvent = {
  kind: 'codepipeline.execution',
  via: 'eventbridge',
  level: 'action',
  region: 'us-west-2',
  account: '123456789012',
  time: '2020-01-31T18:55:43.000Z',
  pipeline: 'myPipeline',
  executionId: EXECUTION,
  stage: 'Deploy',
  action: 'Deploy',
  state: 'failed',
  rawState: 'FAILED',
  actionType: { owner: 'AWS', provider: 'CodeDeploy', category: 'Deploy' },
  result: {
    url: 'https://us-west-2.console.aws.amazon.com/codedeploy/home?#/deployments/<ID>',
    summary: 'Deployment <ID> failed',
    externalId: '<ID>',
    errorCode: 'JobFailed',
  },
  pipelineVersion: 4,
};

/** As the parser reads `codepipeline-eventbridge-action-succeeded-awsdocs.json`. */
const sourceSucceeded: PipelineExecutionEvent = {
  ...actionFailed,
  time: '2020-01-24T22:03:11.000Z',
  stage: 'Source',
  action: 'Source',
  state: 'succeeded',
  rawState: 'SUCCEEDED',
  actionType: { owner: 'AWS', provider: 'CodeCommit', category: 'Source' },
  result: {
    url: 'https://us-west-2.console.aws.amazon.com/codecommit/home#/repository/my-repo/commit/8cf40f2EXAMPLE',
    summary: 'Added LICENSE.txt',
    externalId: '8cf40fEXAMPLE',
  },
};

const commit = 'f7ec85262da48e2b15d03037b138963c5a89d39f';
const enrichment = (overrides: Partial<PipelineEnrichment> = {}): PipelineEnrichment => ({
  kind: 'codepipeline.execution',
  revisions: [
    {
      action: 'Source',
      revisionId: commit,
      title: 'Add the pipeline monitor rules',
      body: 'They notify the team channel.',
      url: `https://us-east-1.console.aws.amazon.com/codesuite/codecommit/repositories/my-repo/commit/${commit}?region=us-east-1`,
      branch: 'main',
      repository: 'my-repo',
      provider: 'CodeCommit',
    },
  ],
  execution: { status: 'InProgress', startTime: '2020-01-24T22:03:07.000Z' },
  missing: [],
  ...overrides,
});

const failure = {
  stage: 'Deploy',
  action: 'Deploy',
  code: 'JobFailed',
  message: 'Deployment d-A1B2C3D4E failed',
  externalUrl: 'https://us-east-1.console.aws.amazon.com/codesuite/codedeploy/deployments/d-A1B2C3D4E?region=us-east-1',
  logUrl: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups',
};

describe('describePipelineExecution', () => {
  it('says a run started, who started it, and links the run to its console timeline', () => {
    // Act
    const notification = describePipelineExecution(started, enrichment());

    // Assess
    expect(notification.title).toBe('▶️ Pipeline myPipeline started');
    expect(notification.fallbackText).toBe('▶️ Pipeline myPipeline started');
    expect(notification).toMatchObject({ status: 'info', color: '#36C5F0', eventKind: 'codepipeline.execution' });
    expect(notification.url).toBe(timeline('us-east-1'));
    expect(field(notification, 'Run')).toBe('12345678');
    expect(field(notification, 'Triggered by')).toBe('my-user (Admin), started manually');
    expect(linksOf(notification)).toEqual(
      expect.arrayContaining([
        ['myPipeline', 'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/myPipeline/view?region=us-east-1'],
        ['12345678', timeline('us-east-1')],
      ]),
    );
    expect(lineText(notification.context)).toBe(`us-east-1 · 2020-01-24 22:03 UTC · execution ${EXECUTION}`);
    expect(notification.notices).toEqual([]);
  });

  it('shows the source revision of this very execution from the enrichment', () => {
    // Act
    const notification = describePipelineExecution(started, enrichment());

    // Assess
    expect(sectionTexts(notification)).toEqual([
      [
        'Source revision',
        'f7ec852 Add the pipeline monitor rules',
        'They notify the team channel.',
        'Branch main of my-repo · source action Source, CodeCommit',
      ],
    ]);
    expect(linksOf(notification)).toContainEqual(['f7ec852', enrichment().revisions[0]?.url]);
  });

  it('falls back to the revisions the event names when the enrichment has none', () => {
    // Prepare
    const event: PipelineExecutionEvent = {
      ...started,
      sourceRevisions: [
        { action: 'Source', revisionId: commit, summary: 'First line\nsecond line', url: 'https://example.com/c/f7ec852' },
        { action: 'Tools', revisionId: 'v2.1.0' },
      ],
    };

    // Act
    const notification = describePipelineExecution(event, enrichment({ revisions: [] }));

    // Assess
    expect(sectionTexts(notification)).toEqual([
      ['Source revision of Source', 'f7ec852 First line', 'second line', 'From source action Source'],
      ['Source revision of Tools', 'v2.1.0', 'From source action Tools'],
    ]);
  });

  it('takes the trigger from the enrichment when the event has none', () => {
    // Prepare
    const known = enrichment({
      execution: { status: 'Failed', trigger: { type: 'Webhook', detail: 'arn:aws:codestar-connections:us-west-2:1:connection/x' } },
    });

    // Act
    const notification = describePipelineExecution(failedRule, known);

    // Assess
    expect(field(notification, 'Triggered by')).toBe('A source change (webhook)');
  });

  it('says where a run failed and why, with links to the logs and the failing execution', () => {
    // Prepare
    const event: PipelineExecutionEvent = { ...started, state: 'failed', rawState: 'FAILED', time: '2020-01-24T22:09:44.000Z' };
    const known = enrichment({ execution: { status: 'Failed', startTime: '2020-01-24T22:03:07.000Z' }, failure });

    // Act
    const notification = describePipelineExecution(event, known);

    // Assess
    expect(notification.title).toBe('❌ Pipeline myPipeline failed');
    expect(notification.fallbackText).toBe('❌ Pipeline myPipeline failed: JobFailed');
    expect(notification).toMatchObject({ status: 'failure', color: '#E01E5A' });
    expect(sectionTexts(notification)[0]).toEqual([
      'Failure',
      'Failed in stage Deploy, action Deploy.',
      'Error JobFailed',
      'Deployment d-A1B2C3D4E failed',
      'Logs · Execution details',
    ]);
    expect(linksOf(notification)).toEqual(
      expect.arrayContaining([
        ['Logs', failure.logUrl],
        ['Execution details', failure.externalUrl],
      ]),
    );
    expect(field(notification, 'Duration')).toBe('6 min 37 s');
    expect(notification.notices).toEqual([]);
  });

  it('says where a run failed from the notification rule’s failed actions when not enriched', () => {
    // Act
    const notification = describePipelineExecution(failedRule, undefined);

    // Assess
    expect(notification.fallbackText).toBe('❌ Pipeline myPipeline failed: Deployment <ID> failed');
    expect(sectionTexts(notification)).toEqual([['Failure', 'Failed in stage Deploy, action Deploy.', 'Deployment <ID> failed']]);
    expect(notification.url).toBe(timeline('us-west-2'));
  });

  it('lists every failed action of a stage', () => {
    // Prepare
    const event: PipelineExecutionEvent = {
      ...failedRule,
      level: 'stage',
      stage: 'Deploy',
      failedActions: [
        { action: 'DeployBlue', info: 'Deployment d-1 failed' },
        { action: 'DeployGreen', info: 'Deployment d-2 failed' },
      ],
    };

    // Act
    const notification = describePipelineExecution(event, undefined);

    // Assess
    expect(notification.title).toBe('❌ Pipeline myPipeline: stage Deploy failed');
    expect(field(notification, 'Stage')).toBe('Deploy');
    expect(sectionTexts(notification)).toEqual([
      ['Failure', 'action DeployBlue: Deployment d-1 failed', 'action DeployGreen: Deployment d-2 failed'],
    ]);
  });

  it('gives a failed action’s error code, summary and external execution link', () => {
    // Act
    const notification = describePipelineExecution(actionFailed, undefined);

    // Assess
    expect(notification.title).toBe('❌ Pipeline myPipeline: action Deploy in stage Deploy failed');
    expect(field(notification, 'Action')).toBe('Deploy (CodeDeploy)');
    expect(notification.fallbackText).toBe(`${notification.title}: JobFailed`);
    expect(sectionTexts(notification)).toEqual([['Failure', 'Error JobFailed', 'Deployment <ID> failed', 'Execution details']]);
    expect(linksOf(notification)).toContainEqual(['Execution details', actionFailed.result?.url]);
  });

  it('shows what a successful action produced', () => {
    // Act
    const notification = describePipelineExecution(sourceSucceeded, undefined);

    // Assess
    expect(notification.title).toBe('✅ Pipeline myPipeline: action Source in stage Source succeeded');
    expect(notification).toMatchObject({ status: 'success', color: '#2EB67D' });
    expect(sectionTexts(notification)).toEqual([['Result', 'Added LICENSE.txt', 'Execution details']]);
  });

  it('takes the duration from the enrichment, ending a finished run at the event', () => {
    // Prepare
    const event: PipelineExecutionEvent = { ...started, state: 'succeeded', rawState: 'SUCCEEDED', time: '2020-01-24T22:03:44.000Z' };

    // Act
    const untilEvent = describePipelineExecution(event, enrichment({ execution: { status: 'Succeeded', startTime: '2020-01-24T22:03:07.000Z' } }));
    const whileRunning = describePipelineExecution(started, enrichment());

    // Assess
    expect(field(untilEvent, 'Duration')).toBe('37 s');
    expect(field(whileRunning, 'Duration')).toBeUndefined();
  });

  it.each([
    ['Succeeded', 'This run has since succeeded.', 'this run has since succeeded'],
    ['Stopped', 'This run has since been stopped.', 'this run has since been stopped'],
    ['Cancelled', 'This run has since been canceled.', 'this run has since been canceled'],
    ['Superseded', 'This run has since been superseded by a newer run.', 'this run has since been superseded by a newer run'],
  ])('says plainly when a STARTED event arrives after the run %s', (status, notice, remark) => {
    // Act
    const notification = describePipelineExecution(started, enrichment({ execution: { status } }));

    // Assess
    expect(notification.notices).toEqual([notice]);
    expect(notification.fallbackText).toBe(`▶️ Pipeline myPipeline started (${remark})`);
    expect(notification).toMatchObject({ title: '▶️ Pipeline myPipeline started', status: 'info', color: '#36C5F0' });
  });

  it('keeps a later failure to the notice, saying where it failed', () => {
    // Act
    const notification = describePipelineExecution(started, enrichment({ execution: { status: 'Failed' }, failure }));

    // Assess
    expect(notification.notices).toEqual(['This run has since failed in stage Deploy, action Deploy.']);
    expect(notification).toMatchObject({ status: 'info', color: '#36C5F0' });
    expect(notification.fallbackText).toBe('▶️ Pipeline myPipeline started (this run has since failed)');
    expect(sectionTexts(notification).map(([heading]) => heading)).toEqual(['Source revision']);
  });

  it('says when a failed run has since succeeded, as a retry of the failed stage does', () => {
    // Act
    const notification = describePipelineExecution(failedRule, enrichment({ execution: { status: 'Succeeded' } }));

    // Assess
    expect(notification.status).toBe('failure');
    expect(notification.notices).toEqual(['This run has since succeeded.']);
  });

  it('turns what could not be fetched into sentences', () => {
    // Prepare
    const known = enrichment({
      revisions: [],
      missing: ['the execution’s source revisions: throttled (ThrottlingException)', 'the failing action: access denied (AccessDeniedException).'],
    });

    // Act
    const notification = describePipelineExecution(started, known);

    // Assess
    expect(notification.notices).toEqual([
      'Could not fetch the execution’s source revisions: throttled (ThrottlingException).',
      'Could not fetch the failing action: access denied (AccessDeniedException).',
    ]);
  });

  it.each([
    ['resumed', 'info', '▶️ Pipeline myPipeline resumed'],
    ['canceled', 'warning', '⏹️ Pipeline myPipeline was canceled'],
    ['superseded', 'info', '⏭️ Pipeline myPipeline was superseded by a newer run'],
    ['stopped', 'warning', '⏹️ Pipeline myPipeline stopped'],
    ['stopping', 'warning', '⏹️ Pipeline myPipeline is stopping'],
    ['abandoned', 'warning', '⏹️ Pipeline myPipeline was abandoned'],
    ['unknown', 'info', 'ℹ️ Pipeline myPipeline is paused for review'],
  ] as const)('reads state %s as %s', (state, status, title) => {
    // Act
    const notification = describePipelineExecution({ ...started, state, rawState: 'PAUSED_FOR_REVIEW' }, undefined);

    // Assess
    expect(notification).toMatchObject({ status, title });
  });
});
