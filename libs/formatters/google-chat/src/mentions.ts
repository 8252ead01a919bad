import type { ChatMention } from '@herald/model';
import { GOOGLE_CHAT_LIMITS } from './limits.ts';

const USER_ID = /^\d{1,32}$/;

/**
 * The mentions of the people a route asked to mention, as Google Chat writes them in the message text:
 * `<users/{id}>`, where the id is the numeric id of a Google Chat user. Groups are dropped (a webhook message can
 * mention people or `<users/all>`, which Herald never sends), and so is any id that is not a user id; each person
 * is mentioned once, at most `GOOGLE_CHAT_LIMITS.mentions` of them.
 *
 * @example
 * ```ts
 * googleChatMentions([{ kind: 'user', id: '123456789012345678901' }]); // ['<users/123456789012345678901>']
 * ```
 */
export function googleChatMentions(mentions: readonly ChatMention[]): string[] {
  const ids = new Set(mentions.flatMap((mention) => (mention.kind === 'user' && USER_ID.test(mention.id) ? [mention.id] : [])));
  return [...ids].slice(0, GOOGLE_CHAT_LIMITS.mentions).map((id) => `<users/${id}>`);
}
