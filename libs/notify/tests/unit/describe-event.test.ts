import type { DevEvent, Enrichment, Inline, Notification, PushEnrichment } from '@herald/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultHeraldConfig, describeEvent, statusColors } from '../../src/index.ts';

const config = defaultHeraldConfig();

const linkUrls = (n: Notification) =>
  [...n.fields.flatMap((f) => f.value), ...n.sections.flatMap((s) => [...(s.heading ?? []), ...s.lines.flat(), ...s.lists.flatMap((l) => l.items.flat())]), ...n.context]
    .filter((inline): inline is Extract<Inline, { type: 'link' }> => inline.type === 'link')
    .map((inline) => inline.url);

const oneOfEach: DevEvent[] = [
  { kind: 'codecommit.push', via: 'trigger', region: 'us-east-1', repository: 'test', isTest: false, references: [] },
  { kind: 'codedeploy.deployment', via: 'trigger', region: 'eu-west-2', application: 'app', deploymentId: 'd-1', status: 'failed', rawStatus: 'FAILED' },
  { kind: 'codedeploy.instance', via: 'trigger', region: 'us-east-2', deploymentId: 'd-1', instanceId: 'i-1', status: 'succeeded', rawStatus: 'Succeeded', lifecycleEvents: [] },
  { kind: 'codepipeline.execution', via: 'eventbridge', level: 'pipeline', region: 'us-east-1', pipeline: 'p', executionId: 'e', state: 'started', rawState: 'STARTED' },
  { kind: 'codepipeline.approval', region: 'us-east-1', pipeline: 'p', stage: 's', action: 'a' },
  { kind: 'codebuild.build', via: 'eventbridge', region: 'us-west-2', project: 'b', buildId: 'b:1', status: 'stopped', rawStatus: 'STOPPED' },
  { kind: 'codecommit.pull-request', via: 'eventbridge', region: 'us-east-2', repository: 'r', pullRequestId: '1', event: 'pullRequestCreated', merged: false },
  { kind: 'codecommit.comment', via: 'eventbridge', region: 'us-east-2', repository: 'r', on: 'commit', commitId: 'abc' },
];

describe('describeEvent', () => {
  it.each(oneOfEach.map((event) => [event.kind, event] as const))('describes a %s event', (kind, event) => {
    // Act
    const notification = describeEvent(event, undefined, config);

    // Assess
    expect(notification.eventKind).toBe(kind);
    expect(notification.title.trim()).not.toBe('');
  });

  it('passes each enrichment to the description of its own kind only', () => {
    // Prepare
    const [, deployment, , execution] = oneOfEach;
    const push: PushEnrichment = { kind: 'codecommit.push', references: [] };
    const pipeline: Enrichment = { kind: 'codepipeline.execution', revisions: [], execution: { status: 'Succeeded' }, missing: ['x'] };

    // Act
    const deploymentWithPush = describeEvent(deployment!, push, config);
    const executionWithPipeline = describeEvent(execution!, pipeline, config);

    // Assess
    expect(deploymentWithPush.notices).toEqual([]);
    expect(executionWithPipeline.notices).toEqual(['This run has since succeeded.', 'Could not fetch x.']);
  });
});

/** Free text people write (messages, bodies, summaries): may span lines. */
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', ' ', '<!channel>', '@here', 'a\nb\r\nc', 'https://evil.example'));
/** Names and ids AWS sends: one line, otherwise anything. */
const anyName = anyText.map((value) => value.replace(/[\r\n]/g, ' '));
const anyTime = fc.option(
  fc.oneof(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), anyText),
  { nil: undefined },
);
const anyRegion = fc.oneof(fc.constantFrom('us-east-1', 'eu-west-2', 'ap-southeast-2'), anyName);
const optional = <T,>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const anyUrl = optional(fc.oneof(fc.webUrl(), anyText, fc.constant('javascript:alert(1)')));
const drop = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;

const anyDeployment = fc
  .record({
    region: anyRegion,
    time: anyTime,
    application: anyName,
    deploymentGroup: optional(anyName),
    deploymentId: anyName,
    status: fc.constantFrom('created', 'started', 'succeeded', 'failed', 'stopped', 'ready', 'unknown' as const),
    rawStatus: anyName,
    createTime: anyTime,
    completeTime: anyTime,
    error: optional(fc.record({ code: optional(anyName), message: optional(anyText) }).map(drop)),
    rollback: optional(fc.record({ message: optional(anyText), triggeringDeploymentId: optional(anyName), rollbackDeploymentId: optional(anyName) }).map(drop)),
  })
  .map((fields): DevEvent => drop({ kind: 'codedeploy.deployment', via: 'trigger', ...fields }));

const anyExecution = fc
  .record({
    region: anyRegion,
    time: anyTime,
    level: fc.constantFrom('pipeline', 'stage', 'action' as const),
    pipeline: anyName,
    executionId: anyName,
    state: fc.constantFrom('started', 'succeeded', 'failed', 'canceled', 'superseded', 'resumed', 'stopped', 'stopping', 'abandoned', 'unknown' as const),
    rawState: anyName,
    stage: optional(anyName),
    action: optional(anyName),
    trigger: optional(fc.record({ type: optional(anyName), detail: optional(anyName) }).map(drop)),
    result: optional(fc.record({ summary: optional(anyText), url: anyUrl, errorCode: optional(anyName) }).map(drop)),
    failedActions: optional(fc.array(fc.record({ stage: optional(anyName), action: anyName, info: optional(anyText) }).map(drop), { maxLength: 3 })),
    sourceRevisions: optional(fc.array(fc.record({ action: optional(anyName), revisionId: optional(anyName), summary: optional(anyText), url: anyUrl }).map(drop), { maxLength: 3 })),
  })
  .map((fields): DevEvent => drop({ kind: 'codepipeline.execution', via: 'eventbridge', ...fields }));

