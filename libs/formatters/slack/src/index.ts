export { formatSlackMessage, slackFormatter } from './format-slack-message.ts';
export type { SlackAttachment, SlackWebhookPayload } from './format-slack-message.ts';
export { escapeSlackText } from './escape.ts';
export { SLACK_LIMITS } from './limits.ts';
