import type { BuildEvent, Inline, Line, Notification } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { describeBuild } from '../../src/index.ts';

const lineText = (line: Line) => line.map((inline: Inline) => inline.text).join('');
const fieldLine = (n: Notification, label: string) => n.fields.find((candidate) => candidate.label === label)?.value;
const field = (n: Notification, label: string) => {
  const value = fieldLine(n, label);
  return value ? lineText(value) : undefined;
};
const sectionTexts = (n: Notification) => n.sections.map((s) => [s.heading ? lineText(s.heading) : '', ...s.lines.map(lineText)]);

const BUILD_ARN = 'arn:aws:codebuild:us-west-2:123456789012:build/my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX';
const BUILD_PAGE =
  'https://us-west-2.console.aws.amazon.com/codesuite/codebuild/projects/my-sample-project/build/my-sample-project%3A8745a7a9-c340-456a-9166-edf953571bEX';
const DEEP_LINK =
  'https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#logEvent:group=/aws/codebuild/my-sample-project;stream=8745a7a9-c340-456a-9166-edf953571bEX';

/** As the parser reads `codebuild-eventbridge-build-state-change-awsdocs.json`. */
const succeeded: BuildEvent = {
  kind: 'codebuild.build',
  via: 'eventbridge',
  region: 'us-west-2',
  account: '123456789012',
  time: '2017-09-01T16:14:28.000Z',
  eventId: 'c030038d-8c4d-6141-9545-00ff7b7153EX',
  project: 'my-sample-project',
  buildId: BUILD_ARN,
  status: 'succeeded',
  rawStatus: 'SUCCEEDED',
  logUrl: DEEP_LINK,
  initiator: 'MyCodeBuildDemoUser',
};

const failedInBuild: BuildEvent = {
  ...succeeded,
  status: 'failed',
  rawStatus: 'FAILED',
  initiator: 'codepipeline/myPipeline',
  sourceVersion: 'f7ec85262da48e2b15d03037b138963c5a89d39f',
  phase: { name: 'BUILD', status: 'FAILED', reason: 'COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1' },
};

describe('describeBuild', () => {
  it('says which build of which project succeeded, who started it, and links its page and logs', () => {
    // Act
    const notification = describeBuild(succeeded);

    // Assess
    expect(notification.title).toBe('✅ Build my-sample-project 8745a7a9 succeeded');
    expect(notification).toMatchObject({ status: 'success', color: '#2EB67D', eventKind: 'codebuild.build' });
    expect(notification.url).toBe(`${BUILD_PAGE}?region=us-west-2`);
    expect(field(notification, 'Project')).toBe('my-sample-project');
    expect(fieldLine(notification, 'Build')).toEqual([{ type: 'link', text: '8745a7a9', url: `${BUILD_PAGE}?region=us-west-2` }]);
    expect(field(notification, 'Started by')).toBe('MyCodeBuildDemoUser');
    expect(fieldLine(notification, 'Logs')).toEqual([{ type: 'link', text: 'Build logs', url: DEEP_LINK }]);
    expect(lineText(notification.context)).toBe('us-west-2 · 2017-09-01 16:14 UTC');
  });

  it('builds the log link from the build ARN when the event has none', () => {
    // Prepare
    const withoutLogs: BuildEvent = { ...succeeded, region: 'eu-west-1' };
    delete withoutLogs.logUrl;

    // Act
    const notification = describeBuild(withoutLogs);

    // Assess
    expect(fieldLine(notification, 'Logs')).toEqual([{ type: 'link', text: 'Build logs', url: `${BUILD_PAGE}/log?region=us-west-2` }]);
  });

  it('reads a build id without ARN in the event region', () => {
    // Act
    const notification = describeBuild({ ...succeeded, region: 'eu-west-1', buildId: 'api:0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', project: 'api' });

    // Assess
    expect(notification.title).toBe('✅ Build api 0b1c2d3e succeeded');
    expect(notification.url).toBe(
      'https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/projects/api/build/api%3A0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0?region=eu-west-1',
    );
  });

  it('names the phase that failed and why, and the source version', () => {
    // Act
    const notification = describeBuild(failedInBuild);

    // Assess
    expect(notification.title).toBe('❌ Build my-sample-project 8745a7a9 failed in phase BUILD');
    expect(notification.fallbackText).toBe(
      '❌ Build my-sample-project 8745a7a9 failed in phase BUILD: COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1',
    );
    expect(notification).toMatchObject({ status: 'failure', color: '#E01E5A' });
    expect(sectionTexts(notification)).toEqual([
      ['Failure', 'Failed in phase BUILD:', 'COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1'],
    ]);
    expect(field(notification, 'Source version')).toBe('f7ec852');
    expect(field(notification, 'Started by')).toBe('codepipeline/myPipeline');
  });

  it('says how a phase of a running build ended', () => {
    // Act
    const notification = describeBuild({ ...succeeded, status: 'in-progress', rawStatus: 'IN_PROGRESS', phase: { name: 'PROVISIONING', status: 'SUCCEEDED' } });

    // Assess
    expect(notification.title).toBe('▶️ Build my-sample-project 8745a7a9: phase PROVISIONING succeeded');
    expect(notification).toMatchObject({ status: 'info', color: '#36C5F0' });
    expect(sectionTexts(notification)).toEqual([['Phase', 'Phase PROVISIONING succeeded.']]);
  });

  it.each([
    ['in-progress', 'IN_PROGRESS', 'info', '▶️ Build my-sample-project 8745a7a9 is in progress'],
    ['timed-out', 'TIMED_OUT', 'failure', '⏱️ Build my-sample-project 8745a7a9 timed out'],
    ['fault', 'FAULT', 'failure', '❌ Build my-sample-project 8745a7a9 failed with a CodeBuild fault'],
    ['stopped', 'STOPPED', 'warning', '⏹️ Build my-sample-project 8745a7a9 stopped'],
    ['unknown', 'QUEUED', 'info', 'ℹ️ Build my-sample-project 8745a7a9 is queued'],
  ] as const)('reads status %s (%s) as %s', (status, rawStatus, expected, title) => {
    // Act
    const notification = describeBuild({ ...succeeded, status, rawStatus });

    // Assess
    expect(notification).toMatchObject({ status: expected, title });
  });
});
