import { Buffer } from 'node:buffer';
import type { GoogleChatWebhookPayload, Widget } from './card.ts';
import { GOOGLE_CHAT_LIMITS } from './limits.ts';

/** Any tag but the ones this formatter writes: `<b>`, `<br>` and `<a href="http(s)://…">`. */
const OTHER_TAG = /<(?!\/?b>|br>|a href="https?:\/\/[^"<>\s]+">|\/a>)[a-z/!?]/i;

/**
 * Every limit of {@link GOOGLE_CHAT_LIMITS} the payload breaks, and anything Google Chat would refuse or render
 * wrongly: the envelope, blank or overlong texts, sections without widgets, tags it does not know, non-http
 * links. Empty: acceptable.
 *
 * @example
 * ```ts
 * googleChatPayloadProblems(formatGoogleChatMessage(notification)); // []
 * ```
 */
export function googleChatPayloadProblems(payload: GoogleChatWebhookPayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  const limits = GOOGLE_CHAT_LIMITS;
  const bytes = Buffer.byteLength(JSON.stringify(payload), 'utf8');
  check(bytes <= limits.maxBodyBytes, `body ${bytes} bytes > ${limits.maxBodyBytes}`);
  const textBytes = Buffer.byteLength(payload.text, 'utf8');
  check(payload.text.trim() !== '' && textBytes <= limits.textBytes, `text of ${textBytes} bytes`);
  check(payload.cardsV2.length === 1 && payload.cardsV2[0].cardId !== '', 'one card with an id');
  const { header, sections } = payload.cardsV2[0].card;
  check(header.title.trim() !== '' && header.title.length <= limits.title, `header title of ${header.title.length}`);
  check((header.subtitle ?? '').length <= limits.subtitle, `header subtitle of ${header.subtitle?.length}`);
  check(sections.length > 0 && sections.every((section) => section.widgets.length > 0), 'a section without widgets');
  const widgets = sections.flatMap((section) => section.widgets);
  check(widgets.length <= limits.widgets, `${widgets.length} widgets > ${limits.widgets}`);
  const cardTexts = widgets.flatMap((widget) => widgetTexts(widget, check));
  for (const text of cardTexts) check(!OTHER_TAG.test(text), `unexpected tag in ${JSON.stringify(text.slice(0, 40))}`);
  for (const text of [payload.text, header.title, header.subtitle ?? '', ...cardTexts]) {
    const clean = text.isWellFormed() && !/[\p{Cc}\u2028\u2029]/u.test(text);
    check(clean, `control character or lone surrogate in ${JSON.stringify(text.slice(0, 40))}`);
  }
  return problems;
}

/** Checks one widget; returns the card HTML it carries. */
function widgetTexts(widget: Widget, check: (ok: boolean, problem: string) => void): string[] {
  if ('textParagraph' in widget) {
    check(widget.textParagraph.text.trim() !== '', 'blank paragraph');
    return [widget.textParagraph.text];
  }
  if ('decoratedText' in widget) {
    const { topLabel = '', text } = widget.decoratedText;
    check(topLabel.length <= GOOGLE_CHAT_LIMITS.fieldLabel, `field label of ${topLabel.length}`);
    check(text.trim() !== '' && text.length <= GOOGLE_CHAT_LIMITS.fieldValue, `field value of ${text.length}`);
    return [topLabel, text];
  }
  for (const button of widget.buttonList.buttons) {
    const { url } = button.onClick.openLink;
    check(button.text.trim() !== '', 'blank button');
    check(/^https?:\/\/\S+$/.test(url) && url.length <= GOOGLE_CHAT_LIMITS.url, `button URL ${JSON.stringify(url.slice(0, 40))}`);
  }
  return [];
}

/**
 * What the Google Chat target promises about every payload, for the chat target contract: the byte budget, the
 * checks above, and the syntax untrusted text never forms — `<users/…>` mentions, `<a href>` and `<url|label>`
 * links, any other tag or entity, mail links (`@`) and URLs (`://`).
 *
 * @example
 * ```ts
 * describeChatTargetContract(googleChatFormatter, googleChatPayloadLimits);
 * ```
 */
export const googleChatPayloadLimits = {
  maxBodyBytes: GOOGLE_CHAT_LIMITS.maxBodyBytes,
  check: googleChatPayloadProblems,
  unsafePatterns: [
    /<users\//i,
    /<a[\s>]/i,
    /<(?!\u2060|\/?b>|br>)/,
    /&(?!amp;|lt;|gt;|\u2060)/,
    /@(?!\u2060)/,
    /:\/\//,
  ] as readonly RegExp[],
  linksBareDomains: true,
};
