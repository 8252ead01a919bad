export { formatDiscordMessage, discordFormatter } from './format-discord-message.ts';
export type { DiscordAllowedMentions, DiscordWebhookPayload } from './format-discord-message.ts';
export { escapeDiscordText } from './escape.ts';
export { DISCORD_LIMITS } from './limits.ts';
