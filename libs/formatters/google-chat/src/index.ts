export { formatGoogleChatMessage, googleChatFormatter } from './format-google-chat-message.ts';
export type { Button, ButtonList, Card, CardSection, DecoratedText, GoogleChatWebhookPayload, TextParagraph, Widget } from './card.ts';
export { escapeGoogleChatHtml, escapeGoogleChatText } from './escape.ts';
export { googleChatMentions } from './mentions.ts';
export { GOOGLE_CHAT_LIMITS } from './limits.ts';
export { googleChatPayloadLimits, googleChatPayloadProblems } from './payload-limits.ts';