const anyOther = fc.oneof(
  fc.record({ region: anyRegion, time: anyTime, pipeline: anyName, stage: anyName, action: anyName, expires: anyTime, reviewUrl: anyUrl, approveUrl: anyUrl, consoleUrl: anyUrl, externalEntityLink: anyUrl, customData: optional(anyText) })
    .map((fields): DevEvent => drop({ kind: 'codepipeline.approval', ...fields })),
  fc.record({ region: anyRegion, time: anyTime, project: anyName, buildId: anyName, status: fc.constantFrom('in-progress', 'succeeded', 'failed', 'stopped', 'timed-out', 'fault', 'unknown' as const), rawStatus: anyName, phase: optional(fc.record({ name: anyName, status: optional(anyName), reason: optional(anyText) }).map(drop)), logUrl: anyUrl, initiator: optional(anyName), sourceVersion: optional(anyName) })
    .map((fields): DevEvent => drop({ kind: 'codebuild.build', via: 'eventbridge', ...fields })),
  fc.record({ region: anyRegion, time: anyTime, repository: anyName, pullRequestId: anyName, event: anyName, title: optional(anyName), description: optional(anyText), status: optional(fc.constantFrom('open', 'closed' as const)), merged: fc.boolean(), sourceReference: optional(anyName), destinationReference: optional(anyName), sourceCommit: optional(anyName) })
    .map((fields): DevEvent => drop({ kind: 'codecommit.pull-request', via: 'eventbridge', ...fields })),
  fc.record({ region: anyRegion, time: anyTime, repository: anyName, on: fc.constantFrom('pull-request', 'commit' as const), pullRequestId: optional(anyName), commitId: optional(anyName), notificationBody: optional(anyText) })
    .map((fields): DevEvent => drop({ kind: 'codecommit.comment', via: 'eventbridge', ...fields })),
  fc.record({ region: anyRegion, time: anyTime, deploymentId: anyName, instanceId: anyName, status: fc.constantFrom('created', 'started', 'succeeded', 'failed', 'stopped', 'ready', 'unknown' as const), rawStatus: anyName, lifecycleEvents: fc.array(fc.record({ name: anyName, status: anyName, startTime: anyTime, endTime: anyTime }).map(drop), { maxLength: 4 }) })
    .map((fields): DevEvent => drop({ kind: 'codedeploy.instance', via: 'trigger', ...fields })),
);

const anyPipelineEnrichment: fc.Arbitrary<Enrichment | undefined> = optional(
  fc.record({
    revisions: fc.array(fc.record({ revisionId: optional(anyName), title: optional(anyName), body: optional(anyText), url: anyUrl, branch: optional(anyName) }).map(drop), { maxLength: 2 }),
    execution: optional(fc.record({ status: optional(fc.oneof(fc.constantFrom('InProgress', 'Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded'), anyName)), startTime: anyTime, endTime: anyTime }).map(drop)),
    failure: optional(fc.record({ stage: optional(anyName), action: optional(anyName), code: optional(anyName), message: optional(anyText), externalUrl: anyUrl, logUrl: anyUrl }).map(drop)),
    missing: fc.array(anyText, { maxLength: 2 }),
  }).map((fields): Enrichment => drop({ kind: 'codepipeline.execution', ...fields })),
);

describe('describeEvent properties', () => {
  it('describes any event with a title, its status colour, only web links and no line break inside a body line', () => {
    // Prepare
    const property = fc.property(fc.oneof(anyDeployment, anyExecution, anyOther), anyPipelineEnrichment, (event, enrichment) => {
      // Act
      const notification = describeEvent(event, enrichment, config);

      // Assess
      expect(notification.title.trim()).not.toBe('');
      expect(notification.fallbackText.startsWith(notification.title)).toBe(true);
      expect(notification.color).toBe(statusColors[notification.status]);
      for (const url of [notification.url, ...linkUrls(notification)]) expect(url ?? 'https://').toMatch(/^https?:\/\//);
      for (const section of notification.sections) {
        for (const inline of section.lines.flat()) expect(inline.text).not.toMatch(/[\r\n]/);
      }
      expect(notification.notices.every((notice) => /^[A-Z].*[.!?]$/su.test(notice))).toBe(true);
    });

    // Act + Assess
    fc.assert(property, { numRuns: 300 });
  });

  it('never calls a pipeline event current when its run has since ended otherwise', () => {
    // Prepare
    const property = fc.property(anyExecution, fc.constantFrom('Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded'), (event, status) => {
      const enrichment: Enrichment = { kind: 'codepipeline.execution', revisions: [], execution: { status }, missing: [] };
      if (event.kind !== 'codepipeline.execution') return;
      const sameEnd = event.state.replace('canceled', 'cancelled') === status.toLowerCase();

      // Act
      const notification = describeEvent(event, enrichment, config);

      // Assess
      expect(notification.notices.some((notice) => notice.startsWith('This run has since '))).toBe(!sameEnd);
      expect(notification.fallbackText.includes('(this run has since ')).toBe(!sameEnd);
    });

    // Act + Assess
    fc.assert(property, { numRuns: 200 });
  });
});
