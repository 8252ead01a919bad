import type { ChatMention } from '@herald/model';

/** A Discord snowflake id. */
const SNOWFLAKE = /^\d{17,20}$/;
/** Discord accepts at most this many ids in each of `allowed_mentions.users` and `.roles`. */
const MAX_IDS = 100;

/** The mentions a message carries: the markup for `content` and exactly the ids it may ping. */
export interface DiscordMentions {
  content: string;
  users: string[];
  roles: string[];
}

/**
 * The mentions Discord can render, each once, in order, in at most `max` characters of content: users
 * `<@id>`, roles `<@&id>` (group mentions). Ids that are not snowflakes are dropped, and so are whole
 * mentions past `max` or past 100 of a kind. `undefined` when none is left.
 *
 * @example
 * ```ts
 * discordMentions([{ kind: 'user', id: '80351110224678912' }, { kind: 'group', id: 'everyone' }], 2000);
 * // { content: '<@80351110224678912>', users: ['80351110224678912'], roles: [] }
 * ```
 */
export function discordMentions(mentions: readonly ChatMention[] | undefined, max: number): DiscordMentions | undefined {
  const users: string[] = [];
  const roles: string[] = [];
  const shown: string[] = [];
  let length = 0;
  for (const mention of mentions ?? []) {
    if (!SNOWFLAKE.test(mention.id)) continue;
    const ids = mention.kind === 'user' ? users : roles;
    if (ids.includes(mention.id) || ids.length >= MAX_IDS) continue;
    const markup = mention.kind === 'user' ? `<@${mention.id}>` : `<@&${mention.id}>`;
    const cost = (shown.length > 0 ? 1 : 0) + markup.length;
    if (length + cost > max) break;
    ids.push(mention.id);
    shown.push(markup);
    length += cost;
  }
  return shown.length > 0 ? { content: shown.join(' '), users, roles } : undefined;
}
