/**
 * Every chat product Herald formats for, by the `type` written in config and on the CLI. Each has a
 * formatter library registered in `@herald/pipeline`; adding one is `nx g @herald/tools:chat-target`.
 */
export const chatTargetTypes = ['slack', 'discord', 'teams', 'google-chat'] as const;

export type ChatTargetType = (typeof chatTargetTypes)[number];
