import { Buffer } from 'node:buffer';
import { DISCORD_LIMITS, type DiscordWebhookPayload } from '@herald/formatter-discord';
import { googleChatPayloadLimits } from '@herald/formatter-google-chat';
import { SLACK_LIMITS, type SlackWebhookPayload } from '@herald/formatter-slack';
import { teamsPayloadLimits } from '@herald/formatter-teams';
import type { ChatTargetType } from '@herald/model';
import { parseHeraldConfig } from '@herald/notify';
import { listFixtures, loadFixture, startWebhookSink } from '@herald/testing';
import { describeChatTargetContract, type ChatTargetLimits } from '@herald/testing/contract';
import { describe, expect, it } from 'vitest';
import { chatFormatters, deliverMessages, renderEvent } from '../../src/index.ts';

/** Neither Slack nor Discord documents a JSON body size: a ceiling well above what their text limits allow. */
const UNDOCUMENTED_BODY_BYTES = 64_000;

/**
 * What each registered chat target promises about its payloads; `nx g @herald/tools:chat-target` adds the new
 * target's. Slack and Discord show code spans literally (and Discord its footer), so those are left out before
 * looking for markup; Discord does not link bare domains.
 */
const payloadLimits: Record<ChatTargetType, ChatTargetLimits> = {
  slack: {
    maxBodyBytes: UNDOCUMENTED_BODY_BYTES,
    check: (payload) => slackLimitProblems(payload as SlackWebhookPayload),
    unsafePatterns: [/<[!@#a-z]/i, /@(?:channel|here|everyone)\b/],
    linksBareDomains: true,
    markup: (payload) => withoutCodeSpans(payload, /`[^`\n]*`/g),
  },
  discord: {
    maxBodyBytes: UNDOCUMENTED_BODY_BYTES,
    check: (payload) => discordLimitProblems(payload as DiscordWebhookPayload),
    unsafePatterns: [/@(?:everyone|here)\b/, /<(?:@[!&]?|#|\/[\w -]+:)\d/, /\]\(/],
    linksBareDomains: false,
    markup: (payload) => withoutCodeSpans(payload, /(?<!\\)`[^`]*`/g, 'footer'),
  },
  teams: teamsPayloadLimits,
  'google-chat': googleChatPayloadLimits,
};

/**
 * The payload serialized as the product reads it for markup: the inside of every code span blanked out, and so is
 * the object under `plainKey` (Discord shows its footer as plain text).
 */
function withoutCodeSpans(payload: unknown, codeSpan: RegExp, plainKey?: string): string {
  return JSON.stringify(payload, (key, value: unknown) => {
    if (key === plainKey) return null;
    return typeof value === 'string' ? value.replace(codeSpan, (span) => `\`${'·'.repeat(span.length - 2)}\``) : value;
  });
}

/** Slack's documented Block Kit limits and the ceilings the Slack formatter keeps (see `SLACK_LIMITS`). */
function slackLimitProblems(payload: SlackWebhookPayload): string[] {
  const problems: string[] = [];
  const blocks = payload.attachments.flatMap((attachment) => attachment.blocks);
  if (payload.text.trim() === '' || payload.text.length > SLACK_LIMITS.messageText) problems.push(`text of ${payload.text.length}`);
  if (blocks.length > SLACK_LIMITS.blocks) problems.push(`${blocks.length} blocks`);
  let total = 0;
  for (const block of blocks) {
    const texts =
      block.type === 'context'
        ? block.elements.flatMap((element) => ('text' in element ? [element.text] : []))
        : [...(block.text ? [block.text.text] : []), ...(block.fields ?? []).map((field) => field.text)];
    total += texts.reduce((sum, text) => sum + text.length, 0);
    if (block.type === 'context' && block.elements.length > SLACK_LIMITS.contextElements) problems.push('context elements');
    if (block.type === 'section' && (block.text?.text.length ?? 0) > SLACK_LIMITS.sectionText) problems.push('section text');
    const fields = block.type === 'section' ? (block.fields ?? []) : [];
    if (fields.length > SLACK_LIMITS.sectionFields) problems.push('section fields');
    if (fields.some((field) => field.text.length > SLACK_LIMITS.fieldText)) problems.push('field text');
  }
  if (total > SLACK_LIMITS.blockTextTotal) problems.push(`block text ${total}`);
  return problems;
}

/** Discord's documented embed limits (see `DISCORD_LIMITS`), and no mention ever parsed from text. */
function discordLimitProblems(payload: DiscordWebhookPayload): string[] {
  const problems: string[] = [];
  if ((payload.allowed_mentions.parse ?? []).length > 0) problems.push('allowed_mentions parses mentions from text');
  if ((payload.content?.length ?? 0) > DISCORD_LIMITS.content) problems.push('content');
  if (payload.embeds.length > DISCORD_LIMITS.embeds) problems.push(`${payload.embeds.length} embeds`);
  let total = 0;
  const measure = (what: string, text: string | undefined, max: number): void => {
    total += text?.length ?? 0;
    if ((text?.length ?? 0) > max) problems.push(`${what} of ${text?.length}`);
  };
  for (const embed of payload.embeds) {
    measure('title', embed.title, DISCORD_LIMITS.title);
    measure('description', embed.description, DISCORD_LIMITS.description);
    measure('footer', embed.footer?.text, DISCORD_LIMITS.footerText);
    measure('author', embed.author?.name, DISCORD_LIMITS.authorName);
    if ((embed.fields ?? []).length > DISCORD_LIMITS.fields) problems.push('fields');
    for (const field of embed.fields ?? []) {
      measure('field name', field.name, DISCORD_LIMITS.fieldName);
      measure('field value', field.value, DISCORD_LIMITS.fieldValue);
    }
  }
  if (total > DISCORD_LIMITS.embedsTotal) problems.push(`embeds total ${total}`);
  return problems;
}

const PUSH_FIXTURE = 'codecommit/codecommit-trigger-sns-http-push.json';

const eventFixtures = ['codecommit', 'codedeploy', 'codepipeline', 'codebuild', 'codestar-notifications', 'sns'].flatMap((folder) =>
  listFixtures(folder),
);

for (const [type, formatter] of Object.entries(chatFormatters)) {
  const limits = payloadLimits[type as ChatTargetType];

  describeChatTargetContract(formatter, limits);

  describe(`the ${type} chat target with the shipped AWS events`, () => {
    const config = parseHeraldConfig({ targets: { chat: { type } } });

    it.each(eventFixtures)('renders every event of %s within its limits', async (fixture) => {
      // Act
      const { events, messages } = await renderEvent(loadFixture(fixture), { config });

      // Assess
      expect(messages).toHaveLength(events.length);
      for (const { payload } of messages) {
        expect(limits.check(payload)).toEqual([]);
        expect(Buffer.byteLength(JSON.stringify(payload), 'utf8')).toBeLessThanOrEqual(limits.maxBodyBytes);
      }
    });
  });
}

describe.each(Object.keys(chatFormatters))('the %s chat target delivered by the shared delivery code', (type) => {
  it('waits what a 429 asks, retries it and a 5xx, then posts the exact payload', async () => {
    // Prepare
    const sink = await startWebhookSink();
    sink.respondWith([{ status: 429, headers: { 'retry-after': '2' } }, { status: 503 }, { status: 200 }]);
    const { messages } = await renderEvent(loadFixture(PUSH_FIXTURE), { config: parseHeraldConfig({ targets: { chat: { type } } }) });
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => {
      waits.push(ms);
    };

    // Act
    const delivery = deliverMessages(messages, async () => sink.urlFor('/webhook'), { sleep, random: () => 0 });
    const report = await delivery.finally(() => sink.close());

    // Assess
    expect(report).toEqual({ delivered: ['chat'], failed: [], deliveredMessages: messages });
    expect(sink.requests.map((request) => request.body)).toEqual([messages[0]?.payload, messages[0]?.payload, messages[0]?.payload]);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
  });
});
