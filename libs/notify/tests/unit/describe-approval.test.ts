import type { ApprovalEvent, Inline, Line, Notification } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { describeApproval } from '../../src/index.ts';

const lineText = (line: Line) => line.map((inline: Inline) => inline.text).join('');
const field = (n: Notification, label: string) => {
  const found = n.fields.find((candidate) => candidate.label === label);
  return found ? lineText(found.value) : undefined;
};
const sectionLinks = (n: Notification) =>
  n.sections
    .flatMap((s) => s.lines.flat())
    .filter((inline): inline is Extract<Inline, { type: 'link' }> => inline.type === 'link')
    .map((inline) => [inline.text, inline.url]);

const CONSOLE = 'https://console.aws.amazon.com/codesuite/codepipeline/pipelines/tf-jenkins-update-apply-pipeline/view?region=us-east-1';
const APPROVAL_PAGE = `${CONSOLE}#/Approval/Approval/approve/db70b4c2-89a9-4257-aa81-6c4d3cfa064b`;
const PLAN_LOGS =
  'https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logStream:group=/aws/codebuild/tf-jenkins-update-plan;streamFilter=typeLogStreamPrefix';

/** As the parser reads `codepipeline-manual-approval-sns-lambda.json` (the SNS `approvalReviewLink` as `reviewUrl`). */
const approval: ApprovalEvent = {
  kind: 'codepipeline.approval',
  region: 'us-east-1',
  time: '2021-09-29T17:37:37.563Z',
  eventId: 'a4dfec92-3bea-5bac-8887-b55c9d4b9264',
  pipeline: 'tf-jenkins-update-apply-pipeline',
  stage: 'Approval',
  action: 'Approval',
  token: 'db70b4c2-89a9-4257-aa81-6c4d3cfa064b',
  expires: '2021-10-06T17:37:00.000Z',
  reviewUrl: APPROVAL_PAGE,
  consoleUrl: CONSOLE,
  externalEntityLink: PLAN_LOGS,
  customData: 'CustomData',
};

describe('describeApproval', () => {
  it('says what waits for approval and until when', () => {
    // Act
    const notification = describeApproval(approval);

    // Assess
    expect(notification.title).toBe('✋ Approval needed: tf-jenkins-update-apply-pipeline, stage Approval, action Approval');
    expect(notification.fallbackText).toBe(`${notification.title}; expires 2021-10-06 17:37 UTC`);
    expect(notification).toMatchObject({ status: 'warning', color: '#ECB22E', eventKind: 'codepipeline.approval' });
    expect(field(notification, 'Pipeline')).toBe('tf-jenkins-update-apply-pipeline');
    expect(field(notification, 'Stage')).toBe('Approval');
    expect(field(notification, 'Action')).toBe('Approval');
    expect(field(notification, 'Expires')).toBe('2021-10-06 17:37 UTC (in about 7 days)');
    expect(lineText(notification.context)).toBe('us-east-1 · 2021-09-29 17:37 UTC');
  });

  it('links what to review and the console’s approval page, which the title opens too', () => {
    // Act
    const notification = describeApproval(approval);

    // Assess
    expect(notification.url).toBe(APPROVAL_PAGE);
    expect(sectionLinks(notification)).toEqual([
      ['Review', PLAN_LOGS],
      ['Approve or reject', APPROVAL_PAGE],
    ]);
  });

  it('uses an explicit approve link, and the review link as sent', () => {
    // Prepare
    const event: ApprovalEvent = { ...approval, reviewUrl: 'https://plans.example.com/42', approveUrl: APPROVAL_PAGE };

    // Act
    const notification = describeApproval(event);

    // Assess
    expect(sectionLinks(notification)).toEqual([
      ['Review', 'https://plans.example.com/42'],
      ['Approve or reject', APPROVAL_PAGE],
      ['Details', PLAN_LOGS],
    ]);
  });

  it('sends the approver to the console link when there is no approve link', () => {
    // Prepare
    const event: ApprovalEvent = { ...approval, reviewUrl: 'https://plans.example.com/42' };

    // Act
    const notification = describeApproval(event);

    // Assess
    expect(notification.url).toBe(CONSOLE);
    expect(sectionLinks(notification)).toContainEqual(['Approve or reject', CONSOLE]);
  });

  it('builds the pipeline’s console link when the message has no link at all', () => {
    // Prepare
    const bare: ApprovalEvent = { kind: 'codepipeline.approval', region: 'eu-west-1', pipeline: 'shop', stage: 'Prod', action: 'Sign-off' };

    // Act
    const notification = describeApproval(bare);

    // Assess
    const pipelinePage = 'https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/shop/view?region=eu-west-1';
    expect(notification.url).toBe(pipelinePage);
    expect(sectionLinks(notification)).toEqual([['Approve or reject', pipelinePage]]);
    expect(field(notification, 'Expires')).toBeUndefined();
    expect(notification.fallbackText).toBe('✋ Approval needed: shop, stage Prod, action Sign-off');
  });

  it('shows the custom data as plain lines and never a link made from it', () => {
    // Prepare
    const event: ApprovalEvent = { ...approval, customData: 'Check the plan first.\nhttps://evil.example/approve' };

    // Act
    const notification = describeApproval(event);

    // Assess
    const comments = notification.sections.find((s) => s.heading && lineText(s.heading) === 'Comments');
    expect(comments?.lines).toEqual([
      [{ type: 'text', text: 'Check the plan first.' }],
      [{ type: 'text', text: 'https://evil.example/approve' }],
    ]);
  });

  it('says when the expiry has already passed', () => {
    // Act
    const notification = describeApproval({ ...approval, time: '2021-10-07T00:00:00.000Z' });

    // Assess
    expect(field(notification, 'Expires')).toBe('2021-10-06 17:37 UTC (already passed)');
  });
});
