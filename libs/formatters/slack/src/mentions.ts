import type { ChatMention } from '@herald/model';

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const GROUP_ID = /^S[A-Z0-9]{2,}$/;

function markupOf(mention: ChatMention): string | undefined {
  if (mention.kind === 'user' && USER_ID.test(mention.id)) return `<@${mention.id}>`;
  if (mention.kind === 'group' && GROUP_ID.test(mention.id)) return `<!subteam^${mention.id}>`;
  return undefined;
}

/**
 * The mentions Slack can render, as markup joined by spaces in at most `max` characters: users
 * `<@U…>`/`<@W…>`, user groups `<!subteam^S…>`, each once, in order. Ids of another form are dropped, and
 * so are whole mentions past `max`.
 *
 * @example
 * ```ts
 * slackMentions([{ kind: 'user', id: 'U024BE7LH' }, { kind: 'group', id: 'S0614TZR7' }, { kind: 'user', id: '@here' }], 1000);
 * // '<@U024BE7LH> <!subteam^S0614TZR7>'
 * ```
 */
export function slackMentions(mentions: readonly ChatMention[] | undefined, max: number): string {
  const shown: string[] = [];
  let length = 0;
  for (const mention of mentions ?? []) {
    const markup = markupOf(mention);
    if (markup === undefined || shown.includes(markup)) continue;
    const cost = (shown.length > 0 ? 1 : 0) + markup.length;
    if (length + cost > max) break;
    shown.push(markup);
    length += cost;
  }
  return shown.join(' ');
}
