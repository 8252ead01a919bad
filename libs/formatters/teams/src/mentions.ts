import type { ChatMention } from '@herald/model';
import type { MentionEntity } from './adaptive-card.ts';
import { TEAMS_LIMITS } from './limits.ts';

const USER_PRINCIPAL_NAME = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+$/;
const OBJECT_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/**
 * The mention entities for the people a route asked to mention: each notifies through `<at>id</at>` in the
 * card's text plus an entity in `msteams.entities`. An id is a user principal name (`alice@contoso.com`) or a
 * Microsoft Entra (Azure AD) object id, with or without hyphens. Groups are dropped (a card posted by a webhook
 * can only mention people), and so is any id in neither form; each person is mentioned once, at most
 * `TEAMS_LIMITS.mentions` of them.
 *
 * @example
 * ```ts
 * teamsMentionEntities([{ kind: 'user', id: 'alice@contoso.com' }]);
 * // [{ type: 'mention', text: '<at>alice@contoso.com</at>', mentioned: { id: 'alice@contoso.com', name: 'alice@contoso.com' } }]
 * ```
 */
export function teamsMentionEntities(mentions: readonly ChatMention[]): MentionEntity[] {
  const ids = new Set<string>();
  for (const mention of mentions) {
    const id = mention.kind === 'user' ? teamsUserId(mention.id) : undefined;
    if (id) ids.add(id);
  }
  return [...ids]
    .slice(0, TEAMS_LIMITS.mentions)
    .map((id) => ({ type: 'mention', text: `<at>${id}</at>`, mentioned: { id, name: id } }));
}

function teamsUserId(raw: string): string | undefined {
  if (raw.length <= 128 && USER_PRINCIPAL_NAME.test(raw)) return raw;
  if (!OBJECT_ID.test(raw)) return undefined;
  const hex = raw.replaceAll('-', '').toLowerCase();
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}
