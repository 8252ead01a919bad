import type { ChatFormatter, ChatTargetType } from '@herald/model';
import { discordFormatter } from '@herald/formatter-discord';
import { googleChatFormatter } from '@herald/formatter-google-chat';
import { slackFormatter } from '@herald/formatter-slack';
import { teamsFormatter } from '@herald/formatter-teams';

/** Every chat product Herald can format for, by the `type` written in config (see `chatTargetTypes`). */
export const chatFormatters: Readonly<Record<ChatTargetType, ChatFormatter>> = {
  slack: slackFormatter,
  discord: discordFormatter,
  teams: teamsFormatter,
  'google-chat': googleChatFormatter,
};

export function formatterFor(type: string): ChatFormatter {
  const formatter = (chatFormatters as Record<string, ChatFormatter | undefined>)[type];
  if (!formatter) throw new Error(`no formatter for chat target type "${type}"`);
  return formatter;
}
