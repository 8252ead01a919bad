import type { ChatFormatter, FormatOptions, Line, Notification, NotificationField, NotificationStatus } from '@herald/model';
import type { APIEmbed, APIEmbedField, RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { safeDiscordUrl, sanitize } from './escape.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { discordMentions } from './mentions.ts';
import { renderLine } from './render-line.ts';
import { moreLine, shareFairly, renderSectionText, type SectionStyle } from '@herald/formatter-kit';

/**
 * Who a message may ping: nobody (`parse: []`), or exactly the users and roles it mentions. Discord rejects
 * `parse` together with `users` or `roles`, so a message has one form or the other.
 */
export type DiscordAllowedMentions = { parse: [] } | { users: string[]; roles: string[] };

/**
 * The body of a POST to a Discord execute-webhook URL: one embed, and no mention can ping but the ones
 * in `content`, which come from config.
 */
export type DiscordWebhookPayload = RESTPostAPIWebhookWithTokenJSONBody & {
  embeds: APIEmbed[];
  allowed_mentions: DiscordAllowedMentions;
};

/** Below this many characters a section is not worth showing; it is counted in "…and N more" instead. */
const MIN_SECTION = 150;
const LINE_MAX = 1000;
const FIELDS_MAX = 2000;
const FOOTER_MAX = 500;
const NOTICES_MAX = 1000;
const NOTE_MAX = 120;
const SEPARATOR = '\n\n';
/** Discord rejects an empty field name or value; a zero-width space is the conventional blank. */
const BLANK = '\u200b';

const STATUS_COLORS: Record<NotificationStatus, number> = {
  success: 0x2eb67d,
  failure: 0xe01e5a,
  warning: 0xecb22e,
  info: 0x36c5f0,
};

const style: SectionStyle = {
  heading: (line, max) => renderLine(line, max, { bold: true }),
  line: (line, max) => renderLine(line, max),
  bullet: '- ',
  lineMax: LINE_MAX,
};

/**
 * Lays a Notification out as a Discord execute-webhook body: one embed with the linked title, colour,
 * fields, the sections and notices as description, the context as footer, and `allowed_mentions` that
 * suppresses every ping. Every documented limit holds; what does not fit is cut with `…` or counted in
 * "…and N more".
 *
 * `options.mentions` (trusted, from config) are the only mentions that can ping: users `<@id>` and roles
 * `<@&id>` go in `content`, and `allowed_mentions` lists exactly their ids. Untrusted text never forms one.
 *
 * @example
 * ```ts
 * const body = formatDiscordMessage(notification, { mentions: [{ kind: 'group', id: '222222222222222222' }] });
 * await fetch(`${webhookUrl}?wait=true`, { method: 'POST', body: JSON.stringify(body) });
 * ```
 */
export function formatDiscordMessage(n: Notification, options: FormatOptions = {}): DiscordWebhookPayload {
  const title = renderLine(firstVisible(n.title, n.fallbackText, n.eventKind), DISCORD_LIMITS.title);
  const url = n.url === undefined ? undefined : safeDiscordUrl(n.url);
  const fields = embedFields(n.fields);
  const footer = renderLine(n.context, FOOTER_MAX, { plain: true });
  const fieldsLength = fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  const room = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedsTotal - title.length - fieldsLength - footer.length);
  const description = descriptionOf(n, room);
  const timestamp = isoTime(n.timestamp);
  const embed: APIEmbed = {
    title,
    ...(url ? { url } : {}),
    color: /^#[0-9a-f]{6}$/i.test(n.color) ? Number.parseInt(n.color.slice(1), 16) : STATUS_COLORS[n.status],
    ...(isVisible(description) ? { description } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(isVisible(footer) ? { footer: { text: footer } } : {}),
    ...(timestamp ? { timestamp } : {}),
  };
  const mentions = discordMentions(options.mentions, DISCORD_LIMITS.content);
  if (!mentions) return { embeds: [embed], allowed_mentions: { parse: [] } };
  return { content: mentions.content, embeds: [embed], allowed_mentions: { users: mentions.users, roles: mentions.roles } };
}

/**
 * The Discord target as the routing config names it.
 *
 * @example
 * ```ts
 * const body = discordFormatter.format(notification, { mentions });
 * ```
 */
export const discordFormatter: ChatFormatter<DiscordWebhookPayload> = { type: 'discord', format: formatDiscordMessage };

function embedFields(fields: readonly NotificationField[]): APIEmbedField[] {
  const shown = fields.length > DISCORD_LIMITS.fields ? fields.slice(0, DISCORD_LIMITS.fields - 1) : fields;
  const dropped = fields.length - shown.length;
  const note: APIEmbedField[] =
    dropped > 0 ? [{ name: BLANK, value: renderLine(moreLine(dropped, 'fields'), NOTE_MAX), inline: false }] : [];
  const noteLength = note.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  const share = Math.floor((FIELDS_MAX - noteLength) / Math.max(1, shown.length));
  const rendered = shown.flatMap((field): APIEmbedField[] => {
    const name = orBlank(renderLine([{ type: 'text', text: field.label }], Math.min(DISCORD_LIMITS.fieldName, Math.ceil(share / 3))));
    const value = orBlank(renderLine(field.value, Math.min(DISCORD_LIMITS.fieldValue, share - name.length)));
    return name === BLANK && value === BLANK ? [] : [{ name, value, inline: field.short }];
  });
  return [...rendered, ...note];
}

/**
 * Sections, the "…and N more" line for the ones left out, and the notices, separated by blank lines.
 * Notices are laid out first so they always show; sections share what is left, fairly.
 */
function descriptionOf(n: Notification, max: number): string {
  const items = n.notices.map((notice): Line => [{ type: 'text', text: notice }]);
  const notices = renderSectionText({ lines: [], lists: [{ items, omitted: 0, noun: 'notices' }] }, Math.min(NOTICES_MAX, max), {
    ...style,
    bullet: '⚠️ ',
  });
  const noun = n.omittedSections?.noun ?? 'sections';
  const omitted = n.omittedSections?.count ?? 0;
  const worstNote = renderLine(moreLine(omitted + n.sections.length, noun), NOTE_MAX);
  const room = max - notices.length - SEPARATOR.length - worstNote.length - SEPARATOR.length;
  const shown = n.sections.slice(0, Math.max(0, Math.floor(room / MIN_SECTION)));
  const sectionsRoom = room - SEPARATOR.length * Math.max(0, shown.length - 1);
  const shares = shareFairly(
    shown.map((s) => renderSectionText(s, sectionsRoom, style).length),
    sectionsRoom,
  );
  const sections = shown.map((s, i) => renderSectionText(s, shares[i] ?? 0, style));
  const dropped = omitted + n.sections.length - shown.length;
  const note = dropped > 0 ? renderLine(moreLine(dropped, noun), NOTE_MAX) : '';
  return [...sections, note, notices].filter(isVisible).join(SEPARATOR);
}

function isoTime(value: string | undefined): string | undefined {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  const date = new Date(time);
  return Number.isFinite(time) && date.getUTCFullYear() >= 0 && date.getUTCFullYear() <= 9999 ? date.toISOString() : undefined;
}

function firstVisible(...candidates: string[]): Line {
  const text = candidates.find((c) => isVisible(sanitize(c))) ?? '…';
  return [{ type: 'text', text }];
}

function isVisible(text: string): boolean {
  return text.trim() !== '';
}

function orBlank(text: string): string {
  return isVisible(text) ? text : BLANK;
}
