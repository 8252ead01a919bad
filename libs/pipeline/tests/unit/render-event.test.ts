import type { CodeCommitPushEvent, PushEnrichment } from '@herald/model';
import { defaultHeraldConfig, parseHeraldConfig } from '@herald/notify';
import { listFixtures, loadFixture } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { renderEvent, type EventEnricher } from '../../src/index.ts';
import { discordProblems, slackProblems } from '../support/chat-limits.ts';

const codeCommitFixtures = [
  ...listFixtures('codecommit', 'codecommit-trigger-'),
  ...listFixtures('codecommit', 'codecommit-eventbridge-reference-'),
];
const otherSourceFixtures = [
  ...listFixtures('codecommit', 'codecommit-eventbridge-pull-request-'),
  ...listFixtures('codecommit', 'codecommit-eventbridge-comment-'),
  ...listFixtures('codedeploy'),
  ...listFixtures('codepipeline'),
  ...listFixtures('codebuild'),
  ...listFixtures('codestar-notifications'),
];

const problemsOf = (type: string, payload: unknown) => (type === 'slack' ? slackProblems(payload) : discordProblems(payload));

describe('renderEvent', () => {
  it.each(codeCommitFixtures)('renders %s for Slack and Discord within limits', async (fixture) => {
    // Act
    const { messages, rejected, events } = await renderEvent(loadFixture(fixture), { config: defaultHeraldConfig() });

    // Assess
    expect(rejected).toEqual([]);
    expect(messages.map((message) => message.target)).toEqual(['slack', 'discord']);
    const event = events[0] as CodeCommitPushEvent;
    for (const message of messages) {
      expect(problemsOf(message.type, message.payload)).toEqual([]);
      const body = JSON.stringify(message.payload);
      expect(body).toContain(event.repository);
      for (const reference of event.references) expect(body).toContain(reference.name);
    }
  });

  it.each(otherSourceFixtures)('renders %s for Slack and Discord within limits', async (fixture) => {
    // Act
    const { messages, rejected, events } = await renderEvent(loadFixture(fixture), { config: defaultHeraldConfig() });

    // Assess
    expect(rejected).toEqual([]);
    expect(events).toHaveLength(1);
    expect(messages.map((message) => message.target)).toEqual(['slack', 'discord']);
    for (const message of messages) expect(problemsOf(message.type, message.payload)).toEqual([]);
  });

  it('mentions the configured people on a failure, and only them', async () => {
    // Prepare
    const config = parseHeraldConfig({
      targets: { team: { type: 'slack' }, ops: { type: 'discord' } },
      routes: [
        { targets: ['team'], mentionOnFailure: [{ group: 'S0ONCALL' }] },
        { targets: ['ops'], mentionOnFailure: [{ user: '123456789012345678' }] },
      ],
    });

    // Act
    const failed = await renderEvent(loadFixture('codepipeline/codepipeline-eventbridge-pipeline-failed-awsdocs.json'), { config });
    const succeeded = await renderEvent(loadFixture('codepipeline/codepipeline-eventbridge-pipeline-succeeded-awsdocs.json'), {
      config,
    });

    // Assess
    const [slack, discord] = failed.messages.map((message) => JSON.stringify(message.payload));
    expect(slack).toContain('<!subteam^S0ONCALL>');
    expect(discord).toContain('<@123456789012345678>');
    expect(JSON.parse(discord!)).toMatchObject({ allowed_mentions: { users: ['123456789012345678'] } });
    for (const message of succeeded.messages) {
      expect(JSON.stringify(message.payload)).not.toMatch(/subteam|<@\d/);
    }
  });

  it('renders only the target asked for', async () => {
    const { messages } = await renderEvent(loadFixture(codeCommitFixtures[0]!), {
      config: defaultHeraldConfig(),
      onlyTargets: ['discord'],
    });
    expect(messages.map((message) => message.type)).toEqual(['discord']);
  });

  it('follows the routes of the config', async () => {
    // Prepare
    const config = parseHeraldConfig({
      targets: { releases: { type: 'slack' }, all: { type: 'discord' } },
      routes: [{ targets: ['releases'], match: { tags: ['v*'] } }, { targets: ['all'] }],
    });

    // Act
    const tag = await renderEvent(loadFixture('codecommit/codecommit-trigger-sns-http-tag-create.json'), { config });
    const branch = await renderEvent(loadFixture('codecommit/codecommit-trigger-sns-http-branch-create.json'), { config });

    // Assess
    expect(tag.messages.map((message) => message.target)).toEqual(['releases', 'all']);
    expect(branch.messages.map((message) => message.target)).toEqual(['all']);
  });

  it('reports input that is not an event, rendering nothing for it', async () => {
    const { messages, rejected } = await renderEvent({ hello: 'world' }, { config: defaultHeraldConfig() });
    expect(messages).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).not.toContain('\n');
  });

  it('still renders when the enricher throws', async () => {
    const enrich: EventEnricher = () => Promise.reject(new Error('boom'));
    const { messages } = await renderEvent(loadFixture(codeCommitFixtures[0]!), { config: defaultHeraldConfig(), enrich });
    expect(messages).toHaveLength(2);
  });
});

