import { Buffer } from 'node:buffer';
import type { CardElement, OpenUrlAction, TeamsWebhookPayload } from './adaptive-card.ts';
import { TEAMS_LIMITS } from './limits.ts';

const STYLES = new Set(['good', 'attention', 'warning', 'accent']);

/**
 * Every limit of {@link TEAMS_LIMITS} the payload breaks, and anything Teams would refuse or render wrongly: the
 * envelope, blank or overlong texts, non-http links, mention tags without their entity and entities without
 * their tag. Empty: acceptable.
 *
 * @example
 * ```ts
 * teamsPayloadProblems(formatTeamsMessage(notification)); // []
 * ```
 */
export function teamsPayloadProblems(payload: TeamsWebhookPayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  const bytes = Buffer.byteLength(JSON.stringify(payload), 'utf8');
  check(bytes <= TEAMS_LIMITS.maxBodyBytes, `body ${bytes} bytes > ${TEAMS_LIMITS.maxBodyBytes}`);
  check(payload.type === 'message' && payload.attachments.length === 1, 'one message with one attachment');
  const [attachment] = payload.attachments;
  check(attachment.contentType === 'application/vnd.microsoft.card.adaptive', `content type ${attachment.contentType}`);
  const card = attachment.content;
  check(card.type === 'AdaptiveCard' && card.version === '1.4' && card.msteams.width === 'Full', 'an Adaptive Card 1.4 at full width');
  const fallbackText = card.fallbackText;
  check(fallbackText.trim() !== '' && fallbackText.length <= TEAMS_LIMITS.fallbackText, `fallbackText of ${fallbackText.length}`);
  check(card.body.length > 0, 'empty body');
  for (const action of card.actions ?? []) actionProblems(action, check);
  const texts = card.body.flatMap((element) => elementProblems(element, check));
  const entities = card.msteams.entities ?? [];
  check(entities.length <= TEAMS_LIMITS.mentions, `${entities.length} mentions > ${TEAMS_LIMITS.mentions}`);
  const tags = texts.flatMap((text) => text.match(/<at>[^<]*<\/at>/g) ?? []);
  for (const entity of entities) check(tags.includes(entity.text), `mention ${entity.text} missing from the text`);
  for (const tag of tags) check(entities.some((entity) => entity.text === tag), `${tag} without a mention entity`);
  for (const text of [card.fallbackText, ...texts]) {
    const clean = text.isWellFormed() && !/[\p{Cc}\u2028\u2029]/u.test(text);
    check(clean, `control character or lone surrogate in ${JSON.stringify(text.slice(0, 40))}`);
  }
  return problems;
}

/** Checks one element and those inside it; returns every text it carries. */
function elementProblems(element: CardElement, check: (ok: boolean, problem: string) => void): string[] {
  switch (element.type) {
    case 'TextBlock':
      check(element.text.trim() !== '', 'blank TextBlock');
      check(element.text.length <= TEAMS_LIMITS.textBlock, `TextBlock of ${element.text.length}`);
      return [element.text];
    case 'FactSet':
      check(element.facts.length > 0 && element.facts.length <= TEAMS_LIMITS.facts, `${element.facts.length} facts`);
      for (const fact of element.facts) {
        check(fact.title.length <= TEAMS_LIMITS.factTitle, `fact title of ${fact.title.length}`);
        check(fact.value.trim() !== '' && fact.value.length <= TEAMS_LIMITS.factValue, `fact value of ${fact.value.length}`);
      }
      return element.facts.flatMap((fact) => [fact.title, fact.value]);
    case 'Container':
      check(element.items.length > 0, 'empty Container');
      if (element.selectAction) actionProblems(element.selectAction, check);
      check(element.style === undefined || STYLES.has(element.style), `container style ${element.style}`);
      return element.items.flatMap((item) => elementProblems(item, check));
  }
}

function actionProblems(action: OpenUrlAction, check: (ok: boolean, problem: string) => void): void {
  const linkable = /^https?:\/\/\S+$/.test(action.url) && action.url.length <= TEAMS_LIMITS.url;
  check(linkable, `action URL ${JSON.stringify(action.url.slice(0, 40))}`);
  check(action.title.trim() !== '', 'blank action title');
}

/**
 * What the Teams target promises about every payload, for the chat target contract: the byte budget, the
 * checks above, and the syntax untrusted text never forms — mention tags (`<at>`), Markdown links (`](`),
 * HTML or entities (`<`, `&`), mail links (`@`) and URLs (`://`; the card's own `$schema` aside).
 *
 * @example
 * ```ts
 * describeChatTargetContract(teamsFormatter, teamsPayloadLimits);
 * ```
 */
export const teamsPayloadLimits = {
  maxBodyBytes: TEAMS_LIMITS.maxBodyBytes,
  check: teamsPayloadProblems,
  unsafePatterns: [
    /<at\b/i,
    /\]\(/,
    /<(?!\u2060)/,
    /&(?!\u2060)/,
    /@(?!\u2060)/,
    /:\/\/(?!adaptivecards\.io\/schemas\/adaptive-card\.json")/,
  ] as readonly RegExp[],
  linksBareDomains: true,
};