describe('renderEvent with hostile and huge input', () => {
  const hostile = '<!channel> <!here|here> @everyone @here <@U024BE7LH> <https://evil.example|click> [click](https://evil.example) https://evil.example *_~` &lt; "\\ \u0000';
  const branch = `${hostile} `.repeat(4).slice(0, 256);

  const trigger = (references: Array<{ ref: string; commit: string; created?: boolean; deleted?: boolean }>) => ({
    Records: [
      {
        awsRegion: 'eu-west-1',
        codecommit: { references },
        customData: hostile,
        eventId: 'hostile-1',
        eventName: 'ReferenceChanges',
        eventPartNumber: 1,
        eventSource: 'aws:codecommit',
        eventSourceARN: 'arn:aws:codecommit:eu-west-1:123456789012:repo-<!channel>',
        eventTime: '2024-05-01T10:00:00.000+0000',
        eventTotalParts: 1,
        eventTriggerConfigId: 'x',
        eventTriggerName: 'x',
        eventVersion: '1.0',
        userIdentityARN: `arn:aws:sts::123456789012:assumed-role/Role/${hostile.slice(0, 60)}`,
      },
    ],
  });

  const hugeEnrichment: EventEnricher = async (event) => {
    const push = event as CodeCommitPushEvent;
    const enrichment: PushEnrichment = {
      kind: 'codecommit.push',
      references: push.references.map((reference) => ({
        fullName: reference.fullName,
        commit: {
          commitId: reference.commitId ?? 'f'.repeat(40),
          title: `${hostile} `.repeat(50),
          body: `${hostile}\n`.repeat(100_000 / hostile.length),
          author: { name: hostile, email: 'a@b.c', date: '2024-05-01T10:00:00.000Z' },
          parents: ['a'.repeat(40), 'b'.repeat(40)],
        },
        files: {
          files: Array.from({ length: 10_000 }, (_, i) => ({ path: `${hostile}/${i}.ts`, change: 'modified' as const })),
          counts: { added: 0, modified: 10_000, deleted: 0 },
          total: 10_000,
          totalIsLowerBound: false,
          comparedWith: 'a'.repeat(40),
        },
        log: {
          commits: Array.from({ length: 30 }, (_, i) => ({ commitId: `${i}`.padStart(40, 'c'), title: hostile, body: '', parents: [] })),
          truncated: true,
        },
        missing: [hostile],
      })),
    };
    return enrichment;
  };

  it('keeps a push with 10,000 files, a 100 KB message and a 256-character branch safe and within limits', async () => {
    // Act
    const { messages } = await renderEvent(trigger([{ ref: `refs/heads/${branch}`, commit: 'd'.repeat(40) }]), {
      config: defaultHeraldConfig(),
      enrich: hugeEnrichment,
    });

    // Assess
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(problemsOf(message.type, message.payload)).toEqual([]);
      expect(JSON.stringify(message.payload)).toMatch(/…and \d+ more files/);
    }
  });

  it('keeps a push of 50 references safe and within limits, saying how many were left out', async () => {
    // Prepare
    const references = Array.from({ length: 50 }, (_, i) => ({
      ref: i % 2 ? `refs/tags/${hostile.slice(0, 40)}-${i}` : `refs/heads/${branch.slice(0, 200)}-${i}`,
      commit: `${i}`.padStart(40, 'e'),
      ...(i % 5 === 0 ? { deleted: true } : { created: true }),
    }));

    // Act
    const { messages } = await renderEvent(trigger(references), { config: defaultHeraldConfig(), enrich: hugeEnrichment });

    // Assess
    for (const message of messages) {
      expect(problemsOf(message.type, message.payload)).toEqual([]);
      expect(JSON.stringify(message.payload)).toMatch(/…and \d+ more references/);
    }
  });
});
